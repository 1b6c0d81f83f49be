// cartridge_scan(schemas text[], options jsonb, async boolean): one catalog pass of the
// current database, stored in the cartridge tables in the caller's transaction (an error
// leaves nothing); or, async, a queued scan that the background worker runs after the
// caller commits, in one transaction of its own, as the caller.
#include "pg/analysis.hpp"
#include "pg/background.hpp"
#include "pg/catalog_store.hpp"
#include "pg/datum.hpp"
#include "pg/jobs.hpp"
#include "pg/spi.hpp"
#include "pg/owner_scope.hpp"
#include "pg/reader.hpp"
#include "pg/remote.hpp"

#include "core/analysis_options.hpp"
#include "core/error.hpp"
#include "core/scan_options.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <chrono>
#include <cmath>

extern "C" {
#include "catalog/pg_type_d.h"
#include "utils/lsyscache.h"
}

namespace {

using cartridge::Error;
using nlohmann::json;

// The schemas a scan covers: those asked for (each must exist and be scannable), or every
// schema that is not a system schema nor belongs to an extension.
json resolve_schemas_pg(cartridge::pg::CatalogReader& reader, const std::optional<std::string>& requested_array) {
    static const char* const sql = R"SQL(
WITH scannable AS (
    SELECT n.nspname::text AS name
      FROM pg_catalog.pg_namespace n
     WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'cartridge')
       AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
       AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                        WHERE d.classid = 'pg_catalog.pg_namespace'::pg_catalog.regclass
                          AND d.objid = n.oid AND d.deptype = 'e')
), wanted AS (
    SELECT DISTINCT name FROM pg_catalog.unnest($1::text[]) AS name
)
SELECT coalesce((SELECT pg_catalog.jsonb_agg(name ORDER BY name) FROM scannable), '[]'),
       coalesce((SELECT pg_catalog.jsonb_agg(name ORDER BY name) FROM wanted
                  WHERE name IS NULL OR name NOT IN (SELECT name FROM scannable)), '[]'),
       coalesce((SELECT pg_catalog.jsonb_agg(name ORDER BY name) FROM wanted), '[]'),
       (SELECT pg_catalog.jsonb_agg(name ORDER BY name) FROM wanted
         WHERE name IN (SELECT nspname FROM pg_catalog.pg_namespace))
)SQL";
    auto rows = reader.query(sql, {{TEXTARRAYOID, requested_array ? requested_array->c_str() : nullptr}});
    json available = json::parse(rows.at(0).at(0).value());
    if (!requested_array)
        return available;
    json unknown = json::parse(rows.at(0).at(1).value());
    if (!unknown.empty()) {
        std::vector<std::string> names;
        for (const json& name : available)
            names.push_back(name.get<std::string>());
        const json& first = unknown.at(0);
        std::string shown = first.is_null() ? "NULL" : first.get<std::string>();
        json existing = rows.at(0).at(3) ? json::parse(*rows.at(0).at(3)) : json::array();
        bool exists_but_excluded = std::find(existing.begin(), existing.end(), first) != existing.end();
        throw Error(cartridge::sqlstate::undefined_schema,
                    exists_but_excluded
                        ? fmt::format("schema \"{}\" cannot be scanned: it is a system schema or belongs to an extension", shown)
                        : fmt::format("schema \"{}\" does not exist", shown),
                    names.empty() ? std::string("This database has no schema to scan.")
                                  : fmt::format("Schemas you can scan: {}.", fmt::join(names, ", ")));
    }
    return json::parse(rows.at(0).at(2).value());
}

const char* const remote_async_hint =
    "The password of a connection string is never stored, so the worker could not connect: create a foreign "
    "server and a user mapping (they keep the credentials) and pass '{\"server\": \"name\"}', or scan with "
    "async => false.";

json patterns_json(const std::vector<cartridge::NamePattern>& patterns) {
    json out = json::array();
    for (const auto& p : patterns)
        out.push_back({p.schema_regex, p.table_regex});
    return out;
}

// The text form of the schemas argument (a text[]), or nullopt when NULL.
std::optional<std::string> array_arg_as_text_pg(FunctionCallInfo fcinfo, int n) {
    if (PG_ARGISNULL(n))
        return std::nullopt;
    char* text = cartridge::pg::pg_call([fcinfo, n] {
        Oid output;
        bool varlena;
        getTypeOutputInfo(TEXTARRAYOID, &output, &varlena);
        return OidOutputFunctionCall(output, PG_GETARG_DATUM(n));
    });
    std::string copy(text);
    pfree(text);
    return copy;
}

}  // namespace

namespace cartridge::pg {

void execute_scan_pg(int64_t scan_id, const Roles& roles, CatalogReader* given_reader) {
    const auto started = std::chrono::steady_clock::now();
    const std::string id = std::to_string(scan_id);
    // Not read-only: a sync scan reads the row its own INSERT just wrote.
    auto row = spi_query_pg("SELECT pg_catalog.to_jsonb(schemas), options, database_name FROM cartridge.scans "
                            "WHERE id = $1",
                            {{INT8OID, id.c_str()}}, false);
    if (row.empty())
        throw Error(cartridge::sqlstate::undefined_object, "scan " + id + " does not exist",
                    "SELECT id, database_name, status FROM cartridge.scans lists the scans you can see.");
    const json schemas = json::parse(row[0][0].value_or("[]"));
    const cartridge::ScanOptions options = cartridge::parse_scan_options(row[0][1].value_or("{}"));
    const std::string database_name = row[0][2].value_or("");
    const std::string schemas_text = schemas.dump();
    // Where it reads: the reader of a synchronous remote scan is given; a queued scan of a
    // foreign server connects now, as the role that queued it.
    LocalReader local;
    std::unique_ptr<RemoteReader> connected;
    if (!given_reader && options.raw.contains("conninfo"))
        throw Error(cartridge::sqlstate::feature_not_supported,
                    "a queued scan cannot connect with a connection string", remote_async_hint);
    if (!given_reader) {
        const std::string conninfo = remote_conninfo_pg(options.raw);
        if (!conninfo.empty())
            connected = std::make_unique<RemoteReader>(conninfo);
    }
    CatalogReader& reader = given_reader ? *given_reader : connected ? *connected : static_cast<CatalogReader&>(local);

    // Profiling (unless "profile" is false) runs once the scope is known, so that the
    // profiles are stored with the columns; then relationship inference and classification.
    const cartridge::AnalysisOptions analysis = cartridge::parse_analysis_options(options.raw);
    ProfileRun profiled;
    SchemaBuilder model;
    CatalogCounts counts = store_catalog_pg(
        scan_id, schemas_text, patterns_json(options.include).dump(), patterns_json(options.exclude).dump(), roles,
        reader,
        [&](const std::vector<QueryArg>& scope) {
            if (!analysis.profile)
                return profiled.column_args();
            profile_scope_pg(reader, scope, schemas_text, analysis, roles, profiled);
            return profiled.column_args();
        },
        model);
    const auto modelled = std::chrono::steady_clock::now();
    cartridge::Schema schema = model.finish(scan_id, database_name);
    counts.timings_ms.emplace_back(
        "model", std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - modelled).count());
    infer_and_classify_pg(scan_id, options.raw, roles, reader, analysis.profile ? &profiled : nullptr,
                          std::move(schema));

    const double duration_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    json stats = {
        {"schemas", schemas.size()},
        {"relations", counts.relations},
        {"columns", counts.columns},
        {"constraints", counts.constraints},
        {"indexes", counts.indexes},
        {"relationships_declared", counts.relationships},
        {"skipped_no_privilege", counts.skipped_no_privilege},
        {"profile", options.profile},
    };
    if (auto* remote = dynamic_cast<RemoteReader*>(&reader))
        stats["remote"] = remote->where();
    json timings = json::object();
    for (const auto& [step, ms] : counts.timings_ms)
        timings[step] = std::round(ms * 1000) / 1000;
    stats["timings_ms"] = timings;
    const std::string stats_text = stats.dump();
    const std::string duration_text = fmt::format("{:.3f}", duration_ms);
    const std::string message = fmt::format("{} relations, {} columns", counts.relations, counts.columns);
    OwnerScope as_owner(roles);
    spi_execute_pg(
        "UPDATE cartridge.scans SET status = 'succeeded', progress = 100, stage = 'done', message = $4, "
        "finished_at = pg_catalog.clock_timestamp(), duration_ms = $2, "
        "stats = stats || ($3 - 'timings_ms') || jsonb_build_object('timings_ms', "
        "coalesce(stats->'timings_ms', '{}') || ($3->'timings_ms')) WHERE id = $1",
        false,
        {{INT8OID, id.c_str()},
         {FLOAT8OID, duration_text.c_str()},
         {JSONBOID, stats_text.c_str()},
         {TEXTOID, message.c_str()}});
}

}  // namespace cartridge::pg

CARTRIDGE_FUNCTION(cartridge_scan) {
    std::optional<std::string> schemas_arg = array_arg_as_text_pg(fcinfo, 0);
    cartridge::ScanOptions options =
        cartridge::parse_scan_options(cartridge::pg::jsonb_arg_as_text_pg(fcinfo, 1).value_or("{}"));
    // Checked now, so that a bad option fails the call rather than the job.
    (void)cartridge::parse_analysis_options(options.raw);
    // The SQL function of version 0.1.0 and 0.2.0 has two arguments (the version check
    // below then refuses to run).
    if (PG_NARGS() > 2 && PG_ARGISNULL(2))
        throw Error(cartridge::sqlstate::invalid_parameter_value, "async must not be null",
                    "Pass async => false to scan in this session.");
    const bool async = PG_NARGS() > 2 && PG_GETARG_BOOL(2);
    if (async)
        cartridge::pg::require_background_pg("an asynchronous scan", "scan");

    cartridge::pg::SpiScope spi;
    const cartridge::pg::Roles roles = cartridge::pg::extension_roles_pg();
    // A remote scan connects now, also when queued: who may connect, and the schemas to
    // scan, are checked in the call.
    const std::string conninfo = cartridge::pg::remote_conninfo_pg(options.raw);
    if (async && options.raw.contains("conninfo"))
        throw Error(cartridge::sqlstate::feature_not_supported,
                    "an asynchronous scan cannot connect with a connection string", remote_async_hint);
    cartridge::pg::LocalReader local;
    std::unique_ptr<cartridge::pg::RemoteReader> remote;
    if (!conninfo.empty())
        remote = std::make_unique<cartridge::pg::RemoteReader>(conninfo);
    cartridge::pg::CatalogReader& reader =
        remote ? static_cast<cartridge::pg::CatalogReader&>(*remote) : static_cast<cartridge::pg::CatalogReader&>(local);
    const std::string schemas_text = resolve_schemas_pg(reader, schemas_arg).dump();
    // The password is never stored: the connection string is kept without it.
    json stored_options = options.raw;
    if (stored_options.contains("conninfo"))
        stored_options["conninfo"] = cartridge::pg::conninfo_without_password(conninfo);
    const std::string options_text = stored_options.dump();
    const std::string database = remote ? remote->database() : std::string();
    const std::string version = remote ? remote->server_version() : std::string();
    const std::string caller = std::to_string(roles.caller);
    int64_t scan_id;
    {
        cartridge::pg::OwnerScope as_owner(roles);
        auto inserted = cartridge::pg::spi_query_pg(
            "INSERT INTO cartridge.scans (database_name, server_version, schemas, options, scanned_by, async, status, "
            "stage, started_at, source) "
            "SELECT coalesce($5, pg_catalog.current_database()), "
            "coalesce($6, pg_catalog.current_setting('server_version')), "
            "ARRAY(SELECT pg_catalog.jsonb_array_elements_text($1)), $2, $3::pg_catalog.regrole, $4, "
            "CASE WHEN $4 THEN 'queued' ELSE 'running' END, CASE WHEN $4 THEN 'queued' ELSE 'scanning' END, "
            "CASE WHEN $4 THEN NULL ELSE pg_catalog.clock_timestamp() END, "
            "CASE WHEN $5 IS NULL THEN 'local' ELSE 'remote' END "
            "RETURNING id",
            {{JSONBOID, schemas_text.c_str()},
             {JSONBOID, options_text.c_str()},
             {OIDOID, caller.c_str()},
             {BOOLOID, async ? "true" : "false"},
             {TEXTOID, remote ? database.c_str() : nullptr},
             {TEXTOID, remote ? version.c_str() : nullptr}},
            false);
        scan_id = std::stoll(inserted.at(0).at(0).value());
    }
    if (async)
        cartridge::pg::wake_worker_at_commit();
    else
        cartridge::pg::execute_scan_pg(scan_id, roles, remote.get());
    PG_RETURN_INT64(scan_id);
}
