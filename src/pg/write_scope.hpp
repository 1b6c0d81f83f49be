// Which scan or project this backend's cartridge functions are writing right now.
//
// The per-scan and per-project tables accept INSERTs only for the scan or project that a
// cartridge function is writing (row-level security checks
// scan_id = cartridge.scan_being_written()), so no role can plant rows in another role's
// scan, or pre-seed a scan id that does not exist yet. The value lives in this process only
// and nothing but these scopes sets it; a destructor clears it, also when an error unwinds.
#pragma once

#include <cstdint>
#include <optional>

namespace cartridge::pg {

class ScanWriteScope {
public:
    explicit ScanWriteScope(int64_t scan_id);
    ~ScanWriteScope();
    ScanWriteScope(const ScanWriteScope&) = delete;
    ScanWriteScope& operator=(const ScanWriteScope&) = delete;

private:
    std::optional<int64_t> previous_;
};

class ProjectWriteScope {
public:
    explicit ProjectWriteScope(int64_t project_id);
    ~ProjectWriteScope();
    ProjectWriteScope(const ProjectWriteScope&) = delete;
    ProjectWriteScope& operator=(const ProjectWriteScope&) = delete;

private:
    std::optional<int64_t> previous_;
};

}  // namespace cartridge::pg
