"""Tests of the fake AI provider server itself, over plain HTTP (no extension, no cluster)."""
from __future__ import annotations

import http.client
import json
import socket
import threading
import time
from urllib.parse import urlsplit

import pytest

from fake_ai import CREDIT_MESSAGE, FakeAI

DOC = {"task": "describe_relation",
       "relation": {"schema": "public", "name": "orders", "model": "stg_orders",
                    "columns": [{"name": "id", "type": "integer"},
                                {"name": "customer_id", "type": "integer"},
                                {"name": "status", "type": "text"}]}}

SCHEMA = {"type": "object", "additionalProperties": False,
          "required": ["description", "columns"],
          "properties": {
              "description": {"type": "string"},
              "columns": {"type": "array", "items": {
                  "type": "object", "additionalProperties": False,
                  "required": ["name", "description"],
                  "properties": {"name": {"type": "string"},
                                 "description": {"type": "string"}}}}}}


@pytest.fixture
def fake():
    with FakeAI() as f:
        yield f
        assert f.errors == []


def post(fake, path, body, headers=None, timeout=5.0, raw=None):
    """Returns (status, lower-cased headers, body bytes)."""
    u = urlsplit(fake.base_url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=timeout)
    try:
        data = raw if raw is not None else json.dumps(body).encode()
        conn.request("POST", path, body=data,
                     headers={"content-type": "application/json", **(headers or {})})
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def get(fake, path, headers=None):
    u = urlsplit(fake.base_url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=5)
    try:
        conn.request("GET", path, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def openai_req(fake, doc=DOC, key="sk-test-openai", model="gpt-4o-mini", schema=SCHEMA,
               strict=True, **kw):
    body = {"model": model,
            "messages": [{"role": "system", "content": "You document databases."},
                         {"role": "user", "content": json.dumps(doc)}],
            "response_format": {"type": "json_schema",
                                "json_schema": {"name": "describe_relation", "strict": strict,
                                                "schema": schema}}}
    headers = {"authorization": f"Bearer {key}"} if key is not None else {}
    return post(fake, "/v1/chat/completions", body, headers, **kw)


def anthropic_req(fake, doc=DOC, key="sk-ant-test", version="2023-06-01", schema=SCHEMA, **kw):
    body = {"model": "claude-sonnet-4-5", "max_tokens": 1024, "system": "You document databases.",
            "messages": [{"role": "user", "content": [{"type": "text", "text": json.dumps(doc)}]}],
            "tools": [{"name": "record_description", "description": "Record it.",
                       "input_schema": schema}],
            "tool_choice": {"type": "tool", "name": "record_description"}}
    headers = {}
    if key is not None:
        headers["x-api-key"] = key
    if version is not None:
        headers["anthropic-version"] = version
    return post(fake, "/v1/messages", body, headers, **kw)


def gemini_req(fake, doc=DOC, key="gm-test", model="gemini-2.5-flash", schema=SCHEMA,
               schema_field="responseJsonSchema", query_key=False, **kw):
    body = {"contents": [{"role": "user", "parts": [{"text": json.dumps(doc)}]}],
            "systemInstruction": {"parts": [{"text": "You document databases."}]},
            "generationConfig": {"responseMimeType": "application/json", schema_field: schema}}
    path = f"/v1beta/models/{model}:generateContent"
    headers = {}
    if key is not None and query_key:
        path += f"?key={key}"
    elif key is not None:
        headers["x-goog-api-key"] = key
    return post(fake, path, body, headers, **kw)


def expected_answer():
    return {"description": "Fake description of the relation public.orders: one row per orders "
                           "record, with 3 columns.",
            "columns": [{"name": c["name"],
                         "description": f"Fake description of column {c['name']} ({c['type']}) "
                                        f"of orders."} for c in DOC["relation"]["columns"]]}


# ------------------------------------------------------------------ success envelopes

def test_openai_success_envelope(fake):
    status, headers, body = openai_req(fake)
    assert status == 200 and headers["content-type"].startswith("application/json")
    env = json.loads(body)
    assert env["object"] == "chat.completion" and env["model"] == "gpt-4o-mini"
    choice = env["choices"][0]
    assert choice["finish_reason"] == "stop" and choice["message"]["role"] == "assistant"
    answer = json.loads(choice["message"]["content"])
    assert answer == expected_answer()
    assert "orders" in answer["description"]
    usage = env["usage"]
    assert usage["completion_tokens"] == len(choice["message"]["content"]) // 4
    assert usage["total_tokens"] == usage["prompt_tokens"] + usage["completion_tokens"] > 0
    # deterministic
    assert json.loads(json.loads(openai_req(fake)[2])["choices"][0]["message"]["content"]) == answer


def test_anthropic_success_envelope(fake):
    status, headers, body = anthropic_req(fake)
    assert status == 200 and headers["request-id"].startswith("req_")
    env = json.loads(body)
    assert env["type"] == "message" and env["role"] == "assistant"
    assert env["model"] == "claude-sonnet-4-5" and env["stop_reason"] == "tool_use"
    [block] = env["content"]
    assert block["type"] == "tool_use" and block["name"] == "record_description"
    assert block["id"].startswith("toolu_") and block["input"] == expected_answer()
    assert env["usage"]["output_tokens"] == len(json.dumps(block["input"])) // 4
    assert env["usage"]["input_tokens"] > 0


def test_anthropic_without_tools_answers_text(fake):
    body = {"model": "claude-x", "max_tokens": 100,
            "messages": [{"role": "user", "content": json.dumps({"task": "ping"})}]}
    status, _, data = post(fake, "/v1/messages", body,
                           {"x-api-key": "sk-ant-test", "anthropic-version": "2023-06-01"})
    env = json.loads(data)
    assert status == 200 and env["stop_reason"] == "end_turn"
    assert json.loads(env["content"][0]["text"]) == {"ok": True}


@pytest.mark.parametrize("field", ["responseJsonSchema", "responseSchema"])
def test_gemini_success_envelope(fake, field):
    schema = SCHEMA if field == "responseJsonSchema" else {
        "type": "OBJECT", "required": ["description", "columns"],
        "properties": {"description": {"type": "STRING"},
                       "columns": {"type": "ARRAY", "items": {
                           "type": "OBJECT", "properties": {"name": {"type": "STRING"},
                                                            "description": {"type": "STRING"}}}}}}
    status, _, body = gemini_req(fake, schema=schema, schema_field=field)
    assert status == 200
    env = json.loads(body)
    cand = env["candidates"][0]
    assert cand["finishReason"] == "STOP" and cand["content"]["role"] == "model"
    text = cand["content"]["parts"][0]["text"]
    assert json.loads(text) == expected_answer()
    um = env["usageMetadata"]
    assert um["candidatesTokenCount"] == len(text) // 4
    assert um["totalTokenCount"] == um["promptTokenCount"] + um["candidatesTokenCount"]
    assert env["modelVersion"] == "gemini-2.5-flash"
    assert fake.last("gemini")["model"] == "gemini-2.5-flash"


def test_gemini_key_in_query(fake):
    assert gemini_req(fake, query_key=True)[0] == 200
    assert fake.last()["query"] == "key=gm-test"


def test_other_tasks_and_unknown(fake):
    for doc, expected in [({"task": "ping"}, {"ok": True}),
                          ({"task": "what"}, {"error": "unknown task"})]:
        env = json.loads(openai_req(fake, doc=doc, schema=None, strict=False)[2])
        assert json.loads(env["choices"][0]["message"]["content"]) == expected
    body = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hello there"}]}
    env = json.loads(post(fake, "/v1/chat/completions", body,
                          {"authorization": "Bearer sk-test-openai"})[2])
    assert json.loads(env["choices"][0]["message"]["content"]) == {"error": "unknown task"}
    env = json.loads(openai_req(fake, doc={"task": "readme_overview", "models": [1, 2]},
                                schema=None, strict=False)[2])
    overview = json.loads(env["choices"][0]["message"]["content"])
    assert list(overview) == ["overview"] and "2 models" in overview["overview"]


def test_user_content_parts_and_last_user_message(fake):
    body = {"model": "gpt-4o-mini",
            "messages": [{"role": "user", "content": json.dumps({"task": "what"})},
                         {"role": "assistant", "content": "ok"},
                         {"role": "user", "content": [{"type": "text",
                                                       "text": json.dumps({"task": "ping"})}]}]}
    env = json.loads(post(fake, "/v1/chat/completions", body,
                          {"authorization": "Bearer sk-test-openai"})[2])
    assert json.loads(env["choices"][0]["message"]["content"]) == {"ok": True}


def test_answer_conforms_to_schema(fake):
    schema = json.loads(json.dumps(SCHEMA))
    schema["properties"]["staging_sql"] = {"type": "string"}
    schema["required"].append("staging_sql")
    del schema["properties"]["columns"]
    schema["required"].remove("columns")
    env = json.loads(openai_req(fake, schema=schema)[2])
    answer = json.loads(env["choices"][0]["message"]["content"])
    assert set(answer) == {"description", "staging_sql"}
    fake.on_task("describe_relation", {"description": "d", "staging_sql": "select 1"})
    env = json.loads(openai_req(fake, schema=schema)[2])
    assert json.loads(env["choices"][0]["message"]["content"])["staging_sql"] == "select 1"


def test_forced_function_tool_openai(fake):
    body = {"model": "gpt-4o-mini",
            "messages": [{"role": "user", "content": json.dumps(DOC)}],
            "tools": [{"type": "function", "function": {"name": "describe",
                                                        "parameters": SCHEMA}}],
            "tool_choice": {"type": "function", "function": {"name": "describe"}}}
    env = json.loads(post(fake, "/v1/chat/completions", body,
                          {"authorization": "Bearer sk-test-openai"})[2])
    msg = env["choices"][0]["message"]
    assert msg["content"] is None and env["choices"][0]["finish_reason"] == "stop"
    call = msg["tool_calls"][0]
    assert call["function"]["name"] == "describe"
    assert json.loads(call["function"]["arguments"]) == expected_answer()


def test_models_lists(fake):
    status, data = get(fake, "/v1/models", {"authorization": "Bearer sk-test-openai"})
    assert status == 200 and json.loads(data)["data"][0]["id"] == "gpt-4o-mini"
    assert get(fake, "/v1/models")[0] == 401
    status, data = get(fake, "/v1/models", {"x-api-key": "sk-ant-test",
                                            "anthropic-version": "2023-06-01"})
    assert status == 200 and json.loads(data)["data"][0]["type"] == "model"
    assert get(fake, "/v1beta/models", {"x-goog-api-key": "gm-test"})[0] == 200
    assert get(fake, "/nope")[0] == 404


# ------------------------------------------------------------------ authentication

def test_openai_auth_errors(fake):
    status, _, body = openai_req(fake, key="sk-wrong-key-123")
    err = json.loads(body)["error"]
    assert status == 401 and err["code"] == "invalid_api_key"
    assert err["type"] == "invalid_request_error" and err["param"] is None
    assert "sk-wrong-key-123" not in err["message"] and "-123" in err["message"]
    status, _, body = openai_req(fake, key=None)
    err = json.loads(body)["error"]
    assert status == 401 and err["code"] is None and "didn't provide an API key" in err["message"]


def test_compatible_server_without_key():
    with FakeAI(compatible_requires_key=False) as fake:
        assert openai_req(fake, key=None, model="local-llama3")[0] == 200
        assert openai_req(fake, key="anything", model="local-llama3")[0] == 200
        assert openai_req(fake, key=None, model="gpt-4o-mini")[0] == 401
        assert get(fake, "/v1/models")[0] == 200
        # any base URL ending in /v1
        body = {"model": "local-x", "messages": [{"role": "user", "content": '{"task":"ping"}'}]}
        assert post(fake, "/ollama/v1/chat/completions", body)[0] == 200
    with FakeAI() as fake:
        assert openai_req(fake, key=None, model="local-llama3")[0] == 401


def test_anthropic_auth_errors(fake):
    for key, message in [("nope", "invalid x-api-key"), (None, "x-api-key header is required")]:
        status, headers, body = anthropic_req(fake, key=key)
        doc = json.loads(body)
        assert status == 401 and doc["type"] == "error"
        assert doc["error"] == {"type": "authentication_error", "message": message}
        assert doc["request_id"] == headers["request-id"]


def test_gemini_auth_errors(fake):
    status, _, body = gemini_req(fake, key="wrong")
    err = json.loads(body)["error"]
    assert status == 400 and err["code"] == 400 and err["status"] == "INVALID_ARGUMENT"
    info = err["details"][0]
    assert info["@type"] == "type.googleapis.com/google.rpc.ErrorInfo"
    assert info["reason"] == "API_KEY_INVALID"
    status, _, body = gemini_req(fake, key=None)
    err = json.loads(body)["error"]
    assert status == 403 and err["status"] == "PERMISSION_DENIED"


def test_auth_fault_with_right_key(fake):
    for provider, call, status in [("openai", openai_req, 401), ("anthropic", anthropic_req, 401),
                                   ("gemini", gemini_req, 400)]:
        fake.fail("auth", provider=provider)
        assert call(fake)[0] == status
        assert call(fake)[0] == 200


# ------------------------------------------------------------------ request validation

def test_request_validation(fake):
    loose = json.loads(json.dumps(SCHEMA))
    del loose["properties"]["columns"]["items"]["additionalProperties"]
    status, _, body = openai_req(fake, schema=loose)
    err = json.loads(body)["error"]
    assert status == 400 and err["param"] == "response_format"
    assert err["message"] == ("Invalid schema for response_format 'describe_relation': In "
                              "context=('properties', 'columns', 'items'), 'additionalProperties' "
                              "is required to be supplied and to be false.")
    assert openai_req(fake, schema=loose, strict=False)[0] == 200
    status, _, body = anthropic_req(fake, version=None)
    assert status == 400 and "anthropic-version" in json.loads(body)["error"]["message"]
    status, _, body = gemini_req(fake, schema_field="responseSchema")  # has additionalProperties
    err = json.loads(body)["error"]
    assert status == 400 and err["status"] == "INVALID_ARGUMENT"
    assert 'Unknown name "additionalProperties"' in err["message"]
    status, _, body = post(fake, "/v1/chat/completions", None, raw=b"{not json",
                           headers={"authorization": "Bearer sk-test-openai"})
    assert status == 400


# ------------------------------------------------------------------ faults

def test_rate_limit(fake):
    fake.fail("rate_limit", provider="openai", retry_after=2)
    status, headers, body = openai_req(fake)
    err = json.loads(body)["error"]
    assert status == 429 and headers["retry-after"] == "2"
    assert err["code"] == "rate_limit_exceeded" and headers["x-ratelimit-remaining-requests"] == "0"
    assert openai_req(fake)[0] == 200  # consumed

    fake.fail("rate_limit", provider="anthropic")
    status, headers, body = anthropic_req(fake)
    assert status == 429 and headers["retry-after"] == "1"
    assert json.loads(body)["error"]["type"] == "rate_limit_error"

    fake.fail("rate_limit", provider="gemini", retry_after=30)
    status, headers, body = gemini_req(fake)
    err = json.loads(body)["error"]
    assert status == 429 and err["status"] == "RESOURCE_EXHAUSTED" and "retry-after" not in headers
    types = {d["@type"]: d for d in err["details"]}
    assert types["type.googleapis.com/google.rpc.RetryInfo"]["retryDelay"] == "30s"
    assert "type.googleapis.com/google.rpc.QuotaFailure" in types


def test_quota_and_credit(fake):
    fake.fail("quota", provider="openai")
    status, _, body = openai_req(fake)
    err = json.loads(body)["error"]
    assert status == 429 and err["code"] == "insufficient_quota"
    assert err["type"] == "insufficient_quota"

    fake.fail("quota", provider="gemini")
    status, _, body = gemini_req(fake)
    err = json.loads(body)["error"]
    types = [d["@type"] for d in err["details"]]
    assert status == 429 and "type.googleapis.com/google.rpc.QuotaFailure" in types
    assert "type.googleapis.com/google.rpc.RetryInfo" not in types

    for kind in ("quota", "credit"):
        fake.fail(kind, provider="anthropic")
        status, _, body = anthropic_req(fake)
        assert status == 400
        assert json.loads(body)["error"] == {"type": "invalid_request_error",
                                             "message": CREDIT_MESSAGE}
    fake.fail("billing", provider="anthropic")
    status, _, body = anthropic_req(fake)
    assert status == 402 and json.loads(body)["error"]["type"] == "billing_error"


@pytest.mark.parametrize("kind,expected", [
    ("not_found", {"openai": (404, "model_not_found"), "anthropic": (404, "not_found_error"),
                   "gemini": (404, "NOT_FOUND")}),
    ("server_error", {"openai": (500, "server_error"), "anthropic": (500, "api_error"),
                      "gemini": (500, "INTERNAL")}),
    ("overloaded", {"openai": (503, "server_error"), "anthropic": (529, "overloaded_error"),
                    "gemini": (503, "UNAVAILABLE")}),
    ("permission", {"openai": (403, "model_not_found"), "anthropic": (403, "permission_error"),
                    "gemini": (403, "PERMISSION_DENIED")}),
])
def test_status_faults(fake, kind, expected):
    for provider, call in [("openai", openai_req), ("anthropic", anthropic_req),
                           ("gemini", gemini_req)]:
        fake.fail(kind, provider=provider)
        status, _, body = call(fake)
        doc = json.loads(body)
        want_status, marker = expected[provider]
        assert status == want_status, provider
        if provider == "openai":
            assert marker in (doc["error"]["code"], doc["error"]["type"])
        elif provider == "anthropic":
            assert doc["type"] == "error" and doc["error"]["type"] == marker
        else:
            assert doc["error"]["code"] == status and doc["error"]["status"] == marker


def test_fault_matching_times_and_task(fake):
    fake.fail("server_error", times=2)  # any provider
    assert anthropic_req(fake)[0] == 500
    assert gemini_req(fake)[0] == 500
    assert openai_req(fake)[0] == 200
    fault = fake.fail("server_error", times=None, task="readme_overview")
    assert openai_req(fake)[0] == 200
    for _ in range(3):
        assert openai_req(fake, doc={"task": "readme_overview"}, schema=None,
                          strict=False)[0] == 500
    assert fault.used == 3 and fake.faults == [fault]
    fake.clear_faults()
    assert openai_req(fake, doc={"task": "readme_overview"}, schema=None, strict=False)[0] == 200
    with pytest.raises(ValueError):
        fake.fail("nonsense")


def test_malformed_and_truncated(fake):
    for provider, call in [("openai", openai_req), ("anthropic", anthropic_req),
                           ("gemini", gemini_req)]:
        fake.fail("malformed", provider=provider)
        status, _, body = call(fake)
        assert status == 200
        with pytest.raises(ValueError):
            json.loads(body)
        fake.fail("truncated", provider=provider)
        status, headers, body = call(fake)
        assert status == 200 and int(headers["content-length"]) == len(body) > 10
        with pytest.raises(ValueError):
            json.loads(body)
        whole = call(fake)[2]
        assert body.startswith(whole[:10])


def test_ignore_schema_not_json_and_answer(fake):
    fake.fail("ignore_schema", provider="openai")
    content = json.loads(openai_req(fake)[2])["choices"][0]["message"]["content"]
    assert json.loads(content) == {"text": "I think this table holds orders."}
    fake.fail("not_json_answer", provider="openai")
    content = json.loads(openai_req(fake)[2])["choices"][0]["message"]["content"]
    with pytest.raises(ValueError):
        json.loads(content)

    fake.fail("ignore_schema", provider="anthropic")
    block = json.loads(anthropic_req(fake)[2])["content"][0]
    assert block["type"] == "tool_use" and block["input"] == {"text": "I think this table holds orders."}
    fake.fail("not_json_answer", provider="anthropic")
    env = json.loads(anthropic_req(fake)[2])
    assert env["stop_reason"] == "end_turn" and env["content"][0]["type"] == "text"

    fake.fail("not_json_answer", provider="gemini")
    text = json.loads(gemini_req(fake)[2])["candidates"][0]["content"]["parts"][0]["text"]
    assert text.startswith("Sure!")

    scripted = {"description": "x", "columns": [], "staging_sql": "selec oops"}
    for provider, call in [("openai", openai_req), ("anthropic", anthropic_req),
                           ("gemini", gemini_req)]:
        fake.fail("answer", provider=provider, answer=scripted)
        env = json.loads(call(fake)[2])
        if provider == "openai":
            got = json.loads(env["choices"][0]["message"]["content"])
        elif provider == "anthropic":
            got = env["content"][0]["input"]
        else:
            got = json.loads(env["candidates"][0]["content"]["parts"][0]["text"])
        assert got == scripted  # verbatim, not conformed to the schema


def test_max_tokens_and_refusal(fake):
    fake.fail("max_tokens", provider="openai")
    choice = json.loads(openai_req(fake)[2])["choices"][0]
    assert choice["finish_reason"] == "length"
    fake.fail("max_tokens", provider="anthropic")
    assert json.loads(anthropic_req(fake)[2])["stop_reason"] == "max_tokens"
    fake.fail("max_tokens", provider="gemini")
    assert json.loads(gemini_req(fake)[2])["candidates"][0]["finishReason"] == "MAX_TOKENS"
    fake.fail("refusal", provider="openai")
    msg = json.loads(openai_req(fake)[2])["choices"][0]["message"]
    assert msg["content"] is None and msg["refusal"]
    fake.fail("refusal", provider="gemini")
    cand = json.loads(gemini_req(fake)[2])["candidates"][0]
    assert cand["finishReason"] == "SAFETY" and "content" not in cand
    fake.fail("refusal", provider="gemini", blocked="prompt")
    env = json.loads(gemini_req(fake)[2])
    assert "candidates" not in env and env["promptFeedback"]["blockReason"] == "SAFETY"


def test_base_urls(fake):
    assert fake.openai_base_url == fake.base_url + "/v1"
    assert fake.anthropic_base_url == fake.gemini_base_url == fake.base_url


def test_http_fault(fake):
    fake.fail("http", status=502, body="<html>bad gateway</html>",
              headers={"content-type": "text/html"})
    status, headers, body = openai_req(fake)
    assert status == 502 and headers["content-type"] == "text/html" and b"bad gateway" in body


def test_reset(fake):
    fake.fail("reset", provider="anthropic")
    with pytest.raises((ConnectionResetError, http.client.RemoteDisconnected,
                        ConnectionAbortedError, BrokenPipeError)):
        anthropic_req(fake)
    rec = fake.last("anthropic")
    assert rec["fault"] == "reset" and rec["status"] is None
    assert anthropic_req(fake)[0] == 200


def test_timeout_does_not_block_others(fake):
    fake.fail("timeout", provider="gemini", seconds=3)
    started = time.monotonic()
    with pytest.raises((TimeoutError, socket.timeout)):
        gemini_req(fake, timeout=0.3)
    assert time.monotonic() - started < 1.5
    # the sleeping request still holds its thread; others are served meanwhile
    assert openai_req(fake, timeout=2)[0] == 200
    assert gemini_req(fake, timeout=2)[0] == 200


def test_close_is_prompt_with_pending_timeout():
    fake = FakeAI()
    fake.fail("timeout", seconds=30)
    outcome = {}

    def client():
        try:
            outcome["result"] = openai_req(fake, timeout=60)[0]
        except Exception as exc:  # noqa: BLE001 - the connection is expected to drop
            outcome["error"] = exc

    t = threading.Thread(target=client)
    t.start()
    fake.wait_for_requests(1)
    time.sleep(0.1)
    started = time.monotonic()
    fake.close()
    assert time.monotonic() - started < 2.0
    t.join(5)
    assert not t.is_alive() and "error" in outcome
    with pytest.raises(OSError):
        openai_req(fake, timeout=1)


# ------------------------------------------------------------------ concurrency and recording

def test_concurrency_with_latency(fake):
    fake.latency = 0.2
    n = 8
    barrier = threading.Barrier(n)
    statuses = []

    def worker(i):
        barrier.wait()
        statuses.append(openai_req(fake, doc={"task": "ping"}, schema=None, strict=False)[0])

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(n)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    elapsed = time.monotonic() - started
    assert statuses == [200] * n
    assert elapsed < 0.2 * n / 2, elapsed
    assert fake.max_in_flight >= n


def test_recording(fake):
    secret_free = dict(DOC)
    openai_req(fake, doc=secret_free)
    anthropic_req(fake)
    gemini_req(fake, key="wrong")
    assert [r["provider"] for r in fake.requests] == ["openai", "anthropic", "gemini"]
    rec = fake.requests_for("openai")[0]
    assert rec["path"] == "/v1/chat/completions" and rec["method"] == "POST"
    assert rec["headers"]["authorization"] == "Bearer sk-test-openai"
    assert rec["body"]["model"] == "gpt-4o-mini" and rec["task"] == "describe_relation"
    assert rec["status"] == 200 and isinstance(rec["time"], float)
    assert json.loads(rec["response"])["object"] == "chat.completion"
    anth = fake.requests_for("anthropic")[0]
    assert anth["headers"]["anthropic-version"] == "2023-06-01"
    assert fake.requests_for("gemini")[0]["status"] == 400
    text = fake.all_text()
    assert "customer_id" in text and "sk-test-openai" not in text  # keys travel in headers
    fake.clear()
    assert fake.requests == [] and fake.all_text() == ""
