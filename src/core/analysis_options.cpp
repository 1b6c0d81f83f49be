#include "core/analysis_options.hpp"

#include "core/error.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace cartridge {

namespace {

using nlohmann::json;

int64_t integer_in_range(const json& value, const std::string& key, int64_t low, int64_t high) {
    if (!value.is_number_integer() || value.get<int64_t>() < low || value.get<int64_t>() > high)
        throw Error(sqlstate::invalid_parameter_value,
                    fmt::format("option \"{}\" must be an integer from {} to {}, not {}", key, low, high, value.dump()),
                    fmt::format(R"(For example: '{{"profile": {{"sample_rows": 10000}}}}')"));
    return value.get<int64_t>();
}

bool boolean(const json& value, const std::string& key) {
    if (!value.is_boolean())
        throw Error(sqlstate::invalid_parameter_value,
                    fmt::format("option \"{}\" must be true or false, not {}", key, value.dump()));
    return value.get<bool>();
}

}  // namespace

std::vector<std::string> analysis_option_keys() {
    return {"infer", "min_confidence"};
}

std::vector<std::string> profile_option_keys() {
    return {"probe_rows", "sample_rows", "top_values", "values"};
}

AnalysisOptions parse_analysis_options(const json& options) {
    AnalysisOptions out;
    if (!options.is_object())
        return out;
    if (auto it = options.find("profile"); it != options.end() && !it->is_null()) {
        if (it->is_boolean()) {
            out.profile = it->get<bool>();
        } else if (it->is_object()) {
            const std::vector<std::string> keys = profile_option_keys();
            for (auto p = it->begin(); p != it->end(); ++p) {
                const std::string& key = p.key();
                if (!std::binary_search(keys.begin(), keys.end(), key))
                    throw Error(sqlstate::invalid_parameter_value,
                                fmt::format("unknown option \"profile.{}\" for cartridge_scan", key),
                                fmt::format("Accepted keys of \"profile\": {}.", fmt::join(keys, ", ")));
                if (key == "sample_rows")
                    out.sample_rows = integer_in_range(p.value(), "profile.sample_rows", 100, 10'000'000);
                else if (key == "probe_rows")
                    out.probe_rows = integer_in_range(p.value(), "profile.probe_rows", 10, 1'000'000);
                else if (key == "top_values")
                    out.top_values = static_cast<int>(integer_in_range(p.value(), "profile.top_values", 0, 100));
                else if (key == "values")
                    out.values = boolean(p.value(), "profile.values");
            }
        } else {
            throw Error(sqlstate::invalid_parameter_value, "option \"profile\" must be true, false or an object",
                        fmt::format("Accepted keys of \"profile\": {}.", fmt::join(profile_option_keys(), ", ")));
        }
    }
    if (auto it = options.find("infer"); it != options.end() && !it->is_null())
        out.infer = boolean(*it, "infer");
    if (auto it = options.find("min_confidence"); it != options.end() && !it->is_null()) {
        if (!it->is_number() || it->get<double>() < 0.0 || it->get<double>() > 1.0)
            throw Error(sqlstate::invalid_parameter_value,
                        fmt::format("option \"min_confidence\" must be a number from 0 to 1, not {}", it->dump()),
                        R"(For example: '{"min_confidence": 0.7}' keeps only the surer inferred edges.)");
        out.min_confidence = it->get<double>();
    }
    return out;
}

}  // namespace cartridge
