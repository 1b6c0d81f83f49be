#include "core/scan_options.hpp"

#include "core/analysis_options.hpp"
#include "core/error.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace cartridge {

namespace {

using nlohmann::json;

const std::vector<std::string>& accepted_keys() {
    // Keys of the analysis step (profiling, inference, classification) are accepted here
    // and validated by parse_analysis_options.
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> k = {"conninfo", "exclude", "include", "profile", "server"};
        for (const std::string& key : analysis_option_keys())
            k.push_back(key);
        std::sort(k.begin(), k.end());
        return k;
    }();
    return keys;
}

std::vector<NamePattern> patterns(const json& value, const char* key) {
    std::vector<NamePattern> out;
    json list = value.is_string() ? json::array({value}) : value;
    if (!list.is_array())
        throw Error(sqlstate::invalid_parameter_value,
                    fmt::format("option \"{}\" must be a string or an array of strings", key),
                    fmt::format("For example: '{{\"{}\": [\"sales.*\", \"tmp_*\"]}}'", key));
    for (const json& item : list) {
        if (!item.is_string() || item.get<std::string>().empty())
            throw Error(sqlstate::invalid_parameter_value,
                        fmt::format("option \"{}\" must hold non-empty strings, not {}", key, item.dump()),
                        "Patterns are globs: * matches any characters, ? one character.");
        out.push_back(glob_to_pattern(item.get<std::string>()));
    }
    return out;
}

// Escapes one character for a POSIX ARE so it matches literally.
void append_literal(std::string& regex, char c) {
    static const std::string special = R"(\^$.|?*+()[]{})";
    if (special.find(c) != std::string::npos)
        regex += '\\';
    regex += c;
}

}  // namespace

std::vector<std::string> scan_option_keys() {
    return accepted_keys();
}

NamePattern glob_to_pattern(const std::string& glob) {
    // Split on the first dot outside double quotes, as pg_dump does for -t.
    std::string parts[2];
    int part = 0;
    bool quoted = false;
    bool has_schema = false;
    for (size_t i = 0; i < glob.size(); i++) {
        char c = glob[i];
        if (c == '"') {
            if (quoted && i + 1 < glob.size() && glob[i + 1] == '"') {
                parts[part] += "\"\"";  // doubled quote inside quotes: a literal quote
                i++;
                continue;
            }
            quoted = !quoted;
            parts[part] += '\x01';  // marks a quote toggle for the second pass
            continue;
        }
        if (c == '.' && !quoted && part == 0) {
            part = 1;
            has_schema = true;
            continue;
        }
        parts[part] += c;
    }
    auto to_regex = [](const std::string& text) {
        std::string regex = "^";
        bool in_quotes = false;
        for (size_t i = 0; i < text.size(); i++) {
            char c = text[i];
            if (c == '\x01') {
                in_quotes = !in_quotes;
                continue;
            }
            if (in_quotes) {
                if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
                    i++;
                append_literal(regex, c);
            } else if (c == '*') {
                regex += ".*";
            } else if (c == '?') {
                regex += '.';
            } else {
                // Unquoted names fold to lower case, as identifiers do in SQL.
                append_literal(regex, static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
            }
        }
        return regex + "$";
    };
    if (!has_schema)
        return {"^.*$", to_regex(parts[0])};
    return {to_regex(parts[0]), to_regex(parts[1])};
}

ScanOptions parse_scan_options(const std::string& json_text) {
    ScanOptions options;
    json doc;
    try {
        doc = json::parse(json_text);
    } catch (const json::parse_error& e) {
        throw Error(sqlstate::invalid_parameter_value, "options must be a JSON object", e.what());
    }
    if (doc.is_null())
        doc = json::object();
    if (!doc.is_object())
        throw Error(sqlstate::invalid_parameter_value, "options must be a JSON object, not " + doc.dump(),
                    R"(For example: '{"profile": false}')");
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        const std::string& key = it.key();
        if (!std::binary_search(accepted_keys().begin(), accepted_keys().end(), key))
            throw Error(sqlstate::invalid_parameter_value,
                        fmt::format("unknown option \"{}\" for cartridge_scan", key),
                        fmt::format("Accepted options: {}.", fmt::join(accepted_keys(), ", ")));
        const json& value = it.value();
        if (key == "profile") {
            if (value.is_boolean()) {
                options.profile = value.get<bool>();
            } else if (value.is_object()) {
                options.profile = true;
                options.profile_options = value;
            } else {
                throw Error(sqlstate::invalid_parameter_value,
                            "option \"profile\" must be true, false or an object",
                            R"(For example: '{"profile": false}' turns profiling off.)");
            }
        } else if (key == "include") {
            options.include = patterns(value, "include");
        } else if (key == "exclude") {
            options.exclude = patterns(value, "exclude");
        }
    }
    parse_analysis_options(doc);  // bad "profile" keys, "infer", "min_confidence": an error before any write
    options.raw = doc;
    return options;
}

}  // namespace cartridge
