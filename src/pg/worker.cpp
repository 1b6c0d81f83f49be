// The worker of one database (backend_type "cartridge worker"): claims queued scans and
// projects with FOR UPDATE SKIP LOCKED, oldest first, and runs each as the role that
// submitted it.
//
// It connects as the bootstrap superuser, as autovacuum does, and switches to the
// submitting role inside each of the job's transactions (SetUserIdAndSecContext with
// SECURITY_LOCAL_USERID_CHANGE, which also forbids SET ROLE / SET SESSION AUTHORIZATION), as
// pg_cron does around a job; the job's own writes then switch to the extension's owner as
// in sync mode. The worker's own bookkeeping (claim, progress, end, recovery) runs as the
// superuser it connected as, and touches the cartridge tables only.
//
// Transactions of a job:
// - claim: status running, attempts + 1, committed with a NOTIFY;
// - scan: one transaction does the whole scan and ends it succeeded (nothing of a failed
//   scan stays);
// - generation: one transaction loads the scan; the generation runs in memory, out of any
//   transaction, committing its progress in short transactions of their own; one
//   transaction stores the project and ends it succeeded;
// - on an ERROR (a cancel among them) the transaction is rolled back and the job's end,
//   failed or cancelled, is committed by itself.
// A worker that dies in a job (kill -9, crash, pg_terminate_backend, immediate shutdown)
// leaves it running; the next worker of the database re-queues it, up to
// cartridge.job_max_attempts attempts, then fails it (recover_orphans_pg).
#include "pg/background.hpp"
#include "pg/jobs.hpp"
#include "pg/spi.hpp"
#include "pg/sql_check.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <chrono>
#include <optional>

extern "C" {
#include "access/xact.h"
#include "catalog/pg_type_d.h"
#include "pgstat.h"
#include "postmaster/bgworker.h"
#include "postmaster/interrupt.h"
#include "storage/ipc.h"
#include "storage/latch.h"
#include "tcop/tcopprot.h"
#include "utils/guc.h"
#include "utils/snapmgr.h"
#include "utils/timestamp.h"
#include "utils/wait_event.h"

PGDLLEXPORT void cartridge_worker_main(Datum);
}

namespace cartridge::pg {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

// Where the worker allocates between transactions; reset after each job.
MemoryContext job_context = nullptr;

// Runs body in a transaction of its own, committed; an ERROR (a PgError) propagates with
// the transaction still open, for the job's handler to roll back.
template <typename Body>
void in_transaction(Body&& body) {
    pg_call([] {
        SetCurrentStatementStartTimestamp();
        StartTransactionCommand();
        PushActiveSnapshot(GetTransactionSnapshot());
    });
    {
        SpiScope spi;
        body();
    }
    pg_call([] {
        PopActiveSnapshot();
        CommitTransactionCommand();
    });
    MemoryContextSwitchTo(job_context);
}

// Rolls back whatever transaction an ERROR left open.
void roll_back_pg() {
    pg_call([] { AbortCurrentTransaction(); });
    MemoryContextSwitchTo(job_context);
}

const char* role_column_of(JobKind kind) {
    return kind == JobKind::scan ? "scanned_by" : "submitted_by";
}

void notify_pg(JobKind kind, int64_t id) {
    const std::string payload = json{{"kind", job_kind_name(kind)}, {"id", id}}.dump();
    spi_query_pg("SELECT pg_catalog.pg_notify('cartridge_progress', $1)", {{TEXTOID, payload.c_str()}}, false);
}

// The settings the SQL function of a job declares (its SET clauses: search_path, DateStyle,
// jit, work_mem, ...), applied to the current transaction only, so the job runs with the
// same settings as a sync call. Read from the catalog: the install script stays their one
// source.
void apply_function_settings_pg(const char* function) {
    spi_query_pg(
        "SELECT pg_catalog.set_config(pg_catalog.split_part(c, '=', 1), "
        "pg_catalog.substr(c, pg_catalog.strpos(c, '=') + 1), true) "
        "FROM pg_catalog.pg_proc p, pg_catalog.unnest(p.proconfig) AS c "
        "WHERE p.proname = $1 AND EXISTS (SELECT 1 FROM pg_catalog.pg_depend d "
        "  WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid = p.oid AND d.deptype = 'e' "
        "    AND d.refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'cartridge'))",
        {{TEXTOID, function}}, false);
}

// Runs body as `role` (inside a transaction; the role is restored at its end, or by the
// abort of an ERROR).
template <typename Body>
void as_role(Oid role, Body&& body) {
    Oid saved_user;
    int saved_context;
    GetUserIdAndSecContext(&saved_user, &saved_context);
    SetUserIdAndSecContext(role, saved_context | SECURITY_LOCAL_USERID_CHANGE);
    body();
    SetUserIdAndSecContext(saved_user, saved_context);
}

bool extension_ready_pg() {
    bool ready = false;
    in_transaction([&] {
        auto rows = spi_query_pg("SELECT extversion FROM pg_catalog.pg_extension WHERE extname = 'cartridge'");
        ready = !rows.empty() && rows[0][0] == std::optional<std::string>(CARTRIDGE_VERSION);
        if (!rows.empty() && !ready)
            pg_call([&] {
                ereport(LOG, (errmsg("cartridge worker: the SQL objects of extension \"cartridge\" are version %s, "
                                     "its library is version %s; jobs wait until ALTER EXTENSION cartridge UPDATE",
                                     rows[0][0].value_or("?").c_str(), CARTRIDGE_VERSION)));
            });
    });
    return ready;
}

// Jobs left running by a worker that died: this is the database's only worker (its slot
// says so), and jobs run in sync mode are never committed as running.
void recover_orphans_pg() {
    const std::string max_attempts = std::to_string(job_max_attempts);
    in_transaction([&] {
        for (JobKind kind : {JobKind::scan, JobKind::project, JobKind::test_run}) {
            auto rows = spi_query_pg(
                fmt::format(
                    "UPDATE {} SET "
                    "status = CASE WHEN attempts >= $1 THEN 'failed' ELSE 'queued' END, "
                    "stage = CASE WHEN attempts >= $1 THEN 'failed' ELSE 'queued' END, progress = 0, "
                    "error = CASE WHEN attempts >= $1 THEN pg_catalog.format("
                    "'the worker stopped while running this job, %s times; giving up', attempts) END, "
                    "message = CASE WHEN attempts >= $1 THEN NULL ELSE pg_catalog.format("
                    "'re-queued: the worker stopped while running it (attempt %s of %s)', attempts, $1) END, "
                    "finished_at = CASE WHEN attempts >= $1 THEN pg_catalog.clock_timestamp() END "
                    "WHERE status = 'running' RETURNING id",
                    job_table(kind)),
                {{INT4OID, max_attempts.c_str()}}, false);
            for (const auto& row : rows)
                notify_pg(kind, std::stoll(row[0].value()));
        }
    });
    broadcast_job_change();
}

struct Job {
    JobKind kind = JobKind::none;
    int64_t id = 0;
    Oid role = InvalidOid;
    int attempts = 0;
};

// The oldest queued job of either kind, claimed: running, one more attempt, committed. A
// job whose role no longer exists is failed instead (a role created later under its name
// is another oid, and is never used).
std::optional<Job> claim_next_job_pg() {
    std::optional<Job> claimed;
    in_transaction([&] {
        // Oldest first across the tables (a generation queued after a scan runs after it;
        // a scan, a generation and a test run submitted in one transaction: in that order).
        auto oldest = spi_query_pg(
            "WITH s AS (SELECT id, created_at FROM cartridge.scans WHERE status = 'queued' "
            "           ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED), "
            "p AS (SELECT id, created_at FROM cartridge.projects WHERE status = 'queued' "
            "      ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED), "
            "t AS (SELECT id, created_at FROM cartridge.test_runs WHERE status = 'queued' "
            "      ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED) "
            "SELECT 0, id, created_at FROM s UNION ALL SELECT 1, id, created_at FROM p "
            "UNION ALL SELECT 2, id, created_at FROM t "
            "ORDER BY created_at, 1 LIMIT 1",
            {}, false);
        if (oldest.empty())
            return;
        const std::string code = oldest[0][0].value();
        const JobKind kind = code == "0" ? JobKind::scan : code == "1" ? JobKind::project : JobKind::test_run;
        const std::string id = oldest[0][1].value();
        auto rows = spi_query_pg(
            fmt::format("UPDATE {0} SET attempts = attempts + 1, started_at = pg_catalog.clock_timestamp(), "
                        "progress = 0, finished_at = NULL, "
                        "status = CASE WHEN {2} THEN 'running' ELSE 'failed' END, "
                        "stage = CASE WHEN {2} THEN $2 ELSE 'failed' END, "
                        "error = CASE WHEN NOT {2} THEN pg_catalog.format("
                        "'the role that submitted this job (oid %s) no longer exists', {1}::oid) END "
                        "WHERE id = $1 RETURNING status, {1}::oid, attempts",
                        job_table(kind), role_column_of(kind),
                        fmt::format("EXISTS (SELECT 1 FROM pg_catalog.pg_authid r WHERE r.oid = {})",
                                    role_column_of(kind))),
            {{INT8OID, id.c_str()}, {TEXTOID, kind == JobKind::scan ? "scanning" : kind == JobKind::project ? "loading scan" : "running"}}, false);
        notify_pg(kind, std::stoll(id));
        if (rows.at(0)[0] == std::optional<std::string>("running"))
            claimed = Job{kind, std::stoll(id), static_cast<Oid>(std::stoul(rows[0][1].value())),
                          std::stoi(rows[0][2].value())};
        else
            claimed = Job{};  // failed at once; look for the next one
    });
    broadcast_job_change();
    return claimed;
}

// Commits a running job's progress in a short transaction of its own (the job has none
// open meanwhile), at most every progress_interval, the first one progress_interval after
// the start: a short job commits none (its claim and its end say all), a long one shows
// where it is ten times a second.
class ProgressReporter {
public:
    explicit ProgressReporter(const Job& job) : job_(job), last_(Clock::now()) {}

    void report(int percent, const std::string& stage) {
        const auto now = Clock::now();
        if ((stage == stage_ && percent == percent_) || now - last_ < progress_interval)
            return;
        percent_ = percent;
        stage_ = stage;
        last_ = now;
        const std::string id = std::to_string(job_.id);
        const std::string pct = std::to_string(percent);
        in_transaction([&] {
            // Progress is not worth a WAL flush of its own; the job's end is.
            spi_execute_pg("SET LOCAL synchronous_commit = off", false);
            spi_execute_pg(fmt::format("UPDATE {} SET progress = $2, stage = $3 WHERE id = $1 AND status = 'running'",
                                       job_table(job_.kind)),
                           false, {{INT8OID, id.c_str()}, {INT2OID, pct.c_str()}, {TEXTOID, stage.c_str()}});
            notify_pg(job_.kind, job_.id);
        });
        broadcast_job_change();
    }

private:
    static constexpr std::chrono::milliseconds progress_interval{100};
    Job job_;
    int percent_ = -1;
    std::string stage_;
    Clock::time_point last_;
};

void check_job_interrupts() {
    check_for_interrupts_pg();
}

void run_scan_job(const Job& job) {
    in_transaction([&] {
        apply_function_settings_pg("cartridge_scan");
        as_role(job.role, [&] {
            const Roles roles = extension_roles_pg();
            execute_scan_pg(job.id, roles);
        });
        notify_pg(job.kind, job.id);
    });
}

void run_project_job(const Job& job) {
    ProgressReporter progress(job);
    GenerationInput input;
    Roles roles;
    in_transaction([&] {
        apply_function_settings_pg("cartridge_generate");
        as_role(job.role, [&] {
            roles = extension_roles_pg();
            input = load_generation_input_pg(job.id, roles);
        });
    });
    // Generation progress (0-100) is reported as 5-90 of the job's.
    GenerateHooks hooks;
    hooks.check_interrupts = check_job_interrupts;
    in_transaction([&] { as_role(job.role, [&] { add_ai_hook(hooks, input); }); });
    if (hooks.check_sql) {
        // Outside the job's transactions: a short one of its own, as the submitter.
        hooks.check_sql = [&job, check = hooks.check_sql](const std::string& sql, bool run) {
            cartridge::ai::SqlCheck result;
            in_transaction([&] { as_role(job.role, [&] { result = check(sql, run); }); });
            return result;
        };
    }
    hooks.progress = [&](int percent, const std::string& stage) {
        if (percent < 100)  // the generation's "done" is not the job's: it is stored next
            progress.report(5 + percent * 85 / 100, stage);
    };
    json timings = input.timings;
    GeneratedProject project;
    try {
        project = generate_in_memory(input, hooks, timings);
    } catch (const cartridge::GenerationError& e) {
        // What was asked stays with the failed job (its usage too), in a transaction of its
        // own; the failure itself is recorded by run_job.
        in_transaction([&] {
            store_ai_requests_pg(job.id, e.asked, roles);
            spi_execute_pg("UPDATE cartridge.projects SET usage = $2, model = NULLIF($3, '') WHERE id = $1", false,
                           {{INT8OID, std::to_string(job.id).c_str()},
                            {JSONBOID, usage_of(e.asked).dump().c_str()},
                            {TEXTOID, e.asked.model.c_str()}});
        });
        throw;
    }
    progress.report(92, "storing");
    in_transaction([&] {
        apply_function_settings_pg("cartridge_generate");
        as_role(job.role, [&] { store_generated_project_pg(job.id, project, timings, roles); });
        notify_pg(job.kind, job.id);
    });
}

// A test run is one transaction (its build is rolled back at the end): its progress cannot be
// committed while it runs; the worker keeps it in shared memory (cartridge.jobs shows it)
// and in pg_stat_activity.
void run_test_run_job(const Job& job) {
    in_transaction([&] {
        spi_query_pg("SELECT pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true)", {}, false);
        as_role(job.role, [&] {
            const Roles roles = extension_roles_pg();
            int shown = -1;
            execute_test_run_pg(job.id, roles, [&](int percent, const char* stage) {
                if (percent == shown)
                    return;
                shown = percent;
                worker_set_progress(percent, stage);
                const std::string activity =
                    fmt::format("cartridge job: test run {} (attempt {}): {} {}%", job.id, job.attempts, stage,
                                percent);
                pgstat_report_activity(STATE_RUNNING, activity.c_str());
            });
        });
        notify_pg(job.kind, job.id);
    });
}

std::string error_text(const std::exception& e) {
    if (const auto* pg = dynamic_cast<const PgError*>(&e))
        return pg->what();
    return e.what();
}

// Records the end of a job that raised: cancelled when a cancel was asked for, else failed
// with the error's message. When even that fails, the worker exits and the next one
// recovers the job.
void end_failed_job(const Job& job, const std::string& error) {
    worker_set_finishing();
    const bool cancelled = worker_cancel_requested();
    const std::string id = std::to_string(job.id);
    try {
        in_transaction([&] {
            spi_execute_pg(fmt::format("UPDATE {} SET status = $2, stage = $2, error = $3, "
                                       "finished_at = pg_catalog.clock_timestamp() "
                                       "WHERE id = $1 AND status = 'running'",
                                       job_table(job.kind)),
                           false,
                           {{INT8OID, id.c_str()},
                            {TEXTOID, cancelled ? "cancelled" : "failed"},
                            {TEXTOID, cancelled ? "cancelled by cartridge_cancel" : error.c_str()}});
            notify_pg(job.kind, job.id);
        });
    } catch (const std::exception& e) {
        roll_back_pg();
        const std::string why = error_text(e);
        pg_call([&] {
            ereport(LOG, (errmsg("cartridge worker: could not record the end of %s %lld: %s", job_kind_name(job.kind),
                                 static_cast<long long>(job.id), why.c_str())));
        });
        proc_exit(1);
    }
}

void run_job(const Job& job) {
    worker_set_job(job.kind, job.id);
    const std::string activity =
        fmt::format("cartridge job: {} {} (attempt {})", job_kind_name(job.kind), job.id, job.attempts);
    pgstat_report_activity(STATE_RUNNING, activity.c_str());
    std::optional<std::string> failure;
    try {
        if (job.kind == JobKind::scan)
            run_scan_job(job);
        else if (job.kind == JobKind::test_run)
            run_test_run_job(job);
        else
            run_project_job(job);
    } catch (const Error& e) {
        failure = e.hint().empty() ? std::string(e.what()) : fmt::format("{} ({})", e.what(), e.hint());
    } catch (const PgError& e) {
        const ErrorData* data = e.error_data();
        failure = data && data->hint ? fmt::format("{} ({})", e.what(), data->hint) : std::string(e.what());
    } catch (const std::bad_alloc&) {
        failure = "out of memory in cartridge";
    } catch (const std::exception& e) {
        failure = e.what();
    }
    if (failure) {
        roll_back_pg();
        end_failed_job(job, *failure);
    }
    worker_clear_job();
    broadcast_job_change();
    // The job's table statistics (rows written, dead rows) reach the cumulative statistics,
    // and so autovacuum, now rather than when the worker exits.
    pg_call([] { (void)pgstat_report_stat(false); });
    pgstat_report_activity(STATE_IDLE, nullptr);
    MemoryContextReset(job_context);
}

void run_worker() {
    job_context = AllocSetContextCreate(TopMemoryContext, "cartridge job", ALLOCSET_DEFAULT_SIZES);
    MemoryContextSwitchTo(job_context);
    if (!extension_ready_pg())
        return;
    recover_orphans_pg();
    bool ran_any = false;
    auto idle_since = Clock::now();
    for (;;) {
        check_for_interrupts_pg();
        if (ConfigReloadPending) {
            ConfigReloadPending = false;
            pg_call([] { ProcessConfigFile(PGC_SIGHUP); });
        }
        if (worker_leave_requested() && worker_detach_if_idle())
            return;
        (void)worker_take_wakeup();
        while (std::optional<Job> job = claim_next_job_pg()) {
            if (job->kind != JobKind::none)
                run_job(*job);
            ran_any = true;
            idle_since = Clock::now();
            check_for_interrupts_pg();
        }
        // A worker started only to look for work left behind exits at once; one that ran
        // jobs waits a while for more (cartridge.worker_idle_timeout).
        const auto idle = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - idle_since);
        const long remaining = ran_any ? static_cast<long>(worker_idle_timeout_s) * 1000 - idle.count() : 0;
        if (remaining <= 0) {
            if (worker_detach_if_idle())
                return;
            continue;  // a submit committed meanwhile
        }
        pg_call([remaining] {
            (void)WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH, remaining, PG_WAIT_EXTENSION);
            ResetLatch(MyLatch);
        });
    }
}

}  // namespace
}  // namespace cartridge::pg

void cartridge_worker_main(Datum arg) {
    const Oid database = DatumGetObjectId(arg);
    pqsignal(SIGHUP, SignalHandlerForConfigReload);
    pqsignal(SIGTERM, die);
    BackgroundWorkerUnblockSignals();
    BackgroundWorkerInitializeConnectionByOid(database, InvalidOid, 0);
    pgstat_report_appname("cartridge worker");
    if (!cartridge::pg::worker_attach(database))
        proc_exit(0);  // another worker serves this database
    try {
        cartridge::pg::run_worker();
    } catch (const std::exception& e) {
        // Outside any job: report and exit; the launcher starts another worker when needed.
        const std::string what = e.what();
        ereport(LOG, (errmsg("cartridge worker stopped: %s", what.c_str())));
        proc_exit(1);
    }
    proc_exit(0);
}
