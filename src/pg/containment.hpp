// Data evidence for inferred relationships: how many of a bounded sample of distinct child
// values the parent key holds. One statement per candidate edge.
#pragma once

#include "core/analysis_options.hpp"
#include "core/inference.hpp"
#include "pg/profile.hpp"
#include "pg/reader.hpp"

#include <nlohmann/json.hpp>

#include <vector>

namespace cartridge::pg {

// One Containment per candidate (same order); `stats` receives counts for scans.stats and
// the duration as "ms". Reads through `reader` (this database or a remote one) as the caller, each check in a read-only subtransaction that
// is rolled back (with its locks); never reads an unreadable relation.
std::vector<Containment> measure_containment_pg(CatalogReader& reader, const Schema& schema, const std::vector<Candidate>& candidates,
                                                const AnalysisOptions& options, const Unreadable& unreadable,
                                                nlohmann::json& stats);

}  // namespace cartridge::pg
