// Subtransactions and snapshots for work that reads many user tables in one statement: a
// table that cannot be read (a lock timeout, a table dropped meanwhile) is skipped and
// reported, not the end of the whole scan.
#pragma once

#include "pg/guard.hpp"

#include <functional>
#include <optional>
#include <string>

namespace cartridge::pg {

// Runs body, which reads the user's data and writes nothing, in an internal subtransaction
// that is always rolled back: the locks it took on the tables it read go with it (a
// committed subtransaction hands them to the scan's transaction, so a scan of thousands of
// tables would fill the lock table), and anything body copied out into C++ stays. Inside,
// row_security is off, as pg_dump reads: a table whose row-level security policies would
// apply to the caller raises an error instead of running another role's policy code.
// Returns nullopt when body succeeded, or the message of the PostgreSQL ERROR it raised.
// Errors that must end the statement (cancel, statement_timeout, shutdown, serialization
// failures, deadlocks, out of memory) and C++ exceptions are re-thrown. The body must not
// create a MemoryContextScope of its own: the error it raises lives in the caller's context.
std::optional<std::string> read_in_subtransaction_pg(const std::function<void()>& body);

// The same for work that writes: body runs in an internal subtransaction that is committed
// into the caller's (sub)transaction when body succeeds (keep) or rolled back either way,
// with the caller's row_security. Errors as above: the message of an ERROR that may be
// reported and carried on from, else re-thrown (as an Error, copied out before the rollback).
enum class SubtransactionEnd { keep, roll_back };
std::optional<std::string> run_in_subtransaction_pg(const std::function<void()>& body, SubtransactionEnd end);

// Makes what this transaction wrote so far visible to the read-only SPI queries run while
// the scope lives (they read the active snapshot, which predates the scan's own inserts).
class FreshSnapshotScope {
public:
    FreshSnapshotScope();
    ~FreshSnapshotScope();
    FreshSnapshotScope(const FreshSnapshotScope&) = delete;
    FreshSnapshotScope& operator=(const FreshSnapshotScope&) = delete;

private:
    void* pushed_;  // the Snapshot this scope pushed
};

}  // namespace cartridge::pg
