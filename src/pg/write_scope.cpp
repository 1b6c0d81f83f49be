#include "pg/write_scope.hpp"

#include "pg/guard.hpp"

extern "C" {
#include "miscadmin.h"
}

namespace cartridge::pg {

namespace {
std::optional<BeingWritten> scan_being_written;
std::optional<BeingWritten> project_being_written;

// The id, for the role that opened the scope only; else SQL NULL.
Datum id_for_current_user(const std::optional<BeingWritten>& written, FunctionCallInfo fcinfo) {
    if (!written || written->user != GetUserId())
        PG_RETURN_NULL();
    PG_RETURN_INT64(written->id);
}
}  // namespace

ScanWriteScope::ScanWriteScope(int64_t scan_id) : previous_(scan_being_written) {
    scan_being_written = BeingWritten{scan_id, GetUserId()};
}

ScanWriteScope::~ScanWriteScope() {
    scan_being_written = previous_;
}

ProjectWriteScope::ProjectWriteScope(int64_t project_id) : previous_(project_being_written) {
    project_being_written = BeingWritten{project_id, GetUserId()};
}

ProjectWriteScope::~ProjectWriteScope() {
    project_being_written = previous_;
}

}  // namespace cartridge::pg

// cartridge.scan_being_written(): the scan a cartridge function is writing, or NULL.
CARTRIDGE_FUNCTION(cartridge_scan_being_written) {
    return cartridge::pg::id_for_current_user(cartridge::pg::scan_being_written, fcinfo);
}

// cartridge.project_being_written(): the project a cartridge function is writing, or NULL.
CARTRIDGE_FUNCTION(cartridge_project_being_written) {
    return cartridge::pg::id_for_current_user(cartridge::pg::project_being_written, fcinfo);
}
