"""The AI providers end to end, against the fake provider server (fake_ai.py, each
provider's real wire format on loopback): a generation through each of openai, anthropic,
gemini and openai_compatible, sync and async, whose archive passes real dbt; each fault
ends in a retry or a clear failure, never a crash or a hang; cancel interrupts a request in
flight; keys stay secret (settings, tables, errors, the server log)."""
from __future__ import annotations

import re
import time

import psycopg
import pytest

from fake_ai import FakeAI
from dbt_agreement import assert_agree, cartridge_results, dbt_results
from test_generate_dbt import archive, extract, run_dbt

PROVIDERS = ["openai", "anthropic", "gemini", "openai_compatible"]
KEYS = {"openai": "sk-test-openai", "anthropic": "sk-ant-test", "gemini": "gm-test"}


def one(conn, query: str, params=None):
    return conn.execute(query, params).fetchone()[0]


@pytest.fixture(scope="module")
def fake(cluster):
    """The fake server, and the cluster's settings pointing every provider at it."""
    with FakeAI(keys=KEYS, compatible_requires_key=False) as server:
        settings = {
            "cartridge.openai_base_url": server.openai_base_url,
            "cartridge.openai_api_key": KEYS["openai"],
            "cartridge.anthropic_base_url": server.anthropic_base_url,
            "cartridge.anthropic_api_key": KEYS["anthropic"],
            "cartridge.gemini_base_url": server.gemini_base_url,
            "cartridge.gemini_api_key": KEYS["gemini"],
            "cartridge.openai_compatible_base_url": server.openai_base_url,
            "cartridge.openai_compatible_model": "local-llama",
            "cartridge.request_timeout": "5000",
        }
        with cluster.connect() as admin:
            for key, value in settings.items():
                admin.execute(f"ALTER SYSTEM SET {key} = '{value}'")
            admin.execute("SELECT pg_reload_conf()")
        time.sleep(0.2)
        yield server
        with cluster.connect() as admin:
            for key in settings:
                admin.execute(f"ALTER SYSTEM RESET {key}")
            admin.execute("SELECT pg_reload_conf()")


def keep_the_mart(doc: dict) -> dict:
    """The fake provider's answer to an improve_mart request: the builtin SQL as it is."""
    return {"sql": doc["builtin_sql"], "added_columns": []}


@pytest.fixture
def chinook(make_db, fake):
    fake.reset()
    fake.on_task("improve_mart", keep_the_mart)
    return make_db("chinook")


def generate(conn, provider: str, async_: bool = False, options: str = "{}") -> int:
    project = one(conn, "SELECT cartridge_generate(NULL, %s, %s, %s)", (provider, options, async_))
    if async_:
        assert one(conn, "SELECT cartridge_wait(%s, '60 s')", (project,)) in ("succeeded", "failed")
    return project


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_generation_through_each_provider_passes_real_dbt(cluster, chinook, fake, tmp_path, provider):
    with cluster.connect(chinook) as conn:
        conn.execute("SELECT cartridge_scan()")
        relations = one(conn, "SELECT count(*) FROM cartridge.relations")
        project = generate(conn, provider)
        info = one(conn, "SELECT cartridge_info(%s)", (project,))
        assert info["status"] == "succeeded" and info["warnings"] == [], info
        facts = one(conn, "SELECT count(*) FROM cartridge.models WHERE project_id = %s AND name LIKE 'fct%%'",
                    (project,))
        assert facts == 2
        # one per relation, one per fact mart, the overview
        assert info["usage"]["requests"] == relations + facts + 1
        assert info["usage"]["prompt_tokens"] > 0 and info["usage"]["completion_tokens"] > 0
        rows = conn.execute("SELECT provider, model, status, attempts, http_status, prompt FROM cartridge.ai_requests"
                            " WHERE project_id = %s", (project,)).fetchall()
        assert {r[:5] for r in rows} == {(provider, info["model"], "succeeded", 1, 200)}
        assert all(r[5] is None for r in rows), "no prompt text without cartridge.log_prompts"
        data = archive(conn, project)
    sent = fake.requests_for("openai" if provider == "openai_compatible" else provider)
    assert len(sent) == relations + facts + 1
    if provider == "anthropic":
        assert sent[0]["headers"]["x-api-key"] == KEYS["anthropic"]
        assert sent[0]["headers"]["anthropic-version"] == "2023-06-01"
    project_dir = extract(data, tmp_path)
    models = (project_dir / "models" / "staging" / "public" / "_public__models.yml").read_text()
    assert "public.Invoice" in models and "fake" in models.lower(), models[:2000]
    assert "## Overview" in (project_dir / "README.md").read_text()
    run_dbt(cluster, chinook, project_dir, "parse")
    built = run_dbt(cluster, chinook, project_dir, "build")
    assert re.search(r"Done\. PASS=\d+ WARN=0 ERROR=0 SKIP=0", built), built


@pytest.mark.parametrize("provider", PROVIDERS)
def test_async_generation_through_a_provider(cluster, chinook, fake, provider):
    with cluster.connect(chinook) as conn:
        conn.execute("SELECT cartridge_scan()")
        project = generate(conn, provider, async_=True)
        info = one(conn, "SELECT cartridge_info(%s)", (project,))
        assert info["status"] == "succeeded", info
        assert info["warnings"] == [], "the worker checked the marts' SQL too: " + str(info["warnings"])
        assert info["usage"]["requests"] > 1
        assert one(conn, "SELECT count(*) FROM cartridge.ai_requests WHERE project_id = %s", (project,)) > 1


@pytest.mark.parametrize("provider,kind", [
    ("openai", "rate_limit"), ("anthropic", "rate_limit"), ("gemini", "rate_limit"),
    ("openai", "server_error"), ("anthropic", "overloaded"), ("gemini", "overloaded"),
    ("openai", "reset"), ("anthropic", "malformed"), ("gemini", "truncated"),
    ("openai", "ignore_schema"), ("anthropic", "not_json_answer"), ("openai", "timeout"),
])
def test_faults_worth_retrying_are_retried(cluster, chinook, fake, provider, kind):
    options = {"retry_after": 1} if kind == "rate_limit" else {"seconds": 30} if kind == "timeout" else {}
    fake.fail(kind, times=2, provider=provider, task="describe_relation", **options)
    with cluster.connect(chinook) as conn:
        conn.execute("SELECT cartridge_scan()")
        if kind == "timeout":
            conn.execute("SET cartridge.request_timeout = '500ms'")
        started = time.monotonic()
        project = generate(conn, provider)
        elapsed = time.monotonic() - started
        assert one(conn, "SELECT status FROM cartridge.projects WHERE id = %s", (project,)) == "succeeded"
        attempts = [r[0] for r in conn.execute(
            "SELECT attempts FROM cartridge.ai_requests WHERE project_id = %s ORDER BY attempts DESC", (project,))]
        assert sum(a - 1 for a in attempts) == 2, attempts  # the two faults, each retried once
        assert one(conn, "SELECT count(*) FROM cartridge.ai_requests WHERE project_id = %s AND status <> 'succeeded'",
                   (project,)) == 0
    if kind == "rate_limit":
        assert elapsed >= 1.0, "retry-after was honoured"
    assert elapsed < 20


@pytest.mark.parametrize("provider,kind,said", [
    ("openai", "auth", "refused the API key"), ("anthropic", "auth", "refused the API key"),
    ("gemini", "auth", "refused the API key"), ("openai", "quota", "quota is exhausted"),
    ("gemini", "quota", "quota is exhausted"), ("anthropic", "credit", "no credit left"),
    ("openai", "not_found", "does not know model"),
])
def test_faults_that_cannot_succeed_fail_at_once_and_say_why(cluster, chinook, fake, provider, kind, said):
    fake.fail(kind, times=None, provider=provider)
    with cluster.connect(chinook) as conn:
        conn.execute("SELECT cartridge_scan()")
        with pytest.raises(psycopg.errors.ExternalRoutineException) as failed:
            generate(conn, provider)
        assert said in failed.value.diag.message_primary, failed.value.diag.message_primary
        assert f"cartridge_test_provider('{provider}')" in failed.value.diag.message_hint
        assert one(conn, "SELECT count(*) FROM cartridge.projects") == 0, "nothing half-written"
    relations_asked = len({r["body"]["messages"][0]["content"] if provider == "anthropic" else r["raw"]
                           for r in fake.requests_for(provider)})
    assert len(fake.requests_for(provider)) == relations_asked, "not retried"
    fake.clear_faults()


def test_a_failed_async_generation_keeps_what_it_asked(cluster, chinook, fake):
    """A job that fails on the provider records its requests and their usage with its
    failure: the user can see what each request got."""
    fake.fail("auth", times=None, provider="gemini")
    with cluster.connect(chinook) as conn:
        conn.execute("SELECT cartridge_scan()")
        relations = one(conn, "SELECT count(*) FROM cartridge.relations")
        project = generate(conn, "gemini", async_=True)
        info = one(conn, "SELECT cartridge_info(%s)", (project,))
        assert info["status"] == "failed" and "refused the API key" in info["error"], info
        rows = conn.execute("SELECT status, http_status, attempts, error FROM cartridge.ai_requests"
                            " WHERE project_id = %s", (project,)).fetchall()
        assert len(rows) == relations, rows
        assert all(r[:3] == ("failed", 400, 1) and "refused the API key" in r[3] for r in rows), rows[:3]
        assert info["usage"]["requests"] == relations
        assert one(conn, "SELECT count(*) FROM cartridge.models WHERE project_id = %s", (project,)) == 0
    fake.clear_faults()


def test_cancel_interrupts_requests_in_flight(cluster, chinook, fake):
    fake.fail("timeout", times=None, provider="openai", seconds=60)
    with cluster.connect(chinook) as conn:
        conn.execute("SELECT cartridge_scan()")
        conn.execute("SET statement_timeout = '1s'")
        started = time.monotonic()
        with pytest.raises(psycopg.errors.QueryCanceled):
            generate(conn, "openai")
        assert time.monotonic() - started < 3
        conn.execute("RESET statement_timeout")
        assert one(conn, "SELECT 1") == 1
    fake.clear_faults()


def test_keys_are_never_shown_stored_or_logged(cluster, chinook, fake):
    with cluster.connect(chinook) as conn:
        conn.execute("SELECT cartridge_scan()")
        generate(conn, "openai")
        fake.fail("auth", times=None, provider="anthropic")
        with pytest.raises(psycopg.errors.ExternalRoutineException):
            generate(conn, "anthropic")
        fake.clear_faults()
        # even a superuser reads a mask
        assert one(conn, "SHOW cartridge.openai_api_key") == "********"
        assert one(conn, "SELECT current_setting('cartridge.gemini_api_key')") == "********"
        dumped = " ".join(str(r) for t in ("projects", "models", "files", "ai_requests", "scans")
                          for r in conn.execute(f"SELECT * FROM cartridge.{t}"))
        # a statement log that would show the key: masked
        conn.execute("SET log_statement = 'all'")
        conn.execute(f"ALTER SYSTEM SET cartridge.anthropic_api_key = '{KEYS['anthropic']}'")
        conn.execute("RESET log_statement")
        conn.execute("DROP ROLE IF EXISTS ai_mallory; CREATE ROLE ai_mallory LOGIN")
    try:
        with cluster.connect(chinook, user="ai_mallory") as mallory:
            for query in ("SHOW cartridge.openai_api_key", "SELECT current_setting('cartridge.openai_api_key')"):
                try:
                    value = one(mallory, query)
                except psycopg.errors.InsufficientPrivilege:
                    value = None
                assert value in (None, "********"), query
            assert one(mallory, "SELECT count(*) FROM pg_settings WHERE name LIKE 'cartridge.%%api_key'"
                                " AND setting NOT IN ('********')") == 0
            for setting in ("cartridge.openai_api_key", "cartridge.openai_base_url"):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    mallory.execute(f"SET {setting} = 'http://127.0.0.1:1/v1'")
            # the failed statement (logged with the error) would carry a key of her own
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                mallory.execute("SET cartridge.openai_api_key = 'sk-mallory-secret'")
    finally:
        with cluster.connect() as admin:
            admin.execute("DROP ROLE ai_mallory")
    log = cluster.log_text()
    assert "sk-mallory-secret" not in log
    assert "cartridge.anthropic_api_key = '********'" in log, "the statement was logged, masked"
    for key in KEYS.values():
        assert key not in dumped
        assert key not in log


def test_no_value_of_the_data_reaches_the_provider(cluster, chinook, fake):
    """Even when the scan kept values (profile.values: bounds and frequent values), the
    provider sees the metadata only."""
    with cluster.connect(chinook) as conn:
        conn.execute("""SELECT cartridge_scan(options => '{"profile": {"values": true}}')""")
        kept = conn.execute("SELECT count(*) FROM cartridge.columns WHERE profile ? 'top_values'").fetchone()[0]
        assert kept > 0, "the scan kept values, so there is something that must not leak"
        values = [r[0] for r in conn.execute(
            'SELECT "Email" FROM "Customer" UNION ALL SELECT "Name" FROM "Track" WHERE length("Name") > 12'
            ' UNION ALL SELECT "Phone" FROM "Employee" WHERE "Phone" IS NOT NULL')]
        generate(conn, "gemini")
    sent = fake.all_text()
    assert "Customer" in sent and "Email" in sent  # the metadata went
    leaked = [v for v in values if v in sent]
    assert leaked == [], leaked[:5]


def test_test_provider_reports_what_a_minimal_call_did(cluster, chinook, fake):
    with cluster.connect(chinook) as conn:
        for provider in PROVIDERS:
            result = one(conn, "SELECT cartridge_test_provider(%s)", (provider,))
            assert result["ok"] is True and result["http_status"] == 200 and result["error"] is None, result
            assert result["latency_ms"] >= 0 and result["model"]
        fake.fail("auth", times=1, provider="anthropic")
        result = one(conn, "SELECT cartridge_test_provider('anthropic', 'claude-x')")
        assert (result["ok"], result["model"], result["http_status"]) == (False, "claude-x", 401)
        assert "refused the API key" in result["error"]
        with pytest.raises(psycopg.errors.InvalidParameterValue):
            conn.execute("SELECT cartridge_test_provider('builtin')")


def test_cartridge_cancel_stops_an_async_generation_waiting_on_the_provider(cluster, chinook, fake):
    fake.fail("timeout", times=None, provider="anthropic", seconds=60)
    with cluster.connect(chinook) as conn:
        conn.execute("SELECT cartridge_scan()")
        project = one(conn, "SELECT cartridge_generate(NULL, 'anthropic', '{}', true)")
        fake.wait_for_requests(1, timeout=10, provider="anthropic")
        started = time.monotonic()
        assert one(conn, "SELECT cartridge_cancel(%s)", (project,)) is True
        assert one(conn, "SELECT cartridge_wait(%s, '10 s')", (project,)) == "cancelled"
        assert time.monotonic() - started < 1.5
        assert one(conn, "SELECT count(*) FROM cartridge.models WHERE project_id = %s", (project,)) == 0
    fake.clear_faults()


def test_a_providers_mart_sql_is_checked_in_the_database_and_taken(cluster, chinook, fake, tmp_path):
    fake.on_task("improve_mart", lambda doc: {
        "sql": f"select q.*, 1 as one_more\nfrom (\n{doc['builtin_sql']}) as q",
        "added_columns": [{"name": "one_more", "description": "Always one."}]})
    with cluster.connect(chinook) as conn:
        conn.execute("SELECT cartridge_scan()")
        project = generate(conn, "openai")
        info = one(conn, "SELECT cartridge_info(%s)", (project,))
        assert info["warnings"] == [], info["warnings"]
        marts = conn.execute("SELECT name, origin, sql FROM cartridge.models WHERE project_id = %s AND layer = 'marts'"
                             " AND name LIKE 'fct%%'", (project,)).fetchall()
        assert marts and all(origin == "openai" and "one_more" in sql for _, origin, sql in marts), marts
        data = archive(conn, project)
    project_dir = extract(data, tmp_path)
    marts_yml = (project_dir / "models" / "marts" / "_marts__models.yml").read_text()
    assert "name: one_more" in marts_yml and "Always one." in marts_yml
    semantic = (project_dir / "models" / "marts" / "_marts__semantic_models.yml").read_text()
    assert semantic.count("expr: one_more") == 2, "an added number is a measure of each fact's semantic model"
    built = run_dbt(cluster, chinook, project_dir, "build")
    assert re.search(r"Done\. PASS=\d+ WARN=0 ERROR=0 SKIP=0", built), built
    # cartridge_test_run runs the provider's SQL as dbt did
    with cluster.connect(chinook) as conn:
        assert_agree(cartridge_results(conn, project), dbt_results(project_dir))


def test_sql_that_does_not_parse_goes_back_with_the_error_and_is_repaired(cluster, chinook, fake):
    fake.fail("answer", times=1, provider="openai", task="improve_mart",
              answer={"sql": "selec broken from nowhere", "added_columns": []})
    with cluster.connect(chinook) as conn:
        conn.execute("SELECT cartridge_scan()")
        project = generate(conn, "openai")
        assert one(conn, "SELECT cartridge_info(%s)", (project,))["warnings"] == []
        assert one(conn, "SELECT count(*) FROM cartridge.ai_requests WHERE project_id = %s"
                         " AND purpose LIKE 'repair mart %%'", (project,)) == 1
    repairs = [r for r in fake.requests_for("openai") if "previous_sql" in r["raw"]]
    assert len(repairs) == 1 and "syntax error" in repairs[0]["raw"] and "selec broken" in repairs[0]["raw"]


@pytest.mark.parametrize("sql,said", [
    ("select no_such_column from {{ ref('stg_public__invoices') }}", "no_such_column"),
    ("{{ run_query('drop table \"Invoice\"') }} select 1", "only {{ ref"),
    ("select 1; drop table \"Invoice\"", "exactly one statement"),
    ("select * from {{ ref('stg_public__invoices') }}", "drops column"),
])
def test_sql_that_never_passes_falls_back_to_the_builtin_mart(cluster, chinook, fake, tmp_path, sql, said):
    fake.fail("answer", times=None, provider="openai", task="improve_mart",
              answer={"sql": sql, "added_columns": []})
    with cluster.connect(chinook) as conn:
        conn.execute("SELECT cartridge_scan()")
        project = generate(conn, "openai")
        warnings = one(conn, "SELECT cartridge_info(%s)", (project,))["warnings"]
        assert len(warnings) == 2 and all("still failed after 2 repairs" in w and said in w for w in warnings), warnings
        assert one(conn, "SELECT count(*) FROM cartridge.models WHERE project_id = %s AND origin <> 'builtin'",
                   (project,)) == 0
        assert one(conn, 'SELECT count(*) FROM "Invoice"') > 0, "nothing was run"
        data = archive(conn, project)
    built = run_dbt(cluster, chinook, extract(data, tmp_path), "build")
    assert re.search(r"Done\. PASS=\d+ WARN=0 ERROR=0 SKIP=0", built), built
    fake.clear_faults()


ORDERS = """
CREATE TABLE cust (id integer PRIMARY KEY, nm text NOT NULL);
CREATE TABLE ord_hdr (
    id integer PRIMARY KEY,
    cst_no integer NOT NULL REFERENCES cust (id),
    ord_dt text NOT NULL,
    amt_txt text,
    bad_num text,
    flg text,
    qty integer
);
INSERT INTO cust SELECT g, 'customer ' || g FROM generate_series(1, 20) g;
INSERT INTO ord_hdr
SELECT g, 1 + g % 20, to_char(date '2024-01-01' + g, 'YYYY-MM-DD'), (g * 1.25)::text,
       CASE WHEN g = 77 THEN 'n/a' ELSE g::text END, CASE WHEN g % 2 = 0 THEN 'true' ELSE 'false' END, g
FROM generate_series(1, 200) g;
ANALYZE;
"""


def advise_orders(doc: dict) -> dict:
    """Readable names and cleaning casts for ord_hdr, some of them wrong on purpose."""
    advice = {
        "cst_no": ("customer_id", ""),          # a foreign key renamed: tests and joins follow
        "ord_dt": ("ordered_on", "date"),        # every value is a date
        "amt_txt": ("amount", "numeric"),        # every value is a number
        "bad_num": ("", "integer"),              # one value is 'n/a': the cast is refused
        "flg": ("is_flagged", "boolean"),
        "id": ("", "bigint"),                    # a key keeps its type
        "qty": ("amount", ""),                   # a name already advised for another column
    }
    rel = doc["relation"]
    columns = []
    for c in rel["columns"]:
        name, cast = advice.get(c["name"], ("", "")) if rel["name"] == "ord_hdr" else ("", "")
        if rel["name"] == "cust" and c["name"] == "nm":
            name = "Customer Name"                # not an identifier: refused
        columns.append({"name": c["name"], "description": f"About {c['name']}.",
                        "readable_name": name, "clean_type": cast})
    return {"description": f"About {rel['name']}.", "columns": columns}


def test_readable_names_and_cleaning_casts_are_checked_and_taken(cluster, make_db, fake, tmp_path):
    fake.reset()
    fake.on_task("improve_mart", keep_the_mart)
    fake.on_task("describe_relation", advise_orders)
    name = make_db()
    with cluster.connect(name) as conn:
        conn.execute(ORDERS)
        conn.execute("SELECT cartridge_scan()")
        project = generate(conn, "anthropic")
        info = one(conn, "SELECT cartridge_info(%s)", (project,))
        assert info["status"] == "succeeded", info
        warnings = info["warnings"]
        expected = [
            ('"Customer Name" for public.cust.nm is not a lower-case snake_case identifier', 1),
            ('readable name "amount" for public.ord_hdr.qty is already a column', 1),
            ("public.ord_hdr.id is a key", 1),
            ("public.ord_hdr.bad_num is not cast to integer (invalid input syntax for type integer", 1),
        ]
        for said, times in expected:
            assert sum(said in w for w in warnings) == times, (said, warnings)
        assert len(warnings) == len(expected), warnings
        staging = one(conn, "SELECT sql FROM cartridge.models WHERE project_id = %s AND name = 'stg_public__ord_hdrs'",
                      (project,))
        assert "cast(ord_dt as date) as ordered_on" in staging, staging
        assert "cast(amt_txt as numeric) as amount" in staging
        assert "cast(flg as boolean) as is_flagged" in staging
        assert "cst_no as customer_id" in staging and "cast(id" not in staging and "cast(bad_num" not in staging
        tests = conn.execute("SELECT column_name, test_name FROM cartridge.tests WHERE project_id = %s"
                             " AND model_name = 'stg_public__ord_hdrs' ORDER BY 1, 2", (project,)).fetchall()
        assert ("customer_id", "relationships") in tests and not any(c == "cst_no" for c, _ in tests), tests
        assert one(conn, "SELECT count(*) FROM ord_hdr WHERE bad_num = 'n/a'") == 1, "nothing was changed"
        data = archive(conn, project)
    project_dir = extract(data, tmp_path)
    models_yml = (project_dir / "models" / "staging" / "public" / "_public__models.yml").read_text()
    assert "Named ord_dt in the source" in models_yml and "cast to date" in models_yml
    run_dbt(cluster, name, project_dir, "parse")
    built = run_dbt(cluster, name, project_dir, "build")
    assert re.search(r"Done\. PASS=\d+ WARN=0 ERROR=0 SKIP=0", built), built
    with cluster.connect(name) as conn:
        assert_agree(cartridge_results(conn, project), dbt_results(project_dir))
    fake.on_task("describe_relation", None)


def test_sample_values_only_with_the_option_and_never_personal_ones(cluster, chinook, fake):
    """Without the option no value of the data is sent (the test above); with it, the
    profile's bounds and frequent values of columns that do not look personal are."""
    with cluster.connect(chinook) as conn:
        conn.execute("""SELECT cartridge_scan(options => '{"profile": {"values": true}}')""")
        personal = [r[0] for r in conn.execute(
            'SELECT "Email" FROM "Customer" UNION ALL SELECT "FirstName" FROM "Customer"'
            ' UNION ALL SELECT "LastName" FROM "Employee" UNION ALL SELECT "Address" FROM "Customer"'
            ' UNION ALL SELECT "Phone" FROM "Employee" WHERE "Phone" IS NOT NULL'
            ' UNION ALL SELECT "PostalCode" FROM "Customer" WHERE length("PostalCode") > 5'
            ' UNION ALL SELECT "BillingAddress" FROM "Invoice"')]
        genres = [r[0] for r in conn.execute('SELECT "Name" FROM "Genre"')]
        generate(conn, "openai", options='{"sample_values": true}')
        with pytest.raises(psycopg.errors.InvalidParameterValue):
            generate(conn, "builtin", options='{"sample_values": true}')
    sent = fake.all_text()
    assert "frequent_values" in sent, "the option sends values"
    assert "BillingCountry" in sent and "USA" in sent, "a country is not personal: its frequent values go"
    # a whole value, as a JSON string inside the request's JSON (other columns, such as
    # Track.Composer, may hold the same words within their own values)
    leaked = [v for v in personal + genres if f'\\"{v}\\"' in sent]
    assert leaked == [], leaked[:5]
    assert '\\"USA\\"' in sent, "the check above would see a whole value"
