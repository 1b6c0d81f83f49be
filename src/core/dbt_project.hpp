// The builtin provider: a complete dbt project rendered from a scan, deterministically.
#pragma once

#include "core/generate_options.hpp"
#include "core/schema.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cartridge {

// One file of the project. kind is one of: project (dbt_project.yml), profile
// (profiles.yml), model (.sql models), sources and properties (the YAML next to the
// models), macro, docs (README.md), config (.gitignore, .sqlfluff).
struct GeneratedFile {
    std::string path;
    std::string kind;
    std::string content;
};

struct GeneratedModel {
    std::string name;
    std::string layer;  // staging, intermediate, marts
    std::string path;
    std::string materialized;
    std::string schema_name;  // the source relation of a staging model; else empty
    std::string table_name;
    std::string description;
    std::string sql;
};

struct GeneratedTest {
    std::string model_name;
    std::optional<std::string> column_name;
    std::string test_name;
    nlohmann::json arguments = nlohmann::json::object();
    std::string severity = "error";
};

struct GeneratedProject {
    std::string name;
    std::vector<GeneratedFile> files;  // sorted by path
    std::vector<GeneratedModel> models;
    std::vector<GeneratedTest> tests;
    std::vector<std::string> warnings;
};

// Hooks into the caller: check_interrupts is called often and may throw to abort (the
// server's cancel and statement_timeout); progress reports a percentage and a stage name.
struct GenerateHooks {
    std::function<void()> check_interrupts;
    std::function<void(int percent, const std::string& stage)> progress;
};

GeneratedProject generate_dbt_project(const Schema& schema, const GenerateOptions& options,
                                      const GenerateHooks& hooks = {});

}  // namespace cartridge
