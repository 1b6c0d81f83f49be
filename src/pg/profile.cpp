#include "pg/profile.hpp"

#include "core/profiling.hpp"
#include "pg/spi.hpp"
#include "pg/subtransaction.hpp"

#include <chrono>
#include <cmath>
#include <map>
#include <tuple>

extern "C" {
#include "catalog/pg_type_d.h"
#include "executor/spi.h"
#include "utils/builtins.h"
}

namespace cartridge::pg {

namespace {

using nlohmann::json;

// Relations of the scan with what sampling needs. The row estimate is the catalog's
// (reltuples as of the last ANALYZE or VACUUM, summed over partitions): asking the files for
// their size would wait for the lock of any table another session holds exclusively. A table
// never analyzed is read from its start up to the budget, which bounds the cost just as well.
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

// Statistics of ANALYZE for the scan's selectable tables (pg_stats shows only columns the
// caller may read). Partitioned tables have theirs as inherited rows.
const char* const stats_sql = R"SQL(
SELECT s.schemaname::text, s.tablename::text, s.attname::text, s.null_frac, s.n_distinct
  FROM cartridge.relations r
  JOIN pg_catalog.pg_stats s
    ON s.schemaname::text = r.schema_name AND s.tablename::text = r.table_name
   AND s.inherited = (r.kind = 'partitioned_table')
 WHERE r.scan_id = $1 AND r.can_select
)SQL";

// Profiles are written in batches: one UPDATE per batch, not per column.
const char* const store_sql = R"SQL(
UPDATE cartridge.columns c SET profile = x.p
  FROM pg_catalog.jsonb_to_recordset($2) AS x(s text, t text, c text, p jsonb)
 WHERE c.scan_id = $1 AND c.schema_name = x.s AND c.table_name = x.t AND c.column_name = x.c
)SQL";

constexpr size_t kBatchTables = 200;
constexpr size_t kMaxReportedErrors = 10;

using StatsKey = std::tuple<std::string, std::string, std::string>;

std::map<StatsKey, ColumnStats> load_stats_pg(int64_t scan_id) {
    std::map<StatsKey, ColumnStats> out;
    const std::string id = std::to_string(scan_id);
    for (const TextRow& row : spi_query_pg(stats_sql, {{INT8OID, id.c_str()}}, false)) {
        if (!row[3] || !row[4])
            continue;
        out[{*row[0], *row[1], *row[2]}] = ColumnStats{std::stod(*row[3]), std::stod(*row[4])};
    }
    SPI_freetuptable(SPI_tuptable);
    return out;
}

void store_batch_pg(int64_t scan_id, json& batch) {
    if (batch.empty())
        return;
    const std::string id = std::to_string(scan_id);
    const std::string text = batch.dump();
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

}  // namespace

std::string quote_identifier_pg(const std::string& name) {
    const char* raw = name.c_str();
    const char* quoted = pg_call([raw] { return quote_identifier(raw); });
    std::string out(quoted);
    if (quoted != raw)
        pfree(const_cast<char*>(quoted));
    return out;
}

json profile_relations_pg(int64_t scan_id, const AnalysisOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    json stats = {{"tables", 0},           {"columns", 0},           {"skipped_no_select", 0},
                  {"skipped_views", 0},    {"skipped_foreign_tables", 0}, {"failed", 0},
                  {"sample_rows", options.sample_rows}, {"values", options.values}};
    json errors = json::array();
    SpiScope spi;
    const std::string id = std::to_string(scan_id);
    std::vector<TextRow> relations = spi_query_pg(relations_sql, {{INT8OID, id.c_str()}}, false);
    SPI_freetuptable(SPI_tuptable);
    std::map<StatsKey, ColumnStats> column_stats = load_stats_pg(scan_id);

    json batch = json::array();
    size_t batch_tables = 0;
    for (const TextRow& rel : relations) {
        const std::string& schema = *rel[0];
        const std::string& table = *rel[1];
        const std::string& kind = *rel[2];
        if (kind == "view") {
            stats["skipped_views"] = stats["skipped_views"].get<int>() + 1;
            continue;
        }
        if (kind == "foreign_table") {
            stats["skipped_foreign_tables"] = stats["skipped_foreign_tables"].get<int>() + 1;
            continue;
        }
        if (*rel[3] != "t") {
            stats["skipped_no_select"] = stats["skipped_no_select"].get<int>() + 1;
            continue;
        }
        std::optional<int64_t> rows_estimate;
        if (rel[5])
            rows_estimate = std::stoll(*rel[5]);
        json specs = rel[6] ? json::parse(*rel[6]) : json::array();
        std::vector<ProfileColumn> columns;
        for (const json& spec : specs)
            columns.push_back({spec[0].get<std::string>(), spec[1].get<std::string>(), type_family(column_of(spec))});
        const SamplePlan plan = plan_sample(rows_estimate, options.sample_rows);
        // A table without a declared key may have a composite one on the data.
        const std::vector<size_t> pair = *rel[7] == "t" ? std::vector<size_t>{} : key_pair_to_probe(columns, table);
        const std::string sql = profile_query(*rel[4], columns, plan, options, pair);

        // Per-table memory: the sample's tuples and the parsed rows go when the table is done.
        MemoryContextScope scope("cartridge profile table");
        std::vector<TextRow> rows;
        std::optional<std::string> error = run_in_subtransaction_pg([&] {
            rows = spi_query_pg(sql, {}, true);
            SPI_freetuptable(SPI_tuptable);
        });
        check_for_interrupts_pg();
        if (error || rows.size() != 1) {
            stats["failed"] = stats["failed"].get<int>() + 1;
            if (errors.size() < kMaxReportedErrors)
                errors.push_back({{"table", schema + "." + table}, {"error", error.value_or("no result")}});
            continue;
        }
        const int64_t sampled = std::stoll(rows[0][0].value_or("0"));
        const size_t first_profile = batch.size();
        for (size_t i = 0; i < columns.size(); i++) {
            json raw = rows[0][i + 1] ? json::parse(*rows[0][i + 1]) : json::object();
            auto found = column_stats.find({schema, table, columns[i].name});
            std::optional<ColumnStats> st;
            if (found != column_stats.end())
                st = found->second;
            batch.push_back({{"s", schema},
                             {"t", table},
                             {"c", columns[i].name},
                             {"p", column_profile(columns[i], raw, sampled, plan, rows_estimate, st, options)}});
        }
        if (pair.size() == 2 && rows[0].size() > columns.size() + 1 && rows[0][columns.size() + 1] &&
            pair_unique(json::parse(*rows[0][columns.size() + 1]), plan, sampled))
            batch[first_profile + pair[0]]["p"]["unique_with"] = json::array({columns[pair[1]].name});
        stats["tables"] = stats["tables"].get<int>() + 1;
        stats["columns"] = stats["columns"].get<int>() + static_cast<int>(columns.size());
        if (++batch_tables >= kBatchTables) {
            store_batch_pg(scan_id, batch);
            batch_tables = 0;
        }
    }
    store_batch_pg(scan_id, batch);
    if (!errors.empty())
        stats["errors"] = errors;
    stats["ms"] = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return stats;
}

}  // namespace cartridge::pg
