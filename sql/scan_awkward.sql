-- cartridge_scan on identifiers and object kinds that break naive tools (test/data/awkward.sql).
CREATE DATABASE regress_awkward;
\c regress_awkward
\set ECHO none
\getenv abs_srcdir PG_ABS_SRCDIR
\set dataset :abs_srcdir '/test/data/awkward.sql'
\o /dev/null
\i :dataset
\o
\set ECHO all
CREATE EXTENSION cartridge;
SELECT cartridge_scan() AS scan_id \gset
SELECT schemas, stats - 'timings_ms' AS stats FROM cartridge.scans WHERE id = :scan_id;
SELECT schema_name, table_name, kind, comment, foreign_server, partition_key, partition_count,
       partition_bounds, view_definition IS NOT NULL AS has_definition
  FROM cartridge.relations WHERE scan_id = :scan_id ORDER BY 1, 2;
-- names round-trip exactly: every stored name is the catalog's, byte for byte
SELECT count(*) AS relations_not_in_catalog
  FROM cartridge.relations r
 WHERE r.scan_id = :scan_id
   AND NOT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = r.schema_name AND c.relname = r.table_name);
SELECT table_name, column_name, octet_length(column_name) AS bytes, ordinal, data_type, base_type,
       element_type, enum_values, is_nullable, column_default, identity, generated, collation_name, comment
  FROM cartridge.columns WHERE scan_id = :scan_id ORDER BY 1, ordinal;
SELECT schema_name, table_name, constraint_name, constraint_type, columns, ref_schema, ref_table,
       ref_columns, on_update, on_delete, match_type, accepted_values
  FROM cartridge.constraints WHERE scan_id = :scan_id ORDER BY 1, 2, 3;
SELECT table_name, index_name, method, is_unique, is_primary, columns, expressions, predicate
  FROM cartridge.indexes WHERE scan_id = :scan_id ORDER BY 1, 2;
-- declared keys: composite, self-referencing, cross-schema, folded from partitions
SELECT from_schema, from_table, from_columns, to_schema, to_table, to_columns, constraint_name, cardinality
  FROM cartridge.relationships WHERE scan_id = :scan_id ORDER BY 1, 2, 3;
-- narrowing the scope: a schema list, include and exclude patterns
SELECT cartridge_scan(ARRAY['select']) AS scan_id \gset
SELECT table_name FROM cartridge.relations WHERE scan_id = :scan_id ORDER BY 1;
SELECT cartridge_scan(options => '{"include": ["\"Sales Dept\".*"], "exclude": ["employee", "*_abcdefghijk"]}') AS scan_id \gset
SELECT schema_name, table_name FROM cartridge.relations WHERE scan_id = :scan_id ORDER BY 1, 2;
SELECT cartridge_scan(options => '{"include": "order*"}') AS scan_id \gset
SELECT schema_name, table_name FROM cartridge.relations WHERE scan_id = :scan_id ORDER BY 1, 2;
\c contrib_regression
DROP DATABASE regress_awkward;
