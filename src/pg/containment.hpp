// Data evidence for inferred relationships: how many of a bounded sample of distinct child
// values the parent key holds. One statement per candidate edge.
#pragma once

#include "core/analysis_options.hpp"
#include "core/inference.hpp"

#include <nlohmann/json.hpp>

#include <vector>

namespace cartridge::pg {

// One Containment per candidate (same order); `stats` receives counts for scans.stats and
// the duration as "ms".
std::vector<Containment> measure_containment_pg(const Schema& schema, const std::vector<Candidate>& candidates,
                                                const AnalysisOptions& options, nlohmann::json& stats);

}  // namespace cartridge::pg
