// Guarded conversions between SQL arguments/results and C++ values.
#pragma once

#include "pg/guard.hpp"

#include <optional>
#include <string>

namespace cartridge::pg {

std::optional<std::string> text_arg_pg(FunctionCallInfo fcinfo, int n);
std::optional<std::string> jsonb_arg_as_text_pg(FunctionCallInfo fcinfo, int n);
Datum text_result_pg(const std::string& value);
Datum jsonb_result_pg(const std::string& json_text);

}  // namespace cartridge::pg
