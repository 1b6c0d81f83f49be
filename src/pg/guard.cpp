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
        MemoryContextSwitchTo(CurTransactionContext ? CurTransactionContext : caller_context);
        error = CopyErrorData();
        FlushErrorState();
        MemoryContextSwitchTo(caller_context);
    }
    PG_END_TRY();
    return error;
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
