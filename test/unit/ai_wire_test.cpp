#include "core/ai_wire.hpp"

#include <gtest/gtest.h>

using namespace cartridge::ai;
using nlohmann::json;

namespace {

const json schema = json::parse(R"({"type": "object", "properties": {"overview": {"type": "string"}},
                                    "required": ["overview"], "additionalProperties": false})");

Endpoint endpoint(Provider p) {
    return {p, "http://127.0.0.1:9/v1", "sk-secret-key", "m1"};
}

HttpResponse response(long status, std::string body, std::map<std::string, std::string> headers = {}) {
    HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    r.headers = std::move(headers);
    return r;
}

}  // namespace

TEST(AiWire, RequestsSpeakEachProvidersFormat) {
    Prompt p{"describe x", "system text", "{\"task\": \"ping\"}", "answer", schema, 100};
    HttpRequest openai = build_request(endpoint(Provider::openai), p);
    EXPECT_EQ(openai.url, "http://127.0.0.1:9/v1/chat/completions");
    EXPECT_NE(std::find(openai.headers.begin(), openai.headers.end(), "Authorization: Bearer sk-secret-key"),
              openai.headers.end());
    json body = json::parse(openai.body);
    EXPECT_EQ(body["response_format"]["json_schema"]["strict"], true);
    EXPECT_EQ(body["messages"][1]["content"], "{\"task\": \"ping\"}");
    HttpRequest anthropic = build_request(endpoint(Provider::anthropic), p);
    EXPECT_EQ(anthropic.url, "http://127.0.0.1:9/v1/v1/messages");
    body = json::parse(anthropic.body);
    EXPECT_EQ(body["tool_choice"]["name"], "answer");
    EXPECT_EQ(body["tools"][0]["input_schema"], schema);
    HttpRequest gemini = build_request(endpoint(Provider::gemini), p);
    EXPECT_EQ(gemini.url, "http://127.0.0.1:9/v1/v1beta/models/m1:generateContent");
    EXPECT_EQ(json::parse(gemini.body)["generationConfig"]["responseJsonSchema"], schema);
    EXPECT_EQ(gemini.url.find("sk-secret-key"), std::string::npos) << "the key never goes in a URL";
}

TEST(AiWire, AnswersAreParsedAndCheckedAgainstTheSchema) {
    Answer a = interpret(endpoint(Provider::openai),
                         response(200, R"({"choices": [{"message": {"content": "{\"overview\": \"hi\"}"},
                                           "finish_reason": "stop"}], "usage": {"prompt_tokens": 7,
                                           "completion_tokens": 3}})"),
                         schema);
    EXPECT_EQ(a.outcome, Outcome::ok);
    EXPECT_EQ(a.document["overview"], "hi");
    EXPECT_EQ(a.prompt_tokens, 7);
    a = interpret(endpoint(Provider::anthropic),
                  response(200, R"({"content": [{"type": "tool_use", "name": "answer", "input": {"overview": 1}}]})"),
                  schema);
    EXPECT_EQ(a.outcome, Outcome::retry) << "an answer off the schema is asked again";
    a = interpret(endpoint(Provider::gemini), response(200, R"({"candidates": [{"content": {"parts": [{"text": "{\"overv)"), schema);
    EXPECT_EQ(a.outcome, Outcome::retry) << "truncated";
}

TEST(AiWire, ErrorsThatCannotSucceedFailAndOthersRetry) {
    auto outcome = [](Provider p, long status, const char* body, std::map<std::string, std::string> h = {}) {
        return interpret(endpoint(p), response(status, body, std::move(h)), schema);
    };
    Answer a = outcome(Provider::openai, 429, R"({"error": {"message": "m", "type": "requests", "code": "rate_limit_exceeded"}})",
                       {{"retry-after", "2"}});
    EXPECT_EQ(a.outcome, Outcome::retry);
    EXPECT_DOUBLE_EQ(*a.retry_after, 2);
    EXPECT_EQ(outcome(Provider::openai, 429, R"({"error": {"message": "m", "type": "insufficient_quota", "code": "insufficient_quota"}})").outcome,
              Outcome::fail);
    a = outcome(Provider::gemini, 429, R"({"error": {"code": 429, "status": "RESOURCE_EXHAUSTED", "message": "m", "details": [
        {"@type": "type.googleapis.com/google.rpc.QuotaFailure"}, {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "7s"}]}})");
    EXPECT_EQ(a.outcome, Outcome::retry) << "a rate limit, with its delay";
    EXPECT_DOUBLE_EQ(*a.retry_after, 7);
    EXPECT_EQ(outcome(Provider::gemini, 429, R"({"error": {"code": 429, "status": "RESOURCE_EXHAUSTED", "message": "m", "details": [
        {"@type": "type.googleapis.com/google.rpc.QuotaFailure"}]}})").outcome, Outcome::fail) << "quota exhausted";
    EXPECT_EQ(outcome(Provider::gemini, 400, R"({"error": {"code": 400, "status": "INVALID_ARGUMENT", "message": "API key not valid.",
        "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_INVALID"}]}})").outcome, Outcome::fail);
    EXPECT_EQ(outcome(Provider::anthropic, 400, R"({"type": "error", "error": {"type": "invalid_request_error",
        "message": "Your credit balance is too low to access the Anthropic API."}})").outcome, Outcome::fail);
    EXPECT_EQ(outcome(Provider::anthropic, 529, R"({"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}})").outcome,
              Outcome::retry);
    EXPECT_EQ(outcome(Provider::openai, 500, "oops").outcome, Outcome::retry);
    a = outcome(Provider::openai, 401, R"({"error": {"message": "Incorrect API key provided: sk-secret-key.", "code": "invalid_api_key"}})");
    EXPECT_EQ(a.outcome, Outcome::fail);
    EXPECT_EQ(a.error.find("sk-secret-key"), std::string::npos) << a.error;
    HttpResponse timeout;
    timeout.timed_out = true;
    EXPECT_EQ(interpret(endpoint(Provider::openai), timeout, schema).outcome, Outcome::retry);
}

TEST(AiWire, SchemaMismatchNamesThePath) {
    const json s = json::parse(R"({"type": "object", "properties": {"columns": {"type": "array", "items": {"type": "object",
        "properties": {"name": {"type": "string"}}, "required": ["name"], "additionalProperties": false}}},
        "required": ["columns"], "additionalProperties": false})");
    EXPECT_EQ(schema_mismatch(json::parse(R"({"columns": [{"name": "a"}]})"), s), "");
    EXPECT_EQ(schema_mismatch(json::parse(R"({"columns": [{"name": 1}]})"), s), "$.columns[0].name: expected a string");
    EXPECT_EQ(schema_mismatch(json::parse(R"({"columns": [], "x": 1})"), s), "$: unexpected \"x\"");
    EXPECT_EQ(schema_mismatch(json::parse(R"({})"), s), "$: missing \"columns\"");
    EXPECT_EQ(*parse_delay("1.5s"), 1.5);
    EXPECT_FALSE(parse_delay("soon"));
}

#include "core/ai_sql.hpp"
#include "core/dbt_project.hpp"
#include "sample_schemas.hpp"

TEST(AiSql, CompilesRefsIntoCtesAndRefusesOtherJinja) {
    using namespace cartridge;
    Schema schema = cartridge::testing::shop_schema();
    dbt::Plan plan = dbt::build_plan(schema, GenerateOptions{}, GenerateHooks{});
    dbt::CompiledSql c = dbt::compile_model_sql(plan, "with x as (select * from {{ ref('stg_public__orders') }})\n"
                                                      "select * from x join {{ ref(\"stg_public__orders\") }} o using (order_id)");
    ASSERT_EQ(c.error, "");
    EXPECT_EQ(c.sql.rfind("with cartridge_ref_1 as (\n", 0), 0u) << c.sql;
    EXPECT_NE(c.sql.find("from \"public\".\"orders\""), std::string::npos) << "the source is the real table";
    EXPECT_NE(c.sql.find(",\nx as (select * from cartridge_ref_1)"), std::string::npos) << c.sql;
    EXPECT_NE(c.sql.find("join cartridge_ref_1 o"), std::string::npos) << "one CTE per model";
    EXPECT_EQ(dbt::compile_model_sql(plan, "{{ config(materialized='table') }} select 1").sql, " select 1");
    EXPECT_NE(dbt::compile_model_sql(plan, "select * from {{ ref('fct_orders') }}").error.find("not a staging model"),
              std::string::npos);
    EXPECT_NE(dbt::compile_model_sql(plan, "{{ run_query('drop table x') }}").error.find("only {{ ref"),
              std::string::npos);
    EXPECT_NE(dbt::compile_model_sql(plan, "{% set x = 1 %} select 1").error.find("not allowed"), std::string::npos);
    EXPECT_EQ(dbt::compile_model_sql(plan, "select * from {{ source('public', 'orders') }}").sql,
              "select * from \"public\".\"orders\"");
}
