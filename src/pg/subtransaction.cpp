#include "pg/subtransaction.hpp"

#include "core/error.hpp"

extern "C" {
#include "access/xact.h"
#include "utils/guc.h"
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

// Rolls the current subtransaction back and returns to the caller's context and owner.
void roll_back_pg(MemoryContext context, ResourceOwner owner) {
    pg_call([] { RollbackAndReleaseCurrentSubTransaction(); });
    MemoryContextSwitchTo(context);
    CurrentResourceOwner = owner;
}


std::optional<std::string> in_subtransaction_pg(const std::function<void()>& body, bool keep, bool row_security_off) {
    MemoryContext context = CurrentMemoryContext;
    ResourceOwner owner = CurrentResourceOwner;
    pg_call([row_security_off] {
        BeginInternalSubTransaction(nullptr);
        // Local to the subtransaction: its rollback restores the caller's value.
        if (row_security_off)
            (void)set_config_option("row_security", "off", PGC_USERSET, PGC_S_SESSION, GUC_ACTION_LOCAL, true, 0,
                                    false);
    });
    MemoryContextSwitchTo(context);
    try {
        body();
    } catch (const PgError& e) {
        // Copy what is needed before the rollback: the ErrorData is released with the context.
        ErrorData* data = e.error_data();
        const int code = data ? data->sqlerrcode : ERRCODE_INTERNAL_ERROR;
        const std::string message = data && data->message ? data->message : "unknown error";
        const std::string detail = data && data->detail ? data->detail : "";
        const std::string hint = data && data->hint ? data->hint : "";
        roll_back_pg(context, owner);
        if (must_propagate(code))
            throw Error(unpack_sql_state(code), message, hint, detail);
        return message;
    } catch (...) {
        roll_back_pg(context, owner);
        throw;
    }
    if (keep) {
        pg_call([] { ReleaseCurrentSubTransaction(); });
        MemoryContextSwitchTo(context);
        CurrentResourceOwner = owner;
    } else {
        roll_back_pg(context, owner);
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> read_in_subtransaction_pg(const std::function<void()>& body) {
    return in_subtransaction_pg(body, false, true);
}

std::optional<std::string> run_in_subtransaction_pg(const std::function<void()>& body, SubtransactionEnd end) {
    return in_subtransaction_pg(body, end == SubtransactionEnd::keep, false);
}

FreshSnapshotScope::FreshSnapshotScope() {
    pushed_ = pg_call([] {
        CommandCounterIncrement();
        PushActiveSnapshot(GetTransactionSnapshot());
        UpdateActiveSnapshotCommandId();
        return static_cast<void*>(GetActiveSnapshot());
    });
}

FreshSnapshotScope::~FreshSnapshotScope() {
    // Pop only the snapshot this scope pushed: if an abort already popped it (the scope
    // outlived a subtransaction it was made in), popping again would take the caller's, or
    // dereference an empty stack. Neither check nor pop can raise an ERROR.
    if (ActiveSnapshotSet() && static_cast<void*>(GetActiveSnapshot()) == pushed_)
        PopActiveSnapshot();
}

}  // namespace cartridge::pg
