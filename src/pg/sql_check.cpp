// The database's check of a model's compiled SQL (src/core/ai_sql.hpp): parsed with
// PostgreSQL's own parser (exactly one plain SELECT), its result columns from the analyzed
// statement, and planned with EXPLAIN — executed, read-only, only when asked (a cast tried
// on every value) — in a subtransaction that is rolled back, as the role that runs it (the
// caller; the worker switches to the submitter first).
#include "pg/sql_check.hpp"

#include "pg/spi.hpp"
#include "pg/remote.hpp"
#include "pg/subtransaction.hpp"

extern "C" {
#include "executor/spi.h"
#include "nodes/parsenodes.h"
#include "parser/parser.h"
#include "utils/builtins.h"
#include "utils/plancache.h"
}

namespace cartridge::pg {

std::string select_shape_problem_pg(const std::string& sql) {
    std::string shape;
    const char* text = sql.c_str();
    std::string* out = &shape;
    std::optional<std::string> error = read_in_subtransaction_pg([&] {
        pg_call([text, out] {
            List* statements = raw_parser(text, RAW_PARSE_DEFAULT);
            if (list_length(statements) != 1) {
                *out = "the SQL must be exactly one statement";
                return;
            }
            Node* statement = linitial_node(RawStmt, statements)->stmt;
            if (!IsA(statement, SelectStmt)) {
                *out = "the SQL must be a SELECT";
                return;
            }
            const SelectStmt* select = castNode(SelectStmt, statement);
            if (select->intoClause || select->lockingClause)
                *out = "the SQL must be a plain SELECT (no INTO, no FOR UPDATE)";
        });
    });
    return error ? *error : shape;
}

cartridge::ai::SqlCheck check_sql_pg(const std::string& sql, bool run) {
    cartridge::ai::SqlCheck result;
    SpiScope spi;
    const std::string shape = select_shape_problem_pg(sql);
    if (!shape.empty()) {
        result.error = shape;
        return result;
    }
    std::optional<std::string> error = read_in_subtransaction_pg([&] {
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
    if (error)
        result.error = *error;
    if (!result.error.empty()) {
        result.columns.clear();
        result.types.clear();
    }
    return result;
}

cartridge::ai::SqlCheck check_sql_remote_pg(RemoteReader& remote, const std::string& sql, bool run) {
    cartridge::ai::SqlCheck result;
    result.error = select_shape_problem_pg(sql);
    if (result.error.empty())
        result = remote.check_select(sql, run);
    return result;
}

std::function<cartridge::ai::SqlCheck(const std::string&, bool)> sql_checker_pg(const nlohmann::json& remote_options) {
    if (remote_options.is_null())
        return [](const std::string& sql, bool run) { return check_sql_pg(sql, run); };
    auto reader = std::make_shared<std::unique_ptr<RemoteReader>>();
    return [reader, remote_options](const std::string& sql, bool run) {
        if (!*reader)
            *reader = std::make_unique<RemoteReader>(remote_conninfo_pg(remote_options));
        return check_sql_remote_pg(**reader, sql, run);
    };
}

}  // namespace cartridge::pg
