// Which scan or project this backend's cartridge functions are writing right now.
//
// The per-scan and per-project tables accept INSERTs only for the scan or project that a
// cartridge function is writing (row-level security checks
// scan_id = cartridge.scan_being_written()), so no role can plant rows in another role's
// scan, or pre-seed a scan id that does not exist yet. The scans and projects rows
// themselves are inserted inside a scope of new_row, so no role can insert one with an id
// of its choosing (OVERRIDING SYSTEM VALUE) either. The value lives in this process only,
// holds only for the role that opened the scope (not for a SECURITY DEFINER function of
// another role that a scan happens to run, say in a row-level security policy of a table
// it profiles), and nothing but these scopes sets it; a destructor clears it, also when an
// error unwinds.
#pragma once

#include <cstdint>
#include <optional>

namespace cartridge::pg {

// The id being written while the scans or projects row itself is inserted (identity ids
// start at 1).
constexpr int64_t new_row = 0;

struct BeingWritten {
    int64_t id;
    unsigned int user;  // the Oid of the role that opened the scope
};

class ScanWriteScope {
public:
    explicit ScanWriteScope(int64_t scan_id);
    ~ScanWriteScope();
    ScanWriteScope(const ScanWriteScope&) = delete;
    ScanWriteScope& operator=(const ScanWriteScope&) = delete;

private:
    std::optional<BeingWritten> previous_;
};

class ProjectWriteScope {
public:
    explicit ProjectWriteScope(int64_t project_id);
    ~ProjectWriteScope();
    ProjectWriteScope(const ProjectWriteScope&) = delete;
    ProjectWriteScope& operator=(const ProjectWriteScope&) = delete;

private:
    std::optional<BeingWritten> previous_;
};

}  // namespace cartridge::pg
