-- Cartridge 0.1.0 -> 0.2.0: only the extension writes its tables; owners are role oids.
\echo Use "ALTER EXTENSION cartridge UPDATE TO '0.2.0'" to load this file. \quit

-- 0.1.0 granted INSERT and UPDATE to PUBLIC and relied on row-level security to tell the
-- extension's writes from anyone else's; its UPDATE policies had no WITH CHECK, so a role
-- could rewrite its own project's status, files or tests. From 0.2.0 the functions write as
-- the extension's owner and nobody else writes.
REVOKE INSERT, UPDATE ON ALL TABLES IN SCHEMA cartridge FROM PUBLIC;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['relations', 'columns', 'constraints', 'indexes', 'relationships',
                             'models', 'tests', 'files', 'ai_requests'] LOOP
        EXECUTE format('DROP POLICY insert_rows ON cartridge.%I', t);
        EXECUTE format('DROP POLICY update_rows ON cartridge.%I', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['scans', 'projects'] LOOP
        EXECUTE format('DROP POLICY own_%s_read ON cartridge.%I', t, t);
        EXECUTE format('DROP POLICY own_%s_update ON cartridge.%I', t, t);
        EXECUTE format('DROP POLICY own_%s_delete ON cartridge.%I', t, t);
        EXECUTE format('DROP POLICY own_%s_insert ON cartridge.%I', t, t);
    END LOOP;
END
$$;
DROP FUNCTION cartridge.scan_being_written();
DROP FUNCTION cartridge.project_being_written();

-- Role names become role oids. A name that no longer names a role (its role was dropped)
-- becomes 0, which matches nobody: those rows were visible to no one but superusers in
-- 0.1.0 and stay so. (A name that was taken again by a new role before this update cannot
-- be told apart from its first owner: that new role keeps seeing the rows, as in 0.1.0.)
ALTER TABLE cartridge.scans ALTER COLUMN scanned_by DROP DEFAULT;
ALTER TABLE cartridge.scans ALTER COLUMN scanned_by TYPE regrole
    USING coalesce(pg_catalog.to_regrole(pg_catalog.quote_ident(scanned_by)), 0::oid::regrole);
ALTER TABLE cartridge.projects ALTER COLUMN submitted_by DROP DEFAULT;
ALTER TABLE cartridge.projects ALTER COLUMN submitted_by TYPE regrole
    USING coalesce(pg_catalog.to_regrole(pg_catalog.quote_ident(submitted_by)), 0::oid::regrole);
ALTER TABLE cartridge.ai_requests ALTER COLUMN requested_by DROP DEFAULT;
ALTER TABLE cartridge.ai_requests ALTER COLUMN requested_by TYPE regrole
    USING coalesce(pg_catalog.to_regrole(pg_catalog.quote_ident(requested_by)), 0::oid::regrole);

CREATE POLICY own_scans_read ON cartridge.scans FOR SELECT
    USING (pg_catalog.pg_has_role(scanned_by, 'MEMBER'));
CREATE POLICY own_scans_delete ON cartridge.scans FOR DELETE
    USING (pg_catalog.pg_has_role(scanned_by, 'MEMBER'));
CREATE POLICY own_projects_read ON cartridge.projects FOR SELECT
    USING (pg_catalog.pg_has_role(submitted_by, 'MEMBER'));
CREATE POLICY own_projects_delete ON cartridge.projects FOR DELETE
    USING (pg_catalog.pg_has_role(submitted_by, 'MEMBER'));
