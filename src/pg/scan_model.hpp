// The core's schema model of a stored scan: loaded from the cartridge tables, or built from
// the rows of the scan's own INSERTs as they are stored (RETURNING), so a scan never reads
// back what it has just written.
#pragma once

#include "core/schema.hpp"
#include "pg/spi.hpp"

#include <string>
#include <unordered_map>
#include <vector>

namespace cartridge::pg {

// The select lists (or RETURNING lists) of each per-scan table that SchemaBuilder reads, in
// its order. Profiles are whole, or (inference_profile) only the keys inference and
// classification read (column_traits.hpp), a fraction of the text to parse.
struct ScanModelFields {
    static const char* relations();
    static const char* columns(bool inference_profile);
    static const char* constraints();
    static const char* indexes();
    static const char* relationships();
};

// Builds a Schema from rows of ScanModelFields, given in any order; finish() sorts it as
// the model requires (relations by schema and name, their columns by position, constraints
// and indexes by name, relationships by their ends and id).
class SchemaBuilder {
public:
    void relation(const TextRow& row);
    void column(const TextRow& row);
    void constraint(const TextRow& row);
    void index(const TextRow& row);
    void relationship(const TextRow& row);
    Schema finish(int64_t scan_id, std::string database);

private:
    Relation* owner(const TextRow& row);

    Schema schema_;
    std::unordered_map<std::string, size_t> by_name_;  // schema \0 table -> relation
    Relation* last_ = nullptr;
    std::vector<int64_t> relationship_ids_;
};

// The scan as the current role sees it (row-level security applies unless it runs in an
// OwnerScope, after the caller's right to see the scan was checked). Throws
// cartridge::Error(undefined_object) when the scan does not exist or is not visible.
Schema load_scan_pg(int64_t scan_id, bool inference_profiles = false);

}  // namespace cartridge::pg
