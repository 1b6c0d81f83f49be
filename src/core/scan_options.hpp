// Options of cartridge_scan: parsed and validated without a server.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

namespace cartridge {

// A relation name pattern as two anchored POSIX regular expressions: one for the schema,
// one for the table. Built from pg_dump-style globs ("sales.*", "order_*", "?x").
struct NamePattern {
    std::string schema_regex;
    std::string table_regex;
};

struct ScanOptions {
    bool profile = true;
    nlohmann::json profile_options = nlohmann::json::object();  // the object form of "profile"
    std::vector<NamePattern> include;
    std::vector<NamePattern> exclude;
    nlohmann::json raw = nlohmann::json::object();  // as given, for keys owned by later stages
};

// Top-level keys cartridge_scan accepts, sorted.
std::vector<std::string> scan_option_keys();

// Throws cartridge::Error (22023) naming the offending key and listing the accepted ones.
ScanOptions parse_scan_options(const std::string& json_text);

// pg_dump-style glob -> NamePattern. A pattern with a dot is schema.table; one without
// matches the table name in any schema. '*' is any run of characters, '?' one character,
// everything else is literal. Double-quoted parts are literal and keep their case.
NamePattern glob_to_pattern(const std::string& glob);

}  // namespace cartridge
