#include "core/table_keys.hpp"

#include "core/column_traits.hpp"

#include <algorithm>
#include <optional>

namespace cartridge {

using naming::ColumnName;
using naming::SuffixKind;

const char* key_kind_name(KeyKind kind) {
    switch (kind) {
    case KeyKind::primary_key: return "primary_key";
    case KeyKind::unique: return "unique";
    case KeyKind::data_unique: return "unique_on_data";
    case KeyKind::assumed: return "assumed_from_name";
    }
    return "primary_key";
}

bool key_capable(const Column& c) {
    // numeric without a precision: Oracle's NUMBER carried over, ids and amounts alike (names
    // and data then tell them apart).
    if ((c.base_type.empty() ? c.data_type : c.base_type) == "numeric")
        return true;
    switch (type_family(c)) {
    case TypeFamily::integer:
    case TypeFamily::text:
    case TypeFamily::uuid:
    case TypeFamily::date:
    case TypeFamily::other:
        return true;
    default:
        return false;
    }
}

TableNames table_names(const Relation& r) {
    TableNames t;
    t.stem_words = naming::table_words(r.name);
    t.stem = naming::concept_of(t.stem_words);
    if (!t.stem_words.empty())
        t.stem_words.back() = naming::singular(t.stem_words.back());
    // singular() keeps "-us" and "-is" words whole (status, analysis); a table named
    // "menus" or "taxis" is still found from "menu_id" and "taxi_id".
    if (!t.stem_words.empty()) {
        const std::string& last = t.stem_words.back();
        if (last.size() > 3 && last.back() == 's') {
            std::vector<std::string> alt = t.stem_words;
            alt.back().pop_back();
            t.alternative_stem = naming::concept_of(alt);
        }
    }
    std::vector<std::string> column_names;
    for (const Column& c : r.columns)
        column_names.push_back(c.name);
    t.prefix = naming::column_prefix(column_names, r.name);
    for (const Column& c : r.columns)
        t.columns.push_back(naming::parse_column_name(c.name, t.prefix));
    return t;
}

bool names_own_identifier(const TableNames& t, const ColumnName& n) {
    if (n.kind != SuffixKind::key)
        return false;
    if (n.core.empty())
        return true;
    std::string concept = naming::concept_of(n.core);
    if (concept == t.stem || (!t.alternative_stem.empty() && concept == t.alternative_stem))
        return true;
    // "cust" names a customer table, but "tag" does not name taggings: derivations are
    // other concepts, so only well-known abbreviations count here.
    return n.core.size() == 1 && t.stem_words.size() == 1 && naming::is_known_abbreviation(n.core[0], t.stem_words[0]);
}

namespace {

size_t column_index(const Relation& r, const std::string& name) {
    for (size_t i = 0; i < r.columns.size(); i++)
        if (r.columns[i].name == name)
            return i;
    return r.columns.size();
}

}  // namespace

std::vector<TableKey> find_keys(const Relation& r, const TableNames& t, const std::set<std::string>& references) {
    std::vector<TableKey> keys;
    bool pk_seen = false;
    for (const std::vector<std::string>& key : declared_keys(r)) {
        bool is_pk = !pk_seen && key == r.primary_key();
        pk_seen = pk_seen || is_pk;
        if (key.empty() || key.size() > 4)
            continue;
        std::vector<size_t> cols;
        for (const std::string& name : key)
            cols.push_back(column_index(r, name));
        if (std::all_of(cols.begin(), cols.end(), [&](size_t c) { return c < r.columns.size(); }))
            keys.push_back({std::move(cols), is_pk ? KeyKind::primary_key : KeyKind::unique, true});
    }
    if (!keys.empty())
        return keys;
    // An empty table (or one not profiled) cannot show its keys; its name has to do.
    auto data_key = [&](size_t c) -> std::optional<KeyKind> {
        const Column& col = r.columns[c];
        if (!key_capable(col))
            return std::nullopt;
        if (unique_on_data(col))
            return KeyKind::data_unique;
        if (!is_profiled(col) || empty_on_data(col))
            return KeyKind::assumed;
        return std::nullopt;
    };
    for (size_t c = 0; c < r.columns.size(); c++)
        if (names_own_identifier(t, t.columns[c]))
            if (auto kind = data_key(c))
                keys.push_back({{c}, *kind, false});
    // No column named after the table: the first column, when it is named like a key
    // (customer_demographics.customer_type_id).
    if (keys.empty() && !r.columns.empty() && t.columns[0].kind == SuffixKind::key && !t.columns[0].core.empty())
        if (auto kind = data_key(0))
            keys.push_back({{0}, *kind, false});
    if (!keys.empty())
        return keys;
    // A pair of columns the profile found unique together (partsupp without its key).
    for (size_t c = 0; c < r.columns.size(); c++) {
        std::vector<std::string> with = unique_with(r.columns[c]);
        if (with.empty())
            continue;
        std::vector<size_t> cols = {c};
        for (const std::string& name : with)
            cols.push_back(column_index(r, name));
        if (cols.size() <= 4 && std::all_of(cols.begin(), cols.end(), [&](size_t k) { return k < r.columns.size(); }))
            keys.push_back({std::move(cols), KeyKind::data_unique, false});
    }
    if (!keys.empty())
        return keys;
    // Another key-named column the data shows unique, that references nothing.
    for (size_t c = 0; c < r.columns.size(); c++)
        if (t.columns[c].kind == SuffixKind::key && unique_on_data(r.columns[c]) && !references.count(r.columns[c].name)) {
            keys.push_back({{c}, KeyKind::data_unique, false});
            break;
        }
    return keys;
}

}  // namespace cartridge
