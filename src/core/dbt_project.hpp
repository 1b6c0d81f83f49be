// The builtin provider: a complete dbt project rendered from a scan, deterministically.
#pragma once

#include "core/ai_http.hpp"
#include "core/error.hpp"
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
    std::string origin = "builtin";  // who wrote the SQL: builtin, or the provider
};

struct GeneratedTest {
    std::string model_name;
    std::optional<std::string> column_name;
    std::string test_name;
    nlohmann::json arguments = nlohmann::json::object();
    std::string severity = "error";
};

// One question asked of an AI provider, as cartridge.ai_requests records it.
struct AiRequest {
    std::string purpose;
    std::string prompt;  // the user message (stored only with cartridge.log_prompts)
    ai::Call call;
};

struct GeneratedProject {
    std::string name;
    std::string provider = "builtin";
    std::string model;  // empty for builtin
    std::vector<AiRequest> ai_requests;
    std::vector<GeneratedFile> files;  // sorted by path
    std::vector<GeneratedModel> models;
    std::vector<GeneratedTest> tests;
    std::vector<std::string> warnings;
};

// The error of a generation that had asked a provider: what it asked goes with it, so that a
// job can record its requests with its failure.
class GenerationError : public Error {
public:
    GenerationError(const Error& error, GeneratedProject asked) : Error(error), asked(std::move(asked)) {}
    GeneratedProject asked;  // name, provider, model and ai_requests
};

// Hooks into the caller: check_interrupts is called often and may throw to abort (the
// server's cancel and statement_timeout); progress reports a percentage and a stage name.
struct GenerateHooks {
    std::function<void()> check_interrupts;
    std::function<void(int percent, const std::string& stage)> progress;
    // Asks an AI provider (options.provider other than builtin): every prompt, concurrently.
    std::function<std::vector<ai::Call>(const std::vector<ai::Prompt>&)> ask;
    std::string model;  // the model ask talks to, recorded with the project
    // Parses and plans plain SQL in the database, and with `run` also runs it (read-only),
    // rolled back; with ask, the provider's SQL and casts are checked through it (without
    // it, the builtin marts, names and types stay).
    std::function<ai::SqlCheck(const std::string& sql, bool run)> check_sql;
};

GeneratedProject generate_dbt_project(const Schema& schema, const GenerateOptions& options,
                                      const GenerateHooks& hooks = {});

}  // namespace cartridge
