// The catalog pass of cartridge_scan: set-based queries over pg_catalog that store what
// they read straight into the cartridge tables (one INSERT ... SELECT per target table), so
// no catalog row crosses into C++ and the cost is one statement per table, not per relation.
#include "pg/catalog_store.hpp"

#include "pg/spi.hpp"
#include "pg/check_values.hpp"
#include "pg/reader.hpp"

#include <nlohmann/json.hpp>

extern "C" {
#include "catalog/pg_type_d.h"
#include "utils/datum.h"
}

#include <chrono>
#include <string>

namespace cartridge::pg {

namespace {

// Relations in scope: tables, partitioned tables, views, materialized views and foreign
// tables of the chosen schemas ($1, jsonb array of names), matching the include patterns
// ($2) and none of the exclude patterns ($3, both jsonb arrays of [schema_regex,
// table_regex]), not members of an extension, and on which the calling role holds some
// privilege. Partitions are folded into their root and never listed themselves.
const char* const candidates_sql = R"SQL(
WITH candidates AS (
    SELECT c.oid AS relid, n.nspname::text AS schema_name, c.relname::text AS table_name,
           c.relkind,
           (pg_catalog.has_table_privilege(c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
            OR pg_catalog.has_any_column_privilege(c.oid, 'SELECT, INSERT, UPDATE, REFERENCES')) AS visible
      FROM pg_catalog.pg_class c
      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
       AND NOT c.relispartition
       AND n.nspname IN (SELECT pg_catalog.jsonb_array_elements_text($1))
       AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                        WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                          AND d.objid = c.oid AND d.deptype = 'e')
       @include@ @exclude@
)
SELECT pg_catalog.array_agg(relid ORDER BY relid) FILTER (WHERE visible),
       pg_catalog.array_agg(schema_name ORDER BY relid) FILTER (WHERE visible),
       pg_catalog.array_agg(table_name ORDER BY relid) FILTER (WHERE visible),
       pg_catalog.array_agg(relkind ORDER BY relid) FILTER (WHERE visible),
       count(*) FILTER (WHERE NOT visible),
       pg_catalog.array_agg(pg_catalog.has_table_privilege(relid, 'SELECT') ORDER BY relid) FILTER (WHERE visible)
  FROM candidates
)SQL";

const char* const include_clause = R"SQL(
       AND EXISTS (SELECT 1 FROM pg_catalog.jsonb_array_elements($2) p
                    WHERE n.nspname ~ (p->>0) AND c.relname ~ (p->>1)))SQL";

const char* const exclude_clause = R"SQL(
       AND NOT EXISTS (SELECT 1 FROM pg_catalog.jsonb_array_elements($3) p
                        WHERE n.nspname ~ (p->>0) AND c.relname ~ (p->>1)))SQL";

// The scope, computed once by candidates_sql as the caller, as five parallel arrays
// (can_select is the caller's privilege: the statements below run as the extension's owner).
const char* const scope_cte = R"SQL(
WITH scope AS (
    SELECT * FROM ROWS FROM (pg_catalog.unnest($2::pg_catalog.oid[]), pg_catalog.unnest($3::text[]),
                             pg_catalog.unnest($4::text[]), pg_catalog.unnest($5::pg_catalog."char"[]),
                             pg_catalog.unnest($6::boolean[]))
                  AS s(relid, schema_name, table_name, relkind, can_select)
)
)SQL";

// One step of the catalog pass: its common table expressions (after the scope's), the
// cartridge table and columns it fills, and the SELECT of those columns.
struct Step {
    const char* name;
    const char* ctes;
    const char* table;
    const char* columns;
    const char* select;
};

const Step relations_step = {"relations", R"SQL(
, partitions AS (
    SELECT i.inhparent AS relid, count(*)::int AS partition_count,
           pg_catalog.array_agg(pg_catalog.pg_get_expr(pc.relpartbound, pc.oid) ORDER BY pc.relname) AS bounds
      FROM scope s
      JOIN pg_catalog.pg_inherits i ON i.inhparent = s.relid
      JOIN pg_catalog.pg_class pc ON pc.oid = i.inhrelid
     WHERE s.relkind = 'p'
     GROUP BY i.inhparent
)
-- rows and pages live in the leaves, however deep the partitions are nested; the estimate
-- is NULL until one of them has been analyzed, and "analyzed" means all of them
, leaves AS (
    SELECT s.relid, sum(GREATEST(lc.reltuples, 0))::bigint AS rows,
           sum(lc.relpages::bigint) FILTER (WHERE lc.reltuples >= 0) AS pages,
           bool_and(lc.reltuples >= 0) AS analyzed, bool_or(lc.reltuples >= 0) AS any_analyzed
      FROM scope s
     CROSS JOIN LATERAL pg_catalog.pg_partition_tree(s.relid::pg_catalog.regclass) t
      JOIN pg_catalog.pg_class lc ON lc.oid = t.relid
     WHERE s.relkind = 'p' AND t.isleaf
     GROUP BY s.relid
)
)SQL", "relations",
    "scan_id, schema_name, table_name, kind, owner, comment, row_estimate, analyzed, size_bytes, can_select, view_definition, foreign_server, partition_key, partition_count, partition_bounds, populated, relation_oid",
    R"SQL(
SELECT $1, s.schema_name, s.table_name,
       CASE s.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned_table' WHEN 'v' THEN 'view'
                      WHEN 'm' THEN 'materialized_view' ELSE 'foreign_table' END,
       pg_catalog.pg_get_userbyid(c.relowner),
       d.description,
       CASE WHEN s.relkind = 'p' THEN CASE WHEN l.any_analyzed THEN l.rows END
            WHEN c.reltuples >= 0 THEN c.reltuples::bigint END,
       CASE WHEN s.relkind = 'p' THEN coalesce(l.analyzed, false)
            WHEN s.relkind IN ('r', 'm') THEN c.reltuples >= 0 END,
       -- from the catalog, not the files: stat-ing 10,000 relations costs more than the scan
       CASE WHEN s.relkind = 'p' AND l.any_analyzed
            THEN l.pages * pg_catalog.current_setting('block_size')::bigint
            WHEN s.relkind IN ('r', 'm') AND c.reltuples >= 0
            THEN c.relpages::bigint * pg_catalog.current_setting('block_size')::bigint END,
       coalesce(s.can_select, false),
       CASE WHEN s.relkind IN ('v', 'm') THEN pg_catalog.pg_get_viewdef(c.oid, true) END,
       fs.srvname::text,
       CASE WHEN s.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END,
       CASE WHEN s.relkind = 'p' THEN coalesce(p.partition_count, 0) END,
       p.bounds,
       CASE WHEN s.relkind = 'm' THEN c.relispopulated END,
       c.oid
  FROM scope s
  JOIN pg_catalog.pg_class c ON c.oid = s.relid
  LEFT JOIN pg_catalog.pg_description d
         ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid = 0
  LEFT JOIN partitions p ON p.relid = c.oid
  LEFT JOIN leaves l ON l.relid = c.oid
  LEFT JOIN pg_catalog.pg_foreign_table ft ON ft.ftrelid = c.oid
  LEFT JOIN pg_catalog.pg_foreign_server fs ON fs.oid = ft.ftserver
)SQL"};

const Step columns_step = {"columns", R"SQL(
, profiles AS (
    SELECT * FROM ROWS FROM (pg_catalog.unnest($7::pg_catalog.oid[]), pg_catalog.unnest($8::pg_catalog.int2[]),
                             pg_catalog.unnest($9::text[]))
                  AS p(relid, attnum, profile)
)
)SQL", "columns",
    "scan_id, schema_name, table_name, column_name, ordinal, data_type, base_type, element_type, enum_values, is_nullable, column_default, identity, generated, collation_name, comment, profile",
    R"SQL(
SELECT $1, s.schema_name, s.table_name, a.attname::text, a.attnum,
       pg_catalog.format_type(a.atttypid, a.atttypmod),
       CASE WHEN t.typtype = 'd' THEN pg_catalog.format_type(t.typbasetype, t.typtypmod) END,
       CASE WHEN bt.typcategory = 'A' THEN pg_catalog.format_type(bt.typelem, NULL) END,
       CASE WHEN bt.typtype = 'e' THEN
            ARRAY(SELECT e.enumlabel::text FROM pg_catalog.pg_enum e
                   WHERE e.enumtypid = bt.oid ORDER BY e.enumsortorder) END,
       NOT a.attnotnull,
       -- a default cannot refer to a column, so it deparses without the table: with the
       -- table, pg_get_expr opens it (lock + relcache entry) once per default
       CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(ad.adbin, 0) END,
       CASE a.attidentity WHEN 'a' THEN 'always' WHEN 'd' THEN 'by_default' END,
       CASE WHEN a.attgenerated <> '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END,
       CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN co.collname::text END,
       d.description,
       p.profile::jsonb
  FROM scope s
  JOIN pg_catalog.pg_attribute a ON a.attrelid = s.relid AND a.attnum > 0 AND NOT a.attisdropped
  LEFT JOIN profiles p ON p.relid = a.attrelid AND p.attnum = a.attnum
  JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
  JOIN pg_catalog.pg_type bt ON bt.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
  LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
  LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
  LEFT JOIN pg_catalog.pg_description d
         ON d.objoid = a.attrelid AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
        AND d.objsubid = a.attnum
)SQL"};

// Constraints of the relations in scope, plus foreign keys declared on a partition itself
// (not inherited from its parent), folded onto the partition's root and de-duplicated.
// Foreign keys pointing at a partition are pointed at its root too.
const Step constraints_step = {"constraints", R"SQL(
, owners AS (
    SELECT relid, relid AS root, schema_name, table_name FROM scope WHERE relkind IN ('r', 'p', 'f', 'm')
    UNION ALL
    SELECT pc.oid, s.relid, s.schema_name, s.table_name
      FROM pg_catalog.pg_class pc
      JOIN scope s ON s.relid = pg_catalog.pg_partition_root(pc.oid)
     WHERE pc.relispartition AND s.relkind = 'p'
),
found AS (
    SELECT o.schema_name, o.table_name, con.oid, con.conname::text AS constraint_name,
           con.contype, con.conrelid, con.conkey, con.confkey, con.confrelid,
           con.confupdtype, con.confdeltype, con.confmatchtype, con.condeferrable,
           o.relid <> o.root AS on_partition,
           CASE WHEN con.confrelid <> 0
                THEN coalesce(pg_catalog.pg_partition_root(con.confrelid), con.confrelid) END AS ref_root
      FROM owners o
      JOIN pg_catalog.pg_constraint con ON con.conrelid = o.relid
     WHERE con.conparentid = 0
       AND (o.relid = o.root AND con.contype IN ('p', 'u', 'f', 'c', 'x')
            OR o.relid <> o.root AND con.contype = 'f')
),
named AS (
    SELECT f.*,
           -- one index probe per key column (a join would read every attribute of the table)
           ARRAY(SELECT (SELECT a.attname::text FROM pg_catalog.pg_attribute a
                          WHERE a.attrelid = f.conrelid AND a.attnum = k.attnum)
                   FROM pg_catalog.unnest(f.conkey) WITH ORDINALITY k(attnum, ord) ORDER BY k.ord) AS columns,
           ARRAY(SELECT (SELECT a.attname::text FROM pg_catalog.pg_attribute a
                          WHERE a.attrelid = f.confrelid AND a.attnum = k.attnum)
                   FROM pg_catalog.unnest(f.confkey) WITH ORDINALITY k(attnum, ord) ORDER BY k.ord) AS ref_columns
      FROM found f
),
folded AS (
    SELECT DISTINCT ON (schema_name, table_name, contype, columns, ref_root, ref_columns,
                        CASE WHEN contype = 'f' THEN '' ELSE constraint_name END)
           *
      FROM named
     ORDER BY schema_name, table_name, contype, columns, ref_root, ref_columns,
              CASE WHEN contype = 'f' THEN '' ELSE constraint_name END,
              on_partition, constraint_name
)
)SQL", "constraints",
    "scan_id, schema_name, table_name, constraint_name, constraint_type, columns, definition, ref_schema, ref_table, ref_columns, on_update, on_delete, match_type, is_deferrable, accepted_values",
    R"SQL(
SELECT $1, f.schema_name, f.table_name, f.constraint_name,
       CASE f.contype WHEN 'p' THEN 'primary_key' WHEN 'u' THEN 'unique' WHEN 'f' THEN 'foreign_key'
                      WHEN 'c' THEN 'check' ELSE 'exclusion' END,
       f.columns,
       -- the structured columns say all of a key; deparse only checks and exclusions
       CASE WHEN f.contype IN ('c', 'x') THEN pg_catalog.pg_get_constraintdef(f.oid, true) END,
       rn.nspname::text, rc.relname::text,
       CASE WHEN f.contype = 'f' THEN f.ref_columns END,
       CASE WHEN f.contype = 'f' THEN CASE f.confupdtype WHEN 'a' THEN 'no action' WHEN 'r' THEN 'restrict'
            WHEN 'c' THEN 'cascade' WHEN 'n' THEN 'set null' WHEN 'd' THEN 'set default' END END,
       CASE WHEN f.contype = 'f' THEN CASE f.confdeltype WHEN 'a' THEN 'no action' WHEN 'r' THEN 'restrict'
            WHEN 'c' THEN 'cascade' WHEN 'n' THEN 'set null' WHEN 'd' THEN 'set default' END END,
       CASE WHEN f.contype = 'f' THEN CASE f.confmatchtype WHEN 'f' THEN 'full' WHEN 'p' THEN 'partial'
            ELSE 'simple' END END,
       f.condeferrable,
       CASE WHEN f.contype = 'c' THEN @accepted_values@ END
  -- one row per name (the primary key): cheaper than ON CONFLICT's speculative inserts
  FROM (SELECT DISTINCT ON (schema_name, table_name, constraint_name) *
          FROM folded ORDER BY schema_name, table_name, constraint_name, on_partition) f
  LEFT JOIN pg_catalog.pg_class rc ON rc.oid = f.ref_root
  LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
)SQL"};

const Step indexes_step = {"indexes", R"SQL(
)SQL", "indexes",
    "scan_id, schema_name, table_name, index_name, method, is_unique, is_primary, columns, expressions, predicate, definition",
    R"SQL(
SELECT $1, s.schema_name, s.table_name, ic.relname::text, am.amname::text, i.indisunique,
       i.indisprimary,
       ARRAY(SELECT (SELECT a.attname::text FROM pg_catalog.pg_attribute a
                      WHERE a.attrelid = i.indrelid AND a.attnum = k.attnum)
               FROM pg_catalog.unnest(i.indkey) WITH ORDINALITY k(attnum, ord)
              WHERE k.ord <= i.indnkeyatts ORDER BY k.ord),
       pg_catalog.pg_get_expr(i.indexprs, i.indrelid),
       pg_catalog.pg_get_expr(i.indpred, i.indrelid),
       -- an index that implements a constraint is described by that constraint's row;
       -- pg_get_indexdef costs ~20 us an index (opclass lookups per column)
       CASE WHEN NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k
                              WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid
                                AND k.contype IN ('p', 'u', 'x'))
            THEN pg_catalog.pg_get_indexdef(i.indexrelid) END
  FROM scope s
  JOIN pg_catalog.pg_index i ON i.indrelid = s.relid
  JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
  JOIN pg_catalog.pg_am am ON am.oid = ic.relam
)SQL"};

// Declared foreign keys, as stored above, become relationships. A key whose columns are
// also a primary or unique key of its table is one-to-one.
const char* const relationships_sql = R"SQL(
INSERT INTO cartridge.relationships
    (scan_id, from_schema, from_table, from_columns, to_schema, to_table, to_columns, source,
     constraint_name, confidence, cardinality, evidence)
SELECT $1, f.schema_name, f.table_name, f.columns, f.ref_schema, f.ref_table, f.ref_columns,
       'declared', f.constraint_name, 1.0,
       CASE WHEN EXISTS (SELECT 1 FROM cartridge.constraints k
                          WHERE k.scan_id = $1 AND k.schema_name = f.schema_name
                            AND k.table_name = f.table_name
                            AND k.constraint_type IN ('primary_key', 'unique')
                            AND k.columns @> f.columns AND k.columns <@ f.columns)
            THEN 'one_to_one' ELSE 'many_to_one' END,
       pg_catalog.jsonb_build_object('constraint', f.constraint_name, 'on_delete', f.on_delete,
                                     'on_update', f.on_update)
  FROM cartridge.constraints f
 WHERE f.scan_id = $1 AND f.constraint_type = 'foreign_key'
 ORDER BY f.schema_name, f.table_name, f.constraint_name
)SQL";

// Runs one step, its rows handed to add (RETURNING fields), records its duration, and lets
// a cancel or statement_timeout in after it.
uint64 run(const char* step, const std::string& sql, const std::vector<QueryArg>& args, CatalogCounts& counts,
           const char* fields, const std::function<void(const TextRow&)>& add) {
    const auto started = std::chrono::steady_clock::now();
    uint64 rows = 0;
    spi_for_each_row_pg(
        sql + "\nRETURNING " + fields, args,
        [&](const TextRow& row) {
            add(row);
            rows++;
        },
        1000, false);
    counts.timings_ms.emplace_back(
        step, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
    check_for_interrupts_pg();
    return rows;
}

// Replaces the first occurrence of a placeholder.
std::string fill(std::string text, const std::string& placeholder, const std::string& value) {
    return text.replace(text.find(placeholder), placeholder.size(), value);
}

// The same where the placeholder occurs (only the constraints step has @accepted_values@).
std::string fill_if_present(std::string text, const std::string& placeholder, const std::string& value) {
    return text.find(placeholder) == std::string::npos ? text : fill(std::move(text), placeholder, value);
}

// The statement of a step here: one INSERT ... SELECT.
std::string local_sql(const Step& step) {
    return fill_if_present(scope_cte + std::string(step.ctes) + "INSERT INTO cartridge." + step.table + " (" + step.columns +
                    ")" + step.select,
                "@accepted_values@", "cartridge.check_accepted_values(f.oid)");
}

// A step on a remote server: its SELECT, each row as a jsonb object keyed by the columns of
// the cartridge table (the check lists are read here from the deparsed constraint).
std::string remote_sql(const Step& step) {
    return fill_if_present(scope_cte + std::string(step.ctes) + "SELECT pg_catalog.to_jsonb(q)::text FROM (" + step.select +
                    ") q(" + step.columns + ")",
                "@accepted_values@", "NULL::text[]");
}

// A step on a remote server: the rows of remote_sql, inserted here 2,000 at a time with the
// same RETURNING as a local step (fix amends a row before it is stored).
uint64 run_remote(CatalogReader& reader, const Step& step, const std::vector<QueryArg>& args, const Roles& roles,
                  CatalogCounts& counts, const char* fields, const std::function<void(const TextRow&)>& add,
                  const std::function<void(nlohmann::json&)>& fix = nullptr) {
    constexpr size_t kBatch = 2000;
    const auto started = std::chrono::steady_clock::now();
    const std::string insert = std::string("INSERT INTO cartridge.") + step.table + " (" + step.columns +
                               ") SELECT " + step.columns + " FROM pg_catalog.jsonb_populate_recordset(NULL::cartridge." +
                               step.table + ", $1)\nRETURNING " + fields;
    uint64 rows = 0;
    std::string batch;
    size_t in_batch = 0;
    auto flush = [&] {
        if (in_batch == 0)
            return;
        batch += ']';
        OwnerScope as_owner(roles);
        spi_for_each_row_pg(insert, {{JSONBOID, batch.c_str()}}, [&](const TextRow& row) {
            add(row);
            rows++;
        }, 1000, false);
        batch.clear();
        in_batch = 0;
    };
    reader.stream(remote_sql(step), args, [&](const TextRow& row) {
        batch += in_batch ? ',' : '[';
        if (fix) {
            nlohmann::json value = nlohmann::json::parse(row.at(0).value());
            fix(value);
            batch += value.dump();
        } else {
            batch += row.at(0).value();
        }
        if (++in_batch == kBatch)
            flush();
    });
    flush();
    counts.timings_ms.emplace_back(
        step.name, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
    check_for_interrupts_pg();
    return rows;
}

// The scope of a remote scan, as text arguments (the strings live in `storage`).
std::vector<QueryArg> remote_scope(CatalogReader& reader, const std::string& candidates, const std::string& schemas_json,
                                   const std::string& include_json, const std::string& exclude_json,
                                   const std::string& id, std::vector<std::optional<std::string>>& storage,
                                   CatalogCounts& counts) {
    storage = reader.query(candidates, {{JSONBOID, schemas_json.c_str()}, {JSONBOID, include_json.c_str()},
                                        {JSONBOID, exclude_json.c_str()}})
                  .at(0);
    counts.skipped_no_privilege = std::stoull(storage.at(4).value_or("0"));
    std::vector<QueryArg> args;
    args.push_back({INT8OID, id.c_str()});
    const Oid array_types[5] = {OIDARRAYOID, TEXTARRAYOID, TEXTARRAYOID, CHARARRAYOID, BOOLARRAYOID};
    const int array_columns[5] = {0, 1, 2, 3, 5};
    for (int i = 0; i < 5; i++) {
        const auto& value = storage[array_columns[i]];
        args.push_back({array_types[i], value ? value->c_str() : nullptr});
    }
    return args;
}

}  // namespace

CatalogCounts store_catalog_pg(int64_t scan_id, const std::string& schemas_json,
                               const std::string& include_json, const std::string& exclude_json,
                               const Roles& roles, CatalogReader& reader, const ColumnProfiler& profile_columns,
                               SchemaBuilder& model) {
    CatalogCounts counts;
    const bool has_include = include_json != "[]";
    const bool has_exclude = exclude_json != "[]";
    std::string candidates = fill(fill(candidates_sql, "@include@", has_include ? include_clause : ""),
                                  "@exclude@", has_exclude ? exclude_clause : "");
    const auto started = std::chrono::steady_clock::now();
    std::vector<QueryArg> args;
    const std::string id = std::to_string(scan_id);
    std::vector<std::optional<std::string>> remote_storage;
    if (reader.remote()) {
        args = remote_scope(reader, candidates, schemas_json, include_json, exclude_json, id, remote_storage, counts);
    } else {
        // The scope is computed once and handed to every later statement as arrays (Datums
        // that live in the SPI procedure context until SPI_finish).
        spi_execute_pg(candidates, true,
                       {{JSONBOID, schemas_json.c_str()}, {JSONBOID, include_json.c_str()},
                        {JSONBOID, exclude_json.c_str()}});
        args.push_back({INT8OID, id.c_str()});
        const Oid array_types[5] = {OIDARRAYOID, TEXTARRAYOID, TEXTARRAYOID, CHARARRAYOID, BOOLARRAYOID};
        const int array_columns[5] = {1, 2, 3, 4, 6};
        for (int i = 0; i < 5; i++) {
            const int column = array_columns[i];
            bool is_null = false;
            Datum value = pg_call([column, &is_null] {
                Datum datum = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, column, &is_null);
                return is_null ? datum : datumCopy(datum, false, -1);
            });
            args.push_back(QueryArg::binary(array_types[i], value, is_null));
        }
        bool skipped_null = false;
        counts.skipped_no_privilege = DatumGetInt64(pg_call([&skipped_null] {
            return SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 5, &skipped_null);
        }));
    }
    counts.timings_ms.emplace_back(
        "scope", std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());

    std::vector<QueryArg> column_args = args;
    for (const QueryArg& arg : profile_columns(args))
        column_args.push_back(arg);

    using Fields = ScanModelFields;
    auto add_relation = [&](const TextRow& row) { model.relation(row); };
    auto add_column = [&](const TextRow& row) { model.column(row); };
    auto add_constraint = [&](const TextRow& row) { model.constraint(row); };
    auto add_index = [&](const TextRow& row) { model.index(row); };
    if (reader.remote()) {
        counts.relations = run_remote(reader, relations_step, args, roles, counts, Fields::relations(), add_relation);
        counts.columns =
            run_remote(reader, columns_step, column_args, roles, counts, Fields::columns(true), add_column);
        counts.constraints = run_remote(reader, constraints_step, args, roles, counts, Fields::constraints(),
                                        add_constraint, [](nlohmann::json& row) {
                                            const auto definition = row.find("definition");
                                            if (row.value("constraint_type", "") == "check" &&
                                                definition != row.end() && definition->is_string())
                                                if (auto values = accepted_values_of_definition_pg(*definition))
                                                    row["accepted_values"] = *values;
                                        });
        counts.indexes = run_remote(reader, indexes_step, args, roles, counts, Fields::indexes(), add_index);
    } else {
        OwnerScope as_owner(roles);
        counts.relations = run("relations", local_sql(relations_step), args, counts, Fields::relations(), add_relation);
        counts.columns = run("columns", local_sql(columns_step), column_args, counts, Fields::columns(true), add_column);
        counts.constraints =
            run("constraints", local_sql(constraints_step), args, counts, Fields::constraints(), add_constraint);
        counts.indexes = run("indexes", local_sql(indexes_step), args, counts, Fields::indexes(), add_index);
    }
    OwnerScope as_owner(roles);
    counts.relationships = run("relationships", relationships_sql, {args[0]}, counts, Fields::relationships(),
                               [&](const TextRow& row) { model.relationship(row); });
    return counts;
}

const char* scope_cte_sql() {
    return scope_cte;
}

}  // namespace cartridge::pg
