#include "pg/background.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <csignal>
#include <cstring>

extern "C" {
#include "access/xact.h"
#include "pgstat.h"
#include "postmaster/bgworker.h"
#include "storage/condition_variable.h"
#include "storage/ipc.h"
#include "storage/latch.h"
#include "storage/lwlock.h"
#include "storage/shmem.h"
#include "utils/wait_event.h"
}

namespace cartridge::pg {

namespace {

// Databases with work or a worker at the same time. A database that finds no free slot
// keeps its jobs queued until its next submit or the next server start (README).
constexpr int slot_count = 128;

struct DatabaseSlot {
    Oid database;           // InvalidOid: the slot is free
    bool wanted;            // a submit committed since the worker last looked at the queue
    bool starting;          // the launcher registered a worker that has not attached yet
    pid_t worker_pid;       // 0: no worker attached
    Latch* worker_latch;
    JobKind job_kind;       // the job the worker is running, if any
    int64_t job_id;
    bool cancel_requested;
    bool finishing;         // the job's end is being recorded: a cancel must not interrupt that
    bool leave_requested;   // DROP/RENAME DATABASE or CREATE DATABASE from it wants it gone
    int16 live_progress;    // the running job's progress as it goes (-1: none reported)
    char live_stage[64];
};

struct Shared {
    LWLock* lock;
    Latch* launcher_latch;
    ConditionVariable job_changed;
    DatabaseSlot slots[slot_count];
};

Shared* shared = nullptr;
bool preloaded = false;
shmem_request_hook_type previous_request_hook = nullptr;
shmem_startup_hook_type previous_startup_hook = nullptr;

// Submitting backends: whether this transaction queued a job.
bool wake_callback_registered = false;
bool wake_at_commit = false;
bool broadcast_at_commit = false;

// The worker's slot (in the worker only).
DatabaseSlot* my_slot = nullptr;

DatabaseSlot* find_slot(Oid database) {
    for (DatabaseSlot& slot : shared->slots)
        if (slot.database == database)
            return &slot;
    return nullptr;
}

DatabaseSlot* find_or_add_slot(Oid database) {
    if (DatabaseSlot* slot = find_slot(database))
        return slot;
    for (DatabaseSlot& slot : shared->slots)
        if (slot.database == InvalidOid) {
            std::memset(&slot, 0, sizeof slot);
            slot.database = database;
            return &slot;
        }
    return nullptr;
}

void release_if_unused(DatabaseSlot* slot) {
    if (!slot->wanted && !slot->starting && slot->worker_pid == 0)
        std::memset(slot, 0, sizeof *slot);
}

// Under the lock: work is waiting in `database`; returns the latch to set (its worker's,
// or the launcher's when no worker serves it yet).
Latch* want_locked(Oid database) {
    DatabaseSlot* slot = find_or_add_slot(database);
    if (!slot)
        return nullptr;
    slot->wanted = true;
    return slot->worker_pid != 0 ? slot->worker_latch : shared->launcher_latch;
}

void request_shmem() {
    if (previous_request_hook)
        previous_request_hook();
    RequestAddinShmemSpace(MAXALIGN(sizeof(Shared)));
    RequestNamedLWLockTranche("cartridge", 1);
}

void startup_shmem() {
    if (previous_startup_hook)
        previous_startup_hook();
    LWLockAcquire(AddinShmemInitLock, LW_EXCLUSIVE);
    bool found = false;
    shared = static_cast<Shared*>(ShmemInitStruct("cartridge", sizeof(Shared), &found));
    if (!found) {
        std::memset(shared, 0, sizeof(Shared));
        shared->lock = &GetNamedLWLockTranche("cartridge")->lock;
        ConditionVariableInit(&shared->job_changed);
    }
    LWLockRelease(AddinShmemInitLock);
}

void register_launcher() {
    BackgroundWorker worker{};
    std::snprintf(worker.bgw_name, BGW_MAXLEN, "cartridge launcher");
    std::snprintf(worker.bgw_type, BGW_MAXLEN, "cartridge launcher");
    worker.bgw_flags = BGWORKER_SHMEM_ACCESS | BGWORKER_BACKEND_DATABASE_CONNECTION;
    worker.bgw_start_time = BgWorkerStart_RecoveryFinished;
    worker.bgw_restart_time = 10;
    std::snprintf(worker.bgw_library_name, BGW_MAXLEN, "cartridge");
    std::snprintf(worker.bgw_function_name, BGW_MAXLEN, "cartridge_launcher_main");
    RegisterBackgroundWorker(&worker);
}

// Runs in CommitTransaction after the transaction became visible to new snapshots, so the
// worker finds the job when it looks. Nothing here can raise an ERROR.
void at_transaction_end(XactEvent event, void*) {
    switch (event) {
    case XACT_EVENT_PRE_PREPARE:
        // COMMIT PREPARED may run in another session, long after: nobody would wake the
        // worker then. Refused, as temporary tables are.
        if (wake_at_commit)
            ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                            errmsg("cannot PREPARE a transaction that submitted a cartridge job"),
                            errhint("Submit the job in a transaction that is committed directly.")));
        break;
    case XACT_EVENT_COMMIT:
        if (broadcast_at_commit && shared)
            ConditionVariableBroadcast(&shared->job_changed);
        broadcast_at_commit = false;
        if (wake_at_commit && shared) {
            wake_at_commit = false;
            LWLockAcquire(shared->lock, LW_EXCLUSIVE);
            Latch* latch = want_locked(MyDatabaseId);
            LWLockRelease(shared->lock);
            if (latch)
                SetLatch(latch);
        }
        wake_at_commit = false;
        break;
    case XACT_EVENT_ABORT:
    case XACT_EVENT_PARALLEL_ABORT:
        wake_at_commit = false;
        broadcast_at_commit = false;
        break;
    default:
        break;
    }
}

}  // namespace

const char* job_kind_name(JobKind kind) {
    return kind == JobKind::scan ? "scan" : kind == JobKind::test_run ? "test run" : "project";
}

const char* job_table(JobKind kind) {
    return kind == JobKind::scan       ? "cartridge.scans"
           : kind == JobKind::test_run ? "cartridge.test_runs"
                                       : "cartridge.projects";
}

const char* job_wait_function(JobKind kind) {
    return kind == JobKind::scan       ? "cartridge_wait_scan"
           : kind == JobKind::test_run ? "cartridge_wait_test_run"
                                       : "cartridge_wait";
}

bool background_enabled() {
    return preloaded && shared != nullptr;
}

void require_background_pg(const char* what, const char* verb) {
    if (background_enabled())
        return;
    throw Error(sqlstate::object_not_in_prerequisite_state,
                fmt::format("{} needs the cartridge background worker, which is not running", what),
                fmt::format("Add cartridge to shared_preload_libraries in postgresql.conf and restart the server, "
                            "or pass async => false to {} in this session.",
                            verb));
}

void background_preload() {
    preloaded = true;
    previous_request_hook = shmem_request_hook;
    shmem_request_hook = request_shmem;
    previous_startup_hook = shmem_startup_hook;
    shmem_startup_hook = startup_shmem;
    register_launcher();
    install_utility_hook();
}

namespace {

void register_transaction_callback() {
    if (!wake_callback_registered) {
        RegisterXactCallback(at_transaction_end, nullptr);
        wake_callback_registered = true;
    }
}

}  // namespace

void wake_worker_at_commit() {
    register_transaction_callback();
    wake_at_commit = true;
}

void broadcast_job_change_at_commit() {
    register_transaction_callback();
    broadcast_at_commit = true;
}

// -- worker -------------------------------------------------------------------------------

namespace {

// At the worker's exit, whatever ends it (idle, FATAL, pg_terminate_backend, shutdown):
// its slot is free for the next worker. Dying in the middle of a job leaves the database
// wanted, so that the launcher starts a worker that recovers the job.
void worker_detach(int, Datum) {
    if (!my_slot)
        return;
    LWLockAcquire(shared->lock, LW_EXCLUSIVE);
    if (my_slot->job_id != 0)
        my_slot->wanted = true;
    my_slot->worker_pid = 0;
    my_slot->worker_latch = nullptr;
    my_slot->job_kind = JobKind::none;
    my_slot->job_id = 0;
    my_slot->cancel_requested = false;
    my_slot->finishing = false;
    Latch* launcher = shared->launcher_latch;
    const bool wanted = my_slot->wanted;
    release_if_unused(my_slot);
    LWLockRelease(shared->lock);
    my_slot = nullptr;
    if (wanted && launcher)
        SetLatch(launcher);
}

}  // namespace

bool worker_attach(Oid database) {
    LWLockAcquire(shared->lock, LW_EXCLUSIVE);
    DatabaseSlot* slot = find_or_add_slot(database);
    const bool ok = slot && slot->worker_pid == 0;
    if (ok) {
        slot->worker_pid = MyProcPid;
        slot->worker_latch = MyLatch;
        slot->starting = false;
        my_slot = slot;
    }
    LWLockRelease(shared->lock);
    if (ok)
        on_shmem_exit(worker_detach, 0);
    return ok;
}

bool worker_take_wakeup() {
    LWLockAcquire(shared->lock, LW_EXCLUSIVE);
    const bool wanted = my_slot->wanted;
    my_slot->wanted = false;
    LWLockRelease(shared->lock);
    return wanted;
}

bool worker_leave_requested() {
    LWLockAcquire(shared->lock, LW_SHARED);
    const bool leave = my_slot->leave_requested;
    LWLockRelease(shared->lock);
    return leave;
}

bool worker_detach_if_idle() {
    LWLockAcquire(shared->lock, LW_EXCLUSIVE);
    const bool idle = !my_slot->wanted || my_slot->leave_requested;
    if (idle) {
        my_slot->wanted = false;
        my_slot->worker_pid = 0;
        my_slot->worker_latch = nullptr;
        release_if_unused(my_slot);
        my_slot = nullptr;
    }
    LWLockRelease(shared->lock);
    return idle;
}

void worker_set_job(JobKind kind, int64_t id) {
    LWLockAcquire(shared->lock, LW_EXCLUSIVE);
    my_slot->job_kind = kind;
    my_slot->job_id = id;
    my_slot->live_progress = -1;
    my_slot->live_stage[0] = '\0';
    my_slot->cancel_requested = false;
    my_slot->finishing = false;
    LWLockRelease(shared->lock);
}

void worker_set_progress(int percent, const char* stage) {
    LWLockAcquire(shared->lock, LW_EXCLUSIVE);
    my_slot->live_progress = static_cast<int16>(percent);
    strlcpy(my_slot->live_stage, stage, sizeof my_slot->live_stage);
    LWLockRelease(shared->lock);
    broadcast_job_change();
}

std::optional<LiveJob> running_job_of_database() {
    if (!shared)
        return std::nullopt;
    std::optional<LiveJob> job;
    LWLockAcquire(shared->lock, LW_SHARED);
    if (const DatabaseSlot* slot = find_slot(MyDatabaseId);
        slot && slot->worker_pid != 0 && slot->job_kind != JobKind::none && slot->live_progress >= 0)
        job = LiveJob{slot->job_kind, slot->job_id, slot->live_progress, slot->live_stage};
    LWLockRelease(shared->lock);
    return job;
}

bool worker_cancel_requested() {
    LWLockAcquire(shared->lock, LW_SHARED);
    const bool requested = my_slot->cancel_requested;
    LWLockRelease(shared->lock);
    return requested;
}

void worker_set_finishing() {
    LWLockAcquire(shared->lock, LW_EXCLUSIVE);
    my_slot->finishing = true;
    LWLockRelease(shared->lock);
    QueryCancelPending = false;
}

void worker_clear_job() {
    LWLockAcquire(shared->lock, LW_EXCLUSIVE);
    my_slot->job_kind = JobKind::none;
    my_slot->job_id = 0;
    my_slot->finishing = false;
    LWLockRelease(shared->lock);
    // A cancel that arrived as the job ended must not cancel what the worker does next.
    QueryCancelPending = false;
}

bool request_cancel_of_running_job(JobKind kind, int64_t id) {
    if (!shared)
        return false;
    bool running = false;
    LWLockAcquire(shared->lock, LW_EXCLUSIVE);
    DatabaseSlot* slot = find_slot(MyDatabaseId);
    if (slot && slot->worker_pid != 0 && slot->job_kind == kind && slot->job_id == id) {
        slot->cancel_requested = true;
        // Signalled under the lock: the worker clears its pid under it before it exits, so
        // the pid cannot belong to another process yet. SIGINT cancels the running statement.
        if (!slot->finishing)
            kill(slot->worker_pid, SIGINT);
        running = true;
    }
    LWLockRelease(shared->lock);
    return running;
}

void broadcast_job_change() {
    if (shared)
        ConditionVariableBroadcast(&shared->job_changed);
}

bool wait_for_job_change(long timeout_ms) {
    if (shared)
        return ConditionVariableTimedSleep(&shared->job_changed, timeout_ms, PG_WAIT_EXTENSION);
    // Not preloaded: no worker changes jobs here; only the timeout (or a cancel) ends this.
    (void)WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH, timeout_ms, PG_WAIT_EXTENSION);
    ResetLatch(MyLatch);
    CHECK_FOR_INTERRUPTS();
    return true;
}

void cancel_job_wait() {
    if (shared)
        ConditionVariableCancelSleep();
}

bool stop_idle_worker(Oid database) {
    if (!shared)
        return true;
    LWLockAcquire(shared->lock, LW_EXCLUSIVE);
    DatabaseSlot* slot = find_slot(database);
    bool gone = !slot || slot->worker_pid == 0;
    if (!gone && slot->job_id == 0) {
        slot->leave_requested = true;
        SetLatch(slot->worker_latch);
    }
    LWLockRelease(shared->lock);
    // An idle worker leaves at once; a starting one checks first thing. Bounded: a worker
    // busy with a job stays, and the command then reports the database as in use.
    for (int i = 0; i < 200 && !gone; i++) {
        (void)WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH, 10L, PG_WAIT_EXTENSION);
        ResetLatch(MyLatch);
        CHECK_FOR_INTERRUPTS();
        LWLockAcquire(shared->lock, LW_SHARED);
        slot = find_slot(database);
        gone = !slot || slot->worker_pid == 0 || slot->job_id != 0;
        LWLockRelease(shared->lock);
    }
    return gone;
}

// -- launcher -----------------------------------------------------------------------------

void launcher_attach() {
    LWLockAcquire(shared->lock, LW_EXCLUSIVE);
    shared->launcher_latch = MyLatch;
    // Workers registered by a launcher that died never attached, or attached and run.
    for (DatabaseSlot& slot : shared->slots)
        if (slot.database != InvalidOid && slot.starting && slot.worker_pid == 0)
            slot.starting = false;
    LWLockRelease(shared->lock);
}

int launcher_collect_databases(Oid* databases, int capacity) {
    int n = 0;
    LWLockAcquire(shared->lock, LW_SHARED);
    for (const DatabaseSlot& slot : shared->slots)
        if (n < capacity && slot.database != InvalidOid && slot.wanted && !slot.starting && slot.worker_pid == 0)
            databases[n++] = slot.database;
    LWLockRelease(shared->lock);
    return n;
}

void launcher_mark_starting(Oid database, bool starting) {
    LWLockAcquire(shared->lock, LW_EXCLUSIVE);
    if (DatabaseSlot* slot = find_slot(database)) {
        slot->starting = starting;
        release_if_unused(slot);
    }
    LWLockRelease(shared->lock);
}

void launcher_forget(Oid database) {
    LWLockAcquire(shared->lock, LW_EXCLUSIVE);
    if (DatabaseSlot* slot = find_slot(database); slot && slot->worker_pid == 0 && slot->starting) {
        slot->starting = false;
        slot->wanted = false;
        release_if_unused(slot);
    }
    LWLockRelease(shared->lock);
}

void launcher_want_database(Oid database) {
    LWLockAcquire(shared->lock, LW_EXCLUSIVE);
    (void)want_locked(database);
    LWLockRelease(shared->lock);
}

}  // namespace cartridge::pg
