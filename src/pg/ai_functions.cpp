// cartridge_test_provider(provider, model): one minimal real request to an AI provider, to
// check its settings (key, base URL, model) before a generation depends on them.
#include "pg/ai_settings.hpp"
#include "pg/datum.hpp"
#include "pg/guard.hpp"

#include "core/error.hpp"
#include "core/generate_options.hpp"

#include <nlohmann/json.hpp>

using cartridge::Error;
using nlohmann::json;

CARTRIDGE_FUNCTION(cartridge_test_provider) {
    const std::optional<std::string> provider = cartridge::pg::text_arg_pg(fcinfo, 0);
    if (!provider || *provider == "builtin" || !cartridge::ai::provider_named(*provider))
        throw Error(cartridge::sqlstate::invalid_parameter_value,
                    "\"" + provider.value_or("NULL") + "\" is not an AI provider",
                    "AI providers: openai, anthropic, gemini, openai_compatible.");
    const std::string model = cartridge::pg::text_arg_pg(fcinfo, 1).value_or("");
    const cartridge::ai::Endpoint endpoint = cartridge::pg::ai_endpoint(*provider, model);
    cartridge::ai::Prompt ping;
    ping.purpose = "test";
    ping.system = "You check that a connection works. Answer with the JSON document the schema describes.";
    ping.user = R"({"task": "ping"})";
    ping.schema_name = "ping";
    ping.schema = {{"type", "object"},
                   {"properties", {{"ok", {{"type", "boolean"}}}}},
                   {"required", {"ok"}},
                   {"additionalProperties", false}};
    ping.max_output_tokens = 64;
    cartridge::ai::AskOptions options = cartridge::pg::ai_ask_options();
    options.max_attempts = 1;  // a test says what happens, it does not insist
    const cartridge::ai::Call call = cartridge::ai::ask_all(endpoint, {ping}, options).at(0);
    const bool ok = call.answer.outcome == cartridge::ai::Outcome::ok;
    json result = {{"ok", ok},
                   {"provider", *provider},
                   {"model", endpoint.model},
                   {"latency_ms", std::round(call.latency_ms * 10) / 10},
                   {"http_status", call.http_status},
                   {"error", ok ? json(nullptr) : json(call.answer.error)}};
    return cartridge::pg::jsonb_result_pg(result.dump());
}
