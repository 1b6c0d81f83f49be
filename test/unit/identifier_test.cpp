#include "core/identifier.hpp"

#include <gtest/gtest.h>

using cartridge::SqlQuoter;

TEST(SqlQuoter, LeavesPlainLowerCaseNamesBare) {
    SqlQuoter q;
    EXPECT_EQ(q.quote("customer_id"), "customer_id");
    EXPECT_EQ(q.quote("_private"), "_private");
    EXPECT_EQ(q.quote("a1"), "a1");
}

TEST(SqlQuoter, QuotesMixedCaseSpacesDigitsUnicodeAndQuotes) {
    SqlQuoter q;
    EXPECT_EQ(q.quote("CustomerId"), "\"CustomerId\"");
    EXPECT_EQ(q.quote("first name"), "\"first name\"");
    EXPECT_EQ(q.quote("1st"), "\"1st\"");
    EXPECT_EQ(q.quote("gr\xc3\xb6\xc3\x9f" "e"), "\"gr\xc3\xb6\xc3\x9f" "e\"");
    EXPECT_EQ(q.quote("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(q.quote(""), "\"\"");
}

TEST(SqlQuoter, QuotesReservedAndColumnNameKeywordsButNotUnreservedOnes) {
    SqlQuoter q;
    for (const char* word : {"order", "user", "select", "table", "from", "group", "limit", "check",
                             "column", "integer", "between", "values", "xmltable"})
        EXPECT_EQ(q.quote(word), std::string("\"") + word + "\"") << word;
    // Unreserved keywords are valid bare column names, as quote_identifier() leaves them.
    for (const char* word : {"name", "type", "data", "key", "year", "source", "comment", "action"})
        EXPECT_EQ(q.quote(word), word) << word;
}

TEST(SqlQuoter, UsesTheKeywordListItIsGiven) {
    SqlQuoter custom(std::vector<std::string>{"widget"});
    EXPECT_TRUE(custom.needs_quotes("widget"));
    EXPECT_FALSE(custom.needs_quotes("order"));
}

TEST(SqlQuoter, EmbeddedListMatchesPostgres15Size) {
    // kwlist.h of PostgreSQL 15: 460 keywords, 151 of them not unreserved.
    EXPECT_EQ(cartridge::postgres15_quoted_keywords().size(), 151u);
}

TEST(SnakeCase, SplitsCamelAndPascalCaseAndAcronyms) {
    EXPECT_EQ(cartridge::snake_case("CustomerId"), "customer_id");
    EXPECT_EQ(cartridge::snake_case("customerID"), "customer_id");
    EXPECT_EQ(cartridge::snake_case("HTTPServerURL"), "http_server_url");
    EXPECT_EQ(cartridge::snake_case("Address2Line"), "address2_line");
    EXPECT_EQ(cartridge::snake_case("already_snake"), "already_snake");
}

TEST(SnakeCase, TurnsSeparatorsIntoSingleUnderscores) {
    EXPECT_EQ(cartridge::snake_case("First Name"), "first_name");
    EXPECT_EQ(cartridge::snake_case("  order--date  "), "order_date");
    EXPECT_EQ(cartridge::snake_case("say \"hi\""), "say_hi");
    EXPECT_EQ(cartridge::snake_case("__x__"), "x");
}

TEST(SnakeCase, TransliteratesLatinLettersAndDropsOtherScripts) {
    EXPECT_EQ(cartridge::snake_case("Gr\xc3\xb6\xc3\x9f" "e"), "grosse");
    EXPECT_EQ(cartridge::snake_case("\xc3\x84nderungsDatum"), "anderungs_datum");
    EXPECT_EQ(cartridge::snake_case("caf\xc3\xa9_cr\xc3\xa8me"), "cafe_creme");
    EXPECT_EQ(cartridge::snake_case("\xc5\x81\xc3\xb3" "d\xc5\xba"), "lodz");
    EXPECT_EQ(cartridge::snake_case("\xe6\x97\xa5\xe6\x9c\xac"), "");        // CJK
    EXPECT_EQ(cartridge::snake_case("price_\xe2\x82\xac"), "price");         // euro sign
    EXPECT_EQ(cartridge::snake_case("bad\xff" "byte"), "bad_byte");          // invalid UTF-8
}

TEST(FitIdentifier, KeepsShortNamesAndCutsLongOnesDistinctly) {
    std::string short_name(63, 'a');
    EXPECT_EQ(cartridge::fit_identifier(short_name), short_name);
    std::string a = std::string(70, 'x') + "_one";
    std::string b = std::string(70, 'x') + "_two";
    EXPECT_EQ(cartridge::fit_identifier(a).size(), 63u);
    EXPECT_NE(cartridge::fit_identifier(a), cartridge::fit_identifier(b));
    EXPECT_EQ(cartridge::fit_identifier(a), cartridge::fit_identifier(a));
}

TEST(FitIdentifier, NeverSplitsAUtf8Sequence) {
    std::string name;
    for (int i = 0; i < 40; i++)
        name += "\xc3\xa4";  // 80 bytes
    std::string fitted = cartridge::fit_identifier(name);
    EXPECT_LE(fitted.size(), 63u);
    std::string head = fitted.substr(0, fitted.size() - 9);
    EXPECT_EQ(head.size() % 2, 0u) << fitted;
}

TEST(ShortHash, IsStableAcrossRuns) {
    EXPECT_EQ(cartridge::short_hash("customer"), cartridge::short_hash("customer"));
    EXPECT_EQ(cartridge::short_hash("customer").size(), 8u);
    EXPECT_NE(cartridge::short_hash("customer"), cartridge::short_hash("customers"));
}

TEST(SqlLiteral, DoublesSingleQuotes) {
    EXPECT_EQ(cartridge::sql_literal("O'Brien"), "'O''Brien'");
}

TEST(JinjaSafe, WrapsTextThatWouldOpenATag) {
    EXPECT_EQ(cartridge::jinja_safe("plain {text}"), "plain {text}");
    EXPECT_EQ(cartridge::jinja_safe("a {{ b }}"), "{% raw %}a {{ b }}{% endraw %}");
    EXPECT_EQ(cartridge::jinja_safe("{# x"), "{% raw %}{# x{% endraw %}");
    EXPECT_EQ(cartridge::jinja_safe("{% endraw %}"), "{% raw %}{ % endraw %}{% endraw %}");
}
