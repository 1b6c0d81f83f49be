#include "core/error.hpp"
#include "core/scan_options.hpp"

#include <gtest/gtest.h>

#include <regex>

using cartridge::glob_to_pattern;
using cartridge::parse_scan_options;

namespace {
bool matches(const std::string& regex, const std::string& text) {
    return std::regex_search(text, std::regex(regex, std::regex::extended));
}
}  // namespace

TEST(ScanOptions, EmptyObjectMeansDefaults) {
    auto options = parse_scan_options("{}");
    EXPECT_TRUE(options.profile);
    EXPECT_TRUE(options.include.empty());
    EXPECT_TRUE(options.exclude.empty());
}

TEST(ScanOptions, ProfileFalseTurnsProfilingOff) {
    EXPECT_FALSE(parse_scan_options(R"({"profile": false})").profile);
}

TEST(ScanOptions, ProfileObjectIsKeptForTheProfiler) {
    auto options = parse_scan_options(R"({"profile": {"sample_rows": 500}})");
    EXPECT_TRUE(options.profile);
    EXPECT_EQ(options.profile_options["sample_rows"], 500);
}

TEST(ScanOptions, UnknownKeyIsAnErrorListingAcceptedKeys) {
    try {
        parse_scan_options(R"({"profiel": false})");
        FAIL() << "expected an error";
    } catch (const cartridge::Error& e) {
        EXPECT_EQ(e.sqlstate(), "22023");
        EXPECT_NE(std::string(e.what()).find("profiel"), std::string::npos);
        EXPECT_NE(e.hint().find("exclude, include, profile"), std::string::npos);
    }
}

TEST(ScanOptions, WrongTypesAreErrors) {
    EXPECT_THROW(parse_scan_options(R"({"profile": "yes"})"), cartridge::Error);
    EXPECT_THROW(parse_scan_options(R"({"include": 3})"), cartridge::Error);
    EXPECT_THROW(parse_scan_options(R"({"include": [""]})"), cartridge::Error);
    EXPECT_THROW(parse_scan_options(R"([1, 2])"), cartridge::Error);
    EXPECT_THROW(parse_scan_options(R"({not json)"), cartridge::Error);
}

TEST(GlobToPattern, TableOnlyPatternMatchesAnySchema) {
    auto p = glob_to_pattern("order*");
    EXPECT_TRUE(matches(p.schema_regex, "sales"));
    EXPECT_TRUE(matches(p.table_regex, "orders"));
    EXPECT_TRUE(matches(p.table_regex, "order_lines"));
    EXPECT_FALSE(matches(p.table_regex, "reorders"));
}

TEST(GlobToPattern, SchemaDotTable) {
    auto p = glob_to_pattern("sales.?x");
    EXPECT_TRUE(matches(p.schema_regex, "sales"));
    EXPECT_FALSE(matches(p.schema_regex, "sales2"));
    EXPECT_TRUE(matches(p.table_regex, "ax"));
    EXPECT_FALSE(matches(p.table_regex, "abx"));
}

TEST(GlobToPattern, RegexCharactersAreLiteral) {
    auto p = glob_to_pattern("a+b(c)");
    EXPECT_TRUE(matches(p.table_regex, "a+b(c)"));
    EXPECT_FALSE(matches(p.table_regex, "aab(c)"));
}

TEST(GlobToPattern, QuotedPartsKeepCaseAndDots) {
    auto p = glob_to_pattern(R"("My.Schema"."Big Table")");
    EXPECT_TRUE(matches(p.schema_regex, "My.Schema"));
    EXPECT_TRUE(matches(p.table_regex, "Big Table"));
    EXPECT_FALSE(matches(p.table_regex, "big table"));
    auto unquoted = glob_to_pattern("Orders");
    EXPECT_TRUE(matches(unquoted.table_regex, "orders"));
}
