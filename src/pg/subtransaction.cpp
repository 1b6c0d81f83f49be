#include "pg/subtransaction.hpp"

#include "core/error.hpp"

extern "C" {
#include "access/xact.h"
#include "utils/resowner.h"
#include "utils/snapmgr.h"
}

namespace cartridge::pg {

namespace {

// SQLSTATE classes that end the statement whatever the caller wanted to skip.
bool must_propagate(int code) {
    const char* text = unpack_sql_state(code);
    const std::string klass(text, 2);
    return klass == "57" || klass == "40" || klass == "53" || klass == "58" || klass == "XX";
}

}  // namespace

std::optional<std::string> run_in_subtransaction_pg(const std::function<void()>& body) {
    MemoryContext context = CurrentMemoryContext;
    ResourceOwner owner = CurrentResourceOwner;
    pg_call([] { BeginInternalSubTransaction(nullptr); });
    MemoryContextSwitchTo(context);
    try {
        body();
    } catch (const PgError& e) {
        // Copy what is needed before the rollback: the ErrorData is released with the context.
        ErrorData* data = e.error_data();
        const int code = data ? data->sqlerrcode : ERRCODE_INTERNAL_ERROR;
        const std::string message = data && data->message ? data->message : "unknown error";
        const std::string detail = data && data->detail ? data->detail : "";
        std::string hint = data && data->hint ? data->hint : "";
        // Each table read keeps its lock until the scan commits (subtransactions hand their
        // locks to the parent), so a scan of thousands of tables can fill the lock table.
        if (code == ERRCODE_OUT_OF_MEMORY && message.find("shared memory") != std::string::npos)
            hint = "Profiling locks every table it samples until the scan's transaction ends. "
                   "Raise max_locks_per_transaction, narrow the scan (schemas, \"include\"), "
                   "or scan with '{\"profile\": false}'.";
        pg_call([] { RollbackAndReleaseCurrentSubTransaction(); });
        MemoryContextSwitchTo(context);
        CurrentResourceOwner = owner;
        if (must_propagate(code))
            throw Error(unpack_sql_state(code), message, hint, detail);
        return message;
    } catch (...) {
        pg_call([] { RollbackAndReleaseCurrentSubTransaction(); });
        MemoryContextSwitchTo(context);
        CurrentResourceOwner = owner;
        throw;
    }
    pg_call([] { ReleaseCurrentSubTransaction(); });
    MemoryContextSwitchTo(context);
    CurrentResourceOwner = owner;
    return std::nullopt;
}

FreshSnapshotScope::FreshSnapshotScope() {
    pg_call([] {
        CommandCounterIncrement();
        PushActiveSnapshot(GetTransactionSnapshot());
        UpdateActiveSnapshotCommandId();
    });
}

FreshSnapshotScope::~FreshSnapshotScope() {
    PopActiveSnapshot();
}

}  // namespace cartridge::pg
