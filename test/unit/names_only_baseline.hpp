// The rule name-only tools (SchemaCrawler's default) apply, as a baseline the unit tests
// compare inference with: a column named <table>_id or <table>id whose table has a
// one-column primary key. Test code, not part of the extension (test/accuracy/accuracy.py
// has the same rule over a stored scan).
#pragma once

#include "core/naming.hpp"
#include "core/schema.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_map>
#include <vector>

namespace cartridge::testing {

inline bool eligible(const Relation& r) {
    return r.kind == "table" || r.kind == "partitioned_table" || r.kind == "foreign_table";
}

inline std::vector<Relationship> names_only_baseline(const Schema& schema) {
    // Lower-case table name (and its singular) -> table with a one-column primary key.
    std::unordered_map<std::string, size_t> tables;
    auto lower = [](std::string s) {
        std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return std::tolower(ch); });
        return s;
    };
    for (size_t i = 0; i < schema.relations.size(); i++) {
        const Relation& r = schema.relations[i];
        if (!eligible(r) || r.primary_key().size() != 1)
            continue;
        tables.emplace(lower(r.name), i);
        tables.emplace(naming::singular(lower(r.name)), i);
    }
    std::vector<Relationship> out;
    for (size_t i = 0; i < schema.relations.size(); i++) {
        const Relation& r = schema.relations[i];
        if (!eligible(r))
            continue;
        for (const Column& column : r.columns) {
            std::string name = lower(column.name);
            std::string stem;
            if (name.size() > 3 && name.compare(name.size() - 3, 3, "_id") == 0)
                stem = name.substr(0, name.size() - 3);
            else if (name.size() > 2 && name.compare(name.size() - 2, 2, "id") == 0)
                stem = name.substr(0, name.size() - 2);
            auto it = stem.empty() ? tables.end() : tables.find(stem);
            if (it == tables.end() || it->second == i)
                continue;
            const Relation& p = schema.relations[it->second];
            Relationship edge;
            edge.from_schema = r.schema;
            edge.from_table = r.name;
            edge.from_columns = {column.name};
            edge.to_schema = p.schema;
            edge.to_table = p.name;
            edge.to_columns = p.primary_key();
            edge.source = "inferred";
            edge.evidence = {{"signals", {"names_only_baseline"}}};
            out.push_back(std::move(edge));
        }
    }
    return out;
}

}  // namespace cartridge::testing
