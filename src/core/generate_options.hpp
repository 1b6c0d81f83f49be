// What cartridge_generate accepts: providers and the builtin provider's options.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace cartridge {

// Every provider name cartridge_generate knows, in the order error hints list them.
const std::vector<std::string>& known_providers();

// Accepts the known providers; anything else is invalid_parameter_value listing them.
void check_provider(const std::string& provider);

struct GenerateOptions {
    std::string provider = "builtin";      // who writes what rules cannot know (see ai_enrich)
    std::string model;                     // the AI provider's model; empty: its setting
    // An AI provider may see a few values of the profile (bounds, frequent values) of columns
    // whose names do not look personal; off: metadata only.
    bool sample_values = false;
    std::string project_name;              // dbt project name; empty: from the database name
    bool marts = true;                     // intermediate and marts models from the classification
    bool freshness = true;                 // source freshness where a timestamp column allows
    double inferred_min_confidence = 0.5;  // inferred edges below: documented, not tested
    double inferred_warn_below = 0.9;      // inferred edges below: tested with severity warn
    // Keywords that force quoting (see identifier.hpp); empty: PostgreSQL 15's. Not an
    // option of the caller: src/pg fills it from the running server.
    std::vector<std::string> quoted_keywords;
};

// The keys of `options` the builtin provider accepts, for error hints and docs.
const std::vector<std::string>& builtin_option_keys();
// The keys the AI providers accept: the builtin ones, "model" and "sample_values".
const std::vector<std::string>& ai_option_keys();

// Parses the caller's options (a JSON object). Unknown keys, wrong types and values out of
// range are errors whose hint lists the accepted keys.
GenerateOptions parse_generate_options(const nlohmann::json& options, const std::string& provider = "builtin");

// A valid dbt project name derived from a database name: snake_case, never empty, never
// starting with a digit, never a name dbt reserves for its own packages.
std::string project_name_for(const std::string& database);

}  // namespace cartridge
