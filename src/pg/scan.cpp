// cartridge_scan(schemas text[], options jsonb): one catalog pass of the current database,
// stored in the cartridge tables in the caller's transaction (an error leaves nothing).
#include "pg/analysis.hpp"
#include "pg/catalog_store.hpp"
#include "pg/datum.hpp"
#include "pg/spi.hpp"
#include "pg/owner_scope.hpp"

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
json resolve_schemas_pg(const std::optional<std::string>& requested_array) {
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
    auto rows = cartridge::pg::spi_query_pg(
        sql, {{TEXTARRAYOID, requested_array ? requested_array->c_str() : nullptr}});
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

CARTRIDGE_FUNCTION(cartridge_scan) {
    const auto started = std::chrono::steady_clock::now();
    std::optional<std::string> schemas_arg = array_arg_as_text_pg(fcinfo, 0);
    cartridge::ScanOptions options =
        cartridge::parse_scan_options(cartridge::pg::jsonb_arg_as_text_pg(fcinfo, 1).value_or("{}"));

    cartridge::pg::SpiScope spi;
    const cartridge::pg::Roles roles = cartridge::pg::extension_roles_pg();
    json schemas = resolve_schemas_pg(schemas_arg);
    const std::string schemas_text = schemas.dump();
    const std::string options_text = options.raw.dump();
    const std::string caller = std::to_string(roles.caller);
    int64_t scan_id;
    std::string database_name;
    {
        cartridge::pg::OwnerScope as_owner(roles);
        auto inserted = cartridge::pg::spi_query_pg(
            "INSERT INTO cartridge.scans (database_name, server_version, schemas, options, scanned_by) "
            "SELECT pg_catalog.current_database(), pg_catalog.current_setting('server_version'), "
            "ARRAY(SELECT pg_catalog.jsonb_array_elements_text($1)), $2, $3::pg_catalog.regrole "
            "RETURNING id, database_name",
            {{JSONBOID, schemas_text.c_str()}, {JSONBOID, options_text.c_str()}, {OIDOID, caller.c_str()}}, false);
        scan_id = std::stoll(inserted.at(0).at(0).value());
        database_name = inserted.at(0).at(1).value_or("");
    }

    // Profiling (unless "profile" is false) runs once the scope is known, so that the
    // profiles are stored with the columns; then relationship inference and classification.
    const cartridge::AnalysisOptions analysis = cartridge::parse_analysis_options(options.raw);
    cartridge::pg::ProfileRun profiled;
    cartridge::pg::SchemaBuilder model;
    cartridge::pg::CatalogCounts counts = cartridge::pg::store_catalog_pg(
        scan_id, schemas_text, patterns_json(options.include).dump(), patterns_json(options.exclude).dump(), roles,
        [&](const std::vector<cartridge::pg::QueryArg>& scope) {
            if (!analysis.profile)
                return profiled.column_args();
            cartridge::pg::profile_scope_pg(scope, schemas_text, analysis, roles, profiled);
            return profiled.column_args();
        },
        model);
    const auto modelled = std::chrono::steady_clock::now();
    cartridge::Schema schema = model.finish(scan_id, database_name);
    counts.timings_ms.emplace_back(
        "model", std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - modelled).count());
    cartridge::pg::infer_and_classify_pg(scan_id, options.raw, roles, analysis.profile ? &profiled : nullptr,
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
    json timings = json::object();
    for (const auto& [step, ms] : counts.timings_ms)
        timings[step] = std::round(ms * 1000) / 1000;
    stats["timings_ms"] = timings;
    const std::string id = std::to_string(scan_id);
    const std::string stats_text = stats.dump();
    const std::string duration_text = fmt::format("{:.3f}", duration_ms);
    cartridge::pg::OwnerScope as_owner(roles);
    cartridge::pg::spi_execute_pg(
        "UPDATE cartridge.scans SET finished_at = pg_catalog.clock_timestamp(), duration_ms = $2, "
        "stats = stats || ($3 - 'timings_ms') || jsonb_build_object('timings_ms', "
        "coalesce(stats->'timings_ms', '{}') || ($3->'timings_ms')) WHERE id = $1",
        false, {{INT8OID, id.c_str()}, {FLOAT8OID, duration_text.c_str()}, {JSONBOID, stats_text.c_str()}});
    PG_RETURN_INT64(scan_id);
}
