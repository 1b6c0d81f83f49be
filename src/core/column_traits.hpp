// What inference and classification need to know about a column: its type family and what
// the profile measured (see src/pg/profile.cpp for how columns.profile is written).
#pragma once

#include "core/schema.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace cartridge {

enum class TypeFamily { integer, decimal, text, uuid, date, timestamp, time, boolean, binary, json, array, other };

// The family of a column's type (of the base type for a domain).
TypeFamily type_family(const Column& column);

// The type without its modifier: "character varying(40)" -> "character varying".
std::string type_without_modifier(const std::string& data_type);

// Key columns may be joined: same family among integer, text, uuid, date, or the same type.
bool key_types_compatible(const Column& child, const Column& parent);
bool key_types_identical(const Column& child, const Column& parent);

// Profile facts; nullopt / false when the column was not profiled.
bool is_profiled(const Column& column);
std::optional<double> null_fraction(const Column& column);
// Unique and never null on the data (the whole table read, or a sample and pg_stats agree).
bool unique_on_data(const Column& column);
std::optional<std::string> value_shape(const Column& column);
// The whole table was read and it has no rows: the data can say nothing about keys.
bool empty_on_data(const Column& column);
// Other columns that, with this one, are unique on the data ("unique_with" of the profile).
std::vector<std::string> unique_with(const Column& column);

// Rows of the relation: the catalog estimate, else what profiling counted, else nullopt.
std::optional<int64_t> relation_rows(const Relation& relation);

// Declared keys: the primary key, unique constraints and unique indexes on plain columns.
std::vector<std::vector<std::string>> declared_keys(const Relation& relation);

}  // namespace cartridge
