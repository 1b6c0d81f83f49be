// The AI providers' settings, and the hook through which generation asks them.
//
// Keys: cartridge.<provider>_api_key, settable by superusers only (ALTER SYSTEM, or the
// server's configuration) and never shown: SHOW, current_setting() and pg_settings print
// "********" to everyone, superusers included, because a show hook answers for them. When
// the setting is empty the server's environment is read (OPENAI_API_KEY, ...). Base URLs are
// superuser-only too (a user could otherwise send the key to a server of their own); models,
// timeouts and concurrency are the user's.
#include "pg/ai_settings.hpp"

#include "core/error.hpp"
#include "pg/guard.hpp"

#include <fmt/format.h>

#include <cstdlib>

extern "C" {
#include "miscadmin.h"
#include "utils/guc.h"
}

namespace cartridge::pg {

namespace {

struct ProviderSettings {
    const char* name;
    const char* env_key;
    const char* default_base_url;
    const char* default_model;
    char* api_key = nullptr;
    char* base_url = nullptr;
    char* model = nullptr;
};

ProviderSettings providers[] = {
    {"openai", "OPENAI_API_KEY", "https://api.openai.com/v1", "gpt-4.1-mini"},
    {"openai_compatible", "OPENAI_COMPATIBLE_API_KEY", "", ""},
    {"anthropic", "ANTHROPIC_API_KEY", "https://api.anthropic.com", "claude-sonnet-4-5"},
    {"gemini", "GEMINI_API_KEY", "https://generativelanguage.googleapis.com", "gemini-2.5-flash"},
};

int request_timeout_ms = 60000;
int max_concurrent_requests = 8;
int request_attempts = 4;
bool log_prompts = false;

const char* show_masked() {
    return "********";
}

ProviderSettings& settings_of(ai::Provider provider) {
    const char* name = ai::provider_name(provider);
    for (ProviderSettings& p : providers)
        if (std::string(p.name) == name)
            return p;
    throw Error(sqlstate::internal_error, std::string("no settings for provider ") + name);
}

std::string trimmed_url(std::string url) {
    while (!url.empty() && url.back() == '/')
        url.pop_back();
    return url;
}

}  // namespace

void define_ai_settings() {
    for (ProviderSettings& p : providers) {
        const std::string prefix = std::string("cartridge.") + p.name;
        DefineCustomStringVariable(
            strdup((prefix + "_api_key").c_str()),
            strdup(fmt::format("API key of {} (superuser only; never shown). Empty: the environment variable {}.",
                               p.name, p.env_key)
                       .c_str()),
            nullptr, &p.api_key, "", PGC_SUSET, GUC_SUPERUSER_ONLY | GUC_NO_SHOW_ALL | GUC_NOT_IN_SAMPLE, nullptr,
            nullptr, show_masked);
        DefineCustomStringVariable(strdup((prefix + "_base_url").c_str()),
                                   strdup(fmt::format("Base URL of the {} API (superuser only).", p.name).c_str()),
                                   nullptr, &p.base_url, p.default_base_url, PGC_SUSET, 0, nullptr, nullptr, nullptr);
        DefineCustomStringVariable(strdup((prefix + "_model").c_str()),
                                   strdup(fmt::format("Model of {} when options do not name one.", p.name).c_str()),
                                   nullptr, &p.model, p.default_model, PGC_USERSET, 0, nullptr, nullptr, nullptr);
    }
    DefineCustomIntVariable("cartridge.request_timeout", "How long one request to an AI provider may take.", nullptr,
                            &request_timeout_ms, 60000, 100, 3600 * 1000, PGC_USERSET, GUC_UNIT_MS, nullptr, nullptr,
                            nullptr);
    DefineCustomIntVariable("cartridge.max_concurrent_requests",
                            "How many requests to an AI provider one generation has in flight at once.", nullptr,
                            &max_concurrent_requests, 8, 1, 64, PGC_USERSET, 0, nullptr, nullptr, nullptr);
    DefineCustomIntVariable("cartridge.request_attempts",
                            "How many times a request that failed in a way worth retrying is sent.", nullptr,
                            &request_attempts, 4, 1, 20, PGC_USERSET, 0, nullptr, nullptr, nullptr);
    DefineCustomBoolVariable("cartridge.log_prompts", "Store each AI request's prompt in cartridge.ai_requests.",
                             nullptr, &log_prompts, false, PGC_SUSET, 0, nullptr, nullptr, nullptr);
}

bool ai_log_prompts() {
    return log_prompts;
}

ai::Endpoint ai_endpoint(const std::string& provider_name, const std::string& model) {
    const auto provider = ai::provider_named(provider_name);
    if (!provider)
        throw Error(sqlstate::invalid_parameter_value, "\"" + provider_name + "\" is not an AI provider");
    ProviderSettings& p = settings_of(*provider);
    ai::Endpoint e;
    e.provider = *provider;
    e.base_url = trimmed_url(p.base_url ? p.base_url : "");
    e.model = model.empty() ? (p.model ? p.model : "") : model;
    e.api_key = p.api_key && *p.api_key ? p.api_key : "";
    if (e.api_key.empty())
        if (const char* env = std::getenv(p.env_key))
            e.api_key = env;
    const std::string prefix = std::string("cartridge.") + p.name;
    if (e.base_url.empty())
        throw Error(sqlstate::object_not_in_prerequisite_state, "no base URL for provider \"" + provider_name + "\"",
                    "A superuser sets " + prefix + "_base_url (for example ALTER SYSTEM SET " + prefix +
                        "_base_url = 'http://localhost:11434/v1'; SELECT pg_reload_conf();).");
    if (e.model.empty())
        throw Error(sqlstate::object_not_in_prerequisite_state, "no model for provider \"" + provider_name + "\"",
                    "Pass options => '{\"model\": \"...\"}' or set " + prefix + "_model.");
    if (e.api_key.empty() && *provider != ai::Provider::openai_compatible)
        throw Error(sqlstate::object_not_in_prerequisite_state, "no API key for provider \"" + provider_name + "\"",
                    "A superuser sets " + prefix + "_api_key (ALTER SYSTEM SET ...; SELECT pg_reload_conf();), or "
                        "the server's environment variable " + p.env_key + ".");
    return e;
}

ai::AskOptions ai_ask_options() {
    ai::AskOptions o;
    o.concurrency = max_concurrent_requests;
    o.timeout_ms = request_timeout_ms;
    o.max_attempts = request_attempts;
    o.check_interrupts = [] { check_for_interrupts_pg(); };
    return o;
}

}  // namespace cartridge::pg
