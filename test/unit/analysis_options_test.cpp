#include "core/analysis_options.hpp"
#include "core/error.hpp"

#include <gtest/gtest.h>

using namespace cartridge;
using nlohmann::json;

TEST(AnalysisOptions, DefaultsProfileAndInfer) {
    AnalysisOptions o = parse_analysis_options(json::object());
    EXPECT_TRUE(o.profile);
    EXPECT_TRUE(o.infer);
    EXPECT_FALSE(o.values);
    EXPECT_EQ(o.sample_rows, 10000);
    EXPECT_DOUBLE_EQ(o.min_confidence, 0.5);
}

TEST(AnalysisOptions, ReadsTheProfileObjectAndTopLevelKeys) {
    AnalysisOptions o = parse_analysis_options(json::parse(
        R"({"profile": {"sample_rows": 500, "values": true, "top_values": 3, "probe_rows": 200},
            "infer": false, "min_confidence": 0.8, "include": ["x.*"]})"));
    EXPECT_EQ(o.sample_rows, 500);
    EXPECT_TRUE(o.values);
    EXPECT_EQ(o.top_values, 3);
    EXPECT_EQ(o.probe_rows, 200);
    EXPECT_FALSE(o.infer);
    EXPECT_DOUBLE_EQ(o.min_confidence, 0.8);
    EXPECT_FALSE(parse_analysis_options(json::parse(R"({"profile": false})")).profile);
}

TEST(AnalysisOptions, UnknownProfileKeyListsTheAcceptedOnes) {
    try {
        parse_analysis_options(json::parse(R"({"profile": {"sample_row": 5}})"));
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.sqlstate(), "22023");
        EXPECT_NE(std::string(e.what()).find("profile.sample_row"), std::string::npos);
        EXPECT_EQ(e.hint(), "Accepted keys of \"profile\": probe_rows, sample_rows, top_values, values.");
    }
}

TEST(AnalysisOptions, BadValuesAreErrors) {
    for (const char* text : {R"({"profile": {"sample_rows": 5}})", R"({"profile": {"values": "yes"}})",
                             R"({"profile": 3})", R"({"infer": "no"})", R"({"min_confidence": 1.5})",
                             R"({"min_confidence": "high"})"}) {
        EXPECT_THROW(parse_analysis_options(json::parse(text)), Error) << text;
    }
}

TEST(AnalysisOptions, KeysAreSorted) {
    auto keys = analysis_option_keys();
    EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()));
    auto profile = profile_option_keys();
    EXPECT_TRUE(std::is_sorted(profile.begin(), profile.end()));
}
