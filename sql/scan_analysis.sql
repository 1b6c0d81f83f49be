-- Profiling, relationship inference and classification on jaffle_shop's raw tables (no keys
-- declared at all; see test/data/README.md).
CREATE DATABASE regress_analysis;
\c regress_analysis
\set ECHO none
-- relative to the directory pg_regress runs in, so that load.sql's \echo of it is stable
\set dir 'test/data/jaffle_shop'
\set dataset :dir '/load.sql'
\o /dev/null
\i :dataset
\o
\set ON_ERROR_STOP off
RESET ALL;
-- statistics as every analyzed database has them (and not whenever autovacuum gets there)
ANALYZE;
CREATE EXTENSION cartridge;
\set ECHO all
SELECT cartridge_scan() AS scan_id \gset
SELECT stats->'profiling' AS profiling, stats->'inference' AS inference, stats->'classification' AS classification
  FROM cartridge.scans WHERE id = :scan_id;
-- what a profile holds (no values: nothing that could be personal data)
SELECT table_name, column_name, profile - 'sample' - 'table_rows_exact' AS profile
  FROM cartridge.columns WHERE scan_id = :scan_id AND table_name = 'raw_orders' ORDER BY ordinal;
-- the two implied edges, with their evidence
SELECT from_table, from_columns, to_table, to_columns, source, confidence, cardinality, jsonb_pretty(evidence)
  FROM cartridge.relationships WHERE scan_id = :scan_id ORDER BY 1, 2;
SELECT table_name, classification, classification_confidence, classification_evidence->>'rule' AS rule
  FROM cartridge.relations WHERE scan_id = :scan_id ORDER BY 1;
-- without reading the data: names and keys only, lower confidence, and no target key can be
-- seen in the data, so the "id" columns are assumed from their names
SELECT cartridge_scan(options => '{"profile": false}') AS scan_id \gset
SELECT from_table, from_columns, to_table, to_columns, confidence, evidence->>'target_key' AS target_key,
       evidence->>'data' AS data
  FROM cartridge.relationships WHERE scan_id = :scan_id ORDER BY 1, 2;
SELECT count(*) AS profiled_columns FROM cartridge.columns WHERE scan_id = :scan_id AND profile IS NOT NULL;
-- values kept on request
SELECT cartridge_scan(options => '{"profile": {"values": true, "top_values": 3}}') AS scan_id \gset
SELECT profile->'top_values' AS top_values, profile->'min' AS min, profile->'max' AS max
  FROM cartridge.columns WHERE scan_id = :scan_id AND table_name = 'raw_orders' AND column_name = 'status';
-- options are checked before anything is stored
SELECT cartridge_scan(options => '{"profile": {"sample": 10}}');
SELECT cartridge_scan(options => '{"min_confidence": "high"}');
SELECT count(*) AS scans FROM cartridge.scans;
\c contrib_regression
DROP DATABASE regress_analysis;
