"""A fake AI provider server on loopback, for tests of Cartridge's HTTP clients.

One ``FakeAI`` serves the three wire formats below (plus OpenAI-compatible servers,
which use the OpenAI one) from a ``ThreadingHTTPServer`` on 127.0.0.1, records every
request, and answers with deterministic content or with a scripted fault.

Wire formats (looked up June 2026; bodies quoted from docs or from real responses pasted
into public issues -- the providers' own pages are cited where the corpus had them)
=====================================================================================

OpenAI Chat Completions -- ``POST {base}/v1/chat/completions``
    Docs: https://platform.openai.com/docs/api-reference/chat/create ,
    https://platform.openai.com/docs/guides/structured-outputs (schema of the request field
    as generated from OpenAI's OpenAPI spec:
    https://docs.rs/crate/openai-client-base/0.12.0/source/src/models/text_response_format_json_schema.rs ).
    Request: header ``Authorization: Bearer <key>``; body ``{"model", "messages": [{"role",
    "content": str | [{"type": "text", "text"}]}], "response_format": {"type": "json_schema",
    "json_schema": {"name" (a-zA-Z0-9_-, max 64), "strict": true, "schema"}}}``.
    With ``strict: true`` every object in the schema must have ``additionalProperties: false``
    and list every property in ``required``, else 400 ``{"message": "Invalid schema for
    response_format '<name>': In context=(), 'additionalProperties' is required to be supplied
    and to be false.", "type": "invalid_request_error", "param": "response_format", "code": null}``
    (https://github.com/dottxt-ai/outlines/issues/844 , https://github.com/moeru-ai/xsai/issues/202 ).
    Response: ``{"id": "chatcmpl-..", "object": "chat.completion", "created", "model",
    "choices": [{"index": 0, "message": {"role": "assistant", "content": "<JSON text>",
    "refusal": null}, "logprobs": null, "finish_reason": "stop"}], "usage": {"prompt_tokens",
    "completion_tokens", "total_tokens"}}``.
    Errors: ``{"error": {"message", "type", "param", "code"}}``
    (https://platform.openai.com/docs/guides/error-codes/api-errors):
      401 wrong key: type invalid_request_error, code invalid_api_key, message "Incorrect API key
          provided: sk-te****enai. You can find your API key at ..."
          (https://github.com/continuedev/continue/issues/9358 ); missing key: same status and
          type, code null, "You didn't provide an API key. ..."
          (https://github.com/yihong0618/bilingual_book_maker/issues/137 ).
      429 rate limit: type "requests" (or "tokens"), code rate_limit_exceeded, "Rate limit reached
          for ... Please try again in 20s." (https://github.com/Pythagora-io/gpt-pilot/pull/53 ).
      429 quota: type insufficient_quota, code insufficient_quota, "You exceeded your current
          quota, please check your plan and billing details. ..."
          (https://github.com/mattvr/ShellGPT/issues/23 ). Same status as a rate limit: only
          ``error.code`` tells them apart, and a quota error must not be retried.
      404 model: type invalid_request_error, code model_not_found, "The model `x` does not exist
          or you do not have access to it." (https://github.com/skorokithakis/sysaidmin/issues/9 ).
      500 type server_error "The server had an error while processing your request. ..."; 503
          overloaded.

Anthropic Messages -- ``POST {base}/v1/messages``
    Docs: https://docs.claude.com/en/api/errors (= https://platform.claude.com/docs/en/api/errors ),
    https://platform.claude.com/docs/en/agents-and-tools/tool-use/overview .
    Request: headers ``x-api-key``, ``anthropic-version: 2023-06-01`` (missing -> 400
    invalid_request_error "anthropic-version: header is required",
    https://github.com/PipedreamHQ/pipedream/issues/9697 ); body ``{"model", "max_tokens"
    (required), "system"?, "messages": [{"role", "content": str | [{"type": "text", "text"}]}],
    "tools": [{"name", "description", "input_schema"}], "tool_choice": {"type": "tool", "name"}}``.
    Response: ``{"id": "msg_..", "type": "message", "role": "assistant", "model", "content":
    [{"type": "tool_use", "id": "toolu_..", "name", "input": {...}}], "stop_reason": "tool_use",
    "stop_sequence": null, "usage": {"input_tokens", "output_tokens"}}``; every response carries a
    ``request-id`` header.
    Errors: ``{"type": "error", "error": {"type", "message"}, "request_id"}``:
      400 invalid_request_error (also "Your credit balance is too low to access the Anthropic API.
          Please go to Plans & Billing to upgrade or purchase credits." --
          https://github.com/anthropics/claude-code/issues/4684 ), 401 authentication_error
          ("invalid x-api-key", https://github.com/eyaltoledano/claude-task-master/issues/222 ;
          "x-api-key header is required", https://github.com/n8n-io/n8n/issues/37930 ),
          403 permission_error, 404 not_found_error, 413 request_too_large,
          429 rate_limit_error + ``retry-after`` header (seconds), 500 api_error,
          529 overloaded_error ("Overloaded"). A 402 billing_error appears only in unofficial
          pages (https://claude-error-handbook.vercel.app/errors/billing-error.html ), so the
          fake offers it as a separate fault kind "billing".

Gemini -- ``POST {base}/v1beta/models/{model}:generateContent``
    Docs: https://ai.google.dev/gemini-api/docs/structured-output ,
    https://ai.google.dev/gemini-api/docs/troubleshooting ,
    https://ai.google.dev/api/python/google/generativeai/protos/GenerateContentResponse/UsageMetadata .
    Request: header ``x-goog-api-key`` (or query ``?key=``); body ``{"contents": [{"role":
    "user", "parts": [{"text"}]}], "systemInstruction"?, "generationConfig": {"responseMimeType":
    "application/json", "responseJsonSchema": <JSON Schema>}}`` or the older ``responseSchema``
    (an OpenAPI subset: unknown names such as ``additionalProperties`` or ``$schema`` give 400
    "Invalid JSON payload received. Unknown name \\"additionalProperties\\" at
    'generation_config.response_schema': Cannot find field." --
    https://github.com/QuantumNous/new-api/pull/1037 ,
    https://github.com/glowingjade/obsidian-smart-composer/issues/455 ).
    Response: ``{"candidates": [{"content": {"parts": [{"text": "<JSON text>"}], "role":
    "model"}, "finishReason": "STOP", "index": 0}], "usageMetadata": {"promptTokenCount",
    "candidatesTokenCount", "totalTokenCount"}, "modelVersion", "responseId"}``.
    Errors: ``{"error": {"code", "message", "status", "details": [{"@type": ...}]}}``:
      400 INVALID_ARGUMENT + ``type.googleapis.com/google.rpc.ErrorInfo`` reason API_KEY_INVALID
          (+ LocalizedMessage) for a wrong key, "API key not valid. Please pass a valid API key."
          (https://github.com/continuedev/continue/issues/10290 ); a MISSING key is 403
          PERMISSION_DENIED "Method doesn't allow unregistered callers ..."
          (https://github.com/PublicAffairs/openai-gemini/issues/92 ).
      429 RESOURCE_EXHAUSTED with ``google.rpc.QuotaFailure`` (violations: quotaMetric, quotaId,
          quotaDimensions) and ``google.rpc.Help``; a per-minute limit adds ``google.rpc.RetryInfo``
          ``retryDelay: "30s"`` and "Please retry in 30.5s." in the message; a per-day (exhausted)
          quota has no RetryInfo (https://github.com/google-gemini/gemini-cli/issues/8437 ,
          https://github.com/googleapis/python-genai/pull/2114 ). Gemini sends NO Retry-After
          header (https://github.com/dcdpr/jp/pull/1061 ).
      404 NOT_FOUND "models/x is not found for API version v1beta, or is not supported for
          generateContent. ..." (https://github.com/wwardaww/gnome-gemini-ai/issues/22 ),
      500 INTERNAL, 503 UNAVAILABLE ("The model is overloaded. Please try again later.").

Usage (see FakeAI's docstring for everything)::

    with FakeAI() as fake:
        fake.fail("rate_limit", provider="openai", retry_after=2)
        ... point Cartridge at fake.base_url + "/v1" ...
        assert fake.requests_for("openai")[0]["status"] == 429
"""
from __future__ import annotations

import itertools
import json
import re
import socket
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

DEFAULT_KEYS = {"openai": "sk-test-openai", "anthropic": "sk-ant-test", "gemini": "gm-test"}
PROVIDERS = ("openai", "anthropic", "gemini")

FAULT_KINDS = (
    "rate_limit", "quota", "credit", "billing", "auth", "permission", "not_found",
    "server_error", "overloaded", "timeout", "reset", "malformed", "truncated",
    "ignore_schema", "not_json_answer", "answer", "max_tokens", "refusal", "http",
)

CREDIT_MESSAGE = ("Your credit balance is too low to access the Anthropic API. "
                  "Please go to Plans & Billing to upgrade or purchase credits.")
OPENAI_QUOTA_MESSAGE = ("You exceeded your current quota, please check your plan and billing "
                        "details. For more information on this error, read the docs: "
                        "https://platform.openai.com/docs/guides/error-codes/api-errors.")
GEMINI_QUOTA_MESSAGE = ("You exceeded your current quota, please check your plan and billing "
                        "details. For more information on this error, head to: "
                        "https://ai.google.dev/gemini-api/docs/rate-limits.")
GEMINI_BAD_KEY = "API key not valid. Please pass a valid API key."
GEMINI_NO_KEY = ("Method doesn't allow unregistered callers (callers without established "
                 "identity). Please use API Key or other form of API consumer identity to call "
                 "this API.")
PROSE_ANSWER = ("Sure! This table appears to store business records; each row is one record "
                "and the columns describe its attributes.")

# Fields of Gemini's OpenAPI-subset Schema (generationConfig.responseSchema); anything else
# is rejected with "Unknown name".
_GEMINI_SCHEMA_FIELDS = {
    "type", "format", "title", "description", "nullable", "enum", "maxItems", "minItems",
    "properties", "required", "minProperties", "maxProperties", "minLength", "maxLength",
    "pattern", "example", "anyOf", "propertyOrdering", "default", "items", "minimum", "maximum",
    "max_items", "min_items", "property_ordering", "any_of", "min_length", "max_length",
    "min_properties", "max_properties",
}
_GEMINI_PATH = re.compile(r"^/(v1beta|v1)/models/([^/:]+):generateContent$")


class Fault:
    """One scripted fault; ``remaining`` is None for "until cleared"."""

    def __init__(self, kind: str, times: int | None, provider: str | None, task: str | None,
                 options: dict):
        self.kind, self.remaining, self.provider, self.task = kind, times, provider, task
        self.options = options
        self.used = 0

    def __repr__(self) -> str:
        return (f"Fault({self.kind!r}, remaining={self.remaining}, provider={self.provider}, "
                f"used={self.used})")


class _Reply:
    """What to send: an HTTP response, or one of the transport-level faults."""

    def __init__(self, status: int = 200, body: Any = None, headers: dict | None = None,
                 raw: bytes | None = None, action: str | None = None):
        self.status, self.body, self.headers, self.raw = status, body, headers or {}, raw
        self.action = action  # None, "reset", "drop"


def _tokens(text: str) -> int:
    return max(1, len(text) // 4)


def _mask(key: str) -> str:
    return key[:3] + "*" * max(4, len(key) - 7) + key[-4:] if len(key) > 8 else "****"


# ---------------------------------------------------------------------------- answers

def _default_answer(doc: Any) -> dict | None:
    """The deterministic answer to a Cartridge request document, or None if unknown."""
    if not isinstance(doc, dict):
        return None
    task = doc.get("task")
    if task == "ping":
        return {"ok": True}
    if task == "describe_relation":
        rel = doc.get("relation") if isinstance(doc.get("relation"), dict) else {}
        name = str(rel.get("name") or "relation")
        qual = f"{rel['schema']}.{name}" if rel.get("schema") else name
        columns = []
        for col in rel.get("columns") or []:
            cname = col.get("name") if isinstance(col, dict) else col
            if cname is None:
                continue
            ctype = col.get("type", "unknown") if isinstance(col, dict) else "unknown"
            columns.append({"name": cname,
                            "description": f"Fake description of column {cname} ({ctype}) "
                                           f"of {name}.",
                            "readable_name": "", "clean_type": ""})
        return {"description": f"Fake description of the relation {qual}: one row per "
                               f"{name} record, with {len(columns)} columns.",
                "columns": columns}
    if task == "readme_overview":
        items = doc.get("models") or doc.get("relations") or []
        count = len(items) if isinstance(items, (list, dict)) else 0
        project = doc.get("project")
        pname = (project.get("name") if isinstance(project, dict) else project) or "generated"
        return {"overview": f"Fake overview: the {pname} dbt project was generated by Cartridge "
                            f"from a PostgreSQL database and documents {count} models."}
    return None


def _schema_type(schema: dict) -> str | None:
    t = schema.get("type")
    if isinstance(t, list):
        non_null = [x for x in t if str(x).lower() != "null"]
        t = non_null[0] if non_null else "null"
    if t is None and "properties" in schema:
        t = "object"
    return str(t).lower() if t is not None else None


def _resolve(schema: Any, root: dict) -> dict:
    if not isinstance(schema, dict):
        return {}
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/"):
        node: Any = root
        for part in ref[2:].split("/"):
            node = node.get(part, {}) if isinstance(node, dict) else {}
        return _resolve(node, root)
    for key in ("anyOf", "oneOf", "any_of"):
        if isinstance(schema.get(key), list):
            branches = [_resolve(b, root) for b in schema[key]]
            useful = [b for b in branches if _schema_type(b) not in (None, "null")]
            if useful:
                return useful[0]
    return schema


def _filler(schema: dict, root: dict, key: str) -> Any:
    if schema.get("enum"):
        return schema["enum"][0]
    if "const" in schema:
        return schema["const"]
    t = _schema_type(schema)
    if t == "string":
        return f"fake {key}"
    if t in ("integer", "number"):
        return schema.get("minimum", 0)
    if t == "boolean":
        return False
    if t == "null":
        return None
    if t == "array":
        n = int(schema.get("minItems", schema.get("min_items", 0)) or 0)
        item = _resolve(schema.get("items"), root)
        return [_filler(item, root, key) for _ in range(n)]
    if t == "object":
        return _conform({}, schema, root)
    return f"fake {key}"


def _conform(value: Any, schema: Any, root: dict) -> Any:
    """Makes a default answer fit the request's schema: unknown keys go, required keys come."""
    schema = _resolve(schema, root)
    if not schema:
        return value
    t = _schema_type(schema)
    if t == "object" and isinstance(value, dict) and isinstance(schema.get("properties"), dict):
        props = schema["properties"]
        out = {k: _conform(v, props[k], root) for k, v in value.items() if k in props}
        for k in schema.get("required") or []:
            if k not in out and k in props:
                out[k] = _filler(_resolve(props[k], root), root, k)
        return out
    if t == "array" and isinstance(value, list) and schema.get("items") is not None:
        return [_conform(v, schema["items"], root) for v in value]
    return value


def _strict_schema_problem(schema: Any, path: tuple = ()) -> str | None:
    """OpenAI strict-mode rules: every object closes additionalProperties and requires all."""
    if isinstance(schema, list):
        for i, s in enumerate(schema):
            p = _strict_schema_problem(s, path + (str(i),))
            if p:
                return p
        return None
    if not isinstance(schema, dict):
        return None
    is_object = schema.get("type") == "object" or (
        isinstance(schema.get("type"), list) and "object" in schema["type"]) or "properties" in schema
    if is_object:
        if schema.get("additionalProperties") is not False:
            return (f"In context={path!r}, 'additionalProperties' is required to be supplied "
                    f"and to be false.")
        props = schema.get("properties") or {}
        missing = [k for k in props if k not in (schema.get("required") or [])]
        if missing:
            return (f"In context={path!r}, 'required' is required to be supplied and to be an "
                    f"array including every key in properties. Missing '{missing[0]}'.")
        for k, sub in props.items():
            p = _strict_schema_problem(sub, path + ("properties", k))
            if p:
                return p
    for key in ("items", "anyOf", "$defs", "definitions"):
        sub = schema.get(key)
        if key in ("$defs", "definitions") and isinstance(sub, dict):
            for name, s in sub.items():
                p = _strict_schema_problem(s, path + (key, name))
                if p:
                    return p
        elif sub is not None:
            p = _strict_schema_problem(sub, path + (key,))
            if p:
                return p
    return None


def _gemini_schema_problems(schema: Any, where: str) -> list[str]:
    out: list[str] = []
    if isinstance(schema, dict):
        for k, v in schema.items():
            if k not in _GEMINI_SCHEMA_FIELDS:
                out.append(where)
                out.append(k)
            elif k == "properties" and isinstance(v, dict):
                for i, sub in enumerate(v.values()):
                    out += _gemini_schema_problems(sub, f"{where}.properties[{i}].value")
            elif k in ("items",):
                out += _gemini_schema_problems(v, f"{where}.items")
            elif k in ("anyOf", "any_of") and isinstance(v, list):
                for i, sub in enumerate(v):
                    out += _gemini_schema_problems(sub, f"{where}.any_of[{i}]")
    return out


# ---------------------------------------------------------------------------- the server

class FakeAI:
    """Fake OpenAI / Anthropic / Gemini endpoints on 127.0.0.1 (see the module docstring).

    Constructor: ``FakeAI(keys=None, compatible_requires_key=True, strict_schemas=True,
    conform_to_schema=True, openai_models=("gpt-4o-mini",), latency=0.0, start=True)``.
    ``keys`` maps provider -> accepted key (defaults: DEFAULT_KEYS). With
    ``compatible_requires_key=False``, /v1/chat/completions accepts any or no Authorization
    when the request's model starts with "local-" (an Ollama-like server); GET /v1/models then
    needs no key either.

    Attributes: ``base_url`` ("http://127.0.0.1:PORT"), ``openai_base_url`` (base_url + "/v1"),
    ``anthropic_base_url`` and ``gemini_base_url`` (= base_url; clients append /v1/messages and
    /v1beta/models/{model}:generateContent, as with the real hosts), ``port``,
    ``requests`` (list of dicts: provider, method, path, query, headers (lower-case names),
    body (parsed JSON, else raw text), raw, time, model, task, fault, status (None when the
    connection was reset/dropped), response (text sent, if any)), ``latency`` (seconds added to
    every request), ``max_in_flight``, ``in_flight``, ``faults`` (pending), ``errors``
    (unexpected handler exceptions).

    Methods: ``requests_for(provider)``, ``last(provider=None)``, ``clear()`` (recorded
    requests only), ``clear_faults()``, ``reset()`` (requests, faults, overrides, latency,
    counters), ``all_text()`` (every raw request body concatenated), ``wait_for_requests(n,
    timeout=5, provider=None)``, ``on_task(task, answer)`` (persistent answer for a task: a dict,
    or a callable(doc) -> dict|str; None removes it), ``fail(kind, times=1, provider=None,
    task=None, **options)`` -> Fault, ``close()``; context manager.

    Fault kinds (``times=None``: every matching request until clear_faults()) and options
    (all error kinds accept ``message=`` to replace the provider's message):
      rate_limit   429: OpenAI rate_limit_exceeded + retry-after/x-ratelimit-* headers;
                   Anthropic rate_limit_error + retry-after/anthropic-ratelimit-* headers;
                   Gemini RESOURCE_EXHAUSTED + QuotaFailure (per minute) + RetryInfo
                   "<n>s", no header unless ``header=True``. ``retry_after`` (default 1; None
                   drops the hint: no header, no RetryInfo).
      quota        OpenAI 429 insufficient_quota; Gemini 429 QuotaFailure (per day) without
                   RetryInfo; Anthropic 400 credit balance message.
      credit       Anthropic 400 credit balance message; others as quota.
      billing      Anthropic 402 billing_error; others as quota.
      auth         the wrong-key error even with the right key.
      permission   Anthropic 403 permission_error; OpenAI 403 (model access); Gemini 403.
      not_found    OpenAI 404 model_not_found; Anthropic 404 not_found_error; Gemini 404.
      server_error 500 in each format.   overloaded  Anthropic 529; OpenAI/Gemini 503.
      timeout      waits ``seconds`` (default 30) then answers normally (``then="drop"``
                   closes instead); close() interrupts it.
      reset        reads the request, then closes with RST (SO_LINGER 0), no response.
      malformed    200, body is not JSON (``body=`` to choose it).
      truncated    200, the success envelope cut at ``fraction`` (default 0.5), with a
                   Content-Length that matches the cut body.
      ignore_schema   valid envelope, answer {"text": "I think..."} (``answer=`` to choose).
      not_json_answer valid envelope, prose instead of JSON (Anthropic: a text block,
                   stop_reason end_turn) (``text=`` to choose).
      answer       valid envelope carrying ``answer=`` (dict -> JSON / tool input; str -> raw
                   text) verbatim, not conformed to the schema.
      max_tokens   OpenAI finish_reason "length" / Gemini "MAX_TOKENS" with the JSON cut in
                   half; Anthropic stop_reason "max_tokens" with a text block holding the cut
                   JSON (approximation).
      refusal      OpenAI message.refusal with content null; Anthropic stop_reason "refusal"
                   with no content; Gemini candidate finishReason "SAFETY" without content, or
                   with ``blocked="prompt"`` no candidates and promptFeedback.blockReason
                   "SAFETY".
      http         ``status`` (default 500), ``body`` (dict/str/bytes), ``headers``.
    """

    def __init__(self, keys: dict | None = None, compatible_requires_key: bool = True,
                 strict_schemas: bool = True, conform_to_schema: bool = True,
                 openai_models: tuple | list = ("gpt-4o-mini",), latency: float = 0.0,
                 start: bool = True):
        self.keys = dict(DEFAULT_KEYS)
        if keys:
            self.keys.update(keys)
        self.compatible_requires_key = compatible_requires_key
        self.strict_schemas = strict_schemas
        self.conform_to_schema = conform_to_schema
        self.openai_models = list(openai_models)
        self.latency = latency
        self.requests: list[dict] = []
        self.faults: list[Fault] = []
        self.errors: list[str] = []
        self.overrides: dict[str, Any] = {}
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self._cond = threading.Condition(self._lock)
        self._closing = threading.Event()
        self._ids = itertools.count(1)
        self._conns: set[socket.socket] = set()
        self._threads: set[threading.Thread] = set()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        if start:
            self.start()

    # -- lifecycle
    def start(self) -> "FakeAI":
        if self._server is not None:
            return self
        fake = self

        class Handler(_Handler):
            owner = fake

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            block_on_close = False
            request_queue_size = 128
            allow_reuse_address = True

            def handle_error(self, request, client_address):  # noqa: D401 - quiet
                import sys
                exc = sys.exc_info()[1]
                if not isinstance(exc, (ConnectionError, TimeoutError, OSError)):
                    fake.errors.append(repr(exc))

        self._server = Server(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.openai_base_url = self.base_url + "/v1"
        self.anthropic_base_url = self.base_url
        self.gemini_base_url = self.base_url
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05},
                                        name="fake-ai", daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        """Stops serving; drops open connections and interrupts sleeping requests."""
        if self._server is None:
            return
        self._closing.set()
        self._server.shutdown()
        with self._lock:
            conns, threads = list(self._conns), list(self._threads)
        for conn in conns:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        self._server.server_close()
        deadline = time.monotonic() + 1.0
        for t in threads:
            t.join(max(0.0, deadline - time.monotonic()))
        self._server = None

    def __enter__(self) -> "FakeAI":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()

    # -- scripting
    def fail(self, kind: str, times: int | None = 1, provider: str | None = None,
             task: str | None = None, **options) -> Fault:
        """Queues a fault for the next ``times`` matching requests (see the class docstring)."""
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; known: {', '.join(FAULT_KINDS)}")
        if provider is not None and provider not in PROVIDERS:
            raise ValueError(f"unknown provider {provider!r}")
        if kind == "answer" and "answer" not in options:
            raise ValueError('fail("answer") needs answer=...')
        fault = Fault(kind, times, provider, task, options)
        with self._lock:
            self.faults.append(fault)
        return fault

    def on_task(self, task: str, answer: Any) -> None:
        """Answers every request for ``task`` with ``answer`` (dict, str, or callable(doc))."""
        with self._lock:
            if answer is None:
                self.overrides.pop(task, None)
            else:
                self.overrides[task] = answer

    def clear(self) -> None:
        with self._lock:
            self.requests.clear()

    def clear_faults(self) -> None:
        with self._lock:
            self.faults.clear()

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
            self.faults.clear()
            self.overrides.clear()
            self.errors.clear()
            self.latency = 0.0
            self.max_in_flight = self.in_flight

    # -- inspection
    def requests_for(self, provider: str) -> list[dict]:
        with self._lock:
            return [r for r in self.requests if r["provider"] == provider]

    def last(self, provider: str | None = None) -> dict | None:
        with self._lock:
            for r in reversed(self.requests):
                if provider is None or r["provider"] == provider:
                    return r
        return None

    def all_text(self) -> str:
        with self._lock:
            return "".join(r["raw"] for r in self.requests)

    def wait_for_requests(self, n: int, timeout: float = 5.0,
                          provider: str | None = None) -> list[dict]:
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                got = [r for r in self.requests if provider is None or r["provider"] == provider]
                left = deadline - time.monotonic()
                if len(got) >= n or left <= 0:
                    return got
                self._cond.wait(left)

    # -- internals used by the handler
    def _record(self, rec: dict) -> None:
        with self._cond:
            self.requests.append(rec)
            self._cond.notify_all()

    def _take_fault(self, provider: str, task: str | None) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if fault.provider not in (None, provider):
                    continue
                if fault.task is not None and fault.task != task:
                    continue
                fault.used += 1
                if fault.remaining is not None:
                    fault.remaining -= 1
                    if fault.remaining <= 0:
                        self.faults.remove(fault)
                return fault
        return None

    def _next_id(self) -> str:
        return f"{next(self._ids):06d}"

    def _enter(self) -> None:
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def _leave(self) -> None:
        with self._lock:
            self.in_flight -= 1

    # ------------------------------------------------------------------ request handling
    def _handle(self, method: str, path: str, query: dict, headers: dict, raw: str,
                rec: dict) -> _Reply:
        body: Any
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw
        rec["body"] = body
        if self.latency:
            self._closing.wait(self.latency)
        gem = _GEMINI_PATH.match(path)
        if method == "POST" and path.endswith("/v1/chat/completions"):
            rec["provider"] = "openai"
            return self._openai(headers, body, raw, rec)
        if method == "POST" and path == "/v1/messages":
            rec["provider"] = "anthropic"
            return self._anthropic(headers, body, raw, rec)
        if method == "POST" and gem:
            rec["provider"] = "gemini"
            return self._gemini(unquote(gem.group(2)), gem.group(1), headers, query, body, raw,
                                rec)
        if method == "GET" and path.endswith("/v1/models"):
            if "x-api-key" in headers and "authorization" not in headers:
                rec["provider"] = "anthropic"
                return self._anthropic_models(headers)
            rec["provider"] = "openai"
            return self._openai_models(headers)
        if method == "GET" and re.match(r"^/(v1beta|v1)/models$", path):
            rec["provider"] = "gemini"
            return self._gemini_models(headers, query)
        return _Reply(404, {"error": {"message": f"Invalid URL ({method} {path})",
                                      "type": "invalid_request_error", "param": None,
                                      "code": None}})

    # -- shared pieces
    def _answer_for(self, doc: Any, schema: Any) -> tuple[Any, bool]:
        """(answer, is_json_object) for a parsed request document."""
        task = doc.get("task") if isinstance(doc, dict) else None
        with self._lock:
            override = self.overrides.get(task) if isinstance(task, str) else None
        if override is not None:
            return (override(doc) if callable(override) else override), True
        answer = _default_answer(doc)
        if answer is None:
            return {"error": "unknown task"}, True
        if self.conform_to_schema and isinstance(schema, dict):
            answer = _conform(answer, schema, schema)
        return answer, True

    @staticmethod
    def _parse_doc(text: str) -> Any:
        try:
            return json.loads(text)
        except ValueError:
            start, end = text.find("{"), text.rfind("}")
            if 0 <= start < end:
                try:
                    return json.loads(text[start:end + 1])
                except ValueError:
                    pass
        return None

    def _plan(self, provider: str, doc: Any, schema: Any, rec: dict) -> tuple[str, Any, Fault | None]:
        """Decides the content: ("obj", dict) | ("text", str) | ("error"/"transport", ...)."""
        task = doc.get("task") if isinstance(doc, dict) else None
        rec["task"] = task
        fault = self._take_fault(provider, task)
        rec["fault"] = fault.kind if fault else None
        if fault is None:
            answer, _ = self._answer_for(doc, schema)
            return ("text", answer, None) if isinstance(answer, str) else ("obj", answer, None)
        kind, opt = fault.kind, fault.options
        if kind == "answer":
            a = opt["answer"]
            return ("text", a, fault) if isinstance(a, str) else ("obj", a, fault)
        if kind == "ignore_schema":
            return "obj", opt.get("answer", {"text": "I think this table holds orders."}), fault
        if kind == "not_json_answer":
            return "text", opt.get("text", PROSE_ANSWER), fault
        if kind in ("truncated", "max_tokens", "refusal", "timeout"):
            answer, _ = self._answer_for(doc, schema)
            return ("obj", answer, fault)
        return "fault", None, fault

    # -- OpenAI
    def _openai_error(self, status: int, message: str, type_: str | None, code: str | None,
                      param: str | None = None, headers: dict | None = None) -> _Reply:
        h = {"x-request-id": f"req_fake{self._next_id()}"}
        h.update(headers or {})
        return _Reply(status, {"error": {"message": message, "type": type_, "param": param,
                                         "code": code}}, h)

    def _openai_auth(self, headers: dict, model: str | None) -> _Reply | None:
        auth = headers.get("authorization")
        if not self.compatible_requires_key and isinstance(model, str) and model.startswith("local-"):
            return None
        if not auth:
            return self._openai_error(
                401, "You didn't provide an API key. You need to provide your API key in an "
                     "Authorization header using Bearer auth (i.e. Authorization: Bearer "
                     "YOUR_KEY), or as the password field (with blank username) if you're "
                     "accessing the API from your browser and are prompted for a username and "
                     "password. You can obtain an API key from "
                     "https://platform.openai.com/account/api-keys.",
                "invalid_request_error", None)
        key = auth[7:].strip() if auth.lower().startswith("bearer ") else auth
        if key != self.keys["openai"]:
            return self._openai_wrong_key(key)
        return None

    def _openai_wrong_key(self, key: str) -> _Reply:
        return self._openai_error(
            401, f"Incorrect API key provided: {_mask(key)}. You can find your API key at "
                 f"https://platform.openai.com/account/api-keys.",
            "invalid_request_error", "invalid_api_key")

    def _openai_models(self, headers: dict) -> _Reply:
        if self.compatible_requires_key or headers.get("authorization"):
            err = self._openai_auth(headers, None)
            if err:
                return err
        return _Reply(200, {"object": "list", "data": [
            {"id": m, "object": "model", "created": 1700000000, "owned_by": "fake-ai"}
            for m in self.openai_models]})

    def _openai(self, headers: dict, body: Any, raw: str, rec: dict) -> _Reply:
        model = body.get("model") if isinstance(body, dict) else None
        rec["model"] = model
        err = self._openai_auth(headers, model)
        if err:
            return err
        if not isinstance(body, dict):
            return self._openai_error(
                400, "We could not parse the JSON body of your request. (HINT: This likely "
                     "means you aren't using your HTTP library correctly. The OpenAI API expects "
                     "a JSON payload, but what was sent was not valid JSON. If you have trouble "
                     "figuring out how to fix this, please contact us through our help center "
                     "at help.openai.com.)", "invalid_request_error", None)
        for field in ("model", "messages"):
            if field not in body:
                return self._openai_error(400, f"Missing required parameter: '{field}'.",
                                          "invalid_request_error", "missing_required_parameter",
                                          field)
        schema = None
        rf = body.get("response_format")
        if isinstance(rf, dict) and rf.get("type") == "json_schema":
            js = rf.get("json_schema") or {}
            name = js.get("name")
            if not isinstance(name, str) or not re.fullmatch(r"[a-zA-Z0-9_-]{1,64}", name):
                return self._openai_error(
                    400, "Invalid 'response_format.json_schema.name': string does not match "
                         "pattern. Expected a string that matches the pattern "
                         "'^[a-zA-Z0-9_-]+$'.", "invalid_request_error", "invalid_value",
                    "response_format.json_schema.name")
            schema = js.get("schema")
            if self.strict_schemas and js.get("strict") is True:
                problem = _strict_schema_problem(schema)
                if problem:
                    return self._openai_error(
                        400, f"Invalid schema for response_format '{name}': {problem}",
                        "invalid_request_error", None, "response_format")
        forced_tool = None
        tools = body.get("tools") if isinstance(body.get("tools"), list) else []
        tc = body.get("tool_choice")
        if tools and tc not in (None, "none", "auto"):
            if isinstance(tc, dict):
                forced_tool = (tc.get("function") or {}).get("name")
            forced_tool = forced_tool or ((tools[0].get("function") or {}).get("name"))
            for t in tools:
                if (t.get("function") or {}).get("name") == forced_tool:
                    schema = (t.get("function") or {}).get("parameters")
        prompt = self._openai_prompt(body.get("messages"))
        doc = self._parse_doc(prompt[1])
        mode, content, fault = self._plan("openai", doc, schema, rec)
        if mode == "fault":
            return self._fault_reply("openai", fault, model, rec)
        return self._openai_success(model, prompt[0], mode, content, fault, forced_tool,
                                    tc if isinstance(tc, dict) else None)

    @staticmethod
    def _text_of(content: Any) -> str:
        if isinstance(content, str):
            return content
        if isinstance(content, list):
            return "\n".join(p.get("text", "") for p in content
                             if isinstance(p, dict) and p.get("type") in ("text", "input_text"))
        return ""

    def _openai_prompt(self, messages: Any) -> tuple[str, str]:
        """(all prompt text, last user message text)."""
        msgs = messages if isinstance(messages, list) else []
        whole = "".join(self._text_of(m.get("content")) for m in msgs if isinstance(m, dict))
        users = [m for m in msgs if isinstance(m, dict) and m.get("role") == "user"]
        return whole, self._text_of(users[-1].get("content")) if users else ""

    def _openai_success(self, model, prompt, mode, content, fault, forced_tool, tc) -> _Reply:
        text = content if mode == "text" else json.dumps(content)
        finish = "stop"
        message: dict = {"role": "assistant", "content": text, "refusal": None,
                         "annotations": []}
        kind = fault.kind if fault else None
        if kind == "max_tokens":
            text = text[: max(1, len(text) // 2)]
            message["content"], finish = text, "length"
        elif kind == "refusal":
            message["content"] = None
            message["refusal"] = fault.options.get("text", "I'm sorry, I can't help with that.")
            text = message["refusal"]
        elif forced_tool and mode == "obj":
            message["content"] = None
            message["tool_calls"] = [{"id": f"call_fake{self._next_id()}", "type": "function",
                                      "function": {"name": forced_tool, "arguments": text}}]
            # A named tool_choice ends with "stop"; "required" ends with "tool_calls".
            finish = "stop" if tc else "tool_calls"
        p, c = _tokens(prompt), _tokens(text)
        env = {"id": f"chatcmpl-fake{self._next_id()}", "object": "chat.completion",
               "created": int(time.time()), "model": model,
               "choices": [{"index": 0, "message": message, "logprobs": None,
                            "finish_reason": finish}],
               "usage": {"prompt_tokens": p, "completion_tokens": c, "total_tokens": p + c,
                         "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
                         "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0,
                                                       "accepted_prediction_tokens": 0,
                                                       "rejected_prediction_tokens": 0}},
               "service_tier": "default", "system_fingerprint": "fp_fake"}
        return self._envelope_reply("openai", env, fault,
                                    {"x-request-id": f"req_fake{self._next_id()}"})

    # -- Anthropic
    def _anthropic_error(self, status: int, type_: str, message: str,
                         headers: dict | None = None) -> _Reply:
        rid = f"req_fake{self._next_id()}"
        h = {"request-id": rid}
        h.update(headers or {})
        return _Reply(status, {"type": "error", "error": {"type": type_, "message": message},
                               "request_id": rid}, h)

    def _anthropic_auth(self, headers: dict) -> _Reply | None:
        key = headers.get("x-api-key")
        if not key:
            return self._anthropic_error(401, "authentication_error",
                                         "x-api-key header is required")
        if key != self.keys["anthropic"]:
            return self._anthropic_error(401, "authentication_error", "invalid x-api-key")
        return None

    def _anthropic_models(self, headers: dict) -> _Reply:
        err = self._anthropic_auth(headers)
        if err:
            return err
        data = [{"type": "model", "id": "claude-fake-1", "display_name": "Claude Fake",
                 "created_at": "2025-01-01T00:00:00Z"}]
        return _Reply(200, {"data": data, "has_more": False, "first_id": data[0]["id"],
                            "last_id": data[-1]["id"]})

    def _anthropic(self, headers: dict, body: Any, raw: str, rec: dict) -> _Reply:
        model = body.get("model") if isinstance(body, dict) else None
        rec["model"] = model
        err = self._anthropic_auth(headers)
        if err:
            return err
        if not headers.get("anthropic-version"):
            return self._anthropic_error(400, "invalid_request_error",
                                         "anthropic-version: header is required")
        if not isinstance(body, dict):
            return self._anthropic_error(400, "invalid_request_error",
                                         "There was an issue with the format or content of "
                                         "your request: the body is not valid JSON.")
        for field in ("model", "max_tokens", "messages"):
            if field not in body:
                return self._anthropic_error(400, "invalid_request_error",
                                             f"{field}: Field required")
        tools = body.get("tools") if isinstance(body.get("tools"), list) else []
        tc = body.get("tool_choice") if isinstance(body.get("tool_choice"), dict) else {}
        tool_name, schema = None, None
        if tools:
            tool_name = tc.get("name") if tc.get("type") == "tool" else None
            tool_name = tool_name or tools[0].get("name")
            for t in tools:
                if t.get("name") == tool_name:
                    schema = t.get("input_schema")
        msgs = body.get("messages") if isinstance(body.get("messages"), list) else []
        users = [m for m in msgs if isinstance(m, dict) and m.get("role") == "user"]
        user_text = self._text_of(users[-1].get("content")) if users else ""
        prompt = self._text_of(body.get("system")) + "".join(
            self._text_of(m.get("content")) for m in msgs if isinstance(m, dict))
        doc = self._parse_doc(user_text)
        mode, content, fault = self._plan("anthropic", doc, schema, rec)
        if mode == "fault":
            return self._fault_reply("anthropic", fault, model, rec)
        kind = fault.kind if fault else None
        stop = "end_turn"
        if kind == "refusal":
            blocks, stop = [], "refusal"
        elif kind == "max_tokens":
            cut = json.dumps(content)
            blocks, stop = [{"type": "text", "text": cut[: max(1, len(cut) // 2)]}], "max_tokens"
        elif mode == "obj" and tool_name:
            blocks = [{"type": "tool_use", "id": f"toolu_fake{self._next_id()}",
                       "name": tool_name, "input": content}]
            stop = "tool_use"
        else:
            blocks = [{"type": "text",
                       "text": content if mode == "text" else json.dumps(content)}]
        out_text = "".join(json.dumps(b.get("input")) if b["type"] == "tool_use" else b["text"]
                           for b in blocks)
        env = {"id": f"msg_fake{self._next_id()}", "type": "message", "role": "assistant",
               "model": model, "content": blocks, "stop_reason": stop, "stop_sequence": None,
               "usage": {"input_tokens": _tokens(prompt), "output_tokens": _tokens(out_text),
                         "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0,
                         "service_tier": "standard"}}
        return self._envelope_reply("anthropic", env, fault,
                                    {"request-id": f"req_fake{self._next_id()}"})

    # -- Gemini
    @staticmethod
    def _gemini_error(status: int, state: str, message: str, details: list | None = None,
                      headers: dict | None = None) -> _Reply:
        err: dict = {"code": status, "message": message, "status": state}
        if details:
            err["details"] = details
        return _Reply(status, {"error": err}, headers)

    def _gemini_bad_key(self) -> _Reply:
        return self._gemini_error(400, "INVALID_ARGUMENT", GEMINI_BAD_KEY, [
            {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_INVALID",
             "domain": "googleapis.com",
             "metadata": {"service": "generativelanguage.googleapis.com"}},
            {"@type": "type.googleapis.com/google.rpc.LocalizedMessage", "locale": "en-US",
             "message": GEMINI_BAD_KEY}])

    def _gemini_auth(self, headers: dict, query: dict) -> _Reply | None:
        key = headers.get("x-goog-api-key") or (query.get("key") or [None])[0]
        if not key:
            return self._gemini_error(403, "PERMISSION_DENIED", GEMINI_NO_KEY)
        if key != self.keys["gemini"]:
            return self._gemini_bad_key()
        return None

    def _gemini_models(self, headers: dict, query: dict) -> _Reply:
        err = self._gemini_auth(headers, query)
        if err:
            return err
        return _Reply(200, {"models": [{
            "name": "models/gemini-fake", "displayName": "Gemini Fake", "version": "001",
            "supportedGenerationMethods": ["generateContent", "countTokens"]}]})

    def _gemini(self, model: str, version: str, headers: dict, query: dict, body: Any,
                raw: str, rec: dict) -> _Reply:
        rec["model"] = model
        err = self._gemini_auth(headers, query)
        if err:
            return err
        if not isinstance(body, dict):
            return self._gemini_error(400, "INVALID_ARGUMENT",
                                      "Invalid JSON payload received. Unexpected token.")
        contents = body.get("contents")
        if not contents:
            return self._gemini_error(400, "INVALID_ARGUMENT",
                                      "* GenerateContentRequest.contents: contents is not "
                                      "specified\n")
        gc = body.get("generationConfig") or body.get("generation_config") or {}
        schema = gc.get("responseJsonSchema") or gc.get("response_json_schema")
        old = gc.get("responseSchema") or gc.get("response_schema")
        if schema is None and old is not None:
            bad = _gemini_schema_problems(old, "generation_config.response_schema")
            if bad:
                msgs = [f"Invalid JSON payload received. Unknown name \"{bad[i + 1]}\" at "
                        f"'{bad[i]}': Cannot find field." for i in range(0, len(bad), 2)]
                return self._gemini_error(400, "INVALID_ARGUMENT", "\n".join(msgs), [
                    {"@type": "type.googleapis.com/google.rpc.BadRequest",
                     "fieldViolations": [{"field": bad[i], "description": m}
                                         for i, m in zip(range(0, len(bad), 2), msgs)]}])
            schema = old
        last = contents[-1] if isinstance(contents, list) and contents else {}
        user_text = "".join(p.get("text", "") for p in (last.get("parts") or [])
                            if isinstance(p, dict)) if isinstance(last, dict) else ""
        sys_parts = (body.get("systemInstruction") or body.get("system_instruction") or {})
        prompt = "".join(p.get("text", "") for p in (sys_parts.get("parts") or [])
                         if isinstance(p, dict)) if isinstance(sys_parts, dict) else ""
        for c in contents if isinstance(contents, list) else []:
            if isinstance(c, dict):
                prompt += "".join(p.get("text", "") for p in (c.get("parts") or [])
                                  if isinstance(p, dict))
        doc = self._parse_doc(user_text)
        mode, content, fault = self._plan("gemini", doc, schema, rec)
        if mode == "fault":
            return self._fault_reply("gemini", fault, model, rec)
        text = content if mode == "text" else json.dumps(content)
        kind = fault.kind if fault else None
        cand: dict = {"content": {"parts": [{"text": text}], "role": "model"},
                      "finishReason": "STOP", "index": 0}
        if kind == "max_tokens":
            text = text[: max(1, len(text) // 2)]
            cand["content"]["parts"][0]["text"], cand["finishReason"] = text, "MAX_TOKENS"
        elif kind == "refusal":
            text = ""
            cand = {"finishReason": "SAFETY", "index": 0, "safetyRatings": [
                {"category": "HARM_CATEGORY_DANGEROUS_CONTENT", "probability": "HIGH",
                 "blocked": True}]}
        p, c = _tokens(prompt), (_tokens(text) if text else 0)
        env = {"candidates": [cand],
               "usageMetadata": {"promptTokenCount": p, "candidatesTokenCount": c,
                                 "totalTokenCount": p + c,
                                 "promptTokensDetails": [{"modality": "TEXT", "tokenCount": p}]},
               "modelVersion": model, "responseId": f"fakeresp{self._next_id()}"}
        if kind == "refusal" and fault.options.get("blocked") == "prompt":
            del env["candidates"]
            env["promptFeedback"] = {"blockReason": "SAFETY", "safetyRatings": [
                {"category": "HARM_CATEGORY_DANGEROUS_CONTENT", "probability": "HIGH"}]}
        return self._envelope_reply("gemini", env, fault, {})

    # -- success envelope with transport faults applied
    def _envelope_reply(self, provider: str, env: dict, fault: Fault | None,
                        headers: dict) -> _Reply:
        kind = fault.kind if fault else None
        data = json.dumps(env).encode()
        if kind == "truncated":
            frac = float(fault.options.get("fraction", 0.5))
            return _Reply(200, raw=data[: max(1, int(len(data) * frac))], headers=headers)
        if kind == "timeout":
            waited_out = not self._closing.wait(float(fault.options.get("seconds", 30)))
            if not waited_out or fault.options.get("then") == "drop":
                return _Reply(action="drop")
        return _Reply(200, raw=data, headers=headers)

    # -- error faults
    def _fault_reply(self, provider: str, fault: Fault, model: Any, rec: dict) -> _Reply:
        kind, opt = fault.kind, fault.options
        msg = opt.get("message")
        model = model if isinstance(model, str) else "unknown"
        if kind == "reset":
            return _Reply(action="reset")
        if kind == "malformed":
            b = opt.get("body", "<html><body><h1>502 Bad Gateway</h1></body></html>")
            return _Reply(200, raw=b if isinstance(b, bytes) else str(b).encode(),
                          headers={"content-type": opt.get("content_type", "application/json")})
        if kind == "http":
            b = opt.get("body", "")
            raw = b if isinstance(b, bytes) else (json.dumps(b) if isinstance(b, (dict, list))
                                                  else str(b)).encode()
            return _Reply(int(opt.get("status", 500)), raw=raw, headers=opt.get("headers"))
        if kind == "auth":
            if provider == "openai":
                return self._openai_wrong_key(self.keys["openai"])
            if provider == "anthropic":
                return self._anthropic_error(401, "authentication_error",
                                             msg or "invalid x-api-key")
            return self._gemini_bad_key()
        if kind == "rate_limit":
            ra = opt.get("retry_after", 1)
            if provider == "openai":
                h = {"x-ratelimit-limit-requests": "3", "x-ratelimit-remaining-requests": "0",
                     "x-ratelimit-reset-requests": f"{ra if ra is not None else 20}s"}
                if ra is not None:
                    h["retry-after"] = str(ra)
                return self._openai_error(
                    429, msg or f"Rate limit reached for {model} in organization org-fake on "
                                f"requests per min (RPM): Limit 3, Used 3, Requested 1. Please "
                                f"try again in {ra if ra is not None else 20}s. Visit "
                                f"https://platform.openai.com/account/rate-limits to learn more.",
                    "requests", "rate_limit_exceeded", headers=h)
            if provider == "anthropic":
                h = {"anthropic-ratelimit-requests-limit": "50",
                     "anthropic-ratelimit-requests-remaining": "0",
                     "anthropic-ratelimit-requests-reset": time.strftime(
                         "%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + (ra or 60)))}
                if ra is not None:
                    h["retry-after"] = str(ra)
                return self._anthropic_error(
                    429, "rate_limit_error",
                    msg or "This request would exceed the rate limit for your organization of "
                           "50 requests per minute. For details, refer to: "
                           "https://docs.claude.com/en/api/rate-limits. You can see the response "
                           "headers for current usage. Please reduce the prompt length or the "
                           "maximum tokens requested, or try again later.", h)
            details = [self._gemini_quota_failure(model, per_day=False), self._gemini_help()]
            h = {}
            if ra is not None:
                details.append({"@type": "type.googleapis.com/google.rpc.RetryInfo",
                                "retryDelay": f"{ra}s"})
                if opt.get("header"):
                    h["retry-after"] = str(ra)
            text = msg or GEMINI_QUOTA_MESSAGE + (f" Please retry in {ra}.5s." if ra is not None
                                                  else "")
            return self._gemini_error(429, "RESOURCE_EXHAUSTED", text, details, h)
        if kind in ("quota", "credit", "billing"):
            if provider == "anthropic":
                if kind == "billing":
                    return self._anthropic_error(402, "billing_error", msg or CREDIT_MESSAGE)
                return self._anthropic_error(400, "invalid_request_error", msg or CREDIT_MESSAGE)
            if provider == "openai":
                return self._openai_error(429, msg or OPENAI_QUOTA_MESSAGE, "insufficient_quota",
                                          "insufficient_quota")
            return self._gemini_error(429, "RESOURCE_EXHAUSTED", msg or GEMINI_QUOTA_MESSAGE,
                                      [self._gemini_quota_failure(model, per_day=True),
                                       self._gemini_help()])
        if kind == "permission":
            if provider == "openai":
                return self._openai_error(403, msg or f"Project `proj_fake` does not have access "
                                                      f"to model `{model}`",
                                          "invalid_request_error", "model_not_found")
            if provider == "anthropic":
                return self._anthropic_error(403, "permission_error",
                                             msg or "Your API key does not have permission to "
                                                    "use the specified resource.")
            return self._gemini_error(403, "PERMISSION_DENIED",
                                      msg or "The caller does not have permission")
        if kind == "not_found":
            if provider == "openai":
                return self._openai_error(404, msg or f"The model `{model}` does not exist or you "
                                                      f"do not have access to it.",
                                          "invalid_request_error", "model_not_found")
            if provider == "anthropic":
                return self._anthropic_error(404, "not_found_error", msg or f"model: {model}")
            return self._gemini_error(
                404, "NOT_FOUND",
                msg or f"models/{model} is not found for API version v1beta, or is not "
                       f"supported for generateContent. Call ListModels to see the list of "
                       f"available models and their supported methods.")
        if kind == "server_error":
            if provider == "openai":
                return self._openai_error(500, msg or "The server had an error while processing "
                                                      "your request. Sorry about that!",
                                          "server_error", None)
            if provider == "anthropic":
                return self._anthropic_error(500, "api_error", msg or "Internal server error")
            return self._gemini_error(500, "INTERNAL",
                                      msg or "An internal error has occurred. Please retry or "
                                             "report in https://developers.generativeai.google/"
                                             "guide/troubleshooting")
        if kind == "overloaded":
            if provider == "openai":
                return self._openai_error(503, msg or "The engine is currently overloaded, "
                                                      "please try again later",
                                          "server_error", None)
            if provider == "anthropic":
                return self._anthropic_error(529, "overloaded_error", msg or "Overloaded")
            return self._gemini_error(503, "UNAVAILABLE",
                                      msg or "The model is overloaded. Please try again later.")
        raise AssertionError(f"unhandled fault {kind}")

    @staticmethod
    def _gemini_quota_failure(model: str, per_day: bool) -> dict:
        if per_day:
            qid, metric = ("GenerateRequestsPerDayPerProjectPerModel-FreeTier",
                           "generativelanguage.googleapis.com/generate_content_free_tier_requests")
        else:
            qid, metric = ("GenerateRequestsPerMinutePerProjectPerModel-FreeTier",
                           "generativelanguage.googleapis.com/generate_content_free_tier_requests")
        return {"@type": "type.googleapis.com/google.rpc.QuotaFailure",
                "violations": [{"quotaMetric": metric, "quotaId": qid,
                                "quotaDimensions": {"location": "global", "model": model},
                                "quotaValue": "250" if per_day else "10"}]}

    @staticmethod
    def _gemini_help() -> dict:
        return {"@type": "type.googleapis.com/google.rpc.Help",
                "links": [{"description": "Learn more about Gemini API quotas",
                           "url": "https://ai.google.dev/gemini-api/docs/rate-limits"}]}


class _Handler(BaseHTTPRequestHandler):
    owner: FakeAI
    protocol_version = "HTTP/1.1"
    server_version = "FakeAI/1.0"
    timeout = 60

    def setup(self) -> None:
        super().setup()
        # Headers and body leave in separate writes: without this, Nagle's algorithm holds
        # the body until the client's delayed ACK (40 ms), as no real provider does.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self.owner._lock:
            self.owner._conns.add(self.connection)
            self.owner._threads.add(threading.current_thread())

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            with self.owner._lock:
                self.owner._conns.discard(self.connection)
                self.owner._threads.discard(threading.current_thread())

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet
        pass

    def do_POST(self) -> None:
        self._serve("POST")

    def do_GET(self) -> None:
        self._serve("GET")

    def _read_body(self) -> bytes:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            out = b""
            while True:
                line = self.rfile.readline()
                size = int(line.split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return out
                out += self.rfile.read(size)
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _serve(self, method: str) -> None:
        fake = self.owner
        fake._enter()
        try:
            raw_bytes = self._read_body()
            raw = raw_bytes.decode("utf-8", "replace")
            split = urlsplit(self.path)
            headers: dict[str, str] = {}
            for k, v in self.headers.items():
                k = k.lower()
                headers[k] = f"{headers[k]}, {v}" if k in headers else v
            rec = {"provider": None, "method": method, "path": split.path,
                   "query": split.query, "headers": headers, "body": raw, "raw": raw,
                   "time": time.time(), "model": None, "task": None, "fault": None,
                   "status": None, "response": None}
            fake._record(rec)
            try:
                reply = fake._handle(method, split.path, parse_qs(split.query), headers, raw,
                                     rec)
            except Exception as exc:  # a bug in the fake: answer 500 and keep the trace
                fake.errors.append(f"{type(exc).__name__}: {exc}")
                reply = _Reply(500, {"error": {"message": f"fake_ai bug: {exc!r}"}})
            self._send(reply, rec)
        finally:
            fake._leave()

    def _send(self, reply: _Reply, rec: dict) -> None:
        if reply.action in ("reset", "drop") or self.owner._closing.is_set():
            self.close_connection = True
            if reply.action == "reset":
                try:
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                               struct.pack("ii", 1, 0))
                except OSError:
                    pass
            try:
                self.connection.close() if reply.action == "reset" else \
                    self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        data = reply.raw if reply.raw is not None else json.dumps(reply.body).encode()
        headers = {"content-type": "application/json; charset=utf-8"}
        headers.update({k.lower(): v for k, v in (reply.headers or {}).items()})
        # Recorded before sending: a client that has the answer must see it recorded.
        rec["status"] = reply.status
        rec["response"] = data.decode("utf-8", "replace")
        try:
            self.send_response(reply.status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            self.wfile.flush()
        except OSError:
            self.close_connection = True
