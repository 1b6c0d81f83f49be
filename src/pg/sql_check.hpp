// Checks a model's compiled SQL in the database: one plain SELECT that plans (see the .cpp).
#pragma once

#include "core/ai_wire.hpp"
#include "pg/remote.hpp"

#include <functional>
#include <memory>
#include <string>

namespace cartridge::pg {

// Its result columns, or the parser's, planner's (or with `run`, executor's) error. Rolled
// back: nothing stays.
cartridge::ai::SqlCheck check_sql_pg(const std::string& sql, bool run = false);

// Why the SQL is not one plain SELECT (PostgreSQL's own parser), or empty when it is.
std::string select_shape_problem_pg(const std::string& sql);

// The same check on the remote server a scan read: parsed here, then prepared, described,
// planned (and with `run`, executed) there inside a savepoint that is rolled back.
cartridge::ai::SqlCheck check_sql_remote_pg(RemoteReader& remote, const std::string& sql, bool run = false);

// The check of a generation's SQL: in this database, or for a project of a remote scan, on
// the server it read (`remote_options`: the scan's options, naming its foreign server),
// connected on first use and kept for the generation's next checks.
std::function<cartridge::ai::SqlCheck(const std::string&, bool)> sql_checker_pg(const nlohmann::json& remote_options);

}  // namespace cartridge::pg
