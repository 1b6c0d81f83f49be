// Checks a model's compiled SQL in the database: one plain SELECT that plans (see the .cpp).
#pragma once

#include "core/ai_wire.hpp"

#include <string>

namespace cartridge::pg {

// Its result columns, or the parser's or planner's error. Rolled back: nothing stays.
cartridge::ai::SqlCheck check_sql_pg(const std::string& sql);

}  // namespace cartridge::pg
