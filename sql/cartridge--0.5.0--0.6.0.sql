-- Cartridge 0.5.0 -> 0.6.0: cartridge_test_run (and its job form), which builds a project's
-- models and runs its tests inside the database; cartridge.test_runs and
-- cartridge.test_results keep every run. cartridge_diff and cartridge_erd, with the oid of
-- each scanned relation (relations.relation_oid; NULL in earlier scans).
-- cartridge_test_connection and the role cartridge_remote. Ends with the objects a fresh install of 0.6.0
-- creates (test/e2e/test_upgrade.py compares them).
\echo Use "ALTER EXTENSION cartridge UPDATE TO '0.6.0'" to load this file. \quit

------------------------------------------------------------------------------------------
-- Test runs: cartridge_test_run builds a project's models and runs its tests inside the
-- database (src/core/test_run.hpp); each run and each of its results is kept.
------------------------------------------------------------------------------------------
CREATE TABLE cartridge.test_runs (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id    bigint NOT NULL REFERENCES cartridge.projects (id) ON DELETE CASCADE,
    options       jsonb NOT NULL DEFAULT '{}',
    async         boolean NOT NULL DEFAULT false,
    status        text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running',
                      'succeeded', 'failed', 'cancelled')),
    progress      smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    stage         text,
    message       text,
    error         text,
    search_path   text NOT NULL,                 -- the caller's, for the project's SQL
    run_schema    text,                          -- the schema kept (options keep_schema), else NULL
    kept          boolean NOT NULL DEFAULT false,  -- the build stayed (options keep_schema)
    totals        jsonb NOT NULL DEFAULT '{}',   -- {"models": {"success": n, ...}, "tests": {"pass": n, ...}}
    attempts      integer NOT NULL DEFAULT 0,
    submitted_by  regrole NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    started_at    timestamptz,
    finished_at   timestamptz
);
CREATE INDEX ON cartridge.test_runs (project_id);
CREATE INDEX ON cartridge.test_runs (status) WHERE status IN ('queued', 'running');

CREATE TABLE cartridge.test_results (
    run_id       bigint NOT NULL REFERENCES cartridge.test_runs (id) ON DELETE CASCADE,
    ordinal      integer NOT NULL,              -- models in build order, then tests by name
    kind         text NOT NULL CHECK (kind IN ('model', 'test')),
    name         text NOT NULL,
    status       text NOT NULL CHECK (status IN ('success', 'error', 'skipped', 'pass', 'fail', 'warn')),
    failures     bigint,
    message      text,
    duration_ms  double precision NOT NULL,
    PRIMARY KEY (run_id, ordinal)
);

-- Test runs: whoever sees the project sees its runs; a role deletes the runs it made.
CREATE FUNCTION cartridge.visible_test_run(run_id bigint) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT EXISTS (SELECT 1 FROM cartridge.test_runs r WHERE r.id = run_id) $$;
CREATE POLICY visible_rows ON cartridge.test_runs FOR SELECT
    USING (cartridge.visible_project(project_id));
CREATE POLICY own_test_runs_delete ON cartridge.test_runs FOR DELETE
    USING (pg_catalog.pg_has_role(submitted_by, 'MEMBER'));
CREATE POLICY visible_rows ON cartridge.test_results FOR SELECT
    USING (cartridge.visible_test_run(run_id));
ALTER TABLE cartridge.test_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE cartridge.test_results ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON cartridge.test_runs, cartridge.test_results TO PUBLIC;
GRANT DELETE ON cartridge.test_runs TO PUBLIC;

-- Scans, projects and test runs as one list of jobs, for dashboards (row-level security
-- applies: the view runs as its caller), with the live progress of the running one. Same
-- columns: CREATE OR REPLACE keeps its grants.
-- What the worker of this database runs now, with the progress it reports as it goes (a
-- test run cannot commit its progress: it is one transaction), when the caller may see
-- that job; no row otherwise.
CREATE FUNCTION cartridge.running_job()
    RETURNS TABLE (kind text, id bigint, progress smallint, stage text)
    LANGUAGE c VOLATILE
    SET search_path = pg_catalog, pg_temp
    AS 'MODULE_PATHNAME', 'cartridge_running_job';

CREATE OR REPLACE VIEW cartridge.jobs WITH (security_invoker = true) AS
    SELECT j.kind, j.id, j.submitted_by, j.async, j.status,
           coalesce(l.progress, j.progress) AS progress, coalesce(l.stage, j.stage) AS stage,
           j.message, j.error, j.attempts, j.created_at, j.started_at, j.finished_at
      FROM (SELECT 'scan'::text AS kind, id, scanned_by AS submitted_by, async, status, progress, stage,
                   message, error, attempts, created_at, started_at, finished_at
              FROM cartridge.scans
            UNION ALL
            SELECT 'project'::text, id, submitted_by, async, status, progress, stage, message, error,
                   attempts, created_at, started_at, finished_at
              FROM cartridge.projects
            UNION ALL
            SELECT 'test_run'::text, id, submitted_by, async, status, progress, stage, message, error,
                   attempts, created_at, started_at, finished_at
              FROM cartridge.test_runs) j
      LEFT JOIN cartridge.running_job() l ON l.kind = j.kind AND l.id = j.id AND j.status = 'running';

-- [test_run] cartridge_test_run and its job form. No SET search_path: the project's SQL runs
-- with the caller's, as dbt's would; the function sets pg_catalog, pg_temp around its own
-- statements itself.
CREATE FUNCTION @extschema@.cartridge_test_run(project_id bigint, options jsonb DEFAULT '{}')
    RETURNS TABLE (kind text, name text, status text, failures bigint, message text, duration_ms double precision)
    LANGUAGE c VOLATILE
    AS 'MODULE_PATHNAME', 'cartridge_test_run';
COMMENT ON FUNCTION @extschema@.cartridge_test_run(bigint, jsonb) IS
    'Builds every model of a project and runs every test in the database, in a subtransaction rolled back at the end';

CREATE FUNCTION @extschema@.cartridge_test_run_async(project_id bigint, options jsonb DEFAULT '{}')
    RETURNS bigint
    LANGUAGE c VOLATILE
    AS 'MODULE_PATHNAME', 'cartridge_test_run_async';
COMMENT ON FUNCTION @extschema@.cartridge_test_run_async(bigint, jsonb) IS
    'Queues a test run for the background worker; returns its id (results in cartridge.test_results)';

CREATE FUNCTION @extschema@.cartridge_wait_test_run(run_id bigint, timeout interval DEFAULT '10 min')
    RETURNS text
    LANGUAGE c VOLATILE
    SET search_path = pg_catalog, pg_temp
    AS 'MODULE_PATHNAME', 'cartridge_wait_test_run';
COMMENT ON FUNCTION @extschema@.cartridge_wait_test_run(bigint, interval) IS
    'Waits until the test run leaves queued/running; returns its status (the current one when the timeout passes)';

CREATE FUNCTION @extschema@.cartridge_cancel_test_run(run_id bigint)
    RETURNS boolean
    LANGUAGE c STRICT VOLATILE
    SET search_path = pg_catalog, pg_temp
    AS 'MODULE_PATHNAME', 'cartridge_cancel_test_run';
COMMENT ON FUNCTION @extschema@.cartridge_cancel_test_run(bigint) IS
    'Cancels a queued or running test run; false when it had already ended';

ALTER TABLE cartridge.relations ADD COLUMN relation_oid oid;  -- pg_class.oid: follows renames (cartridge_diff)

-- [drift] cartridge_diff and cartridge_erd
CREATE FUNCTION @extschema@.cartridge_diff(old_scan bigint, new_scan bigint)
    RETURNS TABLE (change text, object_type text, object text, detail jsonb)
    LANGUAGE c VOLATILE
    SET search_path = pg_catalog, pg_temp
    AS 'MODULE_PATHNAME', 'cartridge_diff';
COMMENT ON FUNCTION @extschema@.cartridge_diff(bigint, bigint) IS
    'Schema drift between two scans of a database: added, removed, changed and renamed relations, columns, keys, indexes, relationships and classifications';

CREATE FUNCTION @extschema@.cartridge_erd(scan_id bigint, format text DEFAULT 'mermaid', options jsonb DEFAULT '{}')
    RETURNS text
    LANGUAGE c VOLATILE
    SET search_path = pg_catalog, pg_temp
    AS 'MODULE_PATHNAME', 'cartridge_erd';
COMMENT ON FUNCTION @extschema@.cartridge_erd(bigint, text, jsonb) IS
    'The scan as an entity-relationship diagram: mermaid (erDiagram) or dot (Graphviz)';

-- [remote] cartridge_test_connection. Connections to other servers are for members of
-- cartridge_remote (and superusers); the function checks it and says so.
CREATE FUNCTION @extschema@.cartridge_test_connection(conninfo text)
    RETURNS jsonb
    LANGUAGE c VOLATILE
    SET search_path = pg_catalog, pg_temp
    AS 'MODULE_PATHNAME', 'cartridge_test_connection';
COMMENT ON FUNCTION @extschema@.cartridge_test_connection(text) IS
    'Connects to another PostgreSQL server: ok, server_version, latency_ms, database, user, ssl, error';

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'cartridge_remote') THEN
        CREATE ROLE cartridge_remote NOLOGIN;
    END IF;
END
$$;
