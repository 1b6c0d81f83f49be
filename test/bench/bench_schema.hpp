// The generated schema the core's benchmarks share (no server needed).
#pragma once

#include "core/schema.hpp"

#include <algorithm>
#include <string>

namespace cartridge::bench {

// The schema of generate_bench.py: ten columns per table, a chain of foreign keys and every
// tenth table also pointing at the first; oids and attnums as a server would number them.
inline Schema bench_schema(int tables) {
    Schema s;
    s.scan_id = 1;
    s.database = "bench";
    auto column = [](const std::string& name, int ordinal, const std::string& type, bool nullable) {
        Column c;
        c.name = name;
        c.ordinal = ordinal;
        c.attnum = ordinal;
        c.data_type = type;
        c.nullable = nullable;
        return c;
    };
    for (int i = 1; i <= tables; i++) {
        Relation r;
        r.oid = 16384 + static_cast<uint32_t>(i);
        r.schema = "bench";
        r.name = "Table" + std::to_string(i);
        r.kind = "table";
        r.can_select = true;
        r.comment = "Benchmark table " + std::to_string(i);
        r.columns = {column("id", 1, "bigint", false),          column("parent_id", 2, "bigint", true),
                     column("root_id", 3, "bigint", true),      column("Code", 4, "character varying(20)", true),
                     column("name", 5, "text", false),          column("status", 6, "text", true),
                     column("amount", 7, "numeric(12,2)", true), column("quantity", 8, "integer", true),
                     column("created_at", 9, "timestamp with time zone", false),
                     column("updated_at", 10, "timestamp with time zone", true)};
        Constraint pk;
        pk.name = r.name + "_pkey";
        pk.type = "primary_key";
        pk.columns = {"id"};
        Constraint code;
        code.name = r.name + "_Code_key";
        code.type = "unique";
        code.columns = {"Code"};
        Constraint status;
        status.name = r.name + "_status_check";
        status.type = "check";
        status.columns = {"status"};
        status.accepted_values = {"new", "active", "closed"};
        r.constraints = {pk, code, status};
        s.relations.push_back(std::move(r));
        auto edge = [&](const std::string& column_name, int target) {
            Relationship e;
            e.from_schema = e.to_schema = "bench";
            e.from_table = "Table" + std::to_string(i);
            e.to_table = "Table" + std::to_string(target);
            e.from_columns = {column_name};
            e.to_columns = {"id"};
            e.source = "declared";
            e.cardinality = "many_to_one";
            s.relationships.push_back(std::move(e));
        };
        if (i > 1)
            edge("parent_id", i - 1);
        if (i > 1 && i % 10 == 0)
            edge("root_id", 1);
    }
    std::sort(s.relations.begin(), s.relations.end(),
              [](const Relation& a, const Relation& b) { return a.name < b.name; });
    return s;
}

}  // namespace cartridge::bench
