// DROP DATABASE, ALTER DATABASE ... RENAME and CREATE DATABASE ... TEMPLATE refuse a
// database that has other connections, and an idle cartridge worker is one (it waits
// cartridge.worker_idle_timeout for more jobs). Before such a command runs, the worker of
// that database is asked to leave, as TimescaleDB stops its scheduler. A worker in the
// middle of a job stays: the command then reports the database in use, or, WITH (FORCE),
// terminates it (its job is re-queued later).
#include "pg/background.hpp"

#include <cstring>

extern "C" {
#include "commands/dbcommands.h"
#include "commands/defrem.h"
#include "nodes/parsenodes.h"
#include "tcop/utility.h"
}

namespace {

ProcessUtility_hook_type previous_hook = nullptr;

// The database a statement needs free of connections, or NULL.
const char* database_needed_alone(Node* statement) {
    switch (nodeTag(statement)) {
    case T_DropdbStmt:
        return reinterpret_cast<DropdbStmt*>(statement)->dbname;
    case T_RenameStmt: {
        auto* rename = reinterpret_cast<RenameStmt*>(statement);
        return rename->renameType == OBJECT_DATABASE ? rename->subname : nullptr;
    }
    case T_CreatedbStmt: {
        ListCell* cell;
        foreach (cell, reinterpret_cast<CreatedbStmt*>(statement)->options) {
            auto* option = static_cast<DefElem*>(lfirst(cell));
            if (std::strcmp(option->defname, "template") == 0 && option->arg)
                return defGetString(option);
        }
        return nullptr;
    }
    default:
        return nullptr;
    }
}

// Plain C: nothing here holds a C++ object across a call that may raise.
void process_utility(PlannedStmt* pstmt, const char* query, bool read_only_tree, ProcessUtilityContext context,
                     ParamListInfo params, QueryEnvironment* env, DestReceiver* dest, QueryCompletion* qc) {
    if (const char* name = database_needed_alone(pstmt->utilityStmt)) {
        const Oid database = get_database_oid(name, true);
        if (OidIsValid(database) && database != MyDatabaseId)
            (void)cartridge::pg::stop_idle_worker(database);
    }
    if (previous_hook)
        previous_hook(pstmt, query, read_only_tree, context, params, env, dest, qc);
    else
        standard_ProcessUtility(pstmt, query, read_only_tree, context, params, env, dest, qc);
}

}  // namespace

namespace cartridge::pg {

void install_utility_hook() {
    previous_hook = ProcessUtility_hook;
    ProcessUtility_hook = process_utility;
}

}  // namespace cartridge::pg
