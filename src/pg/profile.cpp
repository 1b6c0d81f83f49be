#include "pg/profile.hpp"

#include "core/profiling.hpp"
#include "pg/spi.hpp"
#include "pg/subtransaction.hpp"

#include <chrono>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

extern "C" {
#include "catalog/pg_type_d.h"
#include "executor/spi.h"
#include "utils/builtins.h"
}

namespace cartridge::pg {

namespace {

using nlohmann::json;

// Relations of the scan with what sampling needs (read as the owner: the scan's own rows).
// The row estimate is the catalog's (reltuples as of the last ANALYZE or VACUUM, summed over
// partitions): asking the files for their size would wait for the lock of any table another
// session holds exclusively. A table never analyzed is read from its start up to the budget.
const char* const relations_sql = R"SQL(
SELECT r.schema_name, r.table_name, r.kind, r.can_select,
       pg_catalog.quote_ident(r.schema_name) OPERATOR(pg_catalog.||) '.'
           OPERATOR(pg_catalog.||) pg_catalog.quote_ident(r.table_name),
       r.row_estimate,
       (SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_array(c.column_name, pg_catalog.quote_ident(c.column_name),
                                                                 c.data_type, c.base_type, c.element_type)
                                    ORDER BY c.ordinal)
          FROM cartridge.columns c
         WHERE c.scan_id = r.scan_id AND c.schema_name = r.schema_name AND c.table_name = r.table_name),
       EXISTS (SELECT 1 FROM cartridge.constraints k
                WHERE k.scan_id = r.scan_id AND k.schema_name = r.schema_name AND k.table_name = r.table_name
                  AND k.constraint_type IN ('primary_key', 'unique'))
       OR EXISTS (SELECT 1 FROM cartridge.indexes i
                   WHERE i.scan_id = r.scan_id AND i.schema_name = r.schema_name AND i.table_name = r.table_name
                     AND i.is_unique AND i.predicate IS NULL)
  FROM cartridge.relations r
 WHERE r.scan_id = $1
 ORDER BY r.schema_name, r.table_name
)SQL";

// Relations whose reading would run another role's code, as the caller. Code is trusted when
// the caller or a superuser owns it; pg_depend holds no row for built-in objects, so the
// lookup starts from the few functions, operators and domains (or range types, whose
// functions ranges call) that other roles own.
const char* const unreadable_sql = R"SQL(
WITH RECURSIVE trusted AS (
    SELECT $2::pg_catalog.oid AS role
    UNION ALL
    SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolsuper
), foreign_code AS (
    SELECT 'pg_catalog.pg_proc'::pg_catalog.regclass AS classid, p.oid
      FROM pg_catalog.pg_proc p WHERE p.proowner NOT IN (SELECT role FROM trusted)
    UNION ALL
    SELECT 'pg_catalog.pg_operator'::pg_catalog.regclass, o.oid
      FROM pg_catalog.pg_operator o WHERE o.oprowner NOT IN (SELECT role FROM trusted)
    UNION ALL
    SELECT 'pg_catalog.pg_type'::pg_catalog.regclass, t.oid
      FROM pg_catalog.pg_type t WHERE t.typtype IN ('d', 'r', 'm') AND t.typowner NOT IN (SELECT role FROM trusted)
), users AS (
    -- an index (its expressions and predicate), a constraint, or the table itself (its
    -- partition key; objsubid 0: a column merely of another role's type runs nothing)
    SELECT CASE d.classid
               WHEN 'pg_catalog.pg_constraint'::pg_catalog.regclass
               THEN (SELECT k.conrelid FROM pg_catalog.pg_constraint k WHERE k.oid = d.objid)
               ELSE coalesce((SELECT x.indrelid FROM pg_catalog.pg_index x WHERE x.indexrelid = d.objid), d.objid)
           END AS relid
      FROM foreign_code f
      JOIN pg_catalog.pg_depend d ON d.refclassid = f.classid AND d.refobjid = f.oid
     WHERE d.classid = 'pg_catalog.pg_constraint'::pg_catalog.regclass
        OR d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid = 0
), affected AS (
    -- reading a parent plans over its partitions and inheritance children
    SELECT relid FROM users WHERE relid IS NOT NULL
    UNION
    SELECT i.inhparent FROM affected a JOIN pg_catalog.pg_inherits i ON i.inhrelid = a.relid
)
SELECT n.nspname::text, c.relname::text,
       'another role''s functions, operators or domains in its indexes, constraints or partition key'
  FROM affected a
  JOIN pg_catalog.pg_class c ON c.oid = a.relid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname::text IN (SELECT pg_catalog.jsonb_array_elements_text($1))
UNION ALL
SELECT n.nspname::text, c.relname::text, 'row-level security: its policies apply to this role'
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relrowsecurity AND pg_catalog.row_security_active(c.oid)
   AND n.nspname::text IN (SELECT pg_catalog.jsonb_array_elements_text($1))
)SQL";

// What ANALYZE knows about the columns of the scan's schemas, as the caller: pg_stats shows
// only columns the caller may read, of tables whose row-level security does not apply to it.
// Common values are read only where they are used (top values, booleans' true fraction).
const char* const stats_sql = R"SQL(
SELECT s.schemaname::text, s.tablename::text, s.attname::text, s.inherited, s.null_frac, s.n_distinct,
       s.avg_width,
       CASE WHEN $2 OR pg_catalog.array_length(s.most_common_vals, 1) <= 2
            THEN pg_catalog.to_jsonb(s.most_common_vals::text::text[])::text END,
       CASE WHEN $2 OR pg_catalog.array_length(s.most_common_vals, 1) <= 2
            THEN pg_catalog.to_jsonb(s.most_common_freqs)::text END
  FROM pg_catalog.pg_stats s
 WHERE s.schemaname::text IN (SELECT pg_catalog.jsonb_array_elements_text($1))
)SQL";

// Profiles are written in batches: one UPDATE per batch, not per column.
const char* const store_sql = R"SQL(
UPDATE cartridge.columns c SET profile = x.p
  FROM pg_catalog.jsonb_to_recordset($2) AS x(s text, t text, c text, p jsonb)
 WHERE c.scan_id = $1 AND c.schema_name = x.s AND c.table_name = x.t AND c.column_name = x.c
)SQL";

constexpr size_t kBatchTables = 200;
constexpr size_t kMaxReported = 10;

// (schema, table, column, inherited)
using StatsKey = std::tuple<std::string, std::string, std::string, bool>;

std::map<StatsKey, ColumnStats> load_stats_pg(const std::string& schemas_json, bool values) {
    std::map<StatsKey, ColumnStats> out;
    spi_for_each_row_pg(stats_sql, {{JSONBOID, schemas_json.c_str()}, {BOOLOID, values ? "true" : "false"}},
                        [&](const TextRow& row) {
                            if (!row[4] || !row[5])
                                return;
                            ColumnStats st;
                            st.null_frac = std::stod(*row[4]);
                            st.n_distinct = std::stod(*row[5]);
                            st.avg_width = row[6] ? std::stod(*row[6]) : 0;
                            if (row[7] && row[8]) {
                                for (const json& v : json::parse(*row[7]))
                                    st.common_values.push_back(v.is_string() ? v.get<std::string>() : v.dump());
                                for (const json& f : json::parse(*row[8]))
                                    st.common_freqs.push_back(f.get<double>());
                            }
                            out[{*row[0], *row[1], *row[2], *row[3] == "t"}] = std::move(st);
                        });
    return out;
}

// The statistics of a relation's column: of the whole inheritance tree when ANALYZE made
// them (a partitioned table, or a parent whose reads include its children), else its own.
const ColumnStats* find_stats(const std::map<StatsKey, ColumnStats>& stats, const std::string& schema,
                              const std::string& table, const std::string& column) {
    auto found = stats.find({schema, table, column, true});
    if (found == stats.end())
        found = stats.find({schema, table, column, false});
    return found == stats.end() ? nullptr : &found->second;
}

void store_batch_pg(int64_t scan_id, json& batch, const Roles& roles) {
    if (batch.empty())
        return;
    const std::string id = std::to_string(scan_id);
    const std::string text = batch.dump();
    OwnerScope as_owner(roles);
    spi_execute_pg(store_sql, false, {{INT8OID, id.c_str()}, {JSONBOID, text.c_str()}});
    batch = json::array();
}

Column column_of(const json& spec) {
    Column c;
    c.name = spec[0].get<std::string>();
    c.data_type = spec[2].get<std::string>();
    c.base_type = spec[3].is_null() ? "" : spec[3].get<std::string>();
    c.element_type = spec[4].is_null() ? "" : spec[4].get<std::string>();
    return c;
}

void count(json& stats, const char* key, int n = 1) {
    stats[key] = stats[key].get<int>() + n;
}

}  // namespace

std::string quote_identifier_pg(const std::string& name) {
    const char* raw = name.c_str();
    const char* quoted = pg_call([raw] { return quote_identifier(raw); });
    std::string out(quoted);
    if (quoted != raw)
        pfree(const_cast<char*>(quoted));
    return out;
}

Unreadable unreadable_relations_pg(const std::string& schemas_json) {
    Unreadable out;
    const std::string caller = std::to_string(GetUserId());
    for (const TextRow& row : spi_query_pg(unreadable_sql, {{JSONBOID, schemas_json.c_str()}, {OIDOID, caller.c_str()}}))
        out.emplace(std::make_pair(*row[0], *row[1]), *row[2]);
    return out;
}

json profile_relations_pg(int64_t scan_id, const AnalysisOptions& options, const Roles& roles,
                          const Unreadable& unreadable) {
    const auto started = std::chrono::steady_clock::now();
    json stats = {{"tables", 0},
                  {"columns", 0},
                  {"from_pg_stats", 0},
                  {"sampled", 0},
                  {"skipped_no_select", 0},
                  {"skipped_views", 0},
                  {"skipped_foreign_tables", 0},
                  {"skipped_unsafe", 0},
                  {"failed", 0},
                  {"sample_rows", options.sample_rows},
                  {"values", options.values}};
    json errors = json::array();
    json skipped = json::array();
    SpiScope spi;
    const std::string id = std::to_string(scan_id);
    std::vector<TextRow> relations;
    {
        OwnerScope as_owner(roles);
        relations = spi_query_pg(relations_sql, {{INT8OID, id.c_str()}}, false);
    }
    std::set<std::string> schema_names;
    for (const TextRow& rel : relations)
        schema_names.insert(*rel[0]);
    const std::string schemas_json = json(schema_names).dump();
    const std::map<StatsKey, ColumnStats> column_stats = load_stats_pg(schemas_json, options.values);

    json batch = json::array();
    size_t batch_tables = 0;
    for (const TextRow& rel : relations) {
        const std::string& schema = *rel[0];
        const std::string& table = *rel[1];
        const std::string& kind = *rel[2];
        if (kind == "view") {
            count(stats, "skipped_views");
            continue;
        }
        if (kind == "foreign_table") {
            count(stats, "skipped_foreign_tables");
            continue;
        }
        if (*rel[3] != "t") {
            count(stats, "skipped_no_select");
            continue;
        }
        auto unsafe = unreadable.find({schema, table});
        if (unsafe != unreadable.end()) {
            count(stats, "skipped_unsafe");
            if (skipped.size() < kMaxReported)
                skipped.push_back({{"table", schema + "." + table}, {"reason", unsafe->second}});
            continue;
        }
        std::optional<int64_t> rows_estimate;
        if (rel[5])
            rows_estimate = std::stoll(*rel[5]);
        json specs = rel[6] ? json::parse(*rel[6]) : json::array();
        std::vector<ProfileColumn> columns;
        for (const json& spec : specs)
            columns.push_back({spec[0].get<std::string>(), spec[1].get<std::string>(), type_family(column_of(spec))});
        // A table without a declared key may have a composite one on the data.
        const std::vector<size_t> pair = *rel[7] == "t" ? std::vector<size_t>{} : key_pair_to_probe(columns, table);

        // What ANALYZE knows is enough unless a key pair must be measured on the data.
        std::vector<const ColumnStats*> analyzed;
        for (const ProfileColumn& c : columns)
            analyzed.push_back(find_stats(column_stats, schema, table, c.name));
        const bool from_stats = rows_estimate && *rows_estimate > 0 && pair.empty() && !columns.empty() &&
                                std::all_of(analyzed.begin(), analyzed.end(), [](const ColumnStats* s) { return s; });
        if (from_stats) {
            for (size_t i = 0; i < columns.size(); i++)
                batch.push_back({{"s", schema},
                                 {"t", table},
                                 {"c", columns[i].name},
                                 {"p", column_profile_from_stats(columns[i], *analyzed[i], *rows_estimate, options)}});
            count(stats, "from_pg_stats");
        } else {
            const SamplePlan plan = plan_sample(rows_estimate, options.sample_rows);
            const std::string sql = profile_query(*rel[4], columns, plan, options, pair);
            // Per-table memory: the sample's tuples and the parsed rows go when the table is done.
            MemoryContextScope scope("cartridge profile table");
            std::vector<TextRow> rows;
            std::optional<std::string> error = read_in_subtransaction_pg([&] {
                rows = spi_query_pg(sql, {}, true);
            });
            check_for_interrupts_pg();
            if (error || rows.size() != 1) {
                count(stats, "failed");
                if (errors.size() < kMaxReported)
                    errors.push_back({{"table", schema + "." + table}, {"error", error.value_or("no result")}});
                continue;
            }
            const int64_t sampled = std::stoll(rows[0][0].value_or("0"));
            const size_t first_profile = batch.size();
            for (size_t i = 0; i < columns.size(); i++) {
                json raw = rows[0][i + 1] ? json::parse(*rows[0][i + 1]) : json::object();
                std::optional<ColumnStats> st;
                if (analyzed[i])
                    st = *analyzed[i];
                batch.push_back({{"s", schema},
                                 {"t", table},
                                 {"c", columns[i].name},
                                 {"p", column_profile(columns[i], raw, sampled, plan, rows_estimate, st, options)}});
            }
            if (pair.size() == 2 && rows[0].size() > columns.size() + 1 && rows[0][columns.size() + 1] &&
                pair_unique(json::parse(*rows[0][columns.size() + 1]), plan, sampled))
                batch[first_profile + pair[0]]["p"]["unique_with"] = json::array({columns[pair[1]].name});
            count(stats, "sampled");
        }
        count(stats, "tables");
        count(stats, "columns", static_cast<int>(columns.size()));
        if (++batch_tables >= kBatchTables) {
            store_batch_pg(scan_id, batch, roles);
            batch_tables = 0;
        }
    }
    store_batch_pg(scan_id, batch, roles);
    if (!errors.empty())
        stats["errors"] = errors;
    if (!skipped.empty())
        stats["skipped"] = skipped;
    stats["ms"] = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return stats;
}

}  // namespace cartridge::pg
