// Options of profiling, relationship inference and classification, read from the options
// of cartridge_scan: "profile" (false, true or an object of the keys below), "infer" and
// "min_confidence". Validated here so a typo is an error that lists the accepted keys.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace cartridge {

struct AnalysisOptions {
    bool profile = true;          // read samples of the data
    int64_t sample_rows = 10000;  // rows sampled per table
    bool values = false;          // keep values (min/max of text, top values): may be personal data
    int top_values = 5;           // how many, when values are kept
    int64_t probe_rows = 1000;    // distinct child values looked up per inferred edge
    bool infer = true;            // infer relationships
    double min_confidence = 0.5;  // inferred edges below are not stored
};

// Top-level keys of the scan options this stage owns, sorted.
std::vector<std::string> analysis_option_keys();
// Keys of the "profile" object, sorted.
std::vector<std::string> profile_option_keys();

// Reads the analysis options from the whole options object of cartridge_scan; keys owned by
// other stages are left alone. Throws cartridge::Error (22023) on a bad value or an unknown
// key inside "profile".
AnalysisOptions parse_analysis_options(const nlohmann::json& options);

}  // namespace cartridge
