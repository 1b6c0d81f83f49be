"""The pg_cron recipe of docs/pg_cron.md works as written: a job scheduled with
cron.schedule_in_database runs `SELECT cartridge_generate(cartridge_scan())` as a
non-superuser role, the scan happens in the cron job's transaction, and the cartridge
worker builds the queued project after that transaction commits.

The SQL is read from the document itself, so the document cannot drift from what is
tested. Only the schedule changes: every minute instead of 03:00, so that the job fires
within a minute (pg_cron 1.4 knows no 'N seconds' schedules)."""
from __future__ import annotations

import pathlib
import json
import re
import time

import psycopg
import pytest

from cluster import ROOT, Cluster, crash_lines

DOC = ROOT / "docs" / "pg_cron.md"
CRON_DB = "postgres"          # cron.database_name, as in the document
TARGET_DB = "mydb"            # the database the document documents
ROLE = "cartridge_nightly"
JOB = "cartridge-nightly"
NIGHTLY, EVERY_MINUTE = "'0 3 * * *'", "'* * * * *'"
COMMAND = "SELECT cartridge_generate(cartridge_scan())"


def sql_blocks(path: pathlib.Path) -> list[str]:
    return re.findall(r"```sql\n(.*?)```", path.read_text(), flags=re.S)


def block(blocks: list[str], marker: str) -> str:
    found = [b for b in blocks if marker in b]
    assert len(found) == 1, f"docs/pg_cron.md: expected one sql block with {marker!r}, found {len(found)}"
    return found[0]


@pytest.fixture(scope="module")
def cron_cluster():
    c = Cluster({
        "shared_preload_libraries": "'cartridge,pg_cron'",
        "cron.database_name": f"'{CRON_DB}'",
    })
    # pg_cron connects over libpq as the job's role: through this cluster's socket, where
    # initdb -A trust lets every role in.
    c.settings["cron.host"] = f"'{c.sockdir}'"
    try:
        c.start()
        yield c
        crashes = crash_lines(c.log_text())
        if crashes:
            pytest.fail("server crashed:\n" + "\n".join(crashes), pytrace=False)
    finally:
        c.destroy()


def test_nightly_recipe_rescans_and_regenerates(cron_cluster):
    c = cron_cluster
    blocks = sql_blocks(DOC)
    setup_cron = block(blocks, "CREATE EXTENSION pg_cron")
    setup_target = block(blocks, "CREATE ROLE")
    recipe = block(blocks, "-- job name")
    watch_jobs = block(blocks, "cartridge.jobs")
    watch_runs = block(blocks, "cron.job_run_details")
    unschedule = block(blocks, "cron.unschedule")
    assert NIGHTLY in recipe and f"$${COMMAND}$$" in recipe
    assert f"'{TARGET_DB}'" in recipe and f"'{ROLE}'" in recipe and f"'{JOB}'" in recipe

    c.create_database(TARGET_DB)
    c.load_dataset(TARGET_DB, "chinook")
    with c.connect(CRON_DB) as admin:
        admin.execute(setup_cron)
    with c.connect(TARGET_DB) as admin:
        admin.execute(setup_target)

    started = time.monotonic()
    with c.connect(CRON_DB) as admin:
        job_id = admin.execute(recipe.replace(NIGHTLY, EVERY_MINUTE)).fetchone()[0]
        assert admin.execute("SELECT username, database, schedule FROM cron.job WHERE jobid = %s",
                             (job_id,)).fetchone() == (ROLE, TARGET_DB, "* * * * *")

    # The job fires at the next minute boundary (or the one after, when it was scheduled in
    # the last seconds of a minute); the scan and the generation then take a few seconds.
    # Poll until the project and the cron run have both finished.
    to_boundary = 60 - time.time() % 60
    deadline = started + to_boundary + (60 if to_boundary < 5 else 0) + 15
    project = run = None
    while time.monotonic() < deadline:
        with c.connect(TARGET_DB) as conn:
            project = conn.execute(
                "SELECT id, scan_id, status, error, async, submitted_by::text FROM cartridge.projects"
                " WHERE status NOT IN ('queued', 'running') ORDER BY id LIMIT 1").fetchone()
        with c.connect(CRON_DB) as conn:
            run = conn.execute(
                "SELECT status, return_message FROM cron.job_run_details"
                " WHERE jobid = %s AND status IN ('succeeded', 'failed') ORDER BY runid LIMIT 1",
                (job_id,)).fetchone()
        if project and run:
            break
        time.sleep(1)
    elapsed = time.monotonic() - started
    log = c.log_text()
    assert not crash_lines(log), "server crashed:\n" + "\n".join(crash_lines(log))
    assert run is not None, f"no finished cron run after {elapsed:.0f} s; server log:\n{log[-4000:]}"
    assert run[0] == "succeeded", run
    assert project is not None, f"no finished project after {elapsed:.0f} s; server log:\n{log[-4000:]}"
    project_id, scan_id, status, error, is_async, submitted_by = project
    assert (status, error) == ("succeeded", None)
    assert is_async and submitted_by == ROLE

    with c.connect(TARGET_DB, user=ROLE) as conn:
        # The role sees its own scan and project, and the project has its files.
        assert conn.execute("SELECT status, async, scanned_by::text FROM cartridge.scans WHERE id = %s",
                            (scan_id,)).fetchone() == ("succeeded", False, ROLE)
        assert conn.execute("SELECT count(*) FROM cartridge.relations WHERE scan_id = %s",
                            (scan_id,)).fetchone()[0] == 11
        paths = [r[0] for r in conn.execute("SELECT path FROM cartridge_files(%s)", (project_id,))]
        assert "dbt_project.yml" in paths and len(paths) > 10, paths
        jobs = conn.execute(watch_jobs).fetchall()
        assert {(kind, id_, status) for kind, id_, _, status, *_ in jobs} >= {
            ("scan", scan_id, "succeeded"), ("project", project_id, "succeeded")}

    with c.connect(CRON_DB) as admin:
        runs = admin.execute(watch_runs).fetchall()
        assert "succeeded" in [r[1] for r in runs], runs
        admin.execute(unschedule)
        assert admin.execute("SELECT count(*) FROM cron.job").fetchone()[0] == 0
    print(f"pg_cron run and project finished {elapsed:.1f} s after scheduling")


def test_generate_sees_the_scan_of_its_own_statement(cron_cluster):
    c = cron_cluster
    c.create_database("nested")
    with c.connect("nested") as conn:
        conn.execute("CREATE TABLE t (id int PRIMARY KEY); CREATE EXTENSION cartridge")
        project = conn.execute("SELECT cartridge_generate(cartridge_scan(), async => false)").fetchone()[0]
        assert conn.execute("SELECT status FROM cartridge.projects WHERE id = %s",
                            (project,)).fetchone()[0] == "succeeded"


DRIFT_JOB = "cartridge-drift"
DRIFT_NIGHTLY = "'30 3 * * *'"


def test_drift_recipe_notifies_what_changed_and_nothing_when_nothing_did(cron_cluster):
    c = cron_cluster
    blocks = sql_blocks(DOC)
    recipe = block(blocks, DRIFT_JOB)
    listen = block(blocks, "LISTEN cartridge_drift")
    assert DRIFT_NIGHTLY in recipe and f"'{TARGET_DB}'" in recipe and f"'{ROLE}'" in recipe
    with c.connect() as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (TARGET_DB,)).fetchone():
            c.create_database(TARGET_DB)
            c.load_dataset(TARGET_DB, "chinook")
            with c.connect(TARGET_DB) as target:
                target.execute(block(blocks, "CREATE ROLE"))
    with c.connect(CRON_DB) as admin:
        admin.execute("CREATE EXTENSION IF NOT EXISTS pg_cron")
    with c.connect(TARGET_DB, user=ROLE) as conn:
        baseline = conn.execute("SELECT cartridge_scan()").fetchone()[0]
    with c.connect(TARGET_DB) as admin:
        admin.execute(f"""CREATE TABLE drift_new (id integer PRIMARY KEY, label text);
                          GRANT SELECT ON drift_new TO {ROLE};
                          ALTER TABLE "Genre" RENAME COLUMN "Name" TO "Label";""")

    listener = c.connect(TARGET_DB)
    listener.execute(listen)
    started = time.monotonic()
    with c.connect(CRON_DB) as admin:
        job_id = admin.execute(recipe.replace(DRIFT_NIGHTLY, EVERY_MINUTE)).fetchone()[0]
    try:
        to_boundary = 60 - time.time() % 60
        timeout = to_boundary + (60 if to_boundary < 5 else 0) + 20
        notes = []
        for note in listener.notifies(timeout=timeout, stop_after=1):
            notes.append(note)
        assert notes, f"no NOTIFY cartridge_drift within {time.monotonic() - started:.0f} s:\n{c.log_text()[-3000:]}"
        summary = json.loads(notes[0].payload)
        assert notes[0].channel == "cartridge_drift"
        assert summary["database"] == TARGET_DB and summary["old_scan"] == baseline
        assert summary["by_change"] == {"added": 1, "renamed": 1}, summary
        with c.connect(TARGET_DB, user=ROLE) as conn:
            changes = conn.execute("SELECT change, object_type, object FROM cartridge_diff(%s, %s)",
                                   (summary["old_scan"], summary["new_scan"])).fetchall()
        assert sorted(changes) == [("added", "relation", "public.drift_new"),
                                   ("renamed", "column", 'public."Genre"."Label"')], changes
    finally:
        with c.connect(CRON_DB) as admin:
            admin.execute("SELECT cron.unschedule(%s)", (job_id,))
    # Nothing changed since: the same command sends nothing.
    command = re.search(r"\$\$(DO \$drift\$.*\$drift\$)\s*\$\$", recipe, re.S).group(1)
    with c.connect(TARGET_DB, user=ROLE) as conn:
        conn.execute(command)
    assert list(listener.notifies(timeout=2, stop_after=1)) == []
    listener.close()
