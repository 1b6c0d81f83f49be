#include "pg/profile.hpp"

#include "core/profiling.hpp"
#include "pg/catalog_store.hpp"
#include "pg/subtransaction.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <tuple>

extern "C" {
#include "catalog/pg_type_d.h"
#include "utils/builtins.h"
}

namespace cartridge::pg {

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

// The scope's relations with what profiling needs, from the catalog, one row per column of
// each table the caller may read (one row for any other relation), in (schema, table,
// attnum) order: a flat join, streamed, where a subquery per table cost more than the rest of
// profiling. The row estimate is reltuples as of the last ANALYZE or VACUUM, summed over the
// leaves of a partitioned table (found through pg_inherits, which locks nothing); a table
// never analyzed is read from its start up to the budget.
const char* const tables_sql = R"SQL(
, leaves AS (
    SELECT s.relid AS root, s.relid FROM scope s WHERE s.relkind = 'p'
    UNION ALL
    SELECT l.root, i.inhrelid FROM leaves l JOIN pg_catalog.pg_inherits i ON i.inhparent = l.relid
), partitioned_rows AS (
    SELECT l.root, sum(GREATEST(c.reltuples, 0))::bigint AS rows, bool_or(c.reltuples >= 0) AS any_analyzed
      FROM leaves l JOIN pg_catalog.pg_class c ON c.oid = l.relid
     WHERE c.relkind = 'r'
     GROUP BY l.root
), keyed AS (
    SELECT k.conrelid AS relid FROM pg_catalog.pg_constraint k
     WHERE k.contype IN ('p', 'u') AND k.conrelid IN (SELECT relid FROM scope)
    UNION
    SELECT x.indrelid FROM pg_catalog.pg_index x
     WHERE x.indisunique AND x.indpred IS NULL AND x.indrelid IN (SELECT relid FROM scope)
)
-- a materialized view never refreshed (it cannot be read) comes as kind 'M'
SELECT s.relid, s.schema_name, s.table_name,
       CASE WHEN s.relkind = 'm' AND NOT c.relispopulated THEN 'M' ELSE s.relkind END, s.can_select,
       pg_catalog.quote_ident(s.schema_name) OPERATOR(pg_catalog.||) '.'
           OPERATOR(pg_catalog.||) pg_catalog.quote_ident(s.table_name),
       CASE WHEN s.relkind = 'p' THEN CASE WHEN r.any_analyzed THEN r.rows END
            WHEN c.reltuples >= 0 THEN c.reltuples::bigint END,
       s.relid IN (SELECT relid FROM keyed),
       a.attnum, a.attname::text, pg_catalog.quote_ident(a.attname),
       pg_catalog.format_type(a.atttypid, a.atttypmod),
       CASE WHEN t.typtype = 'd' THEN pg_catalog.format_type(t.typbasetype, t.typtypmod) END,
       CASE WHEN bt.typcategory = 'A' THEN pg_catalog.format_type(bt.typelem, NULL) END
  FROM scope s
  JOIN pg_catalog.pg_class c ON c.oid = s.relid
  LEFT JOIN partitioned_rows r ON r.root = s.relid
  LEFT JOIN pg_catalog.pg_attribute a
         ON a.attrelid = s.relid AND a.attnum > 0 AND NOT a.attisdropped
        AND s.relkind IN ('r', 'p', 'm') AND s.can_select
  LEFT JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
  LEFT JOIN pg_catalog.pg_type bt ON bt.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
 ORDER BY s.schema_name, s.table_name, a.attnum
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

// What ANALYZE recorded for the scope's tables the caller may SELECT whole (pg_stats would
// show it all of their columns), read as the extension's owner from pg_statistic: the
// pg_stats view checks a column privilege per column, which on a cold backend cost more than
// the rest of profiling. Common values are read only where they are used (top values with
// $7, and booleans' true fraction: columns of at most two common values).
const char* const stats_sql = R"SQL(
SELECT st.starelid, st.staattnum, st.stainherit, st.stanullfrac, st.stadistinct, st.stawidth,
       CASE WHEN $7 OR pg_catalog.array_length(m.freqs, 1) <= 2
            THEN pg_catalog.to_jsonb(m.vals::text::text[])::text END,
       CASE WHEN $7 OR pg_catalog.array_length(m.freqs, 1) <= 2
            THEN pg_catalog.to_jsonb(m.freqs)::text END
  FROM scope s
  JOIN pg_catalog.pg_statistic st ON st.starelid = s.relid
 CROSS JOIN LATERAL (
    SELECT CASE 1 WHEN st.stakind1 THEN st.stavalues1 WHEN st.stakind2 THEN st.stavalues2
                  WHEN st.stakind3 THEN st.stavalues3 WHEN st.stakind4 THEN st.stavalues4
                  WHEN st.stakind5 THEN st.stavalues5 END AS vals,
           CASE 1 WHEN st.stakind1 THEN st.stanumbers1 WHEN st.stakind2 THEN st.stanumbers2
                  WHEN st.stakind3 THEN st.stanumbers3 WHEN st.stakind4 THEN st.stanumbers4
                  WHEN st.stakind5 THEN st.stanumbers5 END AS freqs) m
 WHERE s.can_select AND s.relkind IN ('r', 'p', 'm')
)SQL";

// The same from pg_stats, for a remote role that may not read pg_statistic: the view shows
// the columns the role may read (on a remote server, no owner to switch to).
const char* const pg_stats_sql = R"SQL(
SELECT s.relid, a.attnum, st.inherited, st.null_frac, st.n_distinct, st.avg_width,
       CASE WHEN $7 OR pg_catalog.array_length(st.most_common_freqs, 1) <= 2
            THEN pg_catalog.to_jsonb(st.most_common_vals::text::text[])::text END,
       CASE WHEN $7 OR pg_catalog.array_length(st.most_common_freqs, 1) <= 2
            THEN pg_catalog.to_jsonb(st.most_common_freqs)::text END
  FROM scope s
  JOIN pg_catalog.pg_stats st ON st.schemaname OPERATOR(pg_catalog.=) s.schema_name
                             AND st.tablename OPERATOR(pg_catalog.=) s.table_name
  JOIN pg_catalog.pg_attribute a ON a.attrelid = s.relid AND a.attname = st.attname
 WHERE s.can_select AND s.relkind IN ('r', 'p', 'm')
)SQL";

constexpr size_t kMaxReported = 10;

double ms_since(Clock::time_point started) {
    return std::chrono::duration<double, std::milli>(Clock::now() - started).count();
}

// (relid, attnum, inherited)
using StatsKey = std::tuple<std::string, int, bool>;

std::map<StatsKey, ColumnStats> load_stats_pg(CatalogReader& reader, const std::vector<QueryArg>& scope, bool values,
                                              const Roles& roles) {
    std::map<StatsKey, ColumnStats> out;
    std::vector<QueryArg> args = scope;
    args.push_back({BOOLOID, values ? "true" : "false"});
    std::optional<OwnerScope> as_owner;
    if (!reader.remote())
        as_owner.emplace(roles);
    const char* sql = reader.reads_pg_statistic() ? stats_sql : pg_stats_sql;
    reader.stream(std::string(scope_cte_sql()) + sql, args, [&](const TextRow& row) {
        if (!row[3] || !row[4])
            return;
        ColumnStats st;
        st.null_frac = std::stod(*row[3]);
        st.n_distinct = std::stod(*row[4]);
        st.avg_width = row[5] ? std::stod(*row[5]) : 0;
        if (row[6] && row[7]) {
            for (const json& v : json::parse(*row[6]))
                st.common_values.push_back(v.is_string() ? v.get<std::string>() : v.dump());
            for (const json& f : json::parse(*row[7]))
                st.common_freqs.push_back(f.get<double>());
        }
        out[{*row[0], std::stoi(*row[1]), *row[2] == "t"}] = std::move(st);
    });
    return out;
}

// The statistics of a relation's column: of the whole inheritance tree when ANALYZE made
// them (a partitioned table, or a parent whose reads include its children), else its own.
const ColumnStats* find_stats(const std::map<StatsKey, ColumnStats>& stats, const std::string& relid, int attnum) {
    auto found = stats.find({relid, attnum, true});
    if (found == stats.end())
        found = stats.find({relid, attnum, false});
    return found == stats.end() ? nullptr : &found->second;
}

void count(json& stats, const char* key, int n = 1) {
    stats[key] = stats[key].get<int>() + n;
}

// Relations of the given schemas (a JSON array of names) whose reading would run another
// role's code, as the caller.
Unreadable unreadable_relations_pg(CatalogReader& reader, const std::string& schemas_json) {
    Unreadable out;
    const std::string caller = reader.role_oid();
    for (const TextRow& row : reader.query(unreadable_sql, {{JSONBOID, schemas_json.c_str()}, {OIDOID, caller.c_str()}}))
        out.emplace(std::make_pair(*row[0], *row[1]), *row[2]);
    return out;
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

std::vector<QueryArg> ProfileRun::column_args() {
    if (profiles.empty())
        return {{OIDARRAYOID, nullptr}, {INT2ARRAYOID, nullptr}, {TEXTARRAYOID, nullptr}};
    relids += '}';
    attnums += '}';
    profile_column.clear();
    for (const std::string& p : profiles)
        profile_column.push_back(&p);
    return {{OIDARRAYOID, relids.c_str()}, {INT2ARRAYOID, attnums.c_str()}, text_array_pg(profile_column)};
}

namespace {

// One relation of tables_sql, gathered from its rows.
struct TableSpec {
    std::string relid, schema, table, kind, qualified;
    bool can_select = false;
    bool has_key = false;
    std::optional<int64_t> rows_estimate;
    std::vector<ProfileColumn> columns;
    std::vector<int> attnums;
};

// A table whose profiles need a sample of its rows, with what they are computed from.
struct PendingSample {
    TableSpec table;
    std::vector<size_t> pair;
    std::vector<std::optional<ColumnStats>> analyzed;
    SamplePlan plan;
    std::string sql;
};

// Appends a table's profiles to run.
void add_profiles(ProfileRun& run, const TableSpec& t, const std::vector<json>& profiles) {
    for (size_t i = 0; i < profiles.size(); i++) {
        if (!run.profiles.empty()) {
            run.relids += ',';
            run.attnums += ',';
        }
        run.relids += t.relid;
        run.attnums += std::to_string(t.attnums[i]);
        run.profiles.push_back(profiles[i].dump());
    }
    count(run.stats, "tables");
    count(run.stats, "columns", static_cast<int>(t.columns.size()));
}

// Profiles one table into run from its statistics, or queues it in `pending` for a sample
// (or counts why it is not profiled).
void profile_table_pg(const TableSpec& t, const std::map<StatsKey, ColumnStats>& column_stats,
                      const AnalysisOptions& options, ProfileRun& run, json& skipped,
                      std::vector<PendingSample>& pending) {
    json& stats = run.stats;
    if (t.kind == "v")
        return count(stats, "skipped_views");
    if (t.kind == "f")
        return count(stats, "skipped_foreign_tables");
    if (t.kind == "M")
        return count(stats, "skipped_unpopulated");
    if (!t.can_select)
        return count(stats, "skipped_no_select");
    auto unsafe = run.unreadable.find({t.schema, t.table});
    if (unsafe != run.unreadable.end()) {
        count(stats, "skipped_unsafe");
        if (skipped.size() < kMaxReported)
            skipped.push_back({{"table", t.schema + "." + t.table}, {"reason", unsafe->second}});
        return;
    }
    // A table without a declared key may have a composite one on the data.
    const std::vector<size_t> pair = t.has_key ? std::vector<size_t>{} : key_pair_to_probe(t.columns, t.table);

    // What ANALYZE knows is enough unless a key pair must be measured on the data.
    std::vector<const ColumnStats*> analyzed;
    for (int attnum : t.attnums)
        analyzed.push_back(find_stats(column_stats, t.relid, attnum));
    const bool from_stats = t.rows_estimate && *t.rows_estimate > 0 && pair.empty() && !t.columns.empty() &&
                            std::all_of(analyzed.begin(), analyzed.end(), [](const ColumnStats* s) { return s; });
    if (from_stats) {
        std::vector<json> profiles;
        for (size_t i = 0; i < t.columns.size(); i++)
            profiles.push_back(column_profile_from_stats(t.columns[i], *analyzed[i], *t.rows_estimate, options));
        count(stats, "from_pg_stats");
        add_profiles(run, t, profiles);
        return;
    }
    PendingSample sample{t, pair, {}, plan_sample(t.rows_estimate, options.sample_rows), {}};
    for (const ColumnStats* st : analyzed)
        sample.analyzed.push_back(st ? std::optional<ColumnStats>(*st) : std::nullopt);
    sample.sql = profile_query(t.qualified, t.columns, sample.plan, options, pair);
    pending.push_back(std::move(sample));
}

// Reads the samples of the pending tables (in one batch: on a remote server a few round
// trips for all of them) and profiles them into run.
void sample_tables_pg(CatalogReader& reader, std::vector<PendingSample>& pending, const AnalysisOptions& options,
                      ProfileRun& run, json& errors, double& sample_ms) {
    if (pending.empty())
        return;
    json& stats = run.stats;
    std::vector<std::string> statements;
    for (const PendingSample& p : pending)
        statements.push_back(p.sql);
    const auto sample_started = Clock::now();
    std::vector<IsolatedResult> results = reader.query_batch_isolated(statements);
    sample_ms += ms_since(sample_started);
    for (size_t n = 0; n < pending.size(); n++) {
        const PendingSample& p = pending[n];
        const TableSpec& t = p.table;
        const std::vector<TextRow>& rows = results[n].rows;
        if (results[n].error || rows.size() != 1) {
            count(stats, "failed");
            if (errors.size() < kMaxReported)
                errors.push_back({{"table", t.schema + "." + t.table}, {"error", results[n].error.value_or("no result")}});
            continue;
        }
        const int64_t sampled = std::stoll(rows[0][0].value_or("0"));
        std::vector<json> profiles;
        for (size_t i = 0; i < t.columns.size(); i++) {
            json raw = rows[0][i + 1] ? json::parse(*rows[0][i + 1]) : json::object();
            profiles.push_back(column_profile(t.columns[i], raw, sampled, p.plan, t.rows_estimate, p.analyzed[i], options));
        }
        const size_t width = t.columns.size();
        if (p.pair.size() == 2 && rows[0].size() > width + 1 && rows[0][width + 1] &&
            pair_unique(json::parse(*rows[0][width + 1]), p.plan, sampled))
            profiles[p.pair[0]]["unique_with"] = json::array({t.columns[p.pair[1]].name});
        count(stats, "sampled");
        add_profiles(run, t, profiles);
    }
    pending.clear();
}

// Tables sampled per batch: bounds what is held (and, remotely, locked) at once.
constexpr size_t kSampleBatch = 64;

}  // namespace

void profile_scope_pg(CatalogReader& reader, const std::vector<QueryArg>& scope, const std::string& schemas_json,
                      const AnalysisOptions& options, const Roles& roles, ProfileRun& run) {
    const auto started = Clock::now();
    run.stats = {{"tables", 0},
                 {"columns", 0},
                 {"from_pg_stats", 0},
                 {"sampled", 0},
                 {"skipped_no_select", 0},
                 {"skipped_views", 0},
                 {"skipped_foreign_tables", 0},
                 {"skipped_unpopulated", 0},
                 {"skipped_unsafe", 0},
                 {"failed", 0},
                 {"sample_rows", options.sample_rows},
                 {"values", options.values}};
    json errors = json::array();
    json skipped = json::array();
    auto step = Clock::now();
    run.unreadable = unreadable_relations_pg(reader, schemas_json);
    run.timings_ms["unreadable"] = ms_since(step);
    step = Clock::now();
    const std::map<StatsKey, ColumnStats> column_stats = load_stats_pg(reader, scope, options.values, roles);
    run.timings_ms["pg_stats"] = ms_since(step);
    double sample_ms = 0;
    run.relids = "{";
    run.attnums = "{";

    // tables_sql walks pg_inherits: the scope's WITH becomes WITH RECURSIVE.
    std::string sql = std::string(scope_cte_sql()) + tables_sql;
    sql.replace(sql.find("WITH "), 5, "WITH RECURSIVE ");
    TableSpec table;
    std::vector<PendingSample> pending;
    auto profile_table = [&] {
        profile_table_pg(table, column_stats, options, run, skipped, pending);
        if (pending.size() >= kSampleBatch)
            sample_tables_pg(reader, pending, options, run, errors, sample_ms);
    };
    reader.for_each_row(sql, scope, [&](const TextRow& row) {
        if (*row[0] != table.relid) {
            if (!table.relid.empty())
                profile_table();
            table = TableSpec{};
            table.relid = *row[0];
            table.schema = *row[1];
            table.table = *row[2];
            table.kind = *row[3];  // relkind: r, p, v, m or f
            table.can_select = *row[4] == "t";
            table.qualified = *row[5];
            if (row[6])
                table.rows_estimate = std::stoll(*row[6]);
            table.has_key = *row[7] == "t";
        }
        if (!row[8])
            return;
        Column column;
        column.name = *row[9];
        column.data_type = *row[11];
        column.base_type = row[12].value_or("");
        column.element_type = row[13].value_or("");
        table.columns.push_back({column.name, *row[10], type_family(column)});
        table.attnums.push_back(std::stoi(*row[8]));
    });
    if (!table.relid.empty())
        profile_table();
    sample_tables_pg(reader, pending, options, run, errors, sample_ms);
    if (!errors.empty())
        run.stats["errors"] = errors;
    if (!skipped.empty())
        run.stats["skipped"] = skipped;
    run.timings_ms["samples"] = sample_ms;
    run.timings_ms["total"] = ms_since(started);
}

}  // namespace cartridge::pg
