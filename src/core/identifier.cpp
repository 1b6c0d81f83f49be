#include "core/identifier.hpp"

#include "core/utf8.hpp"

#include <cstdint>
#include <fmt/core.h>

namespace cartridge {

namespace {

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// ASCII spelling of the Latin letters with diacritics of Latin-1 and Latin Extended-A.
// A fixed table rather than iconv's //TRANSLIT, whose output depends on the server's
// locale: the same schema must give the same project on every server.
const char* transliterate(uint32_t cp) {
    static const char* const latin1[64] = {
        "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",
        "D", "N", "O", "O", "O", "O", "O", nullptr, "O", "U", "U", "U", "U", "Y", "TH", "ss",
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};
    struct Range {
        uint32_t first, last;
        const char* ascii;
    };
    static const Range extended_a[] = {
        {0x100, 0x105, "a"},  {0x106, 0x10D, "c"},  {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"},
        {0x11C, 0x123, "g"},  {0x124, 0x127, "h"},  {0x128, 0x131, "i"}, {0x132, 0x133, "ij"},
        {0x134, 0x135, "j"},  {0x136, 0x138, "k"},  {0x139, 0x142, "l"}, {0x143, 0x14B, "n"},
        {0x14C, 0x151, "o"},  {0x152, 0x153, "oe"}, {0x154, 0x159, "r"}, {0x15A, 0x161, "s"},
        {0x162, 0x167, "t"},  {0x168, 0x173, "u"},  {0x174, 0x175, "w"}, {0x176, 0x178, "y"},
        {0x179, 0x17E, "z"},  {0x17F, 0x17F, "s"}};
    if (cp >= 0xC0 && cp <= 0xFF)
        return latin1[cp - 0xC0];
    for (const Range& r : extended_a)
        if (cp >= r.first && cp <= r.last)
            return r.ascii;
    return nullptr;
}

}  // namespace

const std::vector<std::string>& postgres15_quoted_keywords() {
    // From src/include/parser/kwlist.h of PostgreSQL 15: every keyword whose category is
    // RESERVED_KEYWORD, COL_NAME_KEYWORD or TYPE_FUNC_NAME_KEYWORD.
    static const std::vector<std::string> keywords = {
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric",
        "authorization", "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast",
        "char", "character", "check", "coalesce", "collate", "collation", "column",
        "concurrently", "constraint", "create", "cross", "current_catalog", "current_date",
        "current_role", "current_schema", "current_time", "current_timestamp", "current_user",
        "dec", "decimal", "default", "deferrable", "desc", "distinct", "do", "else", "end",
        "except", "exists", "extract", "false", "fetch", "float", "for", "foreign", "freeze",
        "from", "full", "grant", "greatest", "group", "grouping", "having", "ilike", "in",
        "initially", "inner", "inout", "int", "integer", "intersect", "interval", "into", "is",
        "isnull", "join", "lateral", "leading", "least", "left", "like", "limit", "localtime",
        "localtimestamp", "national", "natural", "nchar", "none", "normalize", "not", "notnull",
        "null", "nullif", "numeric", "offset", "on", "only", "or", "order", "out", "outer",
        "overlaps", "overlay", "placing", "position", "precision", "primary", "real",
        "references", "returning", "right", "row", "select", "session_user", "setof", "similar",
        "smallint", "some", "substring", "symmetric", "table", "tablesample", "then", "time",
        "timestamp", "to", "trailing", "treat", "trim", "true", "union", "unique", "user",
        "using", "values", "varchar", "variadic", "verbose", "when", "where", "window", "with",
        "xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces",
        "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable"};
    return keywords;
}

SqlQuoter::SqlQuoter() : SqlQuoter(postgres15_quoted_keywords()) {}

SqlQuoter::SqlQuoter(const std::vector<std::string>& keywords)
    : keywords_(keywords.begin(), keywords.end()) {}

bool SqlQuoter::needs_quotes(std::string_view name) const {
    if (name.empty() || !(is_lower(name[0]) || name[0] == '_'))
        return true;
    for (char c : name)
        if (!(is_lower(c) || is_digit(c) || c == '_'))
            return true;
    return keywords_.count(std::string(name)) > 0;
}

std::string SqlQuoter::quote(std::string_view name) const {
    return needs_quotes(name) ? force_quote(name) : std::string(name);
}

std::string SqlQuoter::force_quote(std::string_view name) {
    std::string out;
    out.reserve(name.size() + 2);
    out += '"';
    for (char c : name) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string snake_case(std::string_view name) {
    // First to ASCII, keeping case so that camelCase boundaries survive transliteration.
    std::string ascii;
    ascii.reserve(name.size());
    for (std::size_t i = 0; i < name.size();) {
        uint32_t cp = utf8::next_code_point(name, i);
        if (cp < 0x80)
            ascii += static_cast<char>(cp);
        else if (const char* t = transliterate(cp))
            ascii += t;
        else
            ascii += ' ';
    }
    std::string out;
    out.reserve(ascii.size() + 8);
    for (std::size_t i = 0; i < ascii.size(); i++) {
        char c = ascii[i];
        if (is_upper(c)) {
            char prev = i > 0 ? ascii[i - 1] : '\0';
            char next = i + 1 < ascii.size() ? ascii[i + 1] : '\0';
            // fooBar, foo2Bar and the last capital of an acronym before a word (HTTPServer).
            if (is_lower(prev) || is_digit(prev) || (is_upper(prev) && is_lower(next)))
                out += '_';
            out += static_cast<char>(c - 'A' + 'a');
        } else if (is_lower(c) || is_digit(c)) {
            out += c;
        } else {
            out += '_';
        }
    }
    std::string collapsed;
    collapsed.reserve(out.size());
    for (char c : out)
        if (c != '_' || (!collapsed.empty() && collapsed.back() != '_'))
            collapsed += c;
    while (!collapsed.empty() && collapsed.back() == '_')
        collapsed.pop_back();
    return collapsed;
}

std::string short_hash(std::string_view text) {
    uint64_t h = 14695981039346656037ull;
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return fmt::format("{:08x}", static_cast<uint32_t>(h ^ (h >> 32)));
}

std::string fit_identifier(const std::string& name, std::size_t max_bytes) {
    if (name.size() <= max_bytes)
        return name;
    const std::string suffix = "_" + short_hash(name);
    std::size_t keep = max_bytes > suffix.size() ? max_bytes - suffix.size() : 0;
    // Never cut a UTF-8 sequence in half.
    while (keep > 0 && (static_cast<unsigned char>(name[keep]) & 0xC0) == 0x80)
        keep--;
    std::string head = name.substr(0, keep);
    while (!head.empty() && head.back() == '_')
        head.pop_back();
    return head + suffix;
}

std::string backslash_quoted(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "'";
}

std::string sql_literal(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'')
            out += '\'';
        out += c;
    }
    out += '\'';
    return out;
}

bool looks_like_jinja(std::string_view text) {
    return text.find("{{") != std::string_view::npos || text.find("{%") != std::string_view::npos ||
           text.find("{#") != std::string_view::npos;
}

std::string jinja_safe(const std::string& text) {
    if (!looks_like_jinja(text))
        return text;
    // Inside a raw block only "{% endraw" would end it early; break that one sequence.
    std::string body = text;
    for (std::size_t at = body.find("{%"); at != std::string::npos; at = body.find("{%", at + 2)) {
        std::size_t word = body.find_first_not_of(" -", at + 2);
        if (word != std::string::npos && body.compare(word, 6, "endraw") == 0)
            body.insert(at + 1, " ");
    }
    return "{% raw %}" + body + "{% endraw %}";
}

}  // namespace cartridge
