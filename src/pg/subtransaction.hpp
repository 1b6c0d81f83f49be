// Subtransactions and snapshots for work that reads many user tables in one statement: a
// table that cannot be read (an error in a view, a lock timeout) is skipped and reported,
// not the end of the whole scan.
#pragma once

#include "pg/guard.hpp"

#include <functional>
#include <optional>
#include <string>

namespace cartridge::pg {

// Runs body in an internal subtransaction. Returns nullopt when it succeeded, or the message
// of the PostgreSQL ERROR it raised, after rolling the subtransaction back. Errors that must
// end the statement (cancel, statement_timeout, shutdown, serialization failures, deadlocks,
// out of memory) and C++ exceptions are re-thrown. The body must not create a
// MemoryContextScope of its own: the error it raises lives in the caller's context.
std::optional<std::string> run_in_subtransaction_pg(const std::function<void()>& body);

// Makes what this transaction wrote so far visible to the read-only SPI queries run while
// the scope lives (they read the active snapshot, which predates the scan's own inserts).
class FreshSnapshotScope {
public:
    FreshSnapshotScope();
    ~FreshSnapshotScope();
    FreshSnapshotScope(const FreshSnapshotScope&) = delete;
    FreshSnapshotScope& operator=(const FreshSnapshotScope&) = delete;
};

}  // namespace cartridge::pg
