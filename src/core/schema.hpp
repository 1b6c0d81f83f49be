// The schema model shared by inference, classification and dbt generation. It mirrors the
// per-scan tables of schema cartridge (see sql/cartridge--*.sql); src/pg/scan_model loads it
// from them, so the core never needs a server.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cartridge {

struct Column {
    std::string name;
    int ordinal = 0;
    int attnum = 0;            // pg_attribute.attnum: follows a column across renames; 0 = unknown
    std::string data_type;     // as format_type prints it
    std::string base_type;     // of a domain, else empty
    std::string element_type;  // of an array, else empty
    std::vector<std::string> enum_values;
    bool nullable = true;
    std::optional<std::string> default_expr;
    std::string identity;   // "", "always", "by_default"
    std::string generated;  // expression of a generated column, else empty
    std::string comment;
    nlohmann::json profile;  // null when not profiled
};

struct Constraint {
    std::string name;
    std::string type;  // primary_key, unique, foreign_key, check, exclusion
    std::vector<std::string> columns;
    std::string definition;
    std::string ref_schema;
    std::string ref_table;
    std::vector<std::string> ref_columns;
    std::vector<std::string> accepted_values;  // from a check constraint
};

struct Index {
    std::string name;
    std::string method;
    bool unique = false;
    bool primary = false;
    std::vector<std::optional<std::string>> columns;  // nullopt for an expression
    std::string predicate;
};

struct Relation {
    uint32_t oid = 0;  // pg_class.oid: follows a relation across renames; 0 = unknown
    std::string schema;
    std::string name;
    std::string kind;  // table, partitioned_table, view, materialized_view, foreign_table
    std::string owner;
    std::string comment;
    std::optional<int64_t> row_estimate;
    bool can_select = false;
    std::string view_definition;
    bool populated = true;  // false: a materialized view never refreshed (cannot be read)
    std::vector<Column> columns;
    std::vector<Constraint> constraints;
    std::vector<Index> indexes;
    std::string classification;  // empty until classified
    double classification_confidence = 0;
    nlohmann::json classification_evidence;

    const Column* column(const std::string& column_name) const;
    // Columns of the primary key, or empty.
    std::vector<std::string> primary_key() const;
};

struct Relationship {
    std::string from_schema;
    std::string from_table;
    std::vector<std::string> from_columns;
    std::string to_schema;
    std::string to_table;
    std::vector<std::string> to_columns;
    std::string source;  // declared, inferred
    std::string constraint_name;
    double confidence = 1.0;
    std::string cardinality;  // many_to_one, one_to_one
    nlohmann::json evidence = nlohmann::json::object();
};

struct Schema {
    int64_t scan_id = 0;
    std::string database;
    // Where a remote scan read (its host or socket directory, and port); empty for a scan of
    // the database it is stored in.
    std::string host;
    std::string port;
    std::vector<Relation> relations;  // sorted by (schema, name)
    std::vector<Relationship> relationships;

    const Relation* relation(const std::string& schema, const std::string& name) const;
};

}  // namespace cartridge
