#include "pg/spi.hpp"

extern "C" {
#include "utils/lsyscache.h"
}

namespace cartridge::pg {

SpiScope::SpiScope() {
    pg_call([] {
        if (SPI_connect() != SPI_OK_CONNECT)
            elog(ERROR, "cartridge: SPI_connect failed");
    });
}

SpiScope::~SpiScope() {
    SPI_finish();
}

MemoryContextScope::MemoryContextScope(const char* name)
    : context_(pg_call([name] {
          // The name must be a string literal (it is kept, not copied), as with the macro.
          return AllocSetContextCreateInternal(CurrentMemoryContext, name, ALLOCSET_DEFAULT_SIZES);
      })),
      previous_(MemoryContextSwitchTo(context_)) {}

MemoryContextScope::~MemoryContextScope() {
    MemoryContextSwitchTo(previous_);
    MemoryContextDelete(context_);
}

void MemoryContextScope::reset() {
    MemoryContextReset(context_);
}

uint64 spi_execute_pg(const std::string& sql, bool read_only, const std::vector<QueryArg>& args) {
    const char* query = sql.c_str();
    const int nargs = static_cast<int>(args.size());
    const QueryArg* arg_list = args.data();
    return pg_call([query, read_only, nargs, arg_list] {
        Oid* types = static_cast<Oid*>(palloc(sizeof(Oid) * (nargs + 1)));
        Datum* values = static_cast<Datum*>(palloc(sizeof(Datum) * (nargs + 1)));
        char* nulls = static_cast<char*>(palloc(nargs + 1));
        for (int i = 0; i < nargs; i++) {
            Oid input_function;
            Oid io_param;
            types[i] = arg_list[i].type;
            if (arg_list[i].is_binary) {
                values[i] = arg_list[i].datum;
                nulls[i] = arg_list[i].is_null_datum ? 'n' : ' ';
                continue;
            }
            nulls[i] = arg_list[i].text ? ' ' : 'n';
            values[i] = 0;
            if (arg_list[i].text) {
                getTypeInputInfo(types[i], &input_function, &io_param);
                values[i] = OidInputFunctionCall(input_function, const_cast<char*>(arg_list[i].text),
                                                 io_param, -1);
            }
        }
        MemoryContext caller = CurrentMemoryContext;
        int rc = SPI_execute_with_args(query, nargs, types, values, nulls, read_only, 0);
        // SPI leaves its procedure context current; go back to the caller's (for instance a
        // MemoryContextScope of one table), so later allocations are freed with it.
        MemoryContextSwitchTo(caller);
        pfree(types);
        pfree(values);
        pfree(nulls);
        if (rc < 0)
            elog(ERROR, "cartridge: SPI_execute failed: %s", SPI_result_code_string(rc));
        return SPI_processed;
    });
}

std::vector<TextRow> spi_query_pg(const std::string& sql, const std::vector<QueryArg>& args, bool read_only) {
    const uint64 count = spi_execute_pg(sql, read_only, args);
    std::vector<TextRow> rows;
    rows.reserve(count);
    SPITupleTable* table = SPI_tuptable;
    const int width = table ? table->tupdesc->natts : 0;
    for (uint64 r = 0; r < count; r++) {
        TextRow row;
        row.reserve(width);
        for (int c = 1; c <= width; c++) {
            char* value = pg_call([table, r, c] { return SPI_getvalue(table->vals[r], table->tupdesc, c); });
            if (value) {
                row.emplace_back(value);
                pfree(value);
            } else {
                row.emplace_back(std::nullopt);
            }
        }
        rows.push_back(std::move(row));
    }
    // The rows are copied: release the result now rather than at SPI_finish.
    if (table) {
        SPI_freetuptable(table);
        SPI_tuptable = nullptr;
    }
    return rows;
}

}  // namespace cartridge::pg
