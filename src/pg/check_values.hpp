// The values a check constraint accepts, when it is a membership test on one column.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace cartridge::pg {

// The same answer as cartridge.check_accepted_values(oid) gives for a local constraint, read
// from the constraint's deparsed definition (pg_get_constraintdef's "CHECK (...)", as a
// remote server sends it) with this server's raw parser: `col = ANY (ARRAY[...])`,
// `col IN (...)`, `col = 'x'` and ORs of them, under casts. nullopt for anything else,
// including text this server cannot parse.
std::optional<std::vector<std::string>> accepted_values_of_definition_pg(const std::string& definition);

}  // namespace cartridge::pg
