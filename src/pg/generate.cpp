// cartridge_generate(scan_id, provider, options, async): builds a dbt project from a stored
// scan with the builtin provider, in the calling backend, and stores it in the cartridge
// tables in the caller's transaction, so an error (or a cancel) leaves no row behind.
#include "pg/datum.hpp"
#include "pg/scan_model.hpp"
#include "pg/spi.hpp"

#include "core/dbt_project.hpp"
#include "core/error.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cmath>

extern "C" {
#include "catalog/pg_type_d.h"
#include "common/keywords.h"
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
// that the caller can see.
int64_t resolve_scan_pg(std::optional<int64_t> requested) {
    if (requested)
        return *requested;
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

json files_json(const cartridge::GeneratedProject& p) {
    json out = json::array();
    for (const auto& f : p.files)
        out.push_back({{"path", f.path}, {"kind", f.kind}, {"content", f.content}});
    return out;
}

json models_json(const cartridge::GeneratedProject& p) {
    json out = json::array();
    for (const auto& m : p.models)
        out.push_back({{"name", m.name}, {"layer", m.layer}, {"path", m.path}, {"materialized", m.materialized},
                       {"schema_name", m.schema_name.empty() ? json() : json(m.schema_name)},
                       {"table_name", m.table_name.empty() ? json() : json(m.table_name)},
                       {"description", m.description}, {"sql", m.sql}});
    return out;
}

json tests_json(const cartridge::GeneratedProject& p) {
    json out = json::array();
    for (const auto& t : p.tests)
        out.push_back({{"model_name", t.model_name},
                       {"column_name", t.column_name ? json(*t.column_name) : json()},
                       {"test_name", t.test_name},
                       {"arguments", t.arguments},
                       {"severity", t.severity}});
    return out;
}

// Stores the project and returns its id. Children are inserted from one JSON document per
// table (jsonb_to_recordset): four statements whatever the size of the project.
int64_t store_project_pg(int64_t scan_id, const std::string& options_text, const std::string& started_at,
                         const cartridge::GeneratedProject& p, json timings) {
    using cartridge::pg::spi_execute_pg;
    using cartridge::pg::spi_query_pg;
    const std::string scan = std::to_string(scan_id);
    const std::string warnings = json(p.warnings).dump();
    const std::string usage = json{{"requests", 0}, {"prompt_tokens", 0}, {"completion_tokens", 0}}.dump();
    const std::string message = fmt::format("{} models, {} tests, {} files", p.models.size(), p.tests.size(),
                                            p.files.size());
    auto inserted = spi_query_pg(
        "INSERT INTO cartridge.projects (scan_id, name, provider, options, async, status, progress, stage, "
        "message, warnings, usage, started_at) "
        "VALUES ($1, $2, 'builtin', $3, false, 'succeeded', 100, 'done', $4, $5, $6, $7) RETURNING id",
        {{INT8OID, scan.c_str()},
         {TEXTOID, p.name.c_str()},
         {JSONBOID, options_text.c_str()},
         {TEXTOID, message.c_str()},
         {JSONBOID, warnings.c_str()},
         {JSONBOID, usage.c_str()},
         {TIMESTAMPTZOID, started_at.c_str()}},
        false);
    const std::string id = inserted.at(0).at(0).value();
    const auto store_started = Clock::now();
    const std::string models = models_json(p).dump();
    spi_execute_pg(
        "INSERT INTO cartridge.models (project_id, name, layer, path, materialized, schema_name, table_name, "
        "description, sql, origin) "
        "SELECT $1, m.name, m.layer, m.path, m.materialized, m.schema_name, m.table_name, m.description, m.sql, "
        "'builtin' FROM pg_catalog.jsonb_to_recordset($2) AS m(name text, layer text, path text, "
        "materialized text, schema_name text, table_name text, description text, sql text)",
        false, {{INT8OID, id.c_str()}, {JSONBOID, models.c_str()}});
    const std::string tests = tests_json(p).dump();
    spi_execute_pg(
        "INSERT INTO cartridge.tests (project_id, model_name, column_name, test_name, arguments, severity) "
        "SELECT $1, t.model_name, t.column_name, t.test_name, t.arguments, t.severity "
        "FROM pg_catalog.jsonb_to_recordset($2) AS t(model_name text, column_name text, test_name text, "
        "arguments jsonb, severity text)",
        false, {{INT8OID, id.c_str()}, {JSONBOID, tests.c_str()}});
    const std::string files = files_json(p).dump();
    spi_execute_pg(
        "INSERT INTO cartridge.files (project_id, path, kind, content) "
        "SELECT $1, f.path, f.kind, f.content "
        "FROM pg_catalog.jsonb_to_recordset($2) AS f(path text, kind text, content text)",
        false, {{INT8OID, id.c_str()}, {JSONBOID, files.c_str()}});
    timings["store_ms"] = ms_since(store_started);
    const std::string timings_text = timings.dump();
    spi_execute_pg(
        "UPDATE cartridge.projects SET finished_at = pg_catalog.clock_timestamp(), "
        "timings = $2 || jsonb_build_object('total_ms', round(extract(epoch FROM "
        "pg_catalog.clock_timestamp() - started_at)::numeric * 1000, 3)) WHERE id = $1",
        false, {{INT8OID, id.c_str()}, {JSONBOID, timings_text.c_str()}});
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
    const auto started = Clock::now();
    const std::string started_at =
        cartridge::pg::spi_query_pg("SELECT pg_catalog.clock_timestamp()").at(0).at(0).value();
    const int64_t scan_id = resolve_scan_pg(scan_arg);
    cartridge::Schema schema = cartridge::pg::load_scan_pg(scan_id);
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

    PG_RETURN_INT64(store_project_pg(scan_id, options_text, started_at, project, timings));
}
