// cartridge_generate(scan_id, provider, options, async): builds a dbt project from a stored
// scan with the builtin provider, in the calling backend, and stores it in the cartridge
// tables in the caller's transaction, so an error (or a cancel) leaves no row behind.
#include "pg/datum.hpp"
#include "pg/scan_model.hpp"
#include "pg/spi.hpp"
#include "pg/owner_scope.hpp"

#include "core/dbt_project.hpp"
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

// The scan to generate from: the given one, or the latest local scan of this database
// that the caller can see (row-level security decides, as the caller).
int64_t resolve_scan_pg(std::optional<int64_t> requested) {
    if (requested) {
        const std::string id = std::to_string(*requested);
        if (cartridge::pg::spi_query_pg("SELECT 1 FROM cartridge.scans WHERE id = $1", {{INT8OID, id.c_str()}}).empty())
            throw Error(cartridge::sqlstate::undefined_object, "scan " + id + " does not exist",
                        "SELECT id, database_name, started_at FROM cartridge.scans lists the scans you can see.");
        return *requested;
    }
    auto rows = cartridge::pg::spi_query_pg(
        "SELECT id, pg_catalog.current_database() FROM cartridge.scans "
        "WHERE database_name = pg_catalog.current_database() AND source = 'local' ORDER BY id DESC LIMIT 1");
    if (rows.empty()) {
        auto db = cartridge::pg::spi_query_pg("SELECT pg_catalog.current_database()");
        throw Error(cartridge::sqlstate::undefined_object,
                    fmt::format("database \"{}\" has no scan to generate from", db.at(0).at(0).value_or("")),
                    "Run SELECT cartridge_scan(); first, or pass the id of a scan you can see.");
    }
    return std::stoll(rows[0][0].value());
}

using cartridge::pg::TextColumn;
using cartridge::pg::text_array_pg;

// Stores the project and returns its id, in the caller's transaction, as the extension's
// owner (the caller is recorded as its submitter).
int64_t store_project_pg(int64_t scan_id, const std::string& options_text, const std::string& started_at,
                         const cartridge::GeneratedProject& p, json timings, const cartridge::pg::Roles& roles) {
    using cartridge::pg::spi_execute_pg;
    using cartridge::pg::spi_query_pg;
    const std::string scan = std::to_string(scan_id);
    const std::string warnings = json(p.warnings).dump();
    const std::string usage = json{{"requests", 0}, {"prompt_tokens", 0}, {"completion_tokens", 0}}.dump();
    const std::string message = fmt::format("{} models, {} tests, {} files", p.models.size(), p.tests.size(),
                                            p.files.size());
    const std::string caller = std::to_string(roles.caller);
    cartridge::pg::OwnerScope as_owner(roles);
    auto inserted = spi_query_pg(
        "INSERT INTO cartridge.projects (scan_id, name, provider, options, async, status, progress, stage, "
        "message, warnings, usage, started_at, submitted_by) "
        "VALUES ($1, $2, 'builtin', $3, false, 'succeeded', 100, 'done', $4, $5, $6, $7, $8::pg_catalog.regrole) "
        "RETURNING id",
        {{INT8OID, scan.c_str()},
         {TEXTOID, p.name.c_str()},
         {JSONBOID, options_text.c_str()},
         {TEXTOID, message.c_str()},
         {JSONBOID, warnings.c_str()},
         {JSONBOID, usage.c_str()},
         {TIMESTAMPTZOID, started_at.c_str()},
         {OIDOID, caller.c_str()}},
        false);
    const std::string id = inserted.at(0).at(0).value();
    const auto store_started = Clock::now();
    const cartridge::pg::QueryArg project = {INT8OID, id.c_str()};

    std::vector<TextColumn> models(8);
    for (const auto& m : p.models) {
        models[0].push_back(&m.name);
        models[1].push_back(&m.layer);
        models[2].push_back(&m.path);
        models[3].push_back(&m.materialized);
        models[4].push_back(m.schema_name.empty() ? nullptr : &m.schema_name);
        models[5].push_back(m.table_name.empty() ? nullptr : &m.table_name);
        models[6].push_back(&m.description);
        models[7].push_back(&m.sql);
    }
    std::vector<cartridge::pg::QueryArg> args{project};
    for (const TextColumn& column : models)
        args.push_back(text_array_pg(column));
    spi_execute_pg(
        "INSERT INTO cartridge.models (project_id, name, layer, path, materialized, schema_name, table_name, "
        "description, sql, origin) "
        "SELECT $1, m.*, 'builtin' FROM unnest($2, $3, $4, $5, $6, $7, $8, $9) AS m",
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

    timings["store_ms"] = ms_since(store_started);
    const std::string timings_text = timings.dump();
    spi_execute_pg(
        "UPDATE cartridge.projects SET finished_at = pg_catalog.clock_timestamp(), "
        "timings = $2 || jsonb_build_object('total_ms', round(extract(epoch FROM "
        "pg_catalog.clock_timestamp() - started_at)::numeric * 1000, 3)) WHERE id = $1",
        false, {project, {JSONBOID, timings_text.c_str()}});
    return std::stoll(id);
}

}  // namespace

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
    cartridge::GenerateOptions options = cartridge::parse_generate_options(json::parse(options_text));
    if (PG_ARGISNULL(3))
        throw Error(cartridge::sqlstate::invalid_parameter_value, "async must not be null",
                    "Pass async => false to generate in this session.");
    const bool async = PG_GETARG_BOOL(3);

    cartridge::pg::SpiScope spi;
    const cartridge::pg::Roles roles = cartridge::pg::extension_roles_pg();
    const auto started = Clock::now();
    const std::string started_at =
        cartridge::pg::spi_query_pg("SELECT pg_catalog.clock_timestamp()").at(0).at(0).value();
    const int64_t scan_id = resolve_scan_pg(scan_arg);
    cartridge::Schema schema;
    {
        // The caller may see the scan (resolve_scan_pg); its rows are read without a
        // row-level security check per row.
        cartridge::pg::OwnerScope as_owner(roles);
        schema = cartridge::pg::load_scan_pg(scan_id);
    }
    if (async)
        throw Error(cartridge::sqlstate::feature_not_supported,
                    "asynchronous generation is not available yet",
                    fmt::format("Pass async => false to generate in this session: "
                                "SELECT cartridge_generate({}, async => false);",
                                scan_id));
    json timings;
    timings["load_scan_ms"] = ms_since(started);

    options.quoted_keywords = server_quoted_keywords();
    cartridge::GenerateHooks hooks;
    hooks.check_interrupts = [] { cartridge::pg::check_for_interrupts_pg(); };
    const auto generate_started = Clock::now();
    cartridge::GeneratedProject project = cartridge::generate_dbt_project(schema, options, hooks);
    timings["generate_ms"] = ms_since(generate_started);

    PG_RETURN_INT64(store_project_pg(scan_id, options_text, started_at, project, timings, roles));
}
