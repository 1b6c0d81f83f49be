-- Bad input to the scan functions: clear errors with SQLSTATE and hint, nothing stored.
CREATE DATABASE regress_scan_errors;
\c regress_scan_errors
CREATE EXTENSION cartridge;
CREATE SCHEMA sales;
CREATE SCHEMA "Ops";
CREATE TABLE sales.orders (id int PRIMARY KEY);
-- an empty database (only an empty schema besides public) is a scan with zero relations
SELECT cartridge_scan(ARRAY['Ops']) AS scan_id \gset
SELECT schemas, stats->'relations' AS relations FROM cartridge.scans WHERE id = :scan_id;
-- unknown schema: named, with the schemas that exist
SELECT cartridge_scan(ARRAY['sales', 'nope']);
\echo :LAST_ERROR_SQLSTATE
-- system and extension schemas cannot be scanned
SELECT cartridge_scan(ARRAY['cartridge']);
SELECT cartridge_scan(ARRAY['pg_catalog']);
-- unknown option keys and malformed options
SELECT cartridge_scan(options => '{"profiel": false}');
\echo :LAST_ERROR_SQLSTATE
SELECT cartridge_scan(options => '{"profile": "yes"}');
SELECT cartridge_scan(options => '{"include": 7}');
SELECT cartridge_scan(options => '[]');
-- unknown scan id
SELECT cartridge_scan_json(424242);
\echo :LAST_ERROR_SQLSTATE
-- none of the failures left a row behind
SELECT count(*) AS scans FROM cartridge.scans;
SELECT count(*) AS relations FROM cartridge.relations;
-- a failing transaction takes its scan with it
BEGIN;
SELECT cartridge_scan() IS NOT NULL AS scanned;
SELECT 1/0;
ROLLBACK;
SELECT count(*) AS scans, (SELECT count(*) FROM cartridge.columns) AS columns FROM cartridge.scans;
-- remote scans: malformed options, an unknown foreign server, a connection string libpq
-- cannot read (its text is not repeated: it may hold the password)
SELECT cartridge_scan(options => '{"conninfo": 42}');
\echo :LAST_ERROR_SQLSTATE
SELECT cartridge_scan(options => '{"conninfo": "host=x", "server": "y"}');
\echo :LAST_ERROR_SQLSTATE
SELECT cartridge_scan(options => '{"server": "nosuch"}');
\echo :LAST_ERROR_SQLSTATE
SELECT cartridge_scan(options => '{"conninfo": "host=x password=''unterminated"}');
\echo :LAST_ERROR_SQLSTATE
SELECT cartridge_scan(options => '{"conninfo": "host=127.0.0.1 port=1 dbname=x connect_timeout=2"}');
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) AS scans FROM cartridge.scans;
-- deleting a scan deletes its rows
SELECT cartridge_scan() AS scan_id \gset
SELECT count(*) > 0 AS has_columns FROM cartridge.columns WHERE scan_id = :scan_id;
DELETE FROM cartridge.scans WHERE id = :scan_id;
SELECT count(*) AS columns_left FROM cartridge.columns WHERE scan_id = :scan_id;
\c contrib_regression
DROP DATABASE regress_scan_errors;
