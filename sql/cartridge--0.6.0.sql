-- Cartridge 0.6.0: tables of schema cartridge and the cartridge_* functions.
-- (From 0.5.0: cartridge--0.5.0--0.6.0.sql; both end with the same objects.)
\echo Use "CREATE EXTENSION cartridge" to load this file. \quit

-- All state lives in the fixed schema cartridge, which the extension owns. Functions are
-- created in the schema the extension is installed into (@extschema@, default public).
CREATE SCHEMA cartridge;
GRANT USAGE ON SCHEMA cartridge TO PUBLIC;

------------------------------------------------------------------------------------------
-- Scans: what cartridge_scan learned about a database. One row per scan; every per-scan
-- table carries scan_id, schema_name and table_name. Names are stored as in the catalog.
------------------------------------------------------------------------------------------
CREATE TABLE cartridge.scans (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    database_name   text NOT NULL,
    source          text NOT NULL DEFAULT 'local' CHECK (source IN ('local', 'remote')),
    server_version  text,
    schemas         text[] NOT NULL DEFAULT '{}',
    options         jsonb NOT NULL DEFAULT '{}',
    started_at      timestamptz,                -- NULL while queued
    finished_at     timestamptz,
    duration_ms     double precision,
    stats           jsonb NOT NULL DEFAULT '{}',
    scanned_by      regrole NOT NULL,           -- the role that ran the scan (an oid: a role created
                                                -- later under a dropped role's name is another role)
    -- The job, as for projects: a scan with async => true is queued for the worker.
    async           boolean NOT NULL DEFAULT false,
    status          text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed',
                        'cancelled')),
    progress        smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    stage           text,
    message         text,
    error           text,
    attempts        integer NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX ON cartridge.scans (status) WHERE status IN ('queued', 'running');

-- Names are stored exactly as in the catalog and compare byte-wise (COLLATE "C"), as the
-- catalog's own name type does; it also keeps the primary keys cheap to maintain.
CREATE TABLE cartridge.relations (
    scan_id                    bigint NOT NULL,
    schema_name                text COLLATE "C" NOT NULL,
    table_name                 text COLLATE "C" NOT NULL,
    kind                       text NOT NULL CHECK (kind IN ('table', 'partitioned_table', 'view',
                                   'materialized_view', 'foreign_table')),
    owner                      text,
    comment                    text,
    row_estimate               bigint,          -- NULL when the table was never analyzed
    analyzed                   boolean,
    size_bytes                 bigint,          -- relpages x block size, as of the last VACUUM/ANALYZE
    can_select                 boolean NOT NULL DEFAULT false,
    view_definition            text,
    foreign_server             text,
    partition_key              text,
    partition_count            integer,
    partition_bounds           text[],
    classification             text CHECK (classification IN ('fact', 'dimension', 'bridge',
                                   'reference', 'other')),
    classification_confidence  real,
    classification_evidence    jsonb,
    populated                  boolean,         -- materialized views: false until first refreshed
    relation_oid               oid,             -- pg_class.oid: follows renames (cartridge_diff)
    PRIMARY KEY (scan_id, schema_name, table_name)
);

CREATE TABLE cartridge.columns (
    scan_id         bigint NOT NULL,
    schema_name     text COLLATE "C" NOT NULL,
    table_name      text COLLATE "C" NOT NULL,
    column_name     text COLLATE "C" NOT NULL,
    ordinal         integer NOT NULL,
    data_type       text NOT NULL,              -- as format_type prints it
    base_type       text,                       -- of a domain; else NULL
    element_type    text,                       -- of an array; else NULL
    enum_values     text[],                     -- labels of an enum type, in sort order
    is_nullable     boolean NOT NULL,
    column_default  text,
    identity        text CHECK (identity IN ('always', 'by_default')),
    generated       text,                       -- expression of a stored generated column
    collation_name  text,
    comment         text,
    profile         jsonb,
    PRIMARY KEY (scan_id, schema_name, table_name, column_name)
);

CREATE TABLE cartridge.constraints (
    scan_id          bigint NOT NULL,
    schema_name      text COLLATE "C" NOT NULL,
    table_name       text COLLATE "C" NOT NULL,
    constraint_name  text COLLATE "C" NOT NULL,
    constraint_type  text NOT NULL CHECK (constraint_type IN ('primary_key', 'unique',
                         'foreign_key', 'check', 'exclusion')),
    columns          text[] NOT NULL DEFAULT '{}',
    definition       text,                      -- of check and exclusion constraints
    ref_schema       text,
    ref_table        text,
    ref_columns      text[],
    on_update        text,
    on_delete        text,
    match_type       text,
    is_deferrable    boolean,
    accepted_values  text[],                    -- from col IN (...) / col = ANY (ARRAY[...])
    PRIMARY KEY (scan_id, schema_name, table_name, constraint_name)
);

CREATE TABLE cartridge.indexes (
    scan_id      bigint NOT NULL,
    schema_name  text COLLATE "C" NOT NULL,
    table_name   text COLLATE "C" NOT NULL,
    index_name   text COLLATE "C" NOT NULL,
    method       text NOT NULL,
    is_unique    boolean NOT NULL,
    is_primary   boolean NOT NULL,
    columns      text[] NOT NULL DEFAULT '{}',  -- NULL elements stand for expressions
    expressions  text,
    predicate    text,
    definition   text,                      -- NULL when the index implements a constraint
    PRIMARY KEY (scan_id, schema_name, index_name)
);

CREATE TABLE cartridge.relationships (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    scan_id          bigint NOT NULL,
    from_schema      text COLLATE "C" NOT NULL,
    from_table       text COLLATE "C" NOT NULL,
    from_columns     text[] NOT NULL,
    to_schema        text COLLATE "C" NOT NULL,
    to_table         text COLLATE "C" NOT NULL,
    to_columns       text[] NOT NULL,
    source           text NOT NULL CHECK (source IN ('declared', 'inferred')),
    constraint_name  text,                      -- of a declared foreign key
    confidence       real NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    cardinality      text CHECK (cardinality IN ('many_to_one', 'one_to_one')),
    evidence         jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX ON cartridge.relationships (scan_id);

-- The per-scan tables carry no foreign key to scans: checking one per stored row cost more
-- than a third of a 10,000-table scan. The scan functions write them consistently in one
-- transaction, and deleting a scan deletes its rows through this trigger.
CREATE FUNCTION cartridge.delete_scan_rows() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF TG_RELID <> 'cartridge.scans'::regclass THEN
        RAISE EXCEPTION 'cartridge.delete_scan_rows() is the trigger of cartridge.scans only'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    DELETE FROM cartridge.relations WHERE scan_id IN (SELECT id FROM deleted_scans);
    DELETE FROM cartridge.columns WHERE scan_id IN (SELECT id FROM deleted_scans);
    DELETE FROM cartridge.constraints WHERE scan_id IN (SELECT id FROM deleted_scans);
    DELETE FROM cartridge.indexes WHERE scan_id IN (SELECT id FROM deleted_scans);
    DELETE FROM cartridge.relationships WHERE scan_id IN (SELECT id FROM deleted_scans);
    RETURN NULL;
END
$$;
-- Only the extension's own trigger may run it: as SECURITY DEFINER, any other trigger
-- calling it could delete the rows of any scan.
REVOKE EXECUTE ON FUNCTION cartridge.delete_scan_rows() FROM PUBLIC;
CREATE TRIGGER delete_scan_rows AFTER DELETE ON cartridge.scans
    REFERENCING OLD TABLE AS deleted_scans
    FOR EACH STATEMENT EXECUTE FUNCTION cartridge.delete_scan_rows();

------------------------------------------------------------------------------------------
-- Projects: generated dbt projects and the jobs that build them.
------------------------------------------------------------------------------------------
CREATE TABLE cartridge.projects (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    scan_id       bigint NOT NULL REFERENCES cartridge.scans (id) ON DELETE CASCADE,
    name          text NOT NULL,
    provider      text NOT NULL,
    model         text,
    options       jsonb NOT NULL DEFAULT '{}',
    async         boolean NOT NULL DEFAULT false,
    status        text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running',
                      'succeeded', 'failed', 'cancelled')),
    progress      smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    stage         text,
    message       text,
    error         text,
    warnings      jsonb NOT NULL DEFAULT '[]',
    usage         jsonb NOT NULL DEFAULT '{}',
    timings       jsonb NOT NULL DEFAULT '{}',
    attempts      integer NOT NULL DEFAULT 0,
    submitted_by  regrole NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    started_at    timestamptz,
    finished_at   timestamptz
);
CREATE INDEX ON cartridge.projects (status) WHERE status IN ('queued', 'running');

CREATE TABLE cartridge.models (
    project_id     bigint NOT NULL REFERENCES cartridge.projects (id) ON DELETE CASCADE,
    name           text NOT NULL,
    layer          text NOT NULL CHECK (layer IN ('staging', 'intermediate', 'marts')),
    path           text NOT NULL,
    materialized   text NOT NULL,
    schema_name    text,                        -- source relation, for staging models
    table_name     text,
    description    text,
    sql            text NOT NULL,
    origin         text NOT NULL DEFAULT 'builtin',  -- provider that wrote it, or builtin fallback
    PRIMARY KEY (project_id, name)
);

CREATE TABLE cartridge.tests (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id   bigint NOT NULL REFERENCES cartridge.projects (id) ON DELETE CASCADE,
    model_name   text NOT NULL,
    column_name  text,
    test_name    text NOT NULL,                 -- unique, not_null, relationships, accepted_values
    arguments    jsonb NOT NULL DEFAULT '{}',
    severity     text NOT NULL DEFAULT 'error' CHECK (severity IN ('error', 'warn'))
);
CREATE INDEX ON cartridge.tests (project_id);

CREATE TABLE cartridge.files (
    project_id  bigint NOT NULL REFERENCES cartridge.projects (id) ON DELETE CASCADE,
    path        text NOT NULL,
    kind        text NOT NULL,
    content     text NOT NULL,
    PRIMARY KEY (project_id, path)
);

CREATE TABLE cartridge.ai_requests (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id         bigint REFERENCES cartridge.projects (id) ON DELETE CASCADE,
    provider           text NOT NULL,
    model              text,
    purpose            text,
    http_status        integer,
    status             text NOT NULL,
    attempts           integer NOT NULL DEFAULT 1,
    latency_ms         double precision,
    prompt_tokens      integer,
    completion_tokens  integer,
    error              text,
    prompt             text,                    -- only when cartridge.log_prompts is on
    requested_by       regrole NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX ON cartridge.ai_requests (project_id);

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

------------------------------------------------------------------------------------------
-- Who sees what: a role sees the scans and projects it (or a role it belongs to) made.
-- Row-level security filters reads. Only the extension writes these tables: its functions
-- switch to the extension's owner around their writes (src/pg/owner_scope.hpp), so no other
-- role holds INSERT or UPDATE on them. A role may delete its own scans and projects.
------------------------------------------------------------------------------------------
CREATE FUNCTION cartridge.visible_scan(scan_id bigint) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT EXISTS (SELECT 1 FROM cartridge.scans s WHERE s.id = scan_id) $$;

CREATE FUNCTION cartridge.visible_project(project_id bigint) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT EXISTS (SELECT 1 FROM cartridge.projects p WHERE p.id = project_id) $$;

-- Members of cartridge_admin see (and may cancel) every job. Looked up by name, so that a
-- superuser who drops the role takes the right away without breaking the policies.
CREATE FUNCTION cartridge.is_admin() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT coalesce((SELECT pg_catalog.pg_has_role(r.oid, 'MEMBER') FROM pg_catalog.pg_roles r
                           WHERE r.rolname = 'cartridge_admin'), false) $$;

-- Owners are role oids: a dropped role's oid matches nobody (pg_has_role answers false),
-- and a role created later under the same name has another oid.
CREATE POLICY own_scans_read ON cartridge.scans FOR SELECT
    USING (pg_catalog.pg_has_role(scanned_by, 'MEMBER') OR (SELECT cartridge.is_admin()));
CREATE POLICY own_scans_delete ON cartridge.scans FOR DELETE
    USING (pg_catalog.pg_has_role(scanned_by, 'MEMBER'));
CREATE POLICY own_projects_read ON cartridge.projects FOR SELECT
    USING (pg_catalog.pg_has_role(submitted_by, 'MEMBER') OR (SELECT cartridge.is_admin()));
CREATE POLICY own_projects_delete ON cartridge.projects FOR DELETE
    USING (pg_catalog.pg_has_role(submitted_by, 'MEMBER'));
ALTER TABLE cartridge.scans ENABLE ROW LEVEL SECURITY;
ALTER TABLE cartridge.projects ENABLE ROW LEVEL SECURITY;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['relations', 'columns', 'constraints', 'indexes', 'relationships'] LOOP
        EXECUTE format('ALTER TABLE cartridge.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY visible_rows ON cartridge.%I FOR SELECT USING (cartridge.visible_scan(scan_id))', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['models', 'tests', 'files', 'ai_requests'] LOOP
        EXECUTE format('ALTER TABLE cartridge.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY visible_rows ON cartridge.%I FOR SELECT USING (cartridge.visible_project(project_id))', t);
    END LOOP;
END
$$;

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

-- Scans, projects and test runs as one list of jobs, for dashboards, with the live progress of
-- the running one (row-level security applies: the view runs as its caller).
-- What the worker of this database runs now, with the progress it reports as it goes (a
-- test run cannot commit its progress: it is one transaction), when the caller may see
-- that job; no row otherwise.
CREATE FUNCTION cartridge.running_job()
    RETURNS TABLE (kind text, id bigint, progress smallint, stage text)
    LANGUAGE c VOLATILE
    SET search_path = pg_catalog, pg_temp
    AS 'MODULE_PATHNAME', 'cartridge_running_job';

CREATE VIEW cartridge.jobs WITH (security_invoker = true) AS
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

GRANT SELECT ON ALL TABLES IN SCHEMA cartridge TO PUBLIC;
-- A role may delete its own scans and projects (row-level security decides which); their
-- rows go with them (the trigger above, and ON DELETE CASCADE).
GRANT DELETE ON cartridge.scans, cartridge.projects, cartridge.test_runs TO PUBLIC;

------------------------------------------------------------------------------------------
-- Functions
------------------------------------------------------------------------------------------
CREATE FUNCTION @extschema@.cartridge_version() RETURNS jsonb
    LANGUAGE c STRICT VOLATILE
    AS 'MODULE_PATHNAME', 'cartridge_version';
COMMENT ON FUNCTION @extschema@.cartridge_version() IS
    'Version of the extension, of the server and of the libraries it is linked with';

-- [scan] cartridge_scan, cartridge_scan_json
CREATE FUNCTION cartridge.check_accepted_values(constraint_oid oid) RETURNS text[]
    LANGUAGE c STRICT STABLE PARALLEL SAFE
    AS 'MODULE_PATHNAME', 'cartridge_check_accepted_values';
COMMENT ON FUNCTION cartridge.check_accepted_values(oid) IS
    'Values a check constraint of the form col IN (...) accepts, read from its expression tree';

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

CREATE FUNCTION @extschema@.cartridge_scan_json(scan_id bigint) RETURNS jsonb
    LANGUAGE plpgsql STABLE STRICT
    SET search_path = pg_catalog, pg_temp
    AS $$
#variable_conflict use_column
DECLARE
    doc jsonb;
BEGIN
    SELECT jsonb_build_object(
        'scan', to_jsonb(s),
        'relations', coalesce((
            SELECT jsonb_agg(to_jsonb(r) - 'scan_id' || jsonb_build_object(
                'columns', coalesce((
                    SELECT jsonb_agg(to_jsonb(c) - 'scan_id' - 'schema_name' - 'table_name' ORDER BY c.ordinal)
                      FROM cartridge.columns c
                     WHERE c.scan_id = r.scan_id AND c.schema_name = r.schema_name
                       AND c.table_name = r.table_name), '[]'),
                'constraints', coalesce((
                    SELECT jsonb_agg(to_jsonb(k) - 'scan_id' - 'schema_name' - 'table_name' ORDER BY k.constraint_name)
                      FROM cartridge.constraints k
                     WHERE k.scan_id = r.scan_id AND k.schema_name = r.schema_name
                       AND k.table_name = r.table_name), '[]'),
                'indexes', coalesce((
                    SELECT jsonb_agg(to_jsonb(i) - 'scan_id' - 'schema_name' - 'table_name' ORDER BY i.index_name)
                      FROM cartridge.indexes i
                     WHERE i.scan_id = r.scan_id AND i.schema_name = r.schema_name
                       AND i.table_name = r.table_name), '[]'))
                ORDER BY r.schema_name, r.table_name)
              FROM cartridge.relations r WHERE r.scan_id = s.id), '[]'),
        'relationships', coalesce((
            SELECT jsonb_agg(to_jsonb(x) - 'scan_id' - 'id'
                             ORDER BY x.from_schema, x.from_table, x.from_columns, x.to_schema, x.to_table, x.id)
              FROM cartridge.relationships x WHERE x.scan_id = s.id), '[]'))
      INTO doc
      FROM cartridge.scans s
     WHERE s.id = cartridge_scan_json.scan_id;
    IF doc IS NULL THEN
        RAISE EXCEPTION 'scan % does not exist', cartridge_scan_json.scan_id
            USING ERRCODE = 'undefined_object',
                  HINT = 'SELECT id, database_name, started_at FROM cartridge.scans lists the scans you can see.';
    END IF;
    RETURN doc;
END
$$;
COMMENT ON FUNCTION @extschema@.cartridge_scan_json(bigint) IS
    'The whole scan as one JSON document';

-- [generate] cartridge_generate, cartridge_archive, cartridge_files, cartridge_info
CREATE FUNCTION @extschema@.cartridge_generate(scan_id bigint DEFAULT NULL, provider text DEFAULT 'builtin',
                                               options jsonb DEFAULT '{}', async boolean DEFAULT true)
    RETURNS bigint
    LANGUAGE c VOLATILE
    SET search_path = pg_catalog, pg_temp
    AS 'MODULE_PATHNAME', 'cartridge_generate';
COMMENT ON FUNCTION @extschema@.cartridge_generate(bigint, text, jsonb, boolean) IS
    'Builds a dbt project from a scan (the latest of this database when NULL); returns the project id';

CREATE FUNCTION @extschema@.cartridge_archive(project_id bigint, format text DEFAULT 'tar.gz')
    RETURNS bytea
    LANGUAGE c STRICT STABLE
    SET search_path = pg_catalog, pg_temp
    AS 'MODULE_PATHNAME', 'cartridge_archive';
COMMENT ON FUNCTION @extschema@.cartridge_archive(bigint, text) IS
    'The project as a tar.gz or zip archive, byte-identical for identical input';

CREATE FUNCTION @extschema@.cartridge_files(project_id bigint)
    RETURNS TABLE (path text, kind text, content text)
    LANGUAGE c STRICT STABLE
    SET search_path = pg_catalog, pg_temp
    AS 'MODULE_PATHNAME', 'cartridge_files';
COMMENT ON FUNCTION @extschema@.cartridge_files(bigint) IS
    'Every file of the project, ordered by path';

CREATE FUNCTION @extschema@.cartridge_info(project_id bigint)
    RETURNS jsonb
    LANGUAGE c STRICT STABLE
    SET search_path = pg_catalog, pg_temp
    AS 'MODULE_PATHNAME', 'cartridge_info';
COMMENT ON FUNCTION @extschema@.cartridge_info(bigint) IS
    'Name, provider, model, status, counts, warnings, token usage and timings of a project';

CREATE FUNCTION @extschema@.cartridge_test_provider(provider text, model text DEFAULT NULL)
    RETURNS jsonb
    LANGUAGE c VOLATILE
    SET search_path = pg_catalog, pg_temp
    AS 'MODULE_PATHNAME', 'cartridge_test_provider';
COMMENT ON FUNCTION @extschema@.cartridge_test_provider(text, text) IS
    'One minimal request to an AI provider: ok, model, latency_ms, http_status, error';

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
