// The database's check of a model's compiled SQL (src/core/ai_sql.hpp): parsed with
// PostgreSQL's own parser (exactly one plain SELECT), its result columns from the analyzed
// statement, and planned with EXPLAIN — executed, read-only, only when asked (a cast tried
// on every value) — in a subtransaction that is rolled back, as the role that runs it (the
// caller; the worker switches to the submitter first).
#include "pg/sql_check.hpp"

#include "pg/spi.hpp"
#include "pg/subtransaction.hpp"

extern "C" {
#include "executor/spi.h"
#include "nodes/parsenodes.h"
#include "parser/parser.h"
#include "utils/builtins.h"
#include "utils/plancache.h"
}

namespace cartridge::pg {

cartridge::ai::SqlCheck check_sql_pg(const std::string& sql, bool run) {
    cartridge::ai::SqlCheck result;
    SpiScope spi;
    std::string shape;
    std::optional<std::string> error = read_in_subtransaction_pg([&] {
        pg_call([&] {
            List* statements = raw_parser(sql.c_str(), RAW_PARSE_DEFAULT);
            if (list_length(statements) != 1) {
                shape = "the SQL must be exactly one statement";
                return;
            }
            Node* statement = linitial_node(RawStmt, statements)->stmt;
            if (!IsA(statement, SelectStmt)) {
                shape = "the SQL must be a SELECT";
                return;
            }
            const SelectStmt* select = castNode(SelectStmt, statement);
            if (select->intoClause || select->lockingClause)
                shape = "the SQL must be a plain SELECT (no INTO, no FOR UPDATE)";
        });
        if (!shape.empty())
            return;
        pg_call([&] {
            SPIPlanPtr plan = SPI_prepare(sql.c_str(), 0, nullptr);
            if (!plan)
                elog(ERROR, "could not prepare the SQL: %s", SPI_result_code_string(SPI_result));
            List* sources = SPI_plan_get_plan_sources(plan);
            const CachedPlanSource* source = static_cast<const CachedPlanSource*>(linitial(sources));
            if (source->resultDesc)
                for (int i = 0; i < source->resultDesc->natts; i++) {
                    const Form_pg_attribute a = TupleDescAttr(source->resultDesc, i);
                    if (!a->attisdropped) {
                        result.columns.push_back(NameStr(a->attname));
                        result.types.push_back(format_type_be(a->atttypid));
                    }
                }
            SPI_freeplan(plan);
        });
        // Not read-only only because SPI refuses EXPLAIN then; it plans, runs nothing, and
        // the subtransaction is rolled back.
        spi_execute_pg("EXPLAIN " + sql, false);
        if (run)
            spi_execute_pg(sql, true);
    });
    if (!shape.empty())
        result.error = shape;
    else if (error)
        result.error = *error;
    if (!result.error.empty()) {
        result.columns.clear();
        result.types.clear();
    }
    return result;
}

}  // namespace cartridge::pg
