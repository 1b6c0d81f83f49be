#include "core/generate_options.hpp"

#include "core/error.hpp"
#include "core/identifier.hpp"

#include <fmt/core.h>
#include <fmt/format.h>

namespace cartridge {

namespace {

std::string accepted_keys_hint(bool ai) {
    return "Accepted keys: " + fmt::format("{}", fmt::join(ai ? ai_option_keys() : builtin_option_keys(), ", ")) +
           ".";
}

[[noreturn]] void bad_option(const std::string& message, bool ai = false) {
    throw Error(sqlstate::invalid_parameter_value, message, accepted_keys_hint(ai));
}

bool valid_project_name(const std::string& name) {
    if (name.empty() || !((name[0] >= 'a' && name[0] <= 'z') || name[0] == '_'))
        return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    return name != "dbt" && name.rfind("dbt_", 0) != 0 && name.size() <= max_identifier_bytes;
}

double confidence(const nlohmann::json& value, const std::string& key) {
    if (!value.is_number())
        bad_option("option \"" + key + "\" must be a number between 0 and 1");
    double v = value.get<double>();
    if (!(v >= 0.0 && v <= 1.0))
        bad_option("option \"" + key + "\" must be between 0 and 1, not " + value.dump());
    return v;
}

bool boolean(const nlohmann::json& value, const std::string& key) {
    if (!value.is_boolean())
        bad_option("option \"" + key + "\" must be true or false, not " + value.dump());
    return value.get<bool>();
}

}  // namespace

const std::vector<std::string>& known_providers() {
    static const std::vector<std::string> providers = {"builtin", "openai", "anthropic", "gemini",
                                                       "openai_compatible"};
    return providers;
}

void check_provider(const std::string& provider) {
    for (const std::string& known : known_providers())
        if (provider == known)
            return;
    throw Error(sqlstate::invalid_parameter_value, "unknown provider \"" + provider + "\"",
                "Known providers: " + fmt::format("{}", fmt::join(known_providers(), ", ")) + ".");
}

const std::vector<std::string>& builtin_option_keys() {
    static const std::vector<std::string> keys = {"freshness", "inferred_min_confidence",
                                                  "inferred_warn_below", "marts", "project_name"};
    return keys;
}

const std::vector<std::string>& ai_option_keys() {
    static const std::vector<std::string> keys = {"freshness", "inferred_min_confidence", "inferred_warn_below",
                                                  "marts", "model", "project_name", "sample_values"};
    return keys;
}

GenerateOptions parse_generate_options(const nlohmann::json& options, const std::string& provider) {
    GenerateOptions out;
    out.provider = provider;
    const bool ai = provider != "builtin";
    if (options.is_null())
        return out;
    if (!options.is_object())
        bad_option("options must be a JSON object, not " + options.dump());
    for (const auto& [key, value] : options.items()) {
        if (key == "project_name") {
            if (!value.is_string() || !valid_project_name(value.get<std::string>()))
                throw Error(sqlstate::invalid_parameter_value,
                            "option \"project_name\" must be a dbt project name, not " + value.dump(),
                            "Use lower-case letters, digits and underscores, starting with a letter "
                            "(at most 63 bytes, not dbt or dbt_*).");
            out.project_name = value.get<std::string>();
        } else if (key == "marts") {
            out.marts = boolean(value, key);
        } else if (key == "freshness") {
            out.freshness = boolean(value, key);
        } else if (key == "inferred_min_confidence") {
            out.inferred_min_confidence = confidence(value, key);
        } else if (key == "inferred_warn_below") {
            out.inferred_warn_below = confidence(value, key);
        } else if (key == "sample_values" && ai) {
            out.sample_values = boolean(value, key);
        } else if (key == "model" && ai) {
            if (!value.is_string() || value.get<std::string>().empty() || value.get<std::string>().size() > 200)
                bad_option("option \"model\" must be a model name, not " + value.dump(), ai);
            out.model = value.get<std::string>();
        } else {
            bad_option("unknown option \"" + key + "\" for provider \"" + provider + "\"", ai);
        }
    }
    if (out.inferred_min_confidence > out.inferred_warn_below)
        bad_option("option \"inferred_min_confidence\" must not exceed \"inferred_warn_below\"");
    return out;
}

std::string project_name_for(const std::string& database) {
    std::string name = snake_case(database);
    if (name.empty() || (name[0] >= '0' && name[0] <= '9'))
        name = "cartridge_" + name;
    if (name == "dbt" || name.rfind("dbt_", 0) == 0)
        name = "project_" + name;
    while (!name.empty() && name.back() == '_')
        name.pop_back();
    return fit_identifier(name);
}

}  // namespace cartridge
