#include "core/yaml_writer.hpp"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

using cartridge::yaml::Node;

namespace {

// The string yaml-cpp reads back from a one-entry document holding `value`.
std::string round_trip(const std::string& value) {
    Node doc = Node::map();
    doc.add("key", Node::text(value));
    return YAML::Load(doc.dump())["key"].as<std::string>();
}

}  // namespace

TEST(YamlWriter, WritesBlockMapsAndSequencesLikeDbtDocs) {
    Node doc = Node::map();
    doc.add("version", Node::integer(2));
    Node& models = doc.add("models", Node::seq());
    Node& model = models.push(Node::map());
    model.add("name", Node::text("stg_shop__orders"));
    Node& tests = model.add("data_tests", Node::seq());
    tests.push(Node::text("unique"));
    Node& rel = tests.push(Node::map()).add("relationships", Node::map()).add("arguments", Node::map());
    rel.add("to", Node::text("ref('stg_shop__customer')"));
    doc.add("paths", Node::flow_seq()).push(Node::text("models"));
    Node& fresh = doc.add("warn_after", Node::flow_map());
    fresh.add("count", Node::integer(1));
    fresh.add("period", Node::text("day"));
    doc.add("empty", Node::seq());
    EXPECT_EQ(doc.dump(),
              "version: 2\n"
              "models:\n"
              "  - name: stg_shop__orders\n"
              "    data_tests:\n"
              "      - unique\n"
              "      - relationships:\n"
              "          arguments:\n"
              "            to: ref('stg_shop__customer')\n"
              "paths: [models]\n"
              "warn_after: {count: 1, period: day}\n"
              "empty: []\n");
    YAML::Node parsed = YAML::Load(doc.dump());
    EXPECT_EQ(parsed["models"][0]["data_tests"][1]["relationships"]["arguments"]["to"].as<std::string>(),
              "ref('stg_shop__customer')");
    EXPECT_EQ(parsed["warn_after"]["count"].as<int>(), 1);
}

TEST(YamlWriter, KeepsPlainOnlyWhatYaml11ReadsAsTheSameString) {
    for (const char* plain : {"customer_id", "Full name, as typed", "ref('x')", "a-b (c) d/e."})
        EXPECT_TRUE(cartridge::yaml::plain_is_safe(plain)) << plain;
    for (const char* quoted : {"yes", "No", "ON", "off", "y", "true", "Null", "1.0", "2024-01-01", "0x1f", "",
                               " lead", "trail ", "a: b", "a #b", "-dash", "[x]", "{x}", "*ref", "&anchor",
                               "!tag", "%dir", "@at", "`tick", "|", ">", "'q'", "\"q\"", "~", "caf\xc3\xa9"})
        EXPECT_FALSE(cartridge::yaml::plain_is_safe(quoted)) << quoted;
}

TEST(YamlWriter, RoundTripsAwkwardStringsThroughYamlCpp) {
    const std::string samples[] = {
        "yes", "1.0", "a: b # c", "say \"hi\"", "back\\slash", "tab\there", "line\nbreak", "crlf\r\n",
        "bell\x07", "del\x7f", "gr\xc3\xb6\xc3\x9f" "e", "\xe6\x97\xa5\xe6\x9c\xac", "emoji \xf0\x9f\x98\x80",
        "{{ jinja }}", "{% raw %}", "- not a list", "? not a key", "trailing space ", "  leading"};
    for (const std::string& s : samples)
        EXPECT_EQ(round_trip(s), s) << s;
}

TEST(YamlWriter, EscapesYamlLineBreaksAndNonPrintableCharacters) {
    EXPECT_EQ(cartridge::yaml::double_quoted("a\xc2\x85" "b"), "\"a\\u0085b\"");
    EXPECT_EQ(cartridge::yaml::double_quoted("a\xe2\x80\xa8" "b"), "\"a\\u2028b\"");
    EXPECT_EQ(cartridge::yaml::double_quoted("\xef\xbb\xbf"), "\"\\uFEFF\"");
    EXPECT_EQ(cartridge::yaml::double_quoted("\xc2\x9b"), "\"\\u009B\"");
    EXPECT_EQ(cartridge::yaml::double_quoted("\x01"), "\"\\x01\"");
    // Invalid UTF-8 cannot be represented: it becomes U+FFFD rather than break the file.
    EXPECT_EQ(cartridge::yaml::double_quoted("bad\xff"), "\"bad\xef\xbf\xbd\"");
    EXPECT_EQ(round_trip("a\xc2\x85" "b\xe2\x80\xa9" "c"), "a\xc2\x85" "b\xe2\x80\xa9" "c");
}
