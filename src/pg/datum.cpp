#include "pg/datum.hpp"

extern "C" {
#include "utils/builtins.h"
#include "utils/jsonb.h"
}

namespace cartridge::pg {

std::optional<std::string> text_arg_pg(FunctionCallInfo fcinfo, int n) {
    if (PG_ARGISNULL(n))
        return std::nullopt;
    char* value = pg_call([fcinfo, n] { return text_to_cstring(PG_GETARG_TEXT_PP(n)); });
    std::string copy(value);
    pfree(value);
    return copy;
}

std::optional<std::string> jsonb_arg_as_text_pg(FunctionCallInfo fcinfo, int n) {
    if (PG_ARGISNULL(n))
        return std::nullopt;
    char* value = pg_call([fcinfo, n] {
        Jsonb* jsonb = PG_GETARG_JSONB_P(n);
        return JsonbToCString(nullptr, &jsonb->root, VARSIZE(jsonb));
    });
    std::string copy(value);
    pfree(value);
    return copy;
}

Datum text_result_pg(const std::string& value) {
    const char* data = value.data();
    const size_t size = value.size();
    return pg_call([data, size] { return PointerGetDatum(cstring_to_text_with_len(data, size)); });
}

Datum jsonb_result_pg(const std::string& json_text) {
    const char* text = json_text.c_str();
    return pg_call([text] { return DirectFunctionCall1(jsonb_in, CStringGetDatum(text)); });
}

}  // namespace cartridge::pg
