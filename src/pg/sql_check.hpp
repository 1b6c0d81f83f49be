// Checks a model's compiled SQL in the database: one plain SELECT that plans (see the .cpp).
#pragma once

#include "core/ai_wire.hpp"

#include <string>

namespace cartridge::pg {

// Its result columns, or the parser's, planner's (or with `run`, executor's) error. Rolled
// back: nothing stays.
cartridge::ai::SqlCheck check_sql_pg(const std::string& sql, bool run = false);

}  // namespace cartridge::pg
