// Profiling, relationship inference and classification of a stored scan: the last step of
// cartridge_scan, in the same transaction (an error leaves nothing behind).
#pragma once

#include "pg/owner_scope.hpp"
#include "core/schema.hpp"
#include "pg/profile.hpp"
#include "pg/reader.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace cartridge::pg {

// Top-level keys of cartridge_scan's options this step accepts ("infer", "min_confidence"),
// sorted; "profile" (false, true or an object) is validated here too.
std::vector<std::string> analysis_option_keys();

// Infers relationships of scan `scan_id` (unless options->'infer' is false) and classifies
// every relation of `schema`, the scan's model as it was stored; `profiled` is what profiling
// found while the catalog was stored (null when options->'profile' is false). `options` is the whole options object of cartridge_scan.
// Writes relationships (source 'inferred'), relations.classification* and merges its counts
// and timings into scans.stats ("profiling", "inference", "classification"). Reads the
// user's data as the caller; reads and writes the scan's rows as the extension's owner.
void infer_and_classify_pg(int64_t scan_id, const nlohmann::json& options, const Roles& roles, CatalogReader& reader,
                           const ProfileRun* profiled, Schema schema);

}  // namespace cartridge::pg
