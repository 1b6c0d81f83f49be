#include "pg/spi.hpp"

extern "C" {
#include "catalog/pg_type_d.h"
#include "utils/array.h"
#include "utils/builtins.h"
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
    call_in_destructor([](void*) { SPI_finish(); }, nullptr);
}

MemoryContextScope::MemoryContextScope(const char* name)
    : context_(pg_call([name] {
          // The name must be a string literal (it is kept, not copied), as with the macro.
          return AllocSetContextCreateInternal(CurrentMemoryContext, name, ALLOCSET_DEFAULT_SIZES);
      })),
      previous_(MemoryContextSwitchTo(context_)) {}

MemoryContextScope::~MemoryContextScope() {
    MemoryContextSwitchTo(previous_);
    call_in_destructor([](void* context) { MemoryContextDelete(static_cast<MemoryContext>(context)); }, context_);
}

void MemoryContextScope::reset() {
    MemoryContextReset(context_);
}

namespace {

// The statement's parameters as SPI wants them, in the current memory context.
struct SpiArgs {
    int count;
    Oid* types;
    Datum* values;
    char* nulls;
};

// Runs inside a pg_call: converts text arguments with their types' input functions.
SpiArgs spi_args(const QueryArg* arg_list, int nargs) {
    SpiArgs out{nargs, static_cast<Oid*>(palloc(sizeof(Oid) * (nargs + 1))),
                static_cast<Datum*>(palloc(sizeof(Datum) * (nargs + 1))), static_cast<char*>(palloc(nargs + 1))};
    for (int i = 0; i < nargs; i++) {
        Oid input_function;
        Oid io_param;
        out.types[i] = arg_list[i].type;
        if (arg_list[i].is_binary) {
            out.values[i] = arg_list[i].datum;
            out.nulls[i] = arg_list[i].is_null_datum ? 'n' : ' ';
            continue;
        }
        out.nulls[i] = arg_list[i].text ? ' ' : 'n';
        out.values[i] = 0;
        if (arg_list[i].text) {
            getTypeInputInfo(out.types[i], &input_function, &io_param);
            out.values[i] = OidInputFunctionCall(input_function, const_cast<char*>(arg_list[i].text), io_param, -1);
        }
    }
    return out;
}

void free_spi_args(SpiArgs& args) {
    pfree(args.types);
    pfree(args.values);
    pfree(args.nulls);
}

// The text of one value: text-like values are copied straight from the datum and integers
// printed here; anything else goes through its type's output function (SPI_getvalue).
// Called inside pg_call: it touches no C++ object but `out`, which it only assigns.
void value_text(HeapTuple tuple, TupleDesc desc, int c, std::optional<std::string>& out) {
    bool is_null = false;
    const Oid type = SPI_gettypeid(desc, c);
    if (type == TEXTOID || type == VARCHAROID || type == BPCHAROID) {
        Datum datum = SPI_getbinval(tuple, desc, c, &is_null);
        if (is_null) {
            out.reset();
            return;
        }
        text* value = DatumGetTextPP(datum);
        out.emplace(VARDATA_ANY(value), VARSIZE_ANY_EXHDR(value));
        if (reinterpret_cast<Pointer>(value) != DatumGetPointer(datum))
            pfree(value);
        return;
    }
    if (type == INT8OID || type == INT4OID || type == INT2OID || type == OIDOID || type == BOOLOID) {
        Datum datum = SPI_getbinval(tuple, desc, c, &is_null);
        if (is_null)
            out.reset();
        else if (type == BOOLOID)
            out.emplace(DatumGetBool(datum) ? "t" : "f");
        else if (type == INT8OID)
            out.emplace(std::to_string(DatumGetInt64(datum)));
        else if (type == INT4OID)
            out.emplace(std::to_string(DatumGetInt32(datum)));
        else if (type == INT2OID)
            out.emplace(std::to_string(DatumGetInt16(datum)));
        else
            out.emplace(std::to_string(DatumGetObjectId(datum)));
        return;
    }
    char* value = SPI_getvalue(tuple, desc, c);
    if (value) {
        out.emplace(value);
        pfree(value);
    } else {
        out.reset();
    }
}

// Copies row r of an SPI result into row (resized to the result's width) as text, in one
// guarded call (a sigsetjmp per value cost a tenth of loading a large scan).
void copy_text_row_pg(SPITupleTable* table, uint64 r, TextRow& row) {
    const int width = table->tupdesc->natts;
    row.resize(width);
    TextRow* out = &row;
    pg_call([table, r, width, out] {
        for (int c = 1; c <= width; c++)
            value_text(table->vals[r], table->tupdesc, c, (*out)[c - 1]);
    });
}

void free_result_pg(SPITupleTable* table) {
    if (table) {
        SPI_freetuptable(table);
        SPI_tuptable = nullptr;
    }
}

}  // namespace

QueryArg text_array_pg(const TextColumn& column) {
    const TextColumn* values = &column;
    Datum array = pg_call([values] {
        const int count = static_cast<int>(values->size());
        Datum* elements = static_cast<Datum*>(palloc(sizeof(Datum) * (count + 1)));
        bool* nulls = static_cast<bool*>(palloc(sizeof(bool) * (count + 1)));
        for (int i = 0; i < count; i++) {
            const std::string* v = (*values)[i];
            nulls[i] = v == nullptr;
            elements[i] = v ? PointerGetDatum(cstring_to_text_with_len(v->data(), static_cast<int>(v->size()))) : 0;
        }
        int dims[1] = {count};
        int lower_bounds[1] = {1};
        Datum result = PointerGetDatum(
            construct_md_array(elements, nulls, 1, dims, lower_bounds, TEXTOID, -1, false, TYPALIGN_INT));
        // The array holds its own copies of the elements.
        for (int i = 0; i < count; i++)
            if (!nulls[i])
                pfree(DatumGetPointer(elements[i]));
        pfree(elements);
        pfree(nulls);
        return result;
    });
    return QueryArg::binary(TEXTARRAYOID, array, false);
}

uint64 spi_execute_pg(const std::string& sql, bool read_only, const std::vector<QueryArg>& args) {
    const char* query = sql.c_str();
    const int nargs = static_cast<int>(args.size());
    const QueryArg* arg_list = args.data();
    return pg_call([query, read_only, nargs, arg_list] {
        SpiArgs spi = spi_args(arg_list, nargs);
        MemoryContext caller = CurrentMemoryContext;
        int rc = SPI_execute_with_args(query, spi.count, spi.types, spi.values, spi.nulls, read_only, 0);
        // SPI leaves its procedure context current; go back to the caller's (for instance a
        // MemoryContextScope of one table), so later allocations are freed with it.
        MemoryContextSwitchTo(caller);
        free_spi_args(spi);
        if (rc < 0)
            elog(ERROR, "cartridge: SPI_execute failed: %s", SPI_result_code_string(rc));
        return SPI_processed;
    });
}

void spi_for_each_row_pg(const std::string& sql, const std::vector<QueryArg>& args,
                         const std::function<void(const TextRow&)>& each, long batch_rows, bool read_only) {
    const char* query = sql.c_str();
    const int nargs = static_cast<int>(args.size());
    const QueryArg* arg_list = args.data();
    Portal portal = pg_call([query, nargs, arg_list, read_only] {
        SpiArgs spi = spi_args(arg_list, nargs);
        MemoryContext caller = CurrentMemoryContext;
        Portal opened = SPI_cursor_open_with_args(nullptr, query, spi.count, spi.types, spi.values, spi.nulls,
                                                  read_only, CURSOR_OPT_NO_SCROLL);
        MemoryContextSwitchTo(caller);
        free_spi_args(spi);
        if (!opened)
            elog(ERROR, "cartridge: SPI_cursor_open failed: %s", SPI_result_code_string(SPI_result));
        return opened;
    });
    // On an error the portal is dropped by the (sub)transaction's abort; only the normal
    // end closes it here.
    TextRow row;
    for (;;) {
        SPITupleTable* table = pg_call([portal, batch_rows] {
            MemoryContext caller = CurrentMemoryContext;
            SPI_cursor_fetch(portal, true, batch_rows);
            MemoryContextSwitchTo(caller);
            return SPI_tuptable;
        });
        const uint64 count = SPI_processed;
        for (uint64 r = 0; r < count; r++) {
            copy_text_row_pg(table, r, row);
            each(row);
        }
        pg_call([table] { free_result_pg(table); });
        if (count == 0)
            break;
        check_for_interrupts_pg();
    }
    pg_call([portal] { SPI_cursor_close(portal); });
}

std::vector<TextRow> spi_query_pg(const std::string& sql, const std::vector<QueryArg>& args, bool read_only) {
    const uint64 count = spi_execute_pg(sql, read_only, args);
    std::vector<TextRow> rows(count);
    SPITupleTable* table = SPI_tuptable;
    for (uint64 r = 0; r < count; r++)
        copy_text_row_pg(table, r, rows[r]);
    // The rows are copied: release the result now rather than at SPI_finish.
    pg_call([table] { free_result_pg(table); });
    return rows;
}

}  // namespace cartridge::pg
