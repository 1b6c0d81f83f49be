// Settings of the AI providers (keys, base URLs, models, timeouts) and what generation needs
// from them: the endpoint of a provider and how to ask it.
#pragma once

#include "core/ai_http.hpp"

#include <string>

namespace cartridge::pg {

// Called by _PG_init.
void define_ai_settings();

// The provider's endpoint: base URL, model (the given one, else the setting) and key (the
// setting, else the environment). A missing one is an error whose hint names the setting.
ai::Endpoint ai_endpoint(const std::string& provider, const std::string& model);

// Concurrency, timeout and attempts from the settings, and the server's interrupt check.
ai::AskOptions ai_ask_options();

bool ai_log_prompts();

}  // namespace cartridge::pg
