-- Cartridge 0.2.0 -> 0.3.0: background jobs.
-- Scans become jobs like projects (status, progress, ...; async => true queues them for the
-- worker), cartridge_wait/cartridge_cancel and their _scan twins, the cartridge.jobs view
-- and the cartridge_admin role, whose members see every job. Ends with the objects a fresh
-- install of 0.3.0 creates (test/e2e/test_upgrade.py compares them).
\echo Use "ALTER EXTENSION cartridge UPDATE TO '0.3.0'" to load this file. \quit

-- Scans of 0.2.0 all ran in the caller's session and succeeded: their job columns say so.
-- The columns are added without a default and filled by UPDATE: ADD COLUMN with a
-- constant default would leave that value in the catalog (attmissingval), where a fresh
-- install has none.
ALTER TABLE cartridge.scans
    ALTER COLUMN started_at DROP NOT NULL,
    ALTER COLUMN started_at DROP DEFAULT,
    ADD COLUMN async boolean,
    ADD COLUMN status text CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    ADD COLUMN progress smallint CHECK (progress BETWEEN 0 AND 100),
    ADD COLUMN stage text,
    ADD COLUMN message text,
    ADD COLUMN error text,
    ADD COLUMN attempts integer,
    ADD COLUMN created_at timestamptz;
UPDATE cartridge.scans
   SET async = false, status = 'succeeded', progress = 100, stage = 'done', attempts = 0, created_at = started_at;
ALTER TABLE cartridge.scans
    ALTER COLUMN async SET NOT NULL,
    ALTER COLUMN async SET DEFAULT false,
    ALTER COLUMN status SET NOT NULL,
    ALTER COLUMN progress SET NOT NULL,
    ALTER COLUMN progress SET DEFAULT 0,
    ALTER COLUMN attempts SET NOT NULL,
    ALTER COLUMN attempts SET DEFAULT 0,
    ALTER COLUMN created_at SET NOT NULL,
    ALTER COLUMN created_at SET DEFAULT clock_timestamp();
CREATE INDEX ON cartridge.scans (status) WHERE status IN ('queued', 'running');

CREATE FUNCTION cartridge.is_admin() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT coalesce((SELECT pg_catalog.pg_has_role(r.oid, 'MEMBER') FROM pg_catalog.pg_roles r
                           WHERE r.rolname = 'cartridge_admin'), false) $$;

DROP POLICY own_scans_read ON cartridge.scans;
CREATE POLICY own_scans_read ON cartridge.scans FOR SELECT
    USING (pg_catalog.pg_has_role(scanned_by, 'MEMBER') OR (SELECT cartridge.is_admin()));
DROP POLICY own_projects_read ON cartridge.projects;
CREATE POLICY own_projects_read ON cartridge.projects FOR SELECT
    USING (pg_catalog.pg_has_role(submitted_by, 'MEMBER') OR (SELECT cartridge.is_admin()));

CREATE VIEW cartridge.jobs WITH (security_invoker = true) AS
    SELECT 'scan'::text AS kind, id, scanned_by AS submitted_by, async, status, progress, stage, message, error,
           attempts, created_at, started_at, finished_at
      FROM cartridge.scans
    UNION ALL
    SELECT 'project'::text, id, submitted_by, async, status, progress, stage, message, error,
           attempts, created_at, started_at, finished_at
      FROM cartridge.projects;
GRANT SELECT ON cartridge.jobs TO PUBLIC;

DROP FUNCTION @extschema@.cartridge_scan(text[], jsonb);
CREATE FUNCTION @extschema@.cartridge_scan(schemas text[] DEFAULT NULL, options jsonb DEFAULT '{}',
                                           async boolean DEFAULT false)
    RETURNS bigint
    LANGUAGE c VOLATILE
    -- Expressions (defaults, partition bounds, view definitions) are stored as text: print
    -- them the same way whatever the caller's settings, as pg_dump does.
    SET search_path = pg_catalog, pg_temp
    SET DateStyle = 'ISO, YMD'
    SET IntervalStyle = 'postgres'
    SET extra_float_digits = 3
    -- Row estimates of unnest() over the scope push the plans past jit_above_cost (and at
    -- a larger scale past jit_optimize_above_cost: +0.4 s for one statement); compiling
    -- never pays off on these queries. The DISTINCT ON of constraints sorts on disk at 4MB.
    SET jit = off
    SET work_mem = '64MB'
    AS 'MODULE_PATHNAME', 'cartridge_scan';
COMMENT ON FUNCTION @extschema@.cartridge_scan(text[], jsonb, boolean) IS
    'Reads the catalog of the current database into the cartridge tables (async: as a job); returns the scan id';
-- [jobs] cartridge_wait, cartridge_cancel and their _scan twins
CREATE FUNCTION @extschema@.cartridge_wait(project_id bigint, timeout interval DEFAULT '10 min')
    RETURNS text
    LANGUAGE c VOLATILE
    SET search_path = pg_catalog, pg_temp
    AS 'MODULE_PATHNAME', 'cartridge_wait';
COMMENT ON FUNCTION @extschema@.cartridge_wait(bigint, interval) IS
    'Waits until the project leaves queued/running; returns its status (the current one when the timeout passes)';

CREATE FUNCTION @extschema@.cartridge_wait_scan(scan_id bigint, timeout interval DEFAULT '10 min')
    RETURNS text
    LANGUAGE c VOLATILE
    SET search_path = pg_catalog, pg_temp
    AS 'MODULE_PATHNAME', 'cartridge_wait_scan';
COMMENT ON FUNCTION @extschema@.cartridge_wait_scan(bigint, interval) IS
    'Waits until the scan leaves queued/running; returns its status (the current one when the timeout passes)';

CREATE FUNCTION @extschema@.cartridge_cancel(project_id bigint)
    RETURNS boolean
    LANGUAGE c STRICT VOLATILE
    SET search_path = pg_catalog, pg_temp
    AS 'MODULE_PATHNAME', 'cartridge_cancel';
COMMENT ON FUNCTION @extschema@.cartridge_cancel(bigint) IS
    'Cancels a queued or running project; false when it had already ended';

CREATE FUNCTION @extschema@.cartridge_cancel_scan(scan_id bigint)
    RETURNS boolean
    LANGUAGE c STRICT VOLATILE
    SET search_path = pg_catalog, pg_temp
    AS 'MODULE_PATHNAME', 'cartridge_cancel_scan';
COMMENT ON FUNCTION @extschema@.cartridge_cancel_scan(bigint) IS
    'Cancels a queued or running scan; false when it had already ended';

-- Members see and cancel every job (the extension creates the role; roles belong to the
-- server, so it may exist already, from another database).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'cartridge_admin') THEN
        CREATE ROLE cartridge_admin NOLOGIN;
    END IF;
END
$$;
