// The wire formats of the AI providers, without any I/O: the HTTP request that asks one
// question with a strict JSON answer, and what a response means (an answer, an error worth
// retrying, or one that cannot succeed). The transport is ai_http; the callers are the
// generation steps that ask.
//
//   openai             POST {base}/chat/completions, Authorization: Bearer, response_format
//                      json_schema (strict); answer in choices[0].message.content
//   openai_compatible  the same at any base URL (Ollama, vLLM, LiteLLM, a proxy); the key is
//                      optional
//   anthropic          POST {base}/v1/messages, x-api-key, anthropic-version 2023-06-01; the
//                      answer is a forced tool call (tool_choice), its input the document
//   gemini             POST {base}/v1beta/models/{model}:generateContent, x-goog-api-key,
//                      generationConfig.responseMimeType application/json + responseJsonSchema;
//                      answer in candidates[0].content.parts[].text
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cartridge::ai {

enum class Provider { openai, openai_compatible, anthropic, gemini };

// "openai", ... ; nullopt for "builtin" and unknown names.
std::optional<Provider> provider_named(const std::string& name);
const char* provider_name(Provider provider);

struct Endpoint {
    Provider provider = Provider::openai;
    std::string base_url;  // without a trailing slash
    std::string api_key;   // may be empty for openai_compatible
    std::string model;
};

// One question: instructions, the document asked about (JSON text), and the JSON schema the
// answer must follow (an object schema; every property required, no others).
struct Prompt {
    std::string purpose;      // what it is for, for cartridge.ai_requests ("describe public.orders")
    std::string system;
    std::string user;
    std::string schema_name;  // [a-zA-Z0-9_-], for the providers that name it
    nlohmann::json schema;
    int max_output_tokens = 4096;
};

struct HttpRequest {
    std::string url;
    std::vector<std::string> headers;  // "Name: value"; the key is in one of them
    std::string body;
};

HttpRequest build_request(const Endpoint& endpoint, const Prompt& prompt);

struct HttpResponse {
    long status = 0;                              // 0: no HTTP response
    std::map<std::string, std::string> headers;  // names lower-case
    std::string body;
    std::string transport_error;  // curl's message when the transfer failed
    bool timed_out = false;
};

enum class Outcome { ok, retry, fail };

struct Answer {
    Outcome outcome = Outcome::fail;
    nlohmann::json document;             // the answer, when ok
    std::optional<double> retry_after;   // seconds the provider asked to wait
    std::string error;                   // what went wrong, for people (never the key)
    long prompt_tokens = 0;
    long completion_tokens = 0;
};

// What a response means. A 200 whose document does not follow the schema is worth a retry
// (the model may answer well next time); a wrong key, an exhausted quota or credit, an
// unknown model are not, and say so.
Answer interpret(const Endpoint& endpoint, const HttpResponse& response, const nlohmann::json& schema);

// The subset of JSON Schema the prompts use: type (object, array, string, integer, number,
// boolean), properties, required, additionalProperties false, items, enum. Returns the
// first mismatch as a path and reason, or empty when the value conforms.
std::string schema_mismatch(const nlohmann::json& value, const nlohmann::json& schema, const std::string& path = "$");

// What the server says of a model's compiled SQL (parsed, planned as the calling role): its
// output columns, or why it failed.
struct SqlCheck {
    std::string error;
    std::vector<std::string> columns;
    std::vector<std::string> types;  // of the columns, as format_type prints them
};

// Seconds from a Retry-After header (delta-seconds; HTTP dates are not used by the providers)
// or from a Gemini RetryInfo retryDelay ("30s", "1.5s").
std::optional<double> parse_delay(const std::string& text);

}  // namespace cartridge::ai
