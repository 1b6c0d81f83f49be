#include "pg/write_scope.hpp"

#include "pg/guard.hpp"

namespace cartridge::pg {

namespace {
std::optional<int64_t> scan_being_written;
std::optional<int64_t> project_being_written;
}  // namespace

ScanWriteScope::ScanWriteScope(int64_t scan_id) : previous_(scan_being_written) {
    scan_being_written = scan_id;
}

ScanWriteScope::~ScanWriteScope() {
    scan_being_written = previous_;
}

ProjectWriteScope::ProjectWriteScope(int64_t project_id) : previous_(project_being_written) {
    project_being_written = project_id;
}

ProjectWriteScope::~ProjectWriteScope() {
    project_being_written = previous_;
}

}  // namespace cartridge::pg

// cartridge.scan_being_written(): the scan a cartridge function is writing, or NULL.
CARTRIDGE_FUNCTION(cartridge_scan_being_written) {
    if (!cartridge::pg::scan_being_written)
        PG_RETURN_NULL();
    PG_RETURN_INT64(*cartridge::pg::scan_being_written);
}

// cartridge.project_being_written(): the project a cartridge function is writing, or NULL.
CARTRIDGE_FUNCTION(cartridge_project_being_written) {
    if (!cartridge::pg::project_being_written)
        PG_RETURN_NULL();
    PG_RETURN_INT64(*cartridge::pg::project_being_written);
}
