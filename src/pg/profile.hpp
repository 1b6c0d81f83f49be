// Profiling of the tables of a scan, before its columns are stored: analyzed tables from
// pg_statistic in one query, the others (and what the statistics cannot tell) from one
// sampled statement per table.
#pragma once

#include "core/analysis_options.hpp"
#include "pg/owner_scope.hpp"
#include "pg/reader.hpp"
#include "pg/spi.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace cartridge::pg {

// Relations (schema, table) whose data the scan must not read, with the reason: reading
// them would run code of another role as the caller (row-level security policies that
// apply to the caller; functions, operators or domains of another non-superuser role in
// their indexes, constraints or partition key, which the planner may evaluate).
using Unreadable = std::map<std::pair<std::string, std::string>, std::string>;

// What profiling found: the profile of every column it profiled, the counts for
// scans.stats->'profiling' (durations apart, for 'timings_ms'), and the unreadable relations
// (which containment must not read either).
struct ProfileRun {
    nlohmann::json stats = nlohmann::json::object();
    nlohmann::json timings_ms = nlohmann::json::object();
    Unreadable unreadable;
    std::string relids;   // oid[] literal
    std::string attnums;  // int2[] literal
    std::vector<std::string> profiles;
    TextColumn profile_column;

    // The three arguments store_catalog_pg stores with the columns (see ColumnProfiler).
    std::vector<QueryArg> column_args();
};

// Profiles the tables and materialized views of the scope (the scope's arguments of
// store_catalog_pg) that the caller may SELECT and that are not unreadable. Reads the
// user's data as the caller, one table at a time in a read-only subtransaction that is
// rolled back (its lock goes with it); reads pg_statistic as the extension's owner, for the
// tables the caller may SELECT whole (what pg_stats would show it).
// `schemas_json` is the JSON array of the scan's schemas. A remote reader reads the remote
// server's data as its role, and its statistics from pg_stats unless that role is a superuser.
void profile_scope_pg(CatalogReader& reader, const std::vector<QueryArg>& scope, const std::string& schemas_json,
                      const AnalysisOptions& options, const Roles& roles, ProfileRun& run);

// The server's quote_identifier.
std::string quote_identifier_pg(const std::string& name);

}  // namespace cartridge::pg
