// Test-only entry points for the boundary guards. They are declared in SQL only by
// test/sql/guard_test_functions.sql (schema cartridge_test), never by the install script.
#include "pg/datum.hpp"
#include "pg/spi.hpp"

#include "core/error.hpp"

#include <malloc.h>

#include <stdexcept>
#include <string>
#include <vector>

extern "C" {
#include "utils/builtins.h"
}

namespace {

int destructors_run = 0;

// One C++ frame with something to clean up; counts its destruction.
struct FrameProbe {
    std::string payload = std::string(256, 'x');  // owns heap memory a skipped destructor would leak
    ~FrameProbe() { ++destructors_run; }
};

void descend_then_run(int depth, const std::string& sql) {
    FrameProbe probe;
    if (depth > 1) {
        descend_then_run(depth - 1, sql);
        return;
    }
    cartridge::pg::SpiScope spi;
    cartridge::pg::spi_execute_pg(sql, false);
}

}  // namespace

// Throws a cartridge::Error with an SQLSTATE and a hint.
CARTRIDGE_FUNCTION(cartridge_test_throw_error) {
    std::string message = cartridge::pg::text_arg_pg(fcinfo, 0).value_or("");
    throw cartridge::Error(cartridge::sqlstate::invalid_parameter_value, message,
                           "this hint came from C++");
}

// Throws a plain std::exception.
CARTRIDGE_FUNCTION(cartridge_test_throw_std) {
    throw std::runtime_error(cartridge::pg::text_arg_pg(fcinfo, 0).value_or(""));
}

// Builds `depth` C++ frames, then runs `sql` through SPI at the bottom; returns the number
// of rows it processed. When the SQL raises an ERROR it crosses every frame.
CARTRIDGE_FUNCTION(cartridge_test_error_through_frames) {
    destructors_run = 0;
    int depth = PG_GETARG_INT32(0);
    std::string sql = cartridge::pg::text_arg_pg(fcinfo, 1).value_or("");
    descend_then_run(depth, sql);
    PG_RETURN_INT32(destructors_run);
}

// How many FrameProbe destructors ran during the last cartridge_test_error_through_frames.
CARTRIDGE_FUNCTION(cartridge_test_destructors_run) {
    PG_RETURN_INT32(destructors_run);
}

// Memory held by this backend: palloc'd (all contexts) and malloc'd (C++ heap) bytes.
CARTRIDGE_FUNCTION(cartridge_test_backend_memory) {
    int64 palloc_bytes = cartridge::pg::pg_call(
        [] { return static_cast<int64>(MemoryContextMemAllocated(TopMemoryContext, true)); });
    struct mallinfo2 heap = mallinfo2();
    std::string json = "{\"palloc\": " + std::to_string(palloc_bytes) +
                       ", \"malloc\": " + std::to_string(heap.uordblks) + "}";
    return cartridge::pg::jsonb_result_pg(json);
}

// Takes `depth` contexts at once (all alive together) and overwrites their memory.
static void scribble_in_new_contexts(int depth) {
    if (depth == 0)
        return;
    cartridge::pg::MemoryContextScope scribble("cartridge_test_scribble");
    cartridge::pg::pg_call([] {
        for (int i = 0; i < 64; i++)
            memset(palloc(120), 'X', 120);
    });
    scribble_in_new_contexts(depth - 1);
}

// Raises `sql`'s ERROR inside a MemoryContextScope, then (with the scope gone) allocates and
// scribbles over fresh memory before letting the error reach the client: the ErrorData must
// not have lived in the scope's context.
CARTRIDGE_FUNCTION(cartridge_test_error_inside_scope) {
    std::string sql = cartridge::pg::text_arg_pg(fcinfo, 0).value_or("");
    try {
        cartridge::pg::MemoryContextScope scope("cartridge_test_scope");
        cartridge::pg::SpiScope spi;
        cartridge::pg::spi_execute_pg(sql, false);
    } catch (const cartridge::pg::PgError&) {
        // Deleted contexts are recycled from a freelist with their first block: take them
        // again and overwrite them; freed larger blocks go back to malloc: same there.
        scribble_in_new_contexts(8);
        std::vector<void*> blocks;
        for (size_t size : {64, 256, 1024, 4096, 8192, 16384, 32768})
            for (int i = 0; i < 32; i++)
                blocks.push_back(memset(malloc(size), 'X', size));
        for (void* block : blocks)
            free(block);
        throw;
    }
    PG_RETURN_VOID();
}
