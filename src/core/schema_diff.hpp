// Drift between two scans of a database: what was added, removed, renamed or changed, for
// cartridge_diff (wired in src/pg later) and whoever must update a dbt project after a
// migration.
#pragma once

#include "core/schema.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace cartridge {

struct Change {
    std::string change;       // added, removed, changed, renamed
    std::string object_type;  // relation, column, constraint, index, relationship, classification
    // Qualified as the new scan has it (schema.table, schema.table.column, ...), with SQL
    // quoting where a name needs it; what was removed keeps its old name under its
    // relation's new one. A relationship: schema.child(columns) -> schema.parent(columns).
    std::string object;
    // renamed: {"before": old name, "after": new name}; changed: {"before": {...}, "after":
    // {...}} holding only what changed; added: {"after": {...}}; removed: {"before": {...}}.
    nlohmann::json detail;
};

// Relations are matched by oid and columns by attnum where both scans know them (so a
// rename is one `renamed`, not removed + added), then by name among those left over. What
// belongs to a relation added or removed (its columns, keys, indexes, relationships) is not
// listed again. Constraints and indexes are matched by their relation and name,
// relationships by their columns, renames followed. Sorted by object_type (in the order
// above), then object.
std::vector<Change> diff_schemas(const Schema& old_scan, const Schema& new_scan);

}  // namespace cartridge
