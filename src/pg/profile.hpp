// Profiling of the tables of a scan, written to cartridge.columns.profile: analyzed tables
// from pg_stats in one query, the others (and what pg_stats cannot tell) from one sampled
// statement per table.
#pragma once

#include "core/analysis_options.hpp"
#include "pg/owner_scope.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <utility>

namespace cartridge::pg {

// Relations (schema, table) whose data the scan must not read, with the reason: reading
// them would run code of another role as the caller (row-level security policies that
// apply to the caller; functions, operators or domains of another non-superuser role in
// their indexes, constraints or partition key, which the planner may evaluate).
using Unreadable = std::map<std::pair<std::string, std::string>, std::string>;

// Finds them among the relations of the given schemas (a JSON array of names), as the
// caller.
Unreadable unreadable_relations_pg(const std::string& schemas_json);

// Profiles every table and materialized view of the scan the caller may SELECT and that is
// not unreadable; returns the counts for scans.stats->'profiling' (and its duration as
// "ms"). Reads the user's data as the caller, one table at a time in a read-only
// subtransaction that is rolled back (its lock goes with it), and writes as the owner.
nlohmann::json profile_relations_pg(int64_t scan_id, const AnalysisOptions& options, const Roles& roles,
                                    const Unreadable& unreadable);

// The server's quote_identifier.
std::string quote_identifier_pg(const std::string& name);

}  // namespace cartridge::pg
