// RAII for SPI and memory contexts, and guarded query helpers.
#pragma once

#include "pg/guard.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

extern "C" {
#include "executor/spi.h"
}

namespace cartridge::pg {

// SPI_connect on construction, SPI_finish on destruction (also when a PgError unwinds).
class SpiScope {
public:
    SpiScope();
    ~SpiScope();
    SpiScope(const SpiScope&) = delete;
    SpiScope& operator=(const SpiScope&) = delete;
};

// A child memory context that is current for the scope's lifetime and deleted after it,
// so per-row allocations of a long loop do not live until the end of the query.
class MemoryContextScope {
public:
    explicit MemoryContextScope(const char* name);
    ~MemoryContextScope();
    MemoryContextScope(const MemoryContextScope&) = delete;
    MemoryContextScope& operator=(const MemoryContextScope&) = delete;
    MemoryContext context() const noexcept { return context_; }
    void reset();

private:
    MemoryContext context_;
    MemoryContext previous_;
};

// A parameter of a guarded query: a type oid and its value, as text (converted by the
// type's input function; nullptr is SQL NULL) or, with binary(), as a ready Datum.
struct QueryArg {
    Oid type;
    const char* text;
    Datum datum = 0;
    bool is_binary = false;
    bool is_null_datum = false;

    static QueryArg binary(Oid type, Datum datum, bool is_null) {
        return QueryArg{type, nullptr, datum, true, is_null};
    }
};

// One column of rows to insert, as a text[] argument (nullptr elements are NULL), made in
// the current memory context. Rows go in through unnest() of such arrays: one statement per
// table whatever the number of rows, and no text format to escape and parse in between.
using TextColumn = std::vector<const std::string*>;
QueryArg text_array_pg(const TextColumn& column);

// Runs one statement through SPI; returns SPI_processed. Errors become PgError.
uint64 spi_execute_pg(const std::string& sql, bool read_only, const std::vector<QueryArg>& args = {});

// Rows of a query, every value as its text output (nullopt for NULL).
using TextRow = std::vector<std::optional<std::string>>;
std::vector<TextRow> spi_query_pg(const std::string& sql, const std::vector<QueryArg>& args = {},
                                  bool read_only = true);

// The rows of a query, fetched through a cursor batch_rows at a time and handed to each()
// one by one, so a large result is never held whole (neither by SPI nor here). A statement
// that writes (INSERT ... RETURNING) needs read_only false; it runs whole at the first fetch
// and its rows wait in a tuplestore (on disk past work_mem).
void spi_for_each_row_pg(const std::string& sql, const std::vector<QueryArg>& args,
                         const std::function<void(const TextRow&)>& each, long batch_rows = 1000,
                         bool read_only = true);

}  // namespace cartridge::pg
