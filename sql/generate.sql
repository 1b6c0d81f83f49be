-- cartridge_generate with the builtin provider, and what a project gives back: its files,
-- models and tests, its info, byte-identical archives; bad input leaves nothing behind.
CREATE DATABASE regress_generate;
\c regress_generate
CREATE EXTENSION cartridge;
-- no scan of this database yet
SELECT cartridge_generate(async => false);
\echo :LAST_ERROR_SQLSTATE

CREATE SCHEMA shop;
CREATE TYPE shop.order_status AS ENUM ('placed', 'shipped', 'returned');
CREATE TABLE shop."Customer" (
    "CustomerId" integer PRIMARY KEY,
    "Full Name"  text NOT NULL,
    "order"      integer,
    updated_at   timestamptz
);
COMMENT ON COLUMN shop."Customer"."Full Name" IS 'As the customer typed it';
CREATE TABLE shop.orders (
    order_id     integer PRIMARY KEY,
    "CustomerId" integer REFERENCES shop."Customer",
    status       shop.order_status NOT NULL,
    channel      text CHECK (channel IN ('web', 'shop', 'it''s phone')),
    ordered_at   timestamp NOT NULL
);
CREATE TABLE shop.order_line (
    order_id  integer NOT NULL REFERENCES shop.orders,
    line_no   integer NOT NULL,
    quantity  integer NOT NULL,
    price     numeric(10, 2),
    PRIMARY KEY (order_id, line_no)
);
CREATE VIEW shop.big_orders AS SELECT order_id FROM shop.order_line WHERE quantity > 10;
SELECT cartridge_scan(ARRAY['shop']) AS scan_id \gset

-- unknown and not yet available providers
SELECT cartridge_generate(:scan_id, 'llama', '{}', false);
\echo :LAST_ERROR_SQLSTATE
SELECT cartridge_generate(:scan_id, 'anthropic', '{}', false);
\echo :LAST_ERROR_SQLSTATE
SELECT cartridge_generate(:scan_id, NULL, '{}', false);
-- options the builtin provider does not accept
SELECT cartridge_generate(:scan_id, 'builtin', '{"model": "gpt-4o"}', false);
\echo :LAST_ERROR_SQLSTATE
SELECT cartridge_generate(:scan_id, 'builtin', '{"marts": "yes"}', false);
SELECT cartridge_generate(:scan_id, 'builtin', '{"project_name": "My Project"}', false);
SELECT cartridge_generate(:scan_id, 'builtin', '{"inferred_min_confidence": 1.5}', false);
-- unknown scan
SELECT cartridge_generate(424242, 'builtin', '{}', false);
\echo :LAST_ERROR_SQLSTATE
-- async (the default): queued, and run by the worker after COMMIT; a rolled-back submit
-- runs nothing, and waiting in the submitting transaction is an error
BEGIN;
SELECT cartridge_generate(:scan_id) AS queued_id \gset
SELECT status, progress, stage, async, started_at FROM cartridge.projects WHERE id = :queued_id;
SELECT cartridge_wait(:queued_id);
\echo :LAST_ERROR_SQLSTATE
ROLLBACK;
SELECT count(*) AS projects FROM cartridge.projects;
SELECT cartridge_generate(:scan_id) AS async_id \gset
SELECT cartridge_wait(:async_id, '1 min');
SELECT status, progress, stage, attempts, error, started_at >= created_at AS started,
       finished_at >= started_at AS finished
  FROM cartridge.projects WHERE id = :async_id;
SELECT cartridge_cancel(:async_id) AS cancelled_after_the_end;
DELETE FROM cartridge.projects WHERE id = :async_id;
-- a generation whose transaction fails is gone with it
BEGIN;
SELECT cartridge_generate(:scan_id, async => false) IS NOT NULL AS generated;
SELECT 1/0;
ROLLBACK;
SELECT (SELECT count(*) FROM cartridge.projects) AS projects, (SELECT count(*) FROM cartridge.files) AS files,
       (SELECT count(*) FROM cartridge.models) AS models, (SELECT count(*) FROM cartridge.tests) AS tests;

-- the latest scan of this database by default
SELECT cartridge_generate(async => false) AS project_id \gset
SELECT name, scan_id = :scan_id AS from_latest_scan, provider, model, status, progress, async
  FROM cartridge.projects WHERE id = :project_id;
SELECT path, kind FROM cartridge_files(:project_id);
SELECT name, layer, materialized, schema_name, table_name FROM cartridge.models
 WHERE project_id = :project_id ORDER BY layer, name;
SELECT model_name, column_name, test_name, arguments, severity FROM cartridge.tests
 WHERE project_id = :project_id ORDER BY model_name, column_name NULLS FIRST, test_name, arguments::text;
SELECT content FROM cartridge_files(:project_id) WHERE path = 'models/staging/shop/stg_shop__customers.sql';
SELECT info - 'id' - 'scan_id' - 'timings' - 'created_at' - 'started_at' - 'finished_at' AS info,
       (SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(info->'timings') k) AS timings
  FROM cartridge_info(:project_id) AS info;

-- the same scan gives byte-identical archives, tar.gz and zip
SELECT cartridge_generate(:scan_id, options => '{"project_name": "shop_again"}', async => false) AS other_id \gset
SELECT cartridge_generate(:scan_id, async => false) AS again_id \gset
SELECT md5(cartridge_archive(:project_id)) = md5(cartridge_archive(:again_id)) AS same_tar_gz,
       md5(cartridge_archive(:project_id, 'zip')) = md5(cartridge_archive(:again_id, 'zip')) AS same_zip,
       md5(cartridge_archive(:project_id)) <> md5(cartridge_archive(:other_id)) AS other_name_differs,
       substring(cartridge_archive(:project_id) FROM 1 FOR 2) = '\x1f8b' AS gzip,
       substring(cartridge_archive(:project_id, 'zip') FROM 1 FOR 4) = '\x504b0304' AS zip;

-- bad archive requests
SELECT cartridge_archive(:project_id, 'rar');
\echo :LAST_ERROR_SQLSTATE
SELECT cartridge_archive(424242);
\echo :LAST_ERROR_SQLSTATE
UPDATE cartridge.projects SET status = 'running' WHERE id = :other_id;
SELECT cartridge_archive(:other_id);
\echo :LAST_ERROR_SQLSTATE
UPDATE cartridge.projects SET status = 'failed' WHERE id = :other_id;
SELECT cartridge_archive(:other_id, 'zip');
SELECT cartridge_info(424242);
SELECT * FROM cartridge_files(424242);

\c contrib_regression
DROP DATABASE regress_generate;
