// Keeps the AI providers' keys out of the server log. The postmaster logs every setting a
// reload changes with its new value ("parameter "cartridge.openai_api_key" changed to
// "sk-..."), and log_statement or an error's STATEMENT line may show an ALTER SYSTEM or SET
// that carries one. An emit_log_hook (installed in every process, the postmaster included
// when the library is preloaded) masks the quoted value after "_api_key" in the message and
// its detail, and hides the statement of a message whose statement names a key setting.
#include "pg/log_redaction.hpp"

#include <cstring>
#include <string>

extern "C" {
#include "postgres.h"
#include "tcop/tcopprot.h"
#include "utils/elog.h"
}

namespace cartridge::pg {

namespace {

emit_log_hook_type previous_hook = nullptr;

constexpr const char* marker = "_api_key";

// The text with every quoted value that follows "_api_key" (within a few characters:
// `" changed to "`, `' = '`, ` TO '`) replaced by ********; nullopt when nothing changed.
bool redact(const char* text, std::string& out) {
    out = text;
    bool changed = false;
    for (std::size_t at = out.find(marker); at != std::string::npos; at = out.find(marker, at + 1)) {
        std::size_t open = at + std::strlen(marker);
        // skip the closing quote of the name itself, then look for the value's opening quote
        if (open < out.size() && (out[open] == '"' || out[open] == '\''))
            open++;
        const std::size_t limit = std::min(out.size(), open + 16);
        std::size_t quote = std::string::npos;
        for (std::size_t i = open; i < limit; i++)
            if (out[i] == '"' || out[i] == '\'') {
                quote = i;
                break;
            }
        if (quote == std::string::npos)
            continue;
        const std::size_t close = out.find(out[quote], quote + 1);
        const std::size_t end = close == std::string::npos ? out.size() : close;
        out.replace(quote + 1, end - quote - 1, "********");
        changed = true;
        at = quote;
    }
    return changed;
}

void mask(char** field) {
    if (!*field || !std::strstr(*field, marker))
        return;
    try {
        std::string redacted;
        if (redact(*field, redacted))
            *field = pstrdup(redacted.c_str());  // in ErrorContext, current while reporting
    } catch (...) {
        *field = pstrdup("(a message about an API key setting, withheld)");
    }
}

void emit_log(ErrorData* edata) {
    mask(&edata->message);
    mask(&edata->detail);
    mask(&edata->detail_log);
    if (debug_query_string && std::strstr(debug_query_string, marker))
        edata->hide_stmt = true;
    if (previous_hook)
        previous_hook(edata);
}

}  // namespace

void install_log_redaction() {
    previous_hook = emit_log_hook;
    emit_log_hook = emit_log;
}

}  // namespace cartridge::pg
