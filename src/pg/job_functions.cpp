// Waiting for and cancelling jobs, the same way for projects, scans and test runs:
//   cartridge_wait(project_id, timeout)   cartridge_wait_scan(scan_id, timeout)   cartridge_wait_test_run(run_id, ...)
//   cartridge_cancel(project_id)          cartridge_cancel_scan(scan_id)          cartridge_cancel_test_run(run_id)
// Row-level security decides who may: the submitting role (or a member of it) and members
// of cartridge_admin. A job the caller may not see does not exist for it.
#include "pg/background.hpp"
#include "pg/owner_scope.hpp"
#include "pg/spi.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

extern "C" {
#include "access/transam.h"
#include "access/xact.h"
#include "catalog/pg_type_d.h"
#include "datatype/timestamp.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/timestamp.h"
#include "utils/tuplestore.h"
}

namespace {

using cartridge::Error;
using cartridge::pg::JobKind;
using Clock = std::chrono::steady_clock;

// Leaves the wait list of the job condition variable, however the function ends (an ERROR
// aborts the transaction, which leaves it too). ConditionVariableCancelSleep cannot raise.
struct JobWaitScope {
    ~JobWaitScope() { cartridge::pg::cancel_job_wait(); }
};

bool is_final(const std::string& status) {
    return status == "succeeded" || status == "failed" || status == "cancelled";
}

struct JobState {
    std::string status;
    bool submitted_here = false;  // inserted by the current transaction, not committed yet
};

// The job's status as of now (a new snapshot each call: not read-only), as the caller.
JobState job_state_pg(JobKind kind, const std::string& id) {
    auto rows = cartridge::pg::spi_query_pg(fmt::format("SELECT status, xmin::text FROM {} WHERE id = $1", cartridge::pg::job_table(kind)),
                                            {{INT8OID, id.c_str()}}, false);
    if (rows.empty())
        throw Error(cartridge::sqlstate::undefined_object,
                    fmt::format("{} {} does not exist", cartridge::pg::job_kind_name(kind), id),
                    fmt::format("SELECT id, status FROM {} lists the {}s you can see.", cartridge::pg::job_table(kind),
                                cartridge::pg::job_kind_name(kind)));
    const auto xmin = static_cast<TransactionId>(std::stoul(rows[0][1].value()));
    const bool here = cartridge::pg::pg_call([xmin] { return TransactionIdIsCurrentTransactionId(xmin); });
    return {rows[0][0].value(), here};
}

// The timeout argument in milliseconds; NULL waits without limit.
long timeout_ms_arg_pg(FunctionCallInfo fcinfo, int n) {
    if (PG_ARGISNULL(n))
        return -1;
    const Interval* interval = PG_GETARG_INTERVAL_P(n);
    const double ms = (static_cast<double>(interval->time) +
                       (static_cast<double>(interval->day) + interval->month * 30.0) * USECS_PER_DAY) /
                      1000.0;
    if (ms < 0)
        throw Error(cartridge::sqlstate::invalid_parameter_value, "timeout must not be negative",
                    "Pass an interval such as '10 min', or NULL to wait without limit.");
    return static_cast<long>(std::min(ms, 1e15));
}

Datum wait_for_job(FunctionCallInfo fcinfo, JobKind kind) {
    const std::string id = std::to_string(PG_GETARG_INT64(0));
    const long timeout_ms = timeout_ms_arg_pg(fcinfo, 1);
    if (cartridge::pg::pg_call([] { return IsolationUsesXactSnapshot(); }))
        throw Error(cartridge::sqlstate::object_not_in_prerequisite_state,
                    fmt::format("cartridge_wait cannot see the {} change in a REPEATABLE READ or SERIALIZABLE "
                                "transaction", cartridge::pg::job_kind_name(kind)),
                    "Wait in a READ COMMITTED transaction (the default), or outside an explicit transaction.");
    cartridge::pg::SpiScope spi;
    (void)cartridge::pg::extension_roles_pg();
    JobWaitScope leave_wait_list;
    const auto started = Clock::now();
    JobState state = job_state_pg(kind, id);
    if (!is_final(state.status) && state.submitted_here)
        throw Error(cartridge::sqlstate::object_not_in_prerequisite_state,
                    fmt::format("{} {} was submitted in this transaction: it starts when the transaction commits",
                                cartridge::pg::job_kind_name(kind), id),
                    fmt::format("COMMIT first, then SELECT {}({});",
                                cartridge::pg::job_wait_function(kind), id));
    while (!is_final(state.status)) {
        const long waited =
            static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count());
        if (timeout_ms >= 0 && waited >= timeout_ms)
            break;
        // Woken by every committed change of a job; the one-second cap only bounds the
        // delay should a change come from a process that does not broadcast (none does).
        const long sleep_ms = timeout_ms < 0 ? 1000 : std::min(1000L, timeout_ms - waited);
        cartridge::pg::pg_call([sleep_ms] { (void)cartridge::pg::wait_for_job_change(sleep_ms); });
        state = job_state_pg(kind, id);
    }
    const std::string status = state.status;
    return cartridge::pg::pg_call([&status] { return PointerGetDatum(cstring_to_text(status.c_str())); });
}

Datum cancel_job(FunctionCallInfo fcinfo, JobKind kind) {
    const std::string id = std::to_string(PG_GETARG_INT64(0));
    cartridge::pg::SpiScope spi;
    const cartridge::pg::Roles roles = cartridge::pg::extension_roles_pg();
    JobWaitScope leave_wait_list;
    // A job that is about to start is seen running before its worker has noted it: asked
    // again for up to a second.
    for (int attempt = 0; attempt < 100; attempt++) {
        const JobState state = job_state_pg(kind, id);
        if (is_final(state.status))
            PG_RETURN_BOOL(false);
        if (state.status == "queued") {
            uint64 updated;
            {
                cartridge::pg::OwnerScope as_owner(roles);
                updated = cartridge::pg::spi_execute_pg(
                    fmt::format("UPDATE {} SET status = 'cancelled', stage = 'cancelled', "
                                "error = 'cancelled by cartridge_cancel before it started', "
                                "finished_at = pg_catalog.clock_timestamp() WHERE id = $1 AND status = 'queued'",
                                cartridge::pg::job_table(kind)),
                    false, {{INT8OID, id.c_str()}});
                const std::string payload =
                    fmt::format("{{\"kind\": \"{}\", \"id\": {}}}", cartridge::pg::job_kind_name(kind), id);
                if (updated)
                    cartridge::pg::spi_query_pg("SELECT pg_catalog.pg_notify('cartridge_progress', $1)",
                                                {{TEXTOID, payload.c_str()}}, false);
            }
            if (updated) {
                cartridge::pg::broadcast_job_change_at_commit();
                PG_RETURN_BOOL(true);
            }
            continue;  // claimed meanwhile
        }
        if (cartridge::pg::request_cancel_of_running_job(kind, std::stoll(id)))
            PG_RETURN_BOOL(true);
        cartridge::pg::pg_call([] { (void)cartridge::pg::wait_for_job_change(10); });
    }
    throw Error(cartridge::sqlstate::object_not_in_prerequisite_state,
                fmt::format("{} {} is running, but no cartridge worker of this database runs it",
                            cartridge::pg::job_kind_name(kind), id),
                "The worker that ran it stopped; the next worker re-queues or fails it. Try again.");
}

}  // namespace

CARTRIDGE_FUNCTION(cartridge_wait) {
    return wait_for_job(fcinfo, JobKind::project);
}

CARTRIDGE_FUNCTION(cartridge_wait_scan) {
    return wait_for_job(fcinfo, JobKind::scan);
}

CARTRIDGE_FUNCTION(cartridge_cancel) {
    return cancel_job(fcinfo, JobKind::project);
}

CARTRIDGE_FUNCTION(cartridge_cancel_scan) {
    return cancel_job(fcinfo, JobKind::scan);
}

CARTRIDGE_FUNCTION(cartridge_wait_test_run) {
    return wait_for_job(fcinfo, JobKind::test_run);
}

CARTRIDGE_FUNCTION(cartridge_cancel_test_run) {
    return cancel_job(fcinfo, JobKind::test_run);
}

// cartridge.running_job(): the job this database's worker runs now and the progress it
// reported, when the caller may see that job (row-level security of its table decides).
CARTRIDGE_FUNCTION(cartridge_running_job) {
    std::optional<cartridge::pg::LiveJob> job = cartridge::pg::running_job_of_database();
    if (job) {
        cartridge::pg::SpiScope spi;
        const std::string id = std::to_string(job->id);
        if (cartridge::pg::spi_query_pg(fmt::format("SELECT 1 FROM {} WHERE id = $1", cartridge::pg::job_table(job->kind)),
                                        {{INT8OID, id.c_str()}})
                .empty())
            job.reset();
    }
    const cartridge::pg::LiveJob* row = job ? &*job : nullptr;
    cartridge::pg::pg_call([fcinfo, row] {
        InitMaterializedSRF(fcinfo, 0);
        if (!row)
            return;
        ReturnSetInfo* rsinfo = reinterpret_cast<ReturnSetInfo*>(fcinfo->resultinfo);
        const char* kind = row->kind == JobKind::scan ? "scan" : row->kind == JobKind::project ? "project" : "test_run";
        Datum values[4] = {PointerGetDatum(cstring_to_text(kind)), Int64GetDatum(row->id),
                           Int16GetDatum(static_cast<int16>(row->progress)),
                           PointerGetDatum(cstring_to_text(row->stage.c_str()))};
        bool nulls[4] = {false, false, false, false};
        tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
    });
    return (Datum)0;
}
