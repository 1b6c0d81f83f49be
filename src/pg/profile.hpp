// Profiling of the tables of a scan: one sampled statement per table, results written to
// cartridge.columns.profile.
#pragma once

#include "core/analysis_options.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>

namespace cartridge::pg {

// Profiles every table and materialized view of the scan the caller may SELECT; returns the
// counts for scans.stats->'profiling' (and its duration as "ms").
nlohmann::json profile_relations_pg(int64_t scan_id, const AnalysisOptions& options);

// The server's quote_identifier.
std::string quote_identifier_pg(const std::string& name);

}  // namespace cartridge::pg
