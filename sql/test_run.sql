-- cartridge_test_run: a small project built and tested in the database, the errors of bad
-- input, and nothing left behind (test/e2e/test_test_run.py compares it with real dbt).
CREATE DATABASE regress_test_run;
\c regress_test_run
CREATE EXTENSION cartridge;
CREATE SCHEMA shop;
CREATE TABLE shop.customer (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE shop.orders (
    id          integer PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES shop.customer,
    channel     text CHECK (channel IN ('web', 'shop', 'it''s phone')),
    amount      numeric(10, 2) NOT NULL
);
INSERT INTO shop.customer VALUES (1, 'Ann'), (2, 'Bob');
INSERT INTO shop.orders VALUES (1, 1, 'web', 10), (2, 1, 'it''s phone', 20), (3, 2, NULL, 5);
SELECT cartridge_scan(ARRAY['shop']) AS scan_id \gset
SELECT cartridge_generate(:scan_id, async => false) AS project_id \gset

SELECT kind, name, status, failures, message FROM cartridge_test_run(:project_id);
SELECT status, message, totals, kept, run_schema FROM cartridge.test_runs;
SELECT cartridge_info(:project_id)->'last_test_run'->'totals' AS last_totals;
-- nothing of the build stays
SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'cartridge_test_run%';

-- bad input: an error with a hint, and no run recorded
SELECT * FROM cartridge_test_run(NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM cartridge_test_run(424242);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM cartridge_test_run(:project_id, '{"keep": true}');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM cartridge_test_run(:project_id, '[]');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM cartridge_test_run(:project_id, '{"keep_schema": "shop"}');
\echo :LAST_ERROR_SQLSTATE
-- a project still queued (its job starts when this transaction commits; it never does)
BEGIN;
SELECT cartridge_generate(:scan_id) AS queued \gset
SELECT * FROM cartridge_test_run(:queued);
\echo :LAST_ERROR_SQLSTATE
ROLLBACK;
SELECT count(*) FROM cartridge.test_runs;

\c postgres
DROP DATABASE regress_test_run;
