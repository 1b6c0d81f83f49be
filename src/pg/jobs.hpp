// The steps of a scan and of a generation, shared by the SQL functions (sync mode, in the
// caller's transaction) and the background worker (async mode, as the submitting role).
#pragma once

#include "pg/owner_scope.hpp"
#include "pg/reader.hpp"

#include "core/dbt_project.hpp"
#include "core/generate_options.hpp"
#include "core/schema.hpp"
#include "core/test_run.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace cartridge::pg {

// Runs the scan of row scan_id (whose schemas and options were checked when it was
// submitted) and stores everything it learns in the current transaction; the row ends
// with status succeeded. It reads through `reader` when given (a synchronous remote scan);
// otherwise the current database, or the foreign server its options name.
void execute_scan_pg(int64_t scan_id, const Roles& roles, CatalogReader* reader = nullptr);

// What a generation needs, loaded in one transaction: the scan (which must have
// succeeded), the options and the server's keywords.
struct GenerationInput {
    int64_t scan_id = 0;
    cartridge::Schema schema;
    cartridge::GenerateOptions options;
    nlohmann::json timings = nlohmann::json::object();
    // The options of the scan when it read another server (null for a local scan): the
    // provider's SQL is checked there.
    nlohmann::json remote_scan_options;
};
GenerationInput load_generation_input_pg(int64_t project_id, const Roles& roles);

// The builtin generation, in memory: needs no open transaction.
cartridge::GeneratedProject generate_in_memory(const GenerationInput& input, const cartridge::GenerateHooks& hooks,
                                               nlohmann::json& timings);

// Sets hooks.ask (and hooks.model) for an AI provider, from the settings, and hooks.check_sql
// (here, or on a remote scan's server); nothing for builtin.
// A missing key, base URL or model is an error.
void add_ai_hook(cartridge::GenerateHooks& hooks, const GenerationInput& input);

// The usage totals of a project's AI requests, as cartridge.projects.usage keeps them.
nlohmann::json usage_of(const cartridge::GeneratedProject& project);

// Stores the project's AI requests (one row each), as the extension's owner.
void store_ai_requests_pg(int64_t project_id, const cartridge::GeneratedProject& project, const Roles& roles);

// Stores the project's models, tests and files (and its AI requests) and ends its job as
// succeeded.
void store_generated_project_pg(int64_t project_id, const cartridge::GeneratedProject& project,
                                nlohmann::json timings, const Roles& roles);

// A test run's row (cartridge.test_runs), as the extension's owner, for a project the caller
// sees and that succeeded: queued for the worker (async) or running in this backend. It
// keeps the caller's search_path for the project's SQL.
int64_t insert_test_run_pg(int64_t project_id, const std::string& options_text, bool async, const Roles& roles);

// Builds the run's project and runs its tests (see test_run.cpp), stores the results and
// ends the run succeeded. progress gets 0-99 and "building" or "testing" after each node. Call with search_path
// pg_catalog, pg_temp; it is so again on return.
std::vector<cartridge::test_run::Result> execute_test_run_pg(int64_t run_id, const Roles& roles,
                                                             const std::function<void(int, const char*)>& progress);

}  // namespace cartridge::pg
