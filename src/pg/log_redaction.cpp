// Keeps the AI providers' keys, and the passwords of connection strings given to cartridge
// functions, out of the server log. The postmaster logs every setting a
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

// Connection strings given to cartridge functions (cartridge_test_connection, remote
// scans): the value after "password=" and the password of a postgresql://user:password@
// URI become ********, in messages about a statement that calls a cartridge function.
bool redact_passwords(std::string& out) {
    bool changed = false;
    for (std::size_t at = out.find("password"); at != std::string::npos; at = out.find("password", at + 1)) {
        std::size_t i = at + std::strlen("password");
        while (i < out.size() && out[i] == ' ')
            i++;
        if (i >= out.size() || out[i] != '=')
            continue;
        i++;
        while (i < out.size() && out[i] == ' ')
            i++;
        std::size_t end = i;
        if (i < out.size() && out[i] == '\'') {  // a quoted value, its quotes doubled in SQL text
            end = i + 1;
            while (end < out.size() && out[end] == '\'')
                end++;
            const std::size_t close = out.find('\'', end);
            end = close == std::string::npos ? out.size() : close;
            while (end < out.size() && out[end] == '\'')
                end++;
        } else {
            while (end < out.size() && out[end] != ' ' && out[end] != '\'' && out[end] != '"' && out[end] != ')' &&
                   out[end] != ',')
                end++;
        }
        if (end > i) {
            out.replace(i, end - i, "********");
            changed = true;
        }
    }
    for (std::size_t at = out.find("://"); at != std::string::npos; at = out.find("://", at + 3)) {
        const std::size_t stop = out.find_first_of(" '\"/", at + 3);
        const std::size_t at_sign = out.find('@', at + 3);
        if (at_sign == std::string::npos || (stop != std::string::npos && stop < at_sign))
            continue;
        const std::size_t colon = out.find(':', at + 3);
        if (colon != std::string::npos && colon < at_sign) {
            out.replace(colon + 1, at_sign - colon - 1, "********");
            changed = true;
        }
    }
    return changed;
}

void mask(char** field, bool cartridge_statement) {
    if (!*field)
        return;
    const bool key = std::strstr(*field, marker) != nullptr;
    const bool password = cartridge_statement &&
                          (std::strstr(*field, "password") != nullptr || std::strstr(*field, "://") != nullptr);
    if (!key && !password)
        return;
    try {
        std::string redacted;
        bool changed = key && redact(*field, redacted);
        if (!changed)
            redacted = *field;
        if (password)
            changed = redact_passwords(redacted) || changed;
        if (changed)
            *field = pstrdup(redacted.c_str());  // in ErrorContext, current while reporting
    } catch (...) {
        *field = pstrdup("(a message about a secret, withheld)");
    }
}

void emit_log(ErrorData* edata) {
    // The statement calls a cartridge function: its text (log_statement), its parameters
    // (the DETAIL of an extended-protocol execute) and its errors may carry a connection string.
    const bool cartridge_statement = (debug_query_string && std::strstr(debug_query_string, "cartridge_")) ||
                                     (edata->message && std::strstr(edata->message, "cartridge_"));
    mask(&edata->message, cartridge_statement);
    mask(&edata->detail, cartridge_statement);
    mask(&edata->detail_log, cartridge_statement);
    if (debug_query_string &&
        (std::strstr(debug_query_string, marker) ||
         (std::strstr(debug_query_string, "cartridge_") &&
          (std::strstr(debug_query_string, "password") || std::strstr(debug_query_string, "://")))))
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
