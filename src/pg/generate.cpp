// cartridge_generate(scan_id, provider, options, async): builds a dbt project from a stored
// scan with the builtin provider. Sync: in the calling backend, stored in the caller's
// transaction, so an error (or a cancel) leaves no row behind. Async (the default): the
// project row is queued and the background worker builds it after the caller commits
// (src/pg/worker.cpp), with the same steps (pg/jobs.hpp).
#include "pg/background.hpp"
#include "pg/datum.hpp"
#include "pg/ai_settings.hpp"
#include "pg/jobs.hpp"
#include "pg/scan_model.hpp"
#include "pg/sql_check.hpp"
#include "pg/spi.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cmath>

extern "C" {
#include "catalog/pg_type_d.h"
#include "common/keywords.h"
#include "utils/array.h"
#include "utils/builtins.h"
}

namespace {

using cartridge::Error;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    return std::round(ms * 1000) / 1000;
}

// The running server's keywords that quote_identifier() quotes, so generated SQL quotes
// exactly what this server's parser needs (see core/identifier.hpp). Plain reads of
// constant tables: nothing here can raise an ERROR.
std::vector<std::string> server_quoted_keywords() {
    std::vector<std::string> keywords;
    for (int i = 0; i < ScanKeywords.num_keywords; i++)
        if (ScanKeywordCategories[i] != UNRESERVED_KEYWORD)
            keywords.emplace_back(GetScanKeyword(i, &ScanKeywords));
    return keywords;
}

struct ScanRef {
    int64_t id = 0;
    std::string status;
    std::string database;
    json remote_options;  // the options of a remote scan (null for a local one)
};

const char* const scans_hint = "SELECT id, database_name, status, started_at FROM cartridge.scans lists the scans you can see.";

// The scan to generate from: the given one, or the latest local scan of this database
// that the caller can see (row-level security decides, as the caller) and that did not
// fail nor was cancelled.
ScanRef resolve_scan_pg(std::optional<int64_t> requested) {
    std::vector<cartridge::pg::TextRow> rows;
    if (requested) {
        const std::string id = std::to_string(*requested);
        // Not read-only: a new snapshot, which sees a scan made earlier in the same
        // statement (SELECT cartridge_generate(cartridge_scan())).
        rows = cartridge::pg::spi_query_pg(
            "SELECT id, status, database_name, CASE WHEN source = 'remote' THEN options END FROM cartridge.scans "
            "WHERE id = $1",
            {{INT8OID, id.c_str()}}, false);
        if (rows.empty())
            throw Error(cartridge::sqlstate::undefined_object, "scan " + id + " does not exist", scans_hint);
    } else {
        rows = cartridge::pg::spi_query_pg(
            "SELECT id, status, database_name, NULL FROM cartridge.scans "
            "WHERE database_name = pg_catalog.current_database() AND source = 'local' "
            "AND status NOT IN ('failed', 'cancelled') ORDER BY id DESC LIMIT 1",
            {}, false);
        if (rows.empty()) {
            auto db = cartridge::pg::spi_query_pg("SELECT pg_catalog.current_database()");
            throw Error(cartridge::sqlstate::undefined_object,
                        fmt::format("database \"{}\" has no scan to generate from", db.at(0).at(0).value_or("")),
                        "Run SELECT cartridge_scan(); first, or pass the id of a scan you can see.");
        }
    }
    return {std::stoll(rows[0][0].value()), rows[0][1].value_or(""), rows[0][2].value_or(""),
            rows[0][3] ? json::parse(*rows[0][3]) : json()};
}

// An AI provider's SQL is checked where the sources are: for a remote scan, on its server,
// which only a scan by foreign server can reach again (a connection string's password is
// not kept).
void require_checkable(const ScanRef& scan, const std::string& provider) {
    if (provider == "builtin" || scan.remote_options.is_null() || scan.remote_options.contains("server"))
        return;
    throw Error(cartridge::sqlstate::feature_not_supported,
                fmt::format("provider {} cannot generate from scan {}: it was made with a connection string", provider,
                            scan.id),
                "The provider's SQL is checked on the server the scan read, and the password of a connection "
                "string is not kept. Scan with '{\"server\": \"name\"}' (a foreign server and a user mapping), "
                "or generate with the builtin provider.");
}

// A scan that has not succeeded cannot be generated from now (sync mode; or in the worker,
// when the scan the job was queued after failed).
void require_succeeded(const ScanRef& scan) {
    if (scan.status == "succeeded")
        return;
    const bool pending = scan.status == "queued" || scan.status == "running";
    throw Error(cartridge::sqlstate::object_not_in_prerequisite_state,
                fmt::format("scan {} is {}", scan.id, scan.status),
                pending ? fmt::format("Wait for it with SELECT cartridge_wait_scan({}); or generate with async => true, "
                                      "which runs after the scan.",
                                      scan.id)
                        : fmt::format("SELECT error FROM cartridge.scans WHERE id = {}; says why. Run a new scan.",
                                      scan.id));
}

using cartridge::pg::QueryArg;
using cartridge::pg::TextColumn;
using cartridge::pg::text_array_pg;
using cartridge::pg::spi_execute_pg;
using cartridge::pg::spi_query_pg;
using cartridge::pg::OwnerScope;
using cartridge::pg::Roles;

// A new project row, as the extension's owner, with the caller as its submitter: queued
// for the worker (async) or running in this backend (sync).
int64_t insert_project_pg(const ScanRef& scan, const std::string& name, const std::string& provider,
                          const std::string& options_text, bool async, const Roles& roles) {
    const std::string scan_id = std::to_string(scan.id);
    const std::string caller = std::to_string(roles.caller);
    OwnerScope as_owner(roles);
    auto inserted = spi_query_pg(
        "INSERT INTO cartridge.projects (scan_id, name, provider, options, async, status, stage, started_at, "
        "submitted_by) "
        "VALUES ($1, $2, $6, $3, $4, CASE WHEN $4 THEN 'queued' ELSE 'running' END, "
        "CASE WHEN $4 THEN 'queued' ELSE 'generating' END, "
        "CASE WHEN $4 THEN NULL ELSE pg_catalog.clock_timestamp() END, $5::pg_catalog.regrole) RETURNING id",
        {{INT8OID, scan_id.c_str()},
         {TEXTOID, name.c_str()},
         {JSONBOID, options_text.c_str()},
         {BOOLOID, async ? "true" : "false"},
         {OIDOID, caller.c_str()},
         {TEXTOID, provider.c_str()}},
        false);
    return std::stoll(inserted.at(0).at(0).value());
}

// The rows of a generated project (models, tests, files), as the extension's owner.
void store_project_contents_pg(int64_t project_id, const cartridge::GeneratedProject& p, const Roles& roles) {
    const std::string id = std::to_string(project_id);
    const QueryArg project = {INT8OID, id.c_str()};
    OwnerScope as_owner(roles);

    std::vector<TextColumn> models(9);
    for (const auto& m : p.models) {
        models[0].push_back(&m.name);
        models[1].push_back(&m.layer);
        models[2].push_back(&m.path);
        models[3].push_back(&m.materialized);
        models[4].push_back(m.schema_name.empty() ? nullptr : &m.schema_name);
        models[5].push_back(m.table_name.empty() ? nullptr : &m.table_name);
        models[6].push_back(&m.description);
        models[7].push_back(&m.sql);
        models[8].push_back(&m.origin);
    }
    std::vector<QueryArg> args{project};
    for (const TextColumn& column : models)
        args.push_back(text_array_pg(column));
    spi_execute_pg(
        "INSERT INTO cartridge.models (project_id, name, layer, path, materialized, schema_name, table_name, "
        "description, sql, origin) "
        "SELECT $1, m.* FROM unnest($2, $3, $4, $5, $6, $7, $8, $9, $10) AS m",
        false, args);

    std::vector<std::string> arguments;
    arguments.reserve(p.tests.size());
    for (const auto& t : p.tests)
        arguments.push_back(t.arguments.dump());
    std::vector<TextColumn> tests(5);
    for (std::size_t i = 0; i < p.tests.size(); i++) {
        const auto& t = p.tests[i];
        tests[0].push_back(&t.model_name);
        tests[1].push_back(t.column_name ? &*t.column_name : nullptr);
        tests[2].push_back(&t.test_name);
        tests[3].push_back(&arguments[i]);
        tests[4].push_back(&t.severity);
    }
    args = {project};
    for (const TextColumn& column : tests)
        args.push_back(text_array_pg(column));
    spi_execute_pg(
        "INSERT INTO cartridge.tests (project_id, model_name, column_name, test_name, arguments, severity) "
        "SELECT $1, t.model, t.col, t.test, t.args::jsonb, t.severity "
        "FROM unnest($2, $3, $4, $5, $6) AS t(model, col, test, args, severity)",
        false, args);

    std::vector<TextColumn> files(3);
    for (const auto& f : p.files) {
        files[0].push_back(&f.path);
        files[1].push_back(&f.kind);
        files[2].push_back(&f.content);
    }
    args = {project};
    for (const TextColumn& column : files)
        args.push_back(text_array_pg(column));
    spi_execute_pg(
        "INSERT INTO cartridge.files (project_id, path, kind, content) "
        "SELECT $1, f.* FROM unnest($2, $3, $4) AS f",
        false, args);
}

}  // namespace

namespace cartridge::pg {

GenerationInput load_generation_input_pg(int64_t project_id, const Roles& roles) {
    const auto started = Clock::now();
    const std::string id = std::to_string(project_id);
    // Not read-only: a sync generation reads the row its own INSERT just wrote.
    auto rows = spi_query_pg("SELECT scan_id, options, provider FROM cartridge.projects WHERE id = $1",
                             {{INT8OID, id.c_str()}}, false);
    if (rows.empty())
        throw Error(cartridge::sqlstate::undefined_object, "project " + id + " does not exist",
                    "SELECT id, name, status FROM cartridge.projects lists the projects you can see.");
    const ScanRef scan = resolve_scan_pg(std::stoll(rows[0][0].value()));
    require_succeeded(scan);
    GenerationInput input;
    input.scan_id = scan.id;
    input.remote_scan_options = scan.remote_options;
    input.options = cartridge::parse_generate_options(json::parse(rows[0][1].value_or("{}")),
                                                      rows[0][2].value_or("builtin"));
    input.options.quoted_keywords = server_quoted_keywords();
    {
        // The caller may see the scan (resolve_scan_pg); its rows are read without a
        // row-level security check per row.
        OwnerScope as_owner(roles);
        input.schema = load_scan_pg(scan.id);
    }
    input.timings["load_scan_ms"] = ms_since(started);
    return input;
}

cartridge::GeneratedProject generate_in_memory(const GenerationInput& input, const cartridge::GenerateHooks& hooks,
                                               json& timings) {
    const auto started = Clock::now();
    cartridge::GeneratedProject project = cartridge::generate_dbt_project(input.schema, input.options, hooks);
    timings["generate_ms"] = ms_since(started);
    return project;
}

json usage_of(const cartridge::GeneratedProject& p) {
    long prompt_tokens = 0, completion_tokens = 0, attempts = 0;
    for (const auto& r : p.ai_requests) {
        prompt_tokens += r.call.answer.prompt_tokens;
        completion_tokens += r.call.answer.completion_tokens;
        attempts += r.call.attempts;
    }
    return json{{"requests", p.ai_requests.size()},
                {"attempts", attempts},
                {"prompt_tokens", prompt_tokens},
                {"completion_tokens", completion_tokens}};
}

void store_ai_requests_pg(int64_t project_id, const cartridge::GeneratedProject& p, const Roles& roles) {
    if (p.ai_requests.empty())
        return;
    const std::string id = std::to_string(project_id);
    const QueryArg project{INT8OID, id.c_str()};
    OwnerScope as_owner(roles);
    std::vector<QueryArg> args;
    // One row per question asked of the provider; the prompt only with cartridge.log_prompts.
    std::vector<std::string> numbers;
    numbers.reserve(p.ai_requests.size() * 5);
    std::vector<TextColumn> requests(9);
    const bool prompts = cartridge::pg::ai_log_prompts();
    static const std::string succeeded = "succeeded", failed = "failed";
    for (const auto& r : p.ai_requests) {
        const cartridge::ai::Call& c = r.call;
        numbers.push_back(std::to_string(c.http_status));
        numbers.push_back(std::to_string(c.attempts));
        numbers.push_back(fmt::format("{:.3f}", c.latency_ms));
        numbers.push_back(std::to_string(c.answer.prompt_tokens));
        numbers.push_back(std::to_string(c.answer.completion_tokens));
    }
    for (std::size_t i = 0; i < p.ai_requests.size(); i++) {
        const auto& r = p.ai_requests[i];
        const bool ok = r.call.answer.outcome == cartridge::ai::Outcome::ok;
        requests[0].push_back(&r.purpose);
        requests[1].push_back(r.call.http_status ? &numbers[i * 5] : nullptr);
        requests[2].push_back(ok ? &succeeded : &failed);
        requests[3].push_back(&numbers[i * 5 + 1]);
        requests[4].push_back(&numbers[i * 5 + 2]);
        requests[5].push_back(&numbers[i * 5 + 3]);
        requests[6].push_back(&numbers[i * 5 + 4]);
        requests[7].push_back(ok ? nullptr : &r.call.answer.error);
        requests[8].push_back(prompts ? &r.prompt : nullptr);
    }
    args = {project, {TEXTOID, p.provider.c_str()}, {TEXTOID, p.model.c_str()}};
    for (const TextColumn& column : requests)
        args.push_back(text_array_pg(column));
    spi_execute_pg(
        "INSERT INTO cartridge.ai_requests (project_id, provider, model, purpose, http_status, status, attempts, "
        "latency_ms, prompt_tokens, completion_tokens, error, prompt, requested_by) "
        "SELECT $1, $2, $3, r.purpose, r.http::int, r.status, r.attempts::int, r.latency::float8, "
        "r.prompt_tokens::int, r.completion_tokens::int, r.error, r.prompt, "
        "(SELECT submitted_by FROM cartridge.projects WHERE id = $1) "
        "FROM unnest($4, $5, $6, $7, $8, $9, $10, $11, $12) "
        "AS r(purpose, http, status, attempts, latency, prompt_tokens, completion_tokens, error, prompt)",
        false, args);
}

void store_generated_project_pg(int64_t project_id, const cartridge::GeneratedProject& p, json timings,
                                const Roles& roles) {
    const auto started = Clock::now();
    store_project_contents_pg(project_id, p, roles);
    timings["store_ms"] = ms_since(started);
    const std::string id = std::to_string(project_id);
    const std::string warnings = json(p.warnings).dump();
    store_ai_requests_pg(project_id, p, roles);
    const std::string usage = usage_of(p).dump();
    const std::string message =
        fmt::format("{} models, {} tests, {} files", p.models.size(), p.tests.size(), p.files.size());
    const std::string timings_text = timings.dump();
    OwnerScope as_owner(roles);
    spi_execute_pg(
        "UPDATE cartridge.projects SET name = $6, status = 'succeeded', progress = 100, stage = 'done', "
        "model = NULLIF($7, ''), "
        "message = $2, warnings = $3, usage = $4, finished_at = pg_catalog.clock_timestamp(), "
        "timings = $5 || jsonb_build_object('total_ms', round(extract(epoch FROM "
        "pg_catalog.clock_timestamp() - started_at)::numeric * 1000, 3)) WHERE id = $1",
        false,
        {{INT8OID, id.c_str()},
         {TEXTOID, message.c_str()},
         {JSONBOID, warnings.c_str()},
         {JSONBOID, usage.c_str()},
         {JSONBOID, timings_text.c_str()},
         {TEXTOID, p.name.c_str()},
         {TEXTOID, p.model.c_str()}});
}

void add_ai_hook(cartridge::GenerateHooks& hooks, const GenerationInput& input) {
    const cartridge::GenerateOptions& options = input.options;
    if (options.provider == "builtin")
        return;
    ScanRef scan;
    scan.id = input.scan_id;
    scan.remote_options = input.remote_scan_options;
    require_checkable(scan, options.provider);
    const cartridge::ai::Endpoint endpoint = ai_endpoint(options.provider, options.model);
    const cartridge::ai::AskOptions ask = ai_ask_options();
    hooks.ask = [endpoint, ask](const std::vector<cartridge::ai::Prompt>& prompts) {
        return cartridge::ai::ask_all(endpoint, prompts, ask);
    };
    hooks.model = endpoint.model;
    hooks.check_sql = sql_checker_pg(input.remote_scan_options);
}

}  // namespace cartridge::pg

CARTRIDGE_FUNCTION(cartridge_generate) {
    std::optional<int64_t> scan_arg;
    if (!PG_ARGISNULL(0))
        scan_arg = PG_GETARG_INT64(0);
    std::optional<std::string> provider = cartridge::pg::text_arg_pg(fcinfo, 1);
    if (!provider)
        throw Error(cartridge::sqlstate::invalid_parameter_value, "provider must not be null",
                    "Known providers: builtin, openai, anthropic, gemini, openai_compatible.");
    cartridge::check_provider(*provider);
    const std::string options_text = cartridge::pg::jsonb_arg_as_text_pg(fcinfo, 2).value_or("{}");
    const cartridge::GenerateOptions options = cartridge::parse_generate_options(json::parse(options_text), *provider);
    if (options.provider != "builtin")
        (void)cartridge::pg::ai_endpoint(options.provider, options.model);  // a missing key fails now
    if (PG_ARGISNULL(3))
        throw Error(cartridge::sqlstate::invalid_parameter_value, "async must not be null",
                    "Pass async => false to generate in this session.");
    const bool async = PG_GETARG_BOOL(3);
    if (async)
        cartridge::pg::require_background_pg("asynchronous generation", "generate");

    cartridge::pg::SpiScope spi;
    const Roles roles = cartridge::pg::extension_roles_pg();
    const ScanRef scan = resolve_scan_pg(scan_arg);
    require_checkable(scan, options.provider);
    if (!async)
        require_succeeded(scan);
    const std::string name =
        options.project_name.empty() ? cartridge::project_name_for(scan.database) : options.project_name;
    const int64_t project_id = insert_project_pg(scan, name, options.provider, options_text, async, roles);
    if (async) {
        cartridge::pg::wake_worker_at_commit();
        PG_RETURN_INT64(project_id);
    }
    cartridge::pg::GenerationInput input = cartridge::pg::load_generation_input_pg(project_id, roles);
    cartridge::GenerateHooks hooks;
    hooks.check_interrupts = [] { cartridge::pg::check_for_interrupts_pg(); };
    cartridge::pg::add_ai_hook(hooks, input);
    json timings = input.timings;
    cartridge::GeneratedProject project = cartridge::pg::generate_in_memory(input, hooks, timings);
    cartridge::pg::store_generated_project_pg(project_id, project, timings, roles);
    PG_RETURN_INT64(project_id);
}
