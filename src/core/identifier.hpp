// SQL identifiers and dbt names for generated projects.
//
// Quoting follows PostgreSQL's quote_identifier() rule exactly: a name stays bare only when
// it is lower-case ASCII letters, digits and underscores, does not start with a digit, and
// is not a keyword other than an unreserved one. The core cannot call the server, so the
// keyword set is data: src/pg passes the running server's own list (read from ScanKeywords,
// so a newer server's new keywords are honoured); without a server (unit tests, benchmarks)
// the PostgreSQL 15 list embedded here is used.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace cartridge {

// PostgreSQL's identifier length limit (NAMEDATALEN - 1).
inline constexpr std::size_t max_identifier_bytes = 63;

class SqlQuoter {
public:
    // Quotes with PostgreSQL 15's keywords.
    SqlQuoter();
    // Quotes with the given non-unreserved keywords (lower case).
    explicit SqlQuoter(const std::vector<std::string>& keywords);

    bool needs_quotes(std::string_view name) const;
    // The name as it must appear in SQL: bare when possible, else in double quotes with
    // embedded double quotes doubled.
    std::string quote(std::string_view name) const;
    // Always quoted (what dbt-postgres does for relation names).
    static std::string force_quote(std::string_view name);

private:
    std::unordered_set<std::string> keywords_;
};

// PostgreSQL 15's keywords that are not unreserved (reserved, column-name and
// type/function-name keywords): those quote_identifier() quotes.
const std::vector<std::string>& postgres15_quoted_keywords();

// The name in snake_case, ASCII only: camelCase and PascalCase boundaries become '_',
// Latin letters with diacritics are transliterated (ä -> a, ß -> ss), every other character
// becomes '_', runs of '_' collapse and edges are trimmed. May be empty (e.g. "€").
std::string snake_case(std::string_view name);

// A name of at most max_bytes bytes: unchanged when it fits, else cut and ended with '_'
// and eight hex digits of a hash of the whole name, so distinct long names stay distinct.
std::string fit_identifier(const std::string& name, std::size_t max_bytes = max_identifier_bytes);

// Eight hex digits of a stable 64-bit FNV-1a hash (same on every platform and run).
std::string short_hash(std::string_view text);

// A single-quoted SQL string literal.
std::string sql_literal(std::string_view text);

// Single-quoted with a backslash before each quote and backslash: a Jinja string, and a
// value of a libpq key=value connection string.
std::string backslash_quoted(std::string_view text);

// Text placed where dbt renders Jinja (SQL files, YAML descriptions) must not open a Jinja
// tag by accident: such text is wrapped in {% raw %}...{% endraw %}.
bool looks_like_jinja(std::string_view text);
std::string jinja_safe(const std::string& text);

}  // namespace cartridge
