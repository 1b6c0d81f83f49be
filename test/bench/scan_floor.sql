-- The floor of cartridge_scan (profile off): the same rows, read from pg_catalog by one
-- hand-written set-based query per target table and stored with one INSERT ... SELECT each,
-- after one query that finds the relations in scope. Written independently of src/pg, so it
-- checks the scan's row counts as well as its speed, and as tight as we know how to write
-- it, so that the ratio means something.
--
-- scan_bench.py runs the sections below (each starts with a line `-- <name> ;;`) in one
-- transaction. The scope section returns the relations in scope as four arrays (in text
-- form); the driver passes them back to every later statement as %(relid)s, %(schema)s,
-- %(relname)s and %(relkind)s, with %(scan_id)s, the id of a cartridge.scans row inserted
-- just before. Literal percent signs must be doubled (driver placeholders).
--
-- Scope: tables, partitioned tables, views, materialized views and foreign tables that are
-- not partitions, outside the system schemas, pg_temp, cartridge and extension schemas, not
-- members of an extension, and on which the current role holds some privilege.

-- scope ;;
SELECT array_agg(c.oid ORDER BY c.oid)::text, array_agg(n.nspname ORDER BY c.oid)::text,
       array_agg(c.relname ORDER BY c.oid)::text, array_agg(c.relkind ORDER BY c.oid)::text
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition
   AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'cartridge')
   AND n.nspname !~ '^pg_(toast_)?temp_'
   -- members of extensions, found from the extension side of pg_depend (an index range)
   AND n.oid NOT IN (SELECT objid FROM pg_depend WHERE refclassid = 'pg_extension'::regclass
                        AND classid = 'pg_namespace'::regclass AND deptype = 'e')
   AND c.oid NOT IN (SELECT objid FROM pg_depend WHERE refclassid = 'pg_extension'::regclass
                        AND classid = 'pg_class'::regclass AND deptype = 'e')
   AND (has_table_privilege(c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
        OR has_any_column_privilege(c.oid, 'SELECT, INSERT, UPDATE, REFERENCES'))

-- relations ;;
WITH scope AS (
    SELECT * FROM unnest(%(relid)s::oid[], %(schema)s::text[], %(relname)s::text[],
                         %(relkind)s::"char"[]) AS s(oid, nspname, relname, relkind)
), parts AS (
    SELECT i.inhparent AS oid, count(*)::int AS n,
           array_agg(pg_get_expr(p.relpartbound, p.oid) ORDER BY p.relname) AS bounds,
           sum(greatest(p.reltuples, 0))::bigint AS rows, bool_and(p.reltuples >= 0) AS analyzed
      FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhrelid
     WHERE p.relispartition
     GROUP BY i.inhparent
)
INSERT INTO cartridge.relations
    (scan_id, schema_name, table_name, kind, owner, comment, row_estimate, analyzed,
     size_bytes, can_select, view_definition, foreign_server, partition_key,
     partition_count, partition_bounds)
SELECT %(scan_id)s, s.nspname, s.relname,
       CASE s.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned_table' WHEN 'v' THEN 'view'
                      WHEN 'm' THEN 'materialized_view' ELSE 'foreign_table' END,
       pg_get_userbyid(c.relowner), d.description,
       CASE WHEN s.relkind = 'p' THEN p.rows WHEN c.reltuples >= 0 THEN c.reltuples::bigint END,
       CASE WHEN s.relkind = 'p' THEN coalesce(p.analyzed, false)
            WHEN s.relkind IN ('r', 'm') THEN c.reltuples >= 0 END,
       CASE WHEN s.relkind IN ('r', 'm') AND c.reltuples >= 0
            THEN c.relpages::bigint * current_setting('block_size')::bigint END,
       has_table_privilege(s.oid, 'SELECT'),
       CASE WHEN s.relkind IN ('v', 'm') THEN pg_get_viewdef(s.oid, true) END,
       fs.srvname,
       CASE WHEN s.relkind = 'p' THEN pg_get_partkeydef(s.oid) END,
       CASE WHEN s.relkind = 'p' THEN coalesce(p.n, 0) END,
       p.bounds
  FROM scope s
  JOIN pg_class c ON c.oid = s.oid
  LEFT JOIN pg_description d ON d.objoid = s.oid AND d.classoid = 'pg_class'::regclass
                            AND d.objsubid = 0
  LEFT JOIN parts p ON p.oid = s.oid
  LEFT JOIN pg_foreign_table ft ON ft.ftrelid = s.oid
  LEFT JOIN pg_foreign_server fs ON fs.oid = ft.ftserver

-- columns ;;
WITH scope AS (
    SELECT * FROM unnest(%(relid)s::oid[], %(schema)s::text[], %(relname)s::text[],
                         %(relkind)s::"char"[]) AS s(oid, nspname, relname, relkind)
), enums AS (
    SELECT enumtypid, array_agg(enumlabel::text ORDER BY enumsortorder) AS labels
      FROM pg_enum GROUP BY enumtypid
)
INSERT INTO cartridge.columns
    (scan_id, schema_name, table_name, column_name, ordinal, data_type, base_type,
     element_type, enum_values, is_nullable, column_default, identity, generated,
     collation_name, comment)
SELECT %(scan_id)s, s.nspname, s.relname, a.attname, a.attnum,
       format_type(a.atttypid, a.atttypmod),
       CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END,
       CASE WHEN b.typcategory = 'A' THEN format_type(b.typelem, NULL) END,
       e.labels,
       NOT a.attnotnull,
       CASE WHEN a.attgenerated = '' THEN pg_get_expr(ad.adbin, 0) END,
       CASE a.attidentity WHEN 'a' THEN 'always' WHEN 'd' THEN 'by_default' END,
       CASE WHEN a.attgenerated <> '' THEN pg_get_expr(ad.adbin, ad.adrelid) END,
       CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN co.collname END,
       d.description
  FROM scope s
  JOIN pg_attribute a ON a.attrelid = s.oid AND a.attnum > 0 AND NOT a.attisdropped
  JOIN pg_type t ON t.oid = a.atttypid
  JOIN pg_type b ON b.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
  LEFT JOIN enums e ON e.enumtypid = b.oid
  LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
  LEFT JOIN pg_collation co ON co.oid = a.attcollation
  LEFT JOIN pg_description d ON d.objoid = a.attrelid AND d.classoid = 'pg_class'::regclass
                            AND d.objsubid = a.attnum

-- constraints ;;
WITH scope AS (
    SELECT * FROM unnest(%(relid)s::oid[], %(schema)s::text[], %(relname)s::text[],
                         %(relkind)s::"char"[]) AS s(oid, nspname, relname, relkind)
), keyed AS (
    -- Key column names by one index probe per column: measured twice as fast as one join
    -- of all keys with pg_attribute, which the planner turns into a hash of pg_attribute.
    SELECT s.nspname, s.relname, k.oid, k.conname, k.contype, k.confrelid, k.confupdtype,
           k.confdeltype, k.confmatchtype, k.condeferrable,
           CASE WHEN k.contype IN ('c', 'x') THEN pg_get_constraintdef(k.oid, true) END AS def,
           ARRAY(SELECT (SELECT a.attname::text FROM pg_attribute a
                          WHERE a.attrelid = k.conrelid AND a.attnum = u.attnum)
                   FROM unnest(k.conkey) WITH ORDINALITY u(attnum, ord) ORDER BY u.ord) AS cols,
           ARRAY(SELECT (SELECT a.attname::text FROM pg_attribute a
                          WHERE a.attrelid = k.confrelid AND a.attnum = u.attnum)
                   FROM unnest(k.confkey) WITH ORDINALITY u(attnum, ord) ORDER BY u.ord) AS refcols
      FROM scope s JOIN pg_constraint k ON k.conrelid = s.oid
     WHERE k.contype IN ('p', 'u', 'f', 'c', 'x') AND k.conparentid = 0
)
INSERT INTO cartridge.constraints
    (scan_id, schema_name, table_name, constraint_name, constraint_type, columns, definition,
     ref_schema, ref_table, ref_columns, on_update, on_delete, match_type, is_deferrable,
     accepted_values)
SELECT %(scan_id)s, k.nspname, k.relname, k.conname,
       CASE k.contype WHEN 'p' THEN 'primary_key' WHEN 'u' THEN 'unique' WHEN 'f' THEN 'foreign_key'
                      WHEN 'c' THEN 'check' ELSE 'exclusion' END,
       k.cols, k.def, rn.nspname, rc.relname,
       CASE WHEN k.contype = 'f' THEN k.refcols END,
       CASE WHEN k.contype = 'f' THEN CASE k.confupdtype WHEN 'a' THEN 'no action'
            WHEN 'r' THEN 'restrict' WHEN 'c' THEN 'cascade' WHEN 'n' THEN 'set null'
            WHEN 'd' THEN 'set default' END END,
       CASE WHEN k.contype = 'f' THEN CASE k.confdeltype WHEN 'a' THEN 'no action'
            WHEN 'r' THEN 'restrict' WHEN 'c' THEN 'cascade' WHEN 'n' THEN 'set null'
            WHEN 'd' THEN 'set default' END END,
       CASE WHEN k.contype = 'f' THEN CASE k.confmatchtype WHEN 'f' THEN 'full'
            WHEN 'p' THEN 'partial' ELSE 'simple' END END,
       k.condeferrable,
       -- col IN (...) / col = ANY (ARRAY[...]) as deparsed: the quoted literals.
       CASE WHEN k.contype = 'c' AND k.def ~ '^CHECK \(\(?\S+ = ANY \(ARRAY\['
            THEN ARRAY(SELECT replace(m[1], '''''', '''')
                         FROM regexp_matches(k.def, '''((?:[^'']|'''')*)''', 'g') m) END
  FROM keyed k
  LEFT JOIN pg_class rc ON rc.oid = k.confrelid
  LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace

-- indexes ;;
WITH scope AS (
    SELECT * FROM unnest(%(relid)s::oid[], %(schema)s::text[], %(relname)s::text[],
                         %(relkind)s::"char"[]) AS s(oid, nspname, relname, relkind)
)
INSERT INTO cartridge.indexes
    (scan_id, schema_name, table_name, index_name, method, is_unique, is_primary, columns,
     expressions, predicate, definition)
SELECT %(scan_id)s, s.nspname, s.relname, ic.relname, am.amname, i.indisunique, i.indisprimary,
       -- key columns; expressions (attnum 0) stay NULL
       ARRAY(SELECT (SELECT a.attname::text FROM pg_attribute a
                      WHERE a.attrelid = i.indrelid AND a.attnum = u.attnum)
               FROM unnest(i.indkey) WITH ORDINALITY u(attnum, ord)
              WHERE u.ord <= i.indnkeyatts ORDER BY u.ord),
       pg_get_expr(i.indexprs, i.indrelid), pg_get_expr(i.indpred, i.indrelid),
       CASE WHEN NOT EXISTS (SELECT 1 FROM pg_constraint k
                              WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid
                                AND k.contype IN ('p', 'u', 'x'))
            THEN pg_get_indexdef(i.indexrelid) END
  FROM scope s
  JOIN pg_index i ON i.indrelid = s.oid
  JOIN pg_class ic ON ic.oid = i.indexrelid
  JOIN pg_am am ON am.oid = ic.relam

-- relationships ;;
WITH scope AS (
    SELECT * FROM unnest(%(relid)s::oid[], %(schema)s::text[], %(relname)s::text[],
                         %(relkind)s::"char"[]) AS s(oid, nspname, relname, relkind)
)
INSERT INTO cartridge.relationships
    (scan_id, from_schema, from_table, from_columns, to_schema, to_table, to_columns, source,
     constraint_name, confidence, cardinality, evidence)
SELECT %(scan_id)s, s.nspname, s.relname,
       ARRAY(SELECT (SELECT a.attname::text FROM pg_attribute a
                      WHERE a.attrelid = k.conrelid AND a.attnum = u.attnum)
               FROM unnest(k.conkey) WITH ORDINALITY u(attnum, ord) ORDER BY u.ord),
       rn.nspname, rc.relname,
       ARRAY(SELECT (SELECT a.attname::text FROM pg_attribute a
                      WHERE a.attrelid = k.confrelid AND a.attnum = u.attnum)
               FROM unnest(k.confkey) WITH ORDINALITY u(attnum, ord) ORDER BY u.ord),
       'declared', k.conname, 1.0,
       -- one-to-one when the key's columns are also a whole, non-partial unique key
       CASE WHEN EXISTS (SELECT 1 FROM pg_index x
                          WHERE x.indrelid = k.conrelid AND x.indisunique AND x.indpred IS NULL
                            AND x.indkey::int2[] @> k.conkey AND x.indkey::int2[] <@ k.conkey)
            THEN 'one_to_one' ELSE 'many_to_one' END,
       '{}'::jsonb
  FROM scope s
  JOIN pg_constraint k ON k.conrelid = s.oid AND k.contype = 'f' AND k.conparentid = 0
  JOIN pg_class rc ON rc.oid = k.confrelid
  JOIN pg_namespace rn ON rn.oid = rc.relnamespace
