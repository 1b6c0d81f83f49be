// Background work: the state shared by the launcher, the per-database workers and the
// backends that submit, wait for and cancel jobs (see README "Background jobs").
//
// A job is a row of cartridge.scans or cartridge.projects with status 'queued'. Submitting
// one marks its database as having work when the submitting transaction commits (an
// XactCallback, as pg_net does): the database's worker, if one runs, has its latch set;
// otherwise the launcher's latch is set and the launcher starts one. Nothing polls.
#pragma once

#include "pg/postgres.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace cartridge::pg {

enum class JobKind : char { none = 0, scan = 's', project = 'p', test_run = 't' };

const char* job_kind_name(JobKind kind);  // "scan", "project" or "test run"
const char* job_table(JobKind kind);      // cartridge.scans, cartridge.projects, cartridge.test_runs
const char* job_wait_function(JobKind kind);  // cartridge_wait_scan, cartridge_wait, cartridge_wait_test_run

// Whether this backend's library was loaded by shared_preload_libraries, so that the
// launcher runs and async jobs can be served.
bool background_enabled();
// Raises a clear error (55000, with the hint to preload the library or to pass
// async => false) when async work cannot be served in this server.
void require_background_pg(const char* what, const char* verb);

// From _PG_init, when preloading: the shared memory request, its initialisation and the
// launcher's registration.
void background_preload();

// Marks this database as having work when the current transaction commits (nothing when
// it aborts).
void wake_worker_at_commit();

// The worker's side of its database's slot.
bool worker_attach(Oid database);             // false: another worker serves this database
bool worker_take_wakeup();                    // clears and returns "work may be waiting"
bool worker_leave_requested();
bool worker_detach_if_idle();                 // true: detached (no wakeup pending, or asked to leave)
void worker_set_job(JobKind kind, int64_t id);  // the running job, for cancel and the log
bool worker_cancel_requested();
// The running job's progress, for jobs that cannot commit it while they run (a test run is
// one transaction): kept in the slot, read by cartridge.jobs through running_job_of_database.
void worker_set_progress(int percent, const char* stage);
void worker_set_finishing();                  // from now on a cancel no longer interrupts it
void worker_clear_job();

// The job the worker of this database runs now, with the progress it reported (none when it
// reports it by committing).
struct LiveJob {
    JobKind kind;
    int64_t id;
    int progress;
    std::string stage;
};
std::optional<LiveJob> running_job_of_database();

// Asks the worker of this database to cancel the job if it is running it: sets the flag
// and interrupts the running statement (SIGINT). Returns whether the job was running.
bool request_cancel_of_running_job(JobKind kind, int64_t id);

// Asks the worker of `database`, when it is idle, to exit, and waits (up to 2 s) until it
// did: DROP DATABASE, ALTER DATABASE RENAME and CREATE DATABASE ... TEMPLATE refuse a
// database that has connections (see utility_hook.cpp).
bool stop_idle_worker(Oid database);
void install_utility_hook();

// Job rows changed (status, progress): wakes the backends in cartridge_wait; now, or when
// the current transaction commits.
void broadcast_job_change();
void broadcast_job_change_at_commit();
// Sleeps until a job changes or timeout_ms passes (then returns true). Interruptible.
bool wait_for_job_change(long timeout_ms);
void cancel_job_wait();

// The launcher's side.
void launcher_attach();
int launcher_collect_databases(Oid* databases, int capacity);  // databases whose work waits for a worker
void launcher_mark_starting(Oid database, bool starting);
void launcher_forget(Oid database);           // a worker that never attached (database gone)
void launcher_want_database(Oid database);    // at start-up: look for work left behind

// Settings (GUCs), defined in module.cpp.
extern int worker_idle_timeout_s;
extern int job_max_attempts;
extern int max_workers;

}  // namespace cartridge::pg
