// The two guards at the C++/PostgreSQL boundary (see STYLE.md).
//
// Entry guard: every SQL-callable function is declared with CARTRIDGE_FUNCTION. Its body is
// ordinary C++; the exported C symbol runs it inside try/catch, lets every C++ object die,
// and only then reports the error with ereport (or re-throws the original PostgreSQL error).
//
// Call guard: C++ never calls a PostgreSQL function that can raise an ERROR directly. It
// calls it through pg_call(), which installs its own sigsetjmp frame, turns the ERROR into
// a PgError (carrying the ErrorData, so SQLSTATE, detail and hint survive), and restores the
// memory context. The C++ frames between the guard and the entry point unwind normally.
//
// Convention: functions in namespace cartridge::pg that end in _pg call PostgreSQL and are
// guarded; the lambdas passed to pg_call hold no C++ object with a destructor.
//
// A PgError is caught in two places only: the entry guard (the transaction then aborts) and
// run_in_subtransaction_pg (which rolls its subtransaction back). Scopes that unwind on the
// way (SpiScope, MemoryContextScope, FreshSnapshotScope) undo only their own step and leave
// what the ERROR left half-done (SPI's snapshot, a portal) to that abort; their calls into
// PostgreSQL go through call_in_destructor (or cannot raise), so they are safe while an
// error unwinds. Never catch a PgError anywhere else and carry on in the same
// (sub)transaction.
#pragma once

#include "pg/postgres.hpp"

#include <exception>
#include <type_traits>
#include <utility>

namespace cartridge::pg {

// A PostgreSQL ERROR caught by pg_call. The ErrorData lives in the current (sub)transaction's
// memory context, so it outlives the C++ frames (and their MemoryContextScopes) that carry
// it to the entry guard.
class PgError : public std::exception {
public:
    explicit PgError(ErrorData* data) : data_(data) {}
    const char* what() const noexcept override {
        return data_ && data_->message ? data_->message : "PostgreSQL error";
    }
    ErrorData* error_data() const noexcept { return data_; }

private:
    ErrorData* data_;
};

// Runs a SQL-callable body; never returns normally on error.
Datum run_entry_guarded(Datum (*body)(FunctionCallInfo), FunctionCallInfo fcinfo);

// Runs run(frame) inside its own PG_TRY frame. Returns nullptr, or the ERROR it caught,
// copied into the (sub)transaction's memory context; when that copy itself fails, a static
// out-of-memory error. Not a template so that the sigsetjmp frame holds nothing but plain
// pointers.
ErrorData* pg_try(void (*run)(void*), void* frame);

// For destructors that call back into PostgreSQL (SPI_finish, MemoryContextDelete), which
// run while a PgError unwinds too: runs run(frame) under pg_try and turns an ERROR it raises
// into a WARNING, so that no longjmp ever crosses the unwinding C++ frames and no exception
// leaves the destructor.
void call_in_destructor(void (*run)(void*), void* frame) noexcept;

template <typename Call>
auto pg_call(Call&& call) -> decltype(call()) {
    using Result = decltype(call());
    struct Frame {
        Call* call = nullptr;
        std::conditional_t<std::is_void_v<Result>, char, Result> result{};
        std::exception_ptr cpp_error;
    } frame;
    frame.call = &call;
    ErrorData* error = pg_try(
        [](void* raw) {
            Frame* f = static_cast<Frame*>(raw);
            // A C++ exception must not leave the PG_TRY block: PG_END_TRY restores the stack.
            try {
                if constexpr (std::is_void_v<Result>)
                    (*f->call)();
                else
                    f->result = (*f->call)();
            } catch (...) {
                f->cpp_error = std::current_exception();
            }
        },
        &frame);
    if (error)
        throw PgError(error);
    if (frame.cpp_error)
        std::rethrow_exception(frame.cpp_error);
    if constexpr (!std::is_void_v<Result>)
        return frame.result;
}

// CHECK_FOR_INTERRUPTS for C++ code: a cancel or statement_timeout becomes a PgError.
inline void check_for_interrupts_pg() {
    pg_call([] { CHECK_FOR_INTERRUPTS(); });
}

}  // namespace cartridge::pg

// Declares a SQL-callable function `name` whose body is guarded C++.
#define CARTRIDGE_FUNCTION(name)                                                        \
    static Datum name##_body(FunctionCallInfo fcinfo);                                  \
    extern "C" {                                                                        \
    PG_FUNCTION_INFO_V1(name);                                                          \
    Datum name(PG_FUNCTION_ARGS) {                                                      \
        return cartridge::pg::run_entry_guarded(name##_body, fcinfo);                   \
    }                                                                                   \
    }                                                                                   \
    static Datum name##_body([[maybe_unused]] FunctionCallInfo fcinfo)
