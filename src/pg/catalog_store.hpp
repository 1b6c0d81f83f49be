// The catalog pass of cartridge_scan.
#pragma once

#include "pg/owner_scope.hpp"
#include "pg/reader.hpp"
#include "pg/scan_model.hpp"
#include "pg/spi.hpp"

#include <functional>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace cartridge::pg {

struct CatalogCounts {
    uint64_t relations = 0;
    uint64_t columns = 0;
    uint64_t constraints = 0;
    uint64_t indexes = 0;
    uint64_t relationships = 0;
    uint64_t skipped_no_privilege = 0;
    // Milliseconds per step, for scans.stats->'timings_ms'.
    std::vector<std::pair<std::string, double>> timings_ms;
};

// Reads the catalog of the current database (or, with a remote reader, of the server it is
// connected to: the same SELECTs run there, their rows are inserted here) for the given schemas (a JSON array of names)
// and name patterns (JSON arrays of [schema_regex, table_regex]) and stores it under scan_id.
// The scope and the caller's privileges are read as the caller; the rows are written as the
// extension's owner.
//
// Between the scope and the inserts, profile_columns(scope) runs with the scope's arguments
// ($1 scan id, $2 relids oid[], $3 schema names text[], $4 table names text[], $5 relkinds
// "char"[], $6 can_select boolean[]) and returns the profiles to store with the columns, as
// three arguments: relids oid[], attnums int2[], profiles text[] (jsonb text); all NULL
// when there are none. So the profiles go in with the rows, not in an UPDATE of every row.
//
// Every row stored also goes to `model` (INSERT ... RETURNING), with profiles reduced to what
// inference reads: the scan's model is built as it is stored, never read back.
using ColumnProfiler = std::function<std::vector<QueryArg>(const std::vector<QueryArg>& scope)>;
CatalogCounts store_catalog_pg(int64_t scan_id, const std::string& schemas_json,
                               const std::string& include_json, const std::string& exclude_json,
                               const Roles& roles, CatalogReader& reader, const ColumnProfiler& profile_columns,
                               SchemaBuilder& model);

// The common table expression `scope` of the scope's arguments, for statements of other
// steps that take them.
const char* scope_cte_sql();

}  // namespace cartridge::pg
