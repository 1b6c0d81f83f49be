#include "pg/guard.hpp"

#include "core/error.hpp"

#include <cstring>
#include <new>

namespace cartridge::pg {

namespace {

// Messages are copied into fixed buffers on this frame: a std::string would be skipped by
// ereport's longjmp and leak, and palloc inside a catch block could itself longjmp.
struct ErrorReport {
    int sqlstate = ERRCODE_INTERNAL_ERROR;
    char message[2048] = {};
    char detail[2048] = {};
    char hint[1024] = {};
};

void copy_text(char* target, size_t size, const char* text) {
    if (text)
        strlcpy(target, text, size);
}

int sqlstate_code(const std::string& code) {
    if (code.size() != 5)
        return ERRCODE_INTERNAL_ERROR;
    return MAKE_SQLSTATE(code[0], code[1], code[2], code[3], code[4]);
}

}  // namespace

namespace {

// What pg_try returns when copying the caught error failed (the copy ran out of memory):
// static storage, so that handing it on needs no allocation. ReThrowError copies its fields.
ErrorData copy_failed_error() {
    ErrorData data{};
    data.elevel = ERROR;
    data.sqlerrcode = ERRCODE_OUT_OF_MEMORY;
    data.message = const_cast<char*>("out of memory while copying an error in cartridge");
    data.hint = const_cast<char*>("The original error was lost; see the server log.");
    data.filename = __FILE__;
    data.funcname = "pg_try";
    data.assoc_context = nullptr;
    return data;
}
ErrorData copy_failed = copy_failed_error();

// CopyErrorData of the error being handled, in `target`; or, when the copy itself raises
// (it allocates), the static copy_failed. Runs inside a PG_CATCH block: a second ERROR here
// must not longjmp past the C++ frames above, so it is caught by a frame of its own.
ErrorData* copy_error_data(MemoryContext target, MemoryContext caller) {
    ErrorData* volatile copy = nullptr;
    PG_TRY();
    {
        MemoryContextSwitchTo(target);
        copy = CopyErrorData();
    }
    PG_CATCH();
    {
        copy = nullptr;
    }
    PG_END_TRY();
    FlushErrorState();
    MemoryContextSwitchTo(caller);
    return copy ? copy : &copy_failed;
}

}  // namespace

ErrorData* pg_try(void (*run)(void*), void* frame) {
    MemoryContext caller_context = CurrentMemoryContext;
    ErrorData* volatile error = nullptr;
    PG_TRY();
    {
        run(frame);
    }
    PG_CATCH();
    {
        // The copy must outlive every MemoryContextScope the exception unwinds through on
        // its way to the entry guard, so it goes to the (sub)transaction's context, which
        // lives until the error is re-thrown or the subtransaction that handled it ends.
        error = copy_error_data(CurTransactionContext ? CurTransactionContext : caller_context, caller_context);
    }
    PG_END_TRY();
    return error;
}

void call_in_destructor(void (*run)(void*), void* frame) noexcept {
    ErrorData* error = pg_try(run, frame);
    if (!error)
        return;
    // A destructor cannot throw: an ERROR here is reported as a WARNING (itself guarded),
    // and whatever error is unwinding carries on.
    struct Report {
        ErrorData* error;
    } report{error};
    (void)pg_try(
        [](void* raw) {
            ErrorData* e = static_cast<Report*>(raw)->error;
            ereport(WARNING, (errcode(e->sqlerrcode), errmsg("cartridge: while cleaning up: %s",
                                                            e->message ? e->message : "unknown error")));
        },
        &report);
}

Datum run_entry_guarded(Datum (*body)(FunctionCallInfo), FunctionCallInfo fcinfo) {
    ErrorReport report;
    ErrorData* pg_error = nullptr;
    try {
        return body(fcinfo);
    } catch (const PgError& e) {
        pg_error = e.error_data();
    } catch (const cartridge::Error& e) {
        report.sqlstate = sqlstate_code(e.sqlstate());
        copy_text(report.message, sizeof report.message, e.what());
        copy_text(report.detail, sizeof report.detail, e.detail().c_str());
        copy_text(report.hint, sizeof report.hint, e.hint().c_str());
    } catch (const std::bad_alloc&) {
        report.sqlstate = ERRCODE_OUT_OF_MEMORY;
        copy_text(report.message, sizeof report.message, "out of memory in cartridge");
    } catch (const std::exception& e) {
        copy_text(report.message, sizeof report.message, e.what());
    } catch (...) {
        copy_text(report.message, sizeof report.message, "unknown C++ exception in cartridge");
    }
    // Every C++ object of the body is gone now; only plain data remains on this frame.
    if (pg_error)
        ReThrowError(pg_error);
    ereport(ERROR, (errcode(report.sqlstate), errmsg("%s", report.message),
                    report.detail[0] ? errdetail("%s", report.detail) : 0,
                    report.hint[0] ? errhint("%s", report.hint) : 0));
    pg_unreachable();
}

}  // namespace cartridge::pg
