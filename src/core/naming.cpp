#include "core/naming.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace cartridge::naming {

namespace {

// Hand-written rather than a library: identifier splitting and singular forms are a few
// dozen lines, and no packaged C++ inflection library exists on Debian.

bool is_lower(char c) { return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

const std::set<std::string, std::less<>>& key_suffixes() {
    static const std::set<std::string, std::less<>> words = {
        "id", "key", "sk", "fk", "code", "cd", "no", "num", "nbr", "number", "ref", "uuid", "guid"};
    return words;
}

const std::set<std::string, std::less<>>& connectives() {
    static const std::set<std::string, std::less<>> words = {"by", "to", "via"};
    return words;
}

// Suffixes recognised when glued to the word before ("customerid", "orderkey"), longest
// first. Short ones that end many English words (sk, no) are left out.
const std::vector<std::string>& glued_suffixes() {
    static const std::vector<std::string> words = {"number", "uuid", "code", "guid", "key", "nbr", "num", "id"};
    return words;
}

// English words that end like a glued suffix but are not "<noun> + id/key".
const std::set<std::string, std::less<>>& glued_exceptions() {
    static const std::set<std::string, std::less<>> words = {
        "valid", "invalid", "rapid", "liquid", "fluid", "solid", "hybrid", "android", "humid", "vivid",
        "paid", "unpaid", "prepaid", "postpaid", "void", "avoid", "squid", "stupid", "timid", "lucid",
        "acid", "candid", "pyramid", "orchid", "morbid", "placid", "rigid", "splendid",
        "monkey", "turkey", "donkey", "hockey", "jockey", "whiskey", "hotkey", "passkey",
        "barcode", "zipcode", "postcode", "opcode", "unicode", "encode", "decode", "minimum",
        "maximum", "optimum", "premium", "podium", "medium", "stadium", "forum", "album"};
    return words;
}

const std::set<std::string, std::less<>>& table_decorations() {
    static const std::set<std::string, std::less<>> words = {
        "raw", "stg", "staging", "src", "source", "tbl", "tb", "t", "dim", "d", "fct", "fact", "f",
        "lkp", "lk", "lu", "lookup", "ref", "mst", "ods", "dw", "edw", "base", "landing", "table"};
    return words;
}

// Well-known abbreviations that are not prefixes of the word they stand for.
const std::multimap<std::string, std::string>& abbreviation_dictionary() {
    static const std::multimap<std::string, std::string> entries = {
        {"dept", "department"}, {"mgr", "manager"},      {"acct", "account"},    {"addr", "address"},
        {"amt", "amount"},      {"qty", "quantity"},     {"txn", "transaction"}, {"trx", "transaction"},
        {"xact", "transaction"}, {"pmt", "payment"},     {"pymt", "payment"},    {"org", "organization"},
        {"org", "organisation"}, {"usr", "user"},        {"cntry", "country"},   {"ctry", "country"},
        {"svc", "service"},     {"msg", "message"},      {"img", "image"},       {"pkg", "package"},
        {"grp", "group"},       {"biz", "business"},     {"whs", "warehouse"},   {"wh", "warehouse"},
        {"mfr", "manufacturer"}, {"mfg", "manufacturer"}, {"prj", "project"},    {"emp", "employee"},
        {"empl", "employee"},   {"cust", "customer"},    {"sup", "supplier"},    {"supp", "supplier"},
        {"vdr", "vendor"},      {"curr", "currency"},    {"ccy", "currency"},    {"lang", "language"},
        {"cat", "category"},    {"ctg", "category"},     {"doc", "document"},    {"div", "division"},
        {"reg", "region"},      {"terr", "territory"},   {"co", "company"},      {"cmp", "company"},
        {"inst", "institution"}, {"prof", "professor"},  {"stu", "student"},     {"cls", "class"},
        {"ord", "order"},       {"inv", "invoice"},      {"shp", "shipment"},    {"loc", "location"},
        {"sched", "schedule"},  {"ver", "version"},      {"env", "environment"}, {"prod", "product"}};
    return entries;
}

const std::unordered_map<std::string, std::string>& irregular_singulars() {
    static const std::unordered_map<std::string, std::string> words = {
        {"people", "person"},   {"persons", "person"},   {"children", "child"},  {"men", "man"},
        {"women", "woman"},     {"staff", "staff"},      {"criteria", "criterion"}, {"analyses", "analysis"},
        {"indices", "index"},   {"matrices", "matrix"},  {"vertices", "vertex"}, {"statuses", "status"},
        {"buses", "bus"},       {"bonuses", "bonus"},    {"campuses", "campus"}, {"viruses", "virus"},
        {"censuses", "census"}, {"series", "series"},    {"species", "species"}, {"news", "news"},
        {"data", "data"},       {"media", "media"},      {"geese", "goose"},     {"feet", "foot"},
        {"mice", "mouse"},      {"teeth", "tooth"},      {"leaves", "leaf"},     {"shelves", "shelf"},
        {"halves", "half"},     {"wives", "wife"},       {"lives", "life"},      {"knives", "knife"},
        {"heroes", "hero"},     {"potatoes", "potato"},  {"echoes", "echo"},     {"quizzes", "quiz"},
        {"aliases", "alias"},   {"addresses", "address"}, {"axes", "axis"},      {"bases", "base"},
        {"caches", "cache"},    {"niches", "niche"},     {"avalanches", "avalanche"}};
    return words;
}

const std::unordered_map<std::string, std::vector<std::string>>& role_dictionary() {
    static const std::vector<std::string> staff = {"employee", "staff", "user", "person", "worker", "agent", "member"};
    static const std::vector<std::string> actor = {"user", "account", "employee", "staff", "person", "member"};
    static const std::vector<std::string> party = {"customer", "client", "member", "account", "person", "user"};
    static const std::vector<std::string> seller = {"supplier", "vendor", "merchant", "seller", "provider"};
    static const std::unordered_map<std::string, std::vector<std::string>> entries = [] {
        std::unordered_map<std::string, std::vector<std::string>> m;
        for (const char* w : {"rep", "representative", "salesrep", "salesperson", "salesman", "agent", "clerk",
                              "staff", "employee", "worker", "manager", "mgr", "supervisor", "boss", "superior",
                              "assignee", "assigned", "approver", "approved", "reviewer", "reviewed", "handler",
                              "handled", "technician", "operator", "cashier", "mentor", "leader", "lead",
                              "reports", "sponsor", "recruiter", "interviewer", "coordinator", "responsible"})
            m[w] = staff;
        for (const char* w : {"created", "creator", "updated", "updater", "modified", "modifier", "deleted",
                              "changed", "edited", "editor", "author", "owner", "owned", "requester", "requested",
                              "requestor", "submitter", "submitted", "entered", "inserted", "uploaded", "uploader",
                              "closed", "opened", "resolved", "verified", "published", "publisher", "sender",
                              "recipient", "receiver", "actor", "initiator", "invited", "inviter", "referrer",
                              "referred"})
            m[w] = actor;
        for (const char* w : {"user", "usr", "buyer", "purchaser", "payer", "shopper", "subscriber", "patron",
                              "guest", "consumer", "member", "account", "holder", "beneficiary", "contact",
                              "individual", "person"})
            m[w] = party;
        m["customer"] = {"client", "account", "user", "member", "buyer"};
        m["cust"] = m["customer"];
        m["client"] = {"customer", "account", "user", "member"};
        for (const char* w : {"seller", "vendor", "merchant", "provider", "supplier", "manufacturer", "maker"})
            m[w] = seller;
        return m;
    }();
    return entries;
}

const std::set<std::string, std::less<>>& person_entities() {
    static const std::set<std::string, std::less<>> words = {
        "employee", "staff", "user", "person", "customer", "client", "member", "agent", "worker", "contact",
        "student", "patient", "author", "manager", "rep", "salesperson", "guest", "subscriber", "player",
        "driver", "teacher", "instructor", "doctor", "nurse", "volunteer", "associate", "personnel", "people",
        "account", "representative", "buyer", "seller", "owner"};
    return words;
}

}  // namespace

std::vector<std::string> words(std::string_view identifier) {
    std::vector<std::string> out;
    std::string current;
    auto flush = [&] {
        if (!current.empty())
            out.push_back(std::move(current));
        current.clear();
    };
    const size_t n = identifier.size();
    for (size_t i = 0; i < n; i++) {
        char c = identifier[i];
        bool alnum = is_lower(c) || is_upper(c) || is_digit(c);
        if (!alnum) {
            flush();
            continue;
        }
        if (!current.empty()) {
            char prev = identifier[i - 1];
            bool boundary = false;
            if (is_digit(c) != is_digit(prev))
                boundary = true;  // "address2", "2fa"
            else if (is_upper(c) && is_lower(prev))
                boundary = true;  // "supportRep"
            else if (is_upper(c) && is_upper(prev) && i + 1 < n && is_lower(identifier[i + 1]) &&
                     static_cast<unsigned char>(identifier[i + 1]) < 0x80)
                boundary = true;  // "HTTPServer": the last capital starts the next word
            if (boundary)
                flush();
        }
        current += lower(c);
    }
    flush();
    return out;
}

std::string singular(const std::string& word) {
    auto irregular = irregular_singulars().find(word);
    if (irregular != irregular_singulars().end())
        return irregular->second;
    if (word.size() <= 3)
        return word;
    if (ends_with(word, "ies") && word.size() > 4)
        return word.substr(0, word.size() - 3) + "y";
    if (ends_with(word, "sses") || ends_with(word, "xes") || ends_with(word, "ches") || ends_with(word, "shes") ||
        ends_with(word, "zzes"))
        return word.substr(0, word.size() - 2);
    if (ends_with(word, "ss") || ends_with(word, "us") || ends_with(word, "is"))
        return word;
    if (ends_with(word, "s"))
        return word.substr(0, word.size() - 1);
    return word;
}

std::string plural(const std::string& word) {
    static const std::unordered_map<std::string, std::string> irregular = [] {
        std::unordered_map<std::string, std::string> m;
        for (const auto& [plural_form, singular_form] : irregular_singulars())
            if (plural_form != "persons" && plural_form != "indices")
                m.emplace(singular_form, plural_form);
        for (const char* same : {"information", "info", "equipment", "metadata", "feedback", "inventory_data",
                                 "software", "hardware", "stock", "money", "history_data", "audit", "sheep", "fish"})
            m[same] = same;
        m["index"] = "indexes";
        return m;
    }();
    auto found = irregular.find(word);
    if (found != irregular.end())
        return found->second;
    // Not a plain lower-case word ("2024", "mv", "t"), or already a plural: unchanged.
    if (word.size() < 3 || !std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        return word;
    if (singular(word) != word || irregular_singulars().count(word))
        return word;
    const char before_y = word[word.size() - 2];
    if (ends_with(word, "y") && before_y != 'a' && before_y != 'e' && before_y != 'o' && before_y != 'u')
        return word.substr(0, word.size() - 1) + "ies";
    if (ends_with(word, "s") || ends_with(word, "x") || ends_with(word, "z") || ends_with(word, "ch") ||
        ends_with(word, "sh"))
        return word + "es";
    return word + "s";
}

std::string plural_name(const std::string& snake) {
    const auto cut = snake.rfind('_');
    const std::string last = cut == std::string::npos ? snake : snake.substr(cut + 1);
    return (cut == std::string::npos ? "" : snake.substr(0, cut + 1)) + plural(last);
}

std::string singular_name(const std::string& snake) {
    const auto cut = snake.rfind('_');
    const std::string last = cut == std::string::npos ? snake : snake.substr(cut + 1);
    return (cut == std::string::npos ? "" : snake.substr(0, cut + 1)) + singular(last);
}

std::string without_table_decoration(const std::string& snake) {
    std::string rest = snake;
    for (auto cut = rest.find('_'); cut != std::string::npos && cut + 1 < rest.size(); cut = rest.find('_')) {
        if (!table_decorations().count(std::string_view(rest).substr(0, cut)))
            break;
        rest = rest.substr(cut + 1);
    }
    return rest;
}

std::string concept_of(const std::vector<std::string>& words_) {
    std::string out;
    for (size_t i = 0; i < words_.size(); i++) {
        if (i)
            out += '_';
        out += i + 1 == words_.size() ? singular(words_[i]) : words_[i];
    }
    return out;
}

// A prefix stands for a word when what it leaves off is a derivational ending ("ship" of
// "shipper", "shipment"); other prefixes are too often another word ("part" of "partner").
bool prefix_abbreviates(const std::string& prefix, const std::string& word) {
    if (prefix.size() < 3 || prefix.size() >= word.size() || word.compare(0, prefix.size(), prefix) != 0)
        return false;
    static const std::set<std::string, std::less<>> endings = {
        "er", "ers", "r", "or", "ee", "ment", "ion", "ation", "ing", "ery", "ory", "age", "ance", "ence", "ship"};
    std::string rest = word.substr(prefix.size());
    if (endings.count(rest))
        return true;
    return rest.size() >= 3 && rest[0] == prefix.back() && endings.count(rest.substr(1));  // ship+p+er
}

bool is_known_abbreviation(const std::string& abbreviation, const std::string& word) {
    auto [first, last] = abbreviation_dictionary().equal_range(abbreviation);
    return std::any_of(first, last, [&](const auto& entry) { return entry.second == word; });
}

bool is_abbreviation(const std::string& abbreviation, const std::string& word) {
    return prefix_abbreviates(abbreviation, word) || is_known_abbreviation(abbreviation, word);
}

std::vector<std::string> abbreviations_of(const std::string& word) {
    std::vector<std::string> out;
    for (size_t len = 3; len < word.size(); len++)
        if (prefix_abbreviates(word.substr(0, len), word))
            out.push_back(word.substr(0, len));
    for (const auto& [abbreviation, full] : abbreviation_dictionary())
        if (full == word && std::find(out.begin(), out.end(), abbreviation) == out.end())
            out.push_back(abbreviation);
    return out;
}

ColumnName parse_column_name(const std::string& column, const std::string& prefix) {
    ColumnName name;
    name.words = words(column);
    if (!prefix.empty() && name.words.size() > 1 && name.words.front() == prefix)
        name.words.erase(name.words.begin());
    std::vector<std::string>& w = name.words;
    name.core = w;
    if (w.empty())
        return name;
    const std::string& last = w.back();
    if (key_suffixes().count(last)) {
        name.suffix = last;
        name.kind = SuffixKind::key;
        name.core.pop_back();
    } else if (w.size() > 1 && connectives().count(last)) {
        name.suffix = last;
        name.kind = SuffixKind::connective;
        name.core.pop_back();
    } else if (w.size() > 1 && (w.front() == "id" || w.front() == "fk")) {
        // "id_customer", "fk_customer": the suffix written first, common in Romance languages.
        name.suffix = w.front();
        name.kind = SuffixKind::key;
        name.core.erase(name.core.begin());
    } else if (!glued_exceptions().count(last)) {
        for (const std::string& glued : glued_suffixes()) {
            if (last.size() >= glued.size() + 3 && ends_with(last, glued)) {
                name.core.back() = last.substr(0, last.size() - glued.size());
                name.suffix = glued;
                name.kind = SuffixKind::key;
                name.glued = true;
                break;
            }
        }
    }
    if (name.kind == SuffixKind::none) {
        name.normalized = concept_of(w);
    } else {
        std::vector<std::string> all = name.core;
        all.push_back(name.suffix);
        name.normalized = concept_of(all);
    }
    return name;
}

std::vector<std::string> table_words(const std::string& table) {
    std::vector<std::string> w = words(table);
    while (w.size() > 1 && table_decorations().count(w.front()))
        w.erase(w.begin());
    while (w.size() > 1 && (table_decorations().count(w.back()) || w.back() == "master" || w.back() == "list"))
        w.pop_back();
    return w;
}

std::string table_stem(const std::string& table) {
    return concept_of(table_words(table));
}

std::string column_prefix(const std::vector<std::string>& column_names, const std::string& table) {
    if (column_names.size() < 3)
        return {};
    // The prefix abbreviates the table's name: its first letter, then letters of the name in
    // order ("l" of lineitem, "ps" of partsupp, "cust" of customer); "ship" of orders is not.
    std::string letters;
    for (const std::string& w : words(table))
        letters += w;
    auto abbreviates_table = [&](const std::string& prefix) {
        if (letters.empty() || prefix[0] != letters[0])
            return false;
        size_t at = 0;
        for (char ch : prefix) {
            at = letters.find(ch, at);
            if (at == std::string::npos)
                return false;
            at++;
        }
        return true;
    };
    std::map<std::string, size_t> counts;
    for (const std::string& column : column_names) {
        std::vector<std::string> w = words(column);
        if (w.size() > 1)
            counts[w.front()]++;
    }
    for (const auto& [prefix, count] : counts) {
        if (prefix.size() > 4 || key_suffixes().count(prefix) || is_digit(prefix[0]) || !abbreviates_table(prefix))
            continue;
        if (count * 4 >= column_names.size() * 3)
            return prefix;
    }
    return {};
}

const std::vector<std::string>& role_targets(const std::string& word) {
    static const std::vector<std::string> none;
    auto it = role_dictionary().find(word);
    return it == role_dictionary().end() ? none : it->second;
}

bool is_self_reference_word(const std::string& word) {
    static const std::set<std::string, std::less<>> words = {
        "parent", "predecessor", "successor", "previous", "prev", "next", "original", "replaced", "replacement",
        "superseded", "superseding", "merged", "root", "ancestor", "duplicate", "master", "upper", "higher"};
    return words.count(word) > 0;
}

bool is_person_self_reference_word(const std::string& word) {
    static const std::set<std::string, std::less<>> words = {
        "manager", "mgr", "supervisor", "boss", "superior", "reports", "mentor", "sponsor", "referrer",
        "referred", "leader", "lead", "coach", "spouse", "partner"};
    return words.count(word) > 0;
}

bool is_person_entity(const std::string& stem) {
    std::vector<std::string> w = words(stem);
    return !w.empty() && person_entities().count(singular(w.back())) > 0;
}

}  // namespace cartridge::naming
