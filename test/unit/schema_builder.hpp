// Builds cartridge::Schema objects by hand for the unit tests of inference and classification.
#pragma once

#include "core/schema.hpp"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

namespace cartridge::testing {

struct ColumnSpec {
    std::string name;
    std::string type = "integer";
    bool nullable = true;
};

class SchemaBuilder {
public:
    // Adds a table; `key` becomes its primary key when not empty.
    SchemaBuilder& table(const std::string& schema, const std::string& name, std::initializer_list<ColumnSpec> columns,
                         std::vector<std::string> key = {}) {
        Relation r;
        r.schema = schema;
        r.name = name;
        r.kind = "table";
        r.can_select = true;
        int ordinal = 1;
        for (const ColumnSpec& spec : columns) {
            Column c;
            c.name = spec.name;
            c.ordinal = ordinal++;
            c.data_type = spec.type;
            c.nullable = spec.nullable;
            r.columns.push_back(std::move(c));
        }
        if (!key.empty()) {
            Constraint pk;
            pk.name = name + "_pkey";
            pk.type = "primary_key";
            pk.columns = std::move(key);
            r.constraints.push_back(std::move(pk));
        }
        schema_.relations.push_back(std::move(r));
        return *this;
    }

    // Declares a unique constraint on the last matching table.
    SchemaBuilder& unique(const std::string& schema, const std::string& table, std::vector<std::string> columns) {
        Constraint u;
        u.name = table + "_" + columns[0] + "_key";
        u.type = "unique";
        u.columns = std::move(columns);
        find(schema, table).constraints.push_back(std::move(u));
        return *this;
    }

    // Declares a foreign key on the last matching table.
    SchemaBuilder& foreign_key(const std::string& schema, const std::string& table, std::vector<std::string> columns,
                               const std::string& ref_table, std::vector<std::string> ref_columns) {
        Relation& r = find(schema, table);
        Constraint fk;
        fk.name = table + "_" + columns[0] + "_fkey";
        fk.type = "foreign_key";
        fk.columns = columns;
        fk.ref_schema = schema;
        fk.ref_table = ref_table;
        fk.ref_columns = ref_columns;
        r.constraints.push_back(fk);
        Relationship e;
        e.from_schema = schema;
        e.from_table = table;
        e.from_columns = std::move(columns);
        e.to_schema = schema;
        e.to_table = ref_table;
        e.to_columns = std::move(ref_columns);
        e.source = "declared";
        e.constraint_name = fk.name;
        schema_.relationships.push_back(std::move(e));
        return *this;
    }

    // Sets the profile of a column.
    SchemaBuilder& profile(const std::string& schema, const std::string& table, const std::string& column,
                           nlohmann::json profile) {
        Relation& r = find(schema, table);
        for (Column& c : r.columns)
            if (c.name == column)
                c.profile = std::move(profile);
        return *this;
    }

    SchemaBuilder& rows(const std::string& schema, const std::string& table, int64_t rows) {
        find(schema, table).row_estimate = rows;
        return *this;
    }

    Schema build() {
        Schema s = schema_;
        std::sort(s.relations.begin(), s.relations.end(), [](const Relation& a, const Relation& b) {
            return std::tie(a.schema, a.name) < std::tie(b.schema, b.name);
        });
        return s;
    }

private:
    Relation& find(const std::string& schema, const std::string& table) {
        for (Relation& r : schema_.relations)
            if (r.schema == schema && r.name == table)
                return r;
        throw std::runtime_error("no table " + table);
    }

    Schema schema_;
};

}  // namespace cartridge::testing
