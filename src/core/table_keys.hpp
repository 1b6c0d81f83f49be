// Which key a table has: the one answer inference (which columns may be referenced),
// classification (what makes a row) and generation (through the scan's classification)
// use. Declared keys first; when none is declared, the data (profiles) or, without data,
// the names.
#pragma once

#include "core/naming.hpp"
#include "core/schema.hpp"

#include <cstddef>
#include <set>
#include <string>
#include <vector>

namespace cartridge {

// How a key is known.
enum class KeyKind {
    primary_key,  // declared primary key
    unique,       // declared unique constraint or unique index
    data_unique,  // no declared key; unique and not null in the profile's sample
    assumed,      // no declared key and no data to show one; named like the table's identifier
};

const char* key_kind_name(KeyKind kind);

struct TableKey {
    std::vector<std::size_t> columns;  // indexes in Relation::columns, in key order
    KeyKind kind = KeyKind::primary_key;
    bool indexed = false;  // a declared key or unique index covers the columns
};

// What the names of a table and its columns say (naming.hpp), computed once.
struct TableNames {
    std::string stem;              // concept of the table name ("order_items" -> "order_item")
    std::string alternative_stem;  // "menus" -> "menu", which singular() leaves alone
    std::vector<std::string> stem_words;
    std::string prefix;            // the columns' shared prefix ("l_" in lineitem)
    std::vector<naming::ColumnName> columns;  // parallel to Relation::columns
};
TableNames table_names(const Relation& relation);

// A column named like the table's own identifier: "id", "<stem>_id", or a well-known
// abbreviation of a one-word stem with a key suffix (c_custkey in customer).
bool names_own_identifier(const TableNames& table, const naming::ColumnName& column);

// The relation's keys of at most four columns, best first. Declared: the primary key, then
// unique constraints and indexes. None declared: a key-capable column named like the
// table's identifier (data_unique when the profile found it unique, assumed when there is
// no data to tell), else the first column when it is named like a key, else columns the
// profile found unique together, else a key-named column unique on the data that is not in
// `references` (a unique reference is a one-to-one, not the row's own key).
std::vector<TableKey> find_keys(const Relation& relation, const TableNames& names,
                                const std::set<std::string>& references = {});

// Whether a column's type can hold a key (integers, whole numerics, text, uuid, dates, ...).
bool key_capable(const Column& column);

}  // namespace cartridge
