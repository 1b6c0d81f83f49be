// The launcher: one process for the server (backend_type "cartridge launcher") that starts
// a worker for each database with work, when that work is committed.
//
// It sleeps on its latch. A submitting transaction sets it at commit when its database has
// no worker yet (src/pg/background.cpp); the postmaster sets it when a worker it started
// stops. At start-up (first start, restart after a crash, after an immediate shutdown) it
// starts one worker for every database, which recovers the jobs a dead worker left running
// and exits at once where there is nothing to do. Plain C: no C++ object lives across the
// calls here that could raise an ERROR (which ends the process; it is restarted).
#include "pg/background.hpp"

#include <cstdio>

extern "C" {
#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/pg_database.h"
#include "pgstat.h"
#include "postmaster/bgworker.h"
#include "postmaster/interrupt.h"
#include "storage/ipc.h"
#include "storage/latch.h"
#include "tcop/tcopprot.h"
#include "utils/guc.h"
#include "utils/snapmgr.h"
#include "utils/wait_event.h"

PGDLLEXPORT void cartridge_launcher_main(Datum);
}

namespace {

constexpr int max_databases = 1024;

struct Started {
    Oid database;
    BackgroundWorkerHandle* handle;
};

// Every database that accepts connections.
int list_databases(Oid* databases, int capacity) {
    int n = 0;
    StartTransactionCommand();
    (void)GetTransactionSnapshot();
    Relation rel = table_open(DatabaseRelationId, AccessShareLock);
    TableScanDesc scan = table_beginscan_catalog(rel, 0, nullptr);
    HeapTuple tuple;
    while (n < capacity && (tuple = heap_getnext(scan, ForwardScanDirection)) != nullptr) {
        auto* db = reinterpret_cast<Form_pg_database>(GETSTRUCT(tuple));
        if (db->datallowconn)
            databases[n++] = db->oid;
    }
    table_endscan(scan);
    table_close(rel, AccessShareLock);
    CommitTransactionCommand();
    return n;
}

bool start_worker(Oid database, BackgroundWorkerHandle** handle) {
    BackgroundWorker worker{};
    std::snprintf(worker.bgw_name, BGW_MAXLEN, "cartridge worker for database %u", database);
    std::snprintf(worker.bgw_type, BGW_MAXLEN, "cartridge worker");
    worker.bgw_flags = BGWORKER_SHMEM_ACCESS | BGWORKER_BACKEND_DATABASE_CONNECTION;
    worker.bgw_start_time = BgWorkerStart_RecoveryFinished;
    worker.bgw_restart_time = BGW_NEVER_RESTART;
    std::snprintf(worker.bgw_library_name, BGW_MAXLEN, "cartridge");
    std::snprintf(worker.bgw_function_name, BGW_MAXLEN, "cartridge_worker_main");
    worker.bgw_main_arg = ObjectIdGetDatum(database);
    worker.bgw_notify_pid = MyProcPid;
    return RegisterDynamicBackgroundWorker(&worker, handle);
}

}  // namespace

void cartridge_launcher_main(Datum) {
    using namespace cartridge::pg;
    pqsignal(SIGHUP, SignalHandlerForConfigReload);
    pqsignal(SIGTERM, die);
    BackgroundWorkerUnblockSignals();
    BackgroundWorkerInitializeConnection(nullptr, nullptr, 0);
    pgstat_report_appname("cartridge launcher");
    launcher_attach();

    static Oid databases[max_databases];
    const int count = list_databases(databases, max_databases);
    for (int i = 0; i < count; i++)
        launcher_want_database(databases[i]);

    static Started started[max_databases];
    int running = 0;
    for (;;) {
        CHECK_FOR_INTERRUPTS();
        if (ConfigReloadPending) {
            ConfigReloadPending = false;
            ProcessConfigFile(PGC_SIGHUP);
        }
        // Workers that stopped: a worker that never attached (its database was dropped, or
        // it failed to start) leaves its database's wakeup behind; the others released
        // their slot themselves.
        for (int i = 0; i < running;) {
            pid_t pid;
            if (GetBackgroundWorkerPid(started[i].handle, &pid) == BGWH_STOPPED) {
                launcher_forget(started[i].database);
                pfree(started[i].handle);
                started[i] = started[--running];
            } else {
                i++;
            }
        }
        const int wanted = launcher_collect_databases(databases, max_databases);
        for (int i = 0; i < wanted && running < max_databases && running < max_workers; i++) {
            BackgroundWorkerHandle* handle = nullptr;
            // Marked first: the worker may attach before RegisterDynamicBackgroundWorker returns.
            launcher_mark_starting(databases[i], true);
            MemoryContext previous = MemoryContextSwitchTo(TopMemoryContext);
            const bool ok = start_worker(databases[i], &handle);
            MemoryContextSwitchTo(previous);
            if (!ok) {
                launcher_mark_starting(databases[i], false);
                break;  // no free background worker slot: retried when one of ours stops
            }
            started[running++] = {databases[i], handle};
        }
        (void)WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH, 5 * 60 * 1000L,
                        PG_WAIT_EXTENSION);
        ResetLatch(MyLatch);
    }
}
