#include "core/ai_wire.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

namespace cartridge::ai {

using nlohmann::json;

namespace {

constexpr const char* anthropic_version = "2023-06-01";

// Text the provider wrote, made safe to show: never the key, never a whole page.
std::string scrubbed(std::string text, const Endpoint& endpoint) {
    if (!endpoint.api_key.empty())
        for (auto at = text.find(endpoint.api_key); at != std::string::npos; at = text.find(endpoint.api_key))
            text.replace(at, endpoint.api_key.size(), "<key>");
    if (text.size() > 300)
        text = text.substr(0, 297) + "...";
    return text;
}

// The provider's own error message and code, from any of the three error shapes.
struct ProviderError {
    std::string message;
    std::string code;    // OpenAI error.code or error.type; Anthropic error.type; Gemini error.status
    json details = json::array();  // Gemini error.details
};

ProviderError provider_error(const std::string& body) {
    ProviderError e;
    json doc = json::parse(body, nullptr, false);
    if (!doc.is_object())
        return e;
    const json* error = doc.contains("error") ? &doc["error"] : nullptr;
    if (!error || !error->is_object())
        return e;
    e.message = error->value("message", "");
    if (error->contains("code") && (*error)["code"].is_string())
        e.code = (*error)["code"].get<std::string>();
    if (e.code.empty() && error->contains("type") && (*error)["type"].is_string())
        e.code = (*error)["type"].get<std::string>();
    if (error->contains("status") && (*error)["status"].is_string())
        e.code = (*error)["status"].get<std::string>();
    if (error->contains("details") && (*error)["details"].is_array())
        e.details = (*error)["details"];
    return e;
}

const json* gemini_detail(const ProviderError& e, const char* type_suffix) {
    for (const json& d : e.details)
        if (d.is_object() && d.value("@type", "").find(type_suffix) != std::string::npos)
            return &d;
    return nullptr;
}

Answer failed(Outcome outcome, std::string error) {
    Answer a;
    a.outcome = outcome;
    a.error = std::move(error);
    return a;
}

long integer_at(const json& doc, const char* a, const char* b) {
    if (doc.contains(a) && doc[a].is_object() && doc[a].contains(b) && doc[a][b].is_number_integer())
        return doc[a][b].get<long>();
    return 0;
}

// The answer document of a 200 response, or why there is none.
Answer parse_success(const Endpoint& endpoint, const std::string& body, const json& schema) {
    json doc = json::parse(body, nullptr, false);
    if (!doc.is_object())
        return failed(Outcome::retry, "the response is not JSON (malformed or cut short)");
    Answer a;
    json document;
    std::string text;
    bool have_text = false;
    switch (endpoint.provider) {
    case Provider::openai:
    case Provider::openai_compatible: {
        a.prompt_tokens = integer_at(doc, "usage", "prompt_tokens");
        a.completion_tokens = integer_at(doc, "usage", "completion_tokens");
        if (!doc.contains("choices") || !doc["choices"].is_array() || doc["choices"].empty())
            return failed(Outcome::retry, "the response has no choices");
        const json& choice = doc["choices"][0];
        if (choice.value("finish_reason", "") == "length")
            return failed(Outcome::retry, "the answer was cut at the output token limit");
        const json message = choice.value("message", json::object());
        if (message.contains("refusal") && message["refusal"].is_string())
            return failed(Outcome::fail, "the model refused: " + scrubbed(message["refusal"].get<std::string>(), endpoint));
        if (!message.contains("content") || !message["content"].is_string())
            return failed(Outcome::retry, "the response has no message content");
        text = message["content"].get<std::string>();
        have_text = true;
        break;
    }
    case Provider::anthropic: {
        a.prompt_tokens = integer_at(doc, "usage", "input_tokens");
        a.completion_tokens = integer_at(doc, "usage", "output_tokens");
        if (doc.value("stop_reason", "") == "max_tokens")
            return failed(Outcome::retry, "the answer was cut at the output token limit");
        if (doc.value("stop_reason", "") == "refusal")
            return failed(Outcome::fail, "the model refused to answer");
        for (const json& block : doc.value("content", json::array()))
            if (block.is_object() && block.value("type", "") == "tool_use" && block.contains("input"))
                document = block["input"];
        if (document.is_null())
            return failed(Outcome::retry, "the response has no tool call with the answer");
        break;
    }
    case Provider::gemini: {
        a.prompt_tokens = integer_at(doc, "usageMetadata", "promptTokenCount");
        a.completion_tokens = integer_at(doc, "usageMetadata", "candidatesTokenCount");
        if (!doc.contains("candidates") || !doc["candidates"].is_array() || doc["candidates"].empty()) {
            const std::string blocked = doc.contains("promptFeedback") && doc["promptFeedback"].is_object()
                                            ? doc["promptFeedback"].value("blockReason", "")
                                            : "";
            return blocked.empty() ? failed(Outcome::retry, "the response has no candidates")
                                   : failed(Outcome::fail, "the prompt was blocked (" + blocked + ")");
        }
        const json& candidate = doc["candidates"][0];
        if (candidate.value("finishReason", "") == "MAX_TOKENS")
            return failed(Outcome::retry, "the answer was cut at the output token limit");
        if (candidate.value("finishReason", "") == "SAFETY")
            return failed(Outcome::fail, "the answer was blocked (SAFETY)");
        if (candidate.contains("content") && candidate["content"].is_object())
            for (const json& part : candidate["content"].value("parts", json::array()))
                if (part.is_object() && part.contains("text") && part["text"].is_string()) {
                    text += part["text"].get<std::string>();
                    have_text = true;
                }
        if (!have_text)
            return failed(Outcome::retry, "the response has no text part");
        break;
    }
    }
    if (have_text) {
        document = json::parse(text, nullptr, false);
        if (document.is_discarded())
            return failed(Outcome::retry, "the answer is not a JSON document");
    }
    const std::string mismatch = schema_mismatch(document, schema);
    if (!mismatch.empty()) {
        Answer bad = failed(Outcome::retry, "the answer does not follow the schema: " + mismatch);
        bad.prompt_tokens = a.prompt_tokens;
        bad.completion_tokens = a.completion_tokens;
        return bad;
    }
    a.outcome = Outcome::ok;
    a.document = std::move(document);
    return a;
}

}  // namespace

std::optional<Provider> provider_named(const std::string& name) {
    if (name == "openai")
        return Provider::openai;
    if (name == "openai_compatible")
        return Provider::openai_compatible;
    if (name == "anthropic")
        return Provider::anthropic;
    if (name == "gemini")
        return Provider::gemini;
    return std::nullopt;
}

const char* provider_name(Provider provider) {
    switch (provider) {
    case Provider::openai:
        return "openai";
    case Provider::openai_compatible:
        return "openai_compatible";
    case Provider::anthropic:
        return "anthropic";
    case Provider::gemini:
        return "gemini";
    }
    return "?";
}

HttpRequest build_request(const Endpoint& endpoint, const Prompt& prompt) {
    HttpRequest r;
    r.headers.push_back("Content-Type: application/json");
    json body;
    switch (endpoint.provider) {
    case Provider::openai:
    case Provider::openai_compatible:
        r.url = endpoint.base_url + "/chat/completions";
        if (!endpoint.api_key.empty())
            r.headers.push_back("Authorization: Bearer " + endpoint.api_key);
        body["model"] = endpoint.model;
        body["messages"] = json::array({{{"role", "system"}, {"content", prompt.system}},
                                        {{"role", "user"}, {"content", prompt.user}}});
        body["response_format"] = {
            {"type", "json_schema"},
            {"json_schema", {{"name", prompt.schema_name}, {"strict", true}, {"schema", prompt.schema}}}};
        // OpenAI's current name; servers that copy the older API know max_tokens.
        body[endpoint.provider == Provider::openai ? "max_completion_tokens" : "max_tokens"] =
            prompt.max_output_tokens;
        break;
    case Provider::anthropic:
        r.url = endpoint.base_url + "/v1/messages";
        r.headers.push_back("x-api-key: " + endpoint.api_key);
        r.headers.push_back(std::string("anthropic-version: ") + anthropic_version);
        body["model"] = endpoint.model;
        body["max_tokens"] = prompt.max_output_tokens;
        body["system"] = prompt.system;
        body["messages"] = json::array({{{"role", "user"}, {"content", prompt.user}}});
        body["tools"] = json::array({{{"name", prompt.schema_name},
                                      {"description", "Records the answer. Call it exactly once."},
                                      {"input_schema", prompt.schema}}});
        body["tool_choice"] = {{"type", "tool"}, {"name", prompt.schema_name}};
        break;
    case Provider::gemini:
        r.url = endpoint.base_url + "/v1beta/models/" + endpoint.model + ":generateContent";
        r.headers.push_back("x-goog-api-key: " + endpoint.api_key);
        body["systemInstruction"] = {{"parts", json::array({{{"text", prompt.system}}})}};
        body["contents"] = json::array({{{"role", "user"}, {"parts", json::array({{{"text", prompt.user}}})}}});
        body["generationConfig"] = {{"responseMimeType", "application/json"},
                                    {"responseJsonSchema", prompt.schema},
                                    {"maxOutputTokens", prompt.max_output_tokens}};
        break;
    }
    r.body = body.dump();
    return r;
}

Answer interpret(const Endpoint& endpoint, const HttpResponse& response, const json& schema) {
    if (response.status == 0)
        return failed(Outcome::retry, response.timed_out ? "no answer before cartridge.request_timeout"
                                                         : "connection failed: " + response.transport_error);
    if (response.status == 200)
        return parse_success(endpoint, response.body, schema);
    const ProviderError e = provider_error(response.body);
    const std::string said = e.message.empty() ? "" : ": " + scrubbed(e.message, endpoint);
    const long status = response.status;
    Answer a;
    if (auto h = response.headers.find("retry-after"); h != response.headers.end())
        a.retry_after = parse_delay(h->second);
    auto fail = [&](std::string why) { return failed(Outcome::fail, std::move(why)); };
    if (status == 401 || status == 403)
        return fail(fmt::format("the provider refused the API key (HTTP {}){}", status, said));
    if (status == 402 || e.message.find("credit balance") != std::string::npos)
        return fail(fmt::format("the account has no credit left (HTTP {}){}", status, said));
    if (status == 404)
        return fail(fmt::format("the provider does not know model \"{}\" (HTTP 404){}", endpoint.model, said));
    if (status == 400) {
        const json* info = gemini_detail(e, "google.rpc.ErrorInfo");
        if ((info && info->value("reason", "") == "API_KEY_INVALID") ||
            e.message.find("API key not valid") != std::string::npos)
            return fail("the provider refused the API key (HTTP 400 API_KEY_INVALID)");
        return fail(fmt::format("the provider rejected the request (HTTP 400){}", said));
    }
    if (status == 429) {
        if (e.code == "insufficient_quota")
            return fail("the account's quota is exhausted (HTTP 429 insufficient_quota)" + said);
        if (endpoint.provider == Provider::gemini) {
            const json* retry = gemini_detail(e, "google.rpc.RetryInfo");
            if (retry && retry->contains("retryDelay") && (*retry)["retryDelay"].is_string())
                a.retry_after = parse_delay((*retry)["retryDelay"].get<std::string>());
            else if (gemini_detail(e, "google.rpc.QuotaFailure"))
                return fail("the account's quota is exhausted (HTTP 429 RESOURCE_EXHAUSTED)" + said);
        }
        a.outcome = Outcome::retry;
        a.error = "rate limited (HTTP 429)" + said;
        return a;
    }
    if (status == 408 || status == 409 || status >= 500) {
        a.outcome = Outcome::retry;
        a.error = fmt::format("the provider failed (HTTP {}){}", status, said);
        return a;
    }
    return fail(fmt::format("unexpected HTTP {}{}", status, said));
}

std::string schema_mismatch(const json& value, const json& schema, const std::string& path) {
    if (!schema.is_object())
        return {};
    if (schema.contains("enum") && schema["enum"].is_array()) {
        bool found = false;
        for (const json& v : schema["enum"])
            found = found || v == value;
        if (!found)
            return path + ": not one of the allowed values";
    }
    const std::string type = schema.value("type", "");
    if (type == "object") {
        if (!value.is_object())
            return path + ": expected an object";
        const json properties = schema.value("properties", json::object());
        for (const json& name : schema.value("required", json::array()))
            if (name.is_string() && !value.contains(name.get<std::string>()))
                return path + ": missing \"" + name.get<std::string>() + "\"";
        for (const auto& [key, v] : value.items()) {
            if (properties.contains(key)) {
                std::string inner = schema_mismatch(v, properties[key], path + "." + key);
                if (!inner.empty())
                    return inner;
            } else if (schema.contains("additionalProperties") && schema["additionalProperties"] == false) {
                return path + ": unexpected \"" + key + "\"";
            }
        }
    } else if (type == "array") {
        if (!value.is_array())
            return path + ": expected an array";
        if (schema.contains("items"))
            for (std::size_t i = 0; i < value.size(); i++) {
                std::string inner = schema_mismatch(value[i], schema["items"], fmt::format("{}[{}]", path, i));
                if (!inner.empty())
                    return inner;
            }
    } else if (type == "string" && !value.is_string()) {
        return path + ": expected a string";
    } else if (type == "integer" && !value.is_number_integer()) {
        return path + ": expected an integer";
    } else if (type == "number" && !value.is_number()) {
        return path + ": expected a number";
    } else if (type == "boolean" && !value.is_boolean()) {
        return path + ": expected a boolean";
    }
    return {};
}

std::optional<double> parse_delay(const std::string& text) {
    if (text.empty())
        return std::nullopt;
    char* end = nullptr;
    const double seconds = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || !std::isfinite(seconds) || seconds < 0)
        return std::nullopt;
    const std::string rest(end);
    if (!rest.empty() && rest != "s")
        return std::nullopt;
    return seconds;
}

}  // namespace cartridge::ai
