// cartridge_test_run(project_id, options): a project's models built and its tests run in
// this database, as the caller, in an internal subtransaction that is rolled back at the
// end (src/core/test_run.hpp decides what runs and what each outcome means). Each model and
// each test runs in a subtransaction of its own inside it, so one error does not stop the
// others; a cancel or statement_timeout ends the whole run and leaves nothing. The results
// are stored as the extension's owner in cartridge.test_runs and cartridge.test_results.
// cartridge_test_run_async queues the same run for the background worker.
#include "pg/background.hpp"
#include "pg/datum.hpp"
#include "pg/jobs.hpp"
#include "pg/spi.hpp"
#include "pg/subtransaction.hpp"

#include "core/error.hpp"
#include "core/test_run.hpp"

#include <fmt/format.h>

extern "C" {
#include "access/twophase.h"
#include "catalog/pg_type_d.h"
#include "miscadmin.h"
#include "storage/lock.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/tuplestore.h"
}

namespace cartridge::pg {

namespace {

using cartridge::Error;
namespace tr = cartridge::test_run;

// Runs the project's SQL through SPI, each statement in a subtransaction of its own.
class SpiExecutor : public tr::Executor {
public:
    explicit SpiExecutor(std::function<void(std::size_t, std::size_t)> progress) : progress_(std::move(progress)) {}

    Outcome build(const std::string& ddl, const std::string& relation, bool table) override {
        Outcome out;
        uint64 rows = 0;
        const std::optional<std::string> error = run_in_subtransaction_pg(
            [&] {
                rows = spi_execute_pg(ddl, false);
                // A view over a table the caller may not read is created all the same (dbt
                // reports it built, and its tests fail); planning it checks the privileges
                // now, so the failure is the model's.
                if (!table)
                    spi_execute_pg("EXPLAIN SELECT * FROM " + relation, false);
            },
            SubtransactionEnd::keep);
        out.ok = !error;
        out.message = error ? *error : table ? fmt::format("SELECT {}", rows) : std::string("CREATE VIEW");
        return out;
    }

    TestOutcome test(const std::string& query) override {
        TestOutcome out;
        std::vector<TextRow> rows;
        const std::optional<std::string> error =
            run_in_subtransaction_pg([&] { rows = spi_query_pg(query, {}, false); }, SubtransactionEnd::roll_back);
        if (error) {
            out.error = *error;
            return out;
        }
        if (rows.size() != 1 || rows[0].size() != 3) {
            out.error = "the test's query did not return one row of failures, should_warn and should_error";
            return out;
        }
        try {
            const std::string failures = rows[0][0].value_or("0");
            out.failures = static_cast<long long>(std::stod(failures));
        } catch (const std::exception&) {
            out.error = "the test's fail_calc is not a number";
            return out;
        }
        out.should_warn = rows[0][1] == std::optional<std::string>("t");
        out.should_error = rows[0][2] == std::optional<std::string>("t");
        out.ok = true;
        return out;
    }

    void progress(std::size_t done, std::size_t total) override {
        check_for_interrupts_pg();
        if (progress_)
            progress_(done, total);
    }

private:
    std::function<void(std::size_t, std::size_t)> progress_;
};

bool may_create_schemas_pg() {
    auto may = spi_query_pg("SELECT pg_catalog.has_database_privilege(pg_catalog.current_database(), 'CREATE')");
    return may.at(0).at(0) == std::optional<std::string>("t");
}

// A schema of the run's own: a new one when the caller may create schemas in this
// database, else the session's temporary schema (TEMP is granted to PUBLIC by default).
std::string run_schema_for_pg(int64_t run_id, const tr::RunOptions& options) {
    if (!options.keep_schema.empty()) {
        auto rows = spi_query_pg("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $1",
                                 {{TEXTOID, options.keep_schema.c_str()}});
        if (!rows.empty())
            throw Error(sqlstate::invalid_parameter_value,
                        fmt::format("schema \"{}\" already exists", options.keep_schema),
                        "keep_schema builds into a new schema: drop that one (DROP SCHEMA ... CASCADE) or choose "
                        "another name.");
        if (!may_create_schemas_pg())
            throw Error(sqlstate::insufficient_privilege,
                        fmt::format("permission denied to create schema \"{}\"", options.keep_schema),
                        "keep_schema needs the CREATE privilege on the database; without it, leave keep_schema out "
                        "(the run then builds in your temporary schema and rolls back).");
        return options.keep_schema;
    }
    if (may_create_schemas_pg())
        return fmt::format("cartridge_test_run_{}", run_id);
    return "pg_temp";
}

struct RunRow {
    int64_t project_id = 0;
    std::string options;
    std::string search_path;
};

RunRow load_run_pg(int64_t run_id) {
    const std::string id = std::to_string(run_id);
    auto rows = spi_query_pg("SELECT project_id, options, search_path FROM cartridge.test_runs WHERE id = $1",
                             {{INT8OID, id.c_str()}}, false);  // not read-only: a row this statement wrote
    if (rows.empty())
        throw Error(sqlstate::undefined_object, fmt::format("test run {} does not exist", run_id));
    return {std::stoll(rows[0][0].value()), rows[0][1].value_or("{}"), rows[0][2].value_or("")};
}

std::vector<tr::File> project_files_pg(int64_t project_id) {
    const std::string id = std::to_string(project_id);
    std::vector<tr::File> files;
    for (auto& row : spi_query_pg("SELECT path, content FROM cartridge.files WHERE project_id = $1 ORDER BY path COLLATE \"C\"",
                                  {{INT8OID, id.c_str()}}))
        files.push_back({std::move(row[0].value()), std::move(row[1].value())});
    return files;
}

void store_results_pg(int64_t run_id, const std::optional<std::string>& kept_schema,
                      const std::vector<tr::Result>& results, const Roles& roles) {
    const std::string id = std::to_string(run_id);
    std::vector<std::string> ordinals, failures, durations;
    for (std::size_t i = 0; i < results.size(); ++i) {
        ordinals.push_back(std::to_string(i + 1));
        failures.push_back(results[i].failures ? std::to_string(*results[i].failures) : "");
        durations.push_back(fmt::format("{:.3f}", results[i].duration_ms));
    }
    std::vector<TextColumn> columns(7);
    for (std::size_t i = 0; i < results.size(); ++i) {
        const tr::Result& r = results[i];
        columns[0].push_back(&ordinals[i]);
        columns[1].push_back(&r.kind);
        columns[2].push_back(&r.name);
        columns[3].push_back(&r.status);
        columns[4].push_back(r.failures ? &failures[i] : nullptr);
        columns[5].push_back(r.message.empty() ? nullptr : &r.message);
        columns[6].push_back(&durations[i]);
    }
    const nlohmann::json totals = tr::totals(results);
    const std::string totals_text = totals.dump();
    auto count = [&](const char* kind) {
        std::size_t n = 0;
        for (const auto& [status, k] : totals[kind].items())
            n += k.get<std::size_t>();
        return n;
    };
    auto of = [&](const char* kind, const char* status) { return totals[kind].value(status, 0); };
    const std::string message = fmt::format(
        "{} models: {} built, {} errors, {} skipped; {} tests: {} pass, {} fail, {} warn, {} errors, {} skipped",
        count("models"), of("models", "success"), of("models", "error"), of("models", "skipped"), count("tests"),
        of("tests", "pass"), of("tests", "fail"), of("tests", "warn"), of("tests", "error"), of("tests", "skipped"));
    std::vector<QueryArg> args{{INT8OID, id.c_str()}};
    for (const TextColumn& column : columns)
        args.push_back(text_array_pg(column));
    OwnerScope as_owner(roles);
    spi_execute_pg(
        "INSERT INTO cartridge.test_results (run_id, ordinal, kind, name, status, failures, message, duration_ms) "
        "SELECT $1, r.ordinal::integer, r.kind, r.name, r.status, r.failures::bigint, r.message, r.duration::float8 "
        "FROM unnest($2, $3, $4, $5, $6, $7, $8) AS r(ordinal, kind, name, status, failures, message, duration)",
        false, args);
    spi_execute_pg(
        "UPDATE cartridge.test_runs SET status = 'succeeded', progress = 100, stage = 'done', message = $2, "
        "totals = $3, run_schema = $4, kept = $5, finished_at = pg_catalog.clock_timestamp() WHERE id = $1",
        false,
        {{INT8OID, id.c_str()},
         {TEXTOID, message.c_str()},
         {JSONBOID, totals_text.c_str()},
         {TEXTOID, kept_schema ? kept_schema->c_str() : nullptr},
         {BOOLOID, kept_schema ? "true" : "false"}});
}

// Every relation the build creates stays locked until the run ends (one transaction), in the
// server's shared lock table of max_locks_per_transaction x (MaxBackends +
// max_prepared_transactions) entries. A project that cannot fit is refused before anything
// runs, with the setting it needs, rather than ending in "out of shared memory" half-way.
void check_lock_capacity(const tr::Project& project) {
    std::size_t views = 0, tables = 0;
    for (const tr::Model& m : project.models)
        if (m.not_supported.empty() && m.error.empty())
            (m.materialized == "table" ? tables : views)++;
    // a table also gets a TOAST table and its index; every source is read; and some room
    // for the catalog and the tests' own reads
    const std::size_t need = views + 3 * tables + project.sources.size() + 32;
    const std::size_t slots = static_cast<std::size_t>(MaxBackends + max_prepared_xacts);
    const std::size_t capacity = static_cast<std::size_t>(max_locks_per_xact) * slots;
    if (need > capacity)
        throw Error("53200",
                    fmt::format("the project's {} models need about {} locks held at once (a test run is one "
                                "transaction); this server's lock table holds {}",
                                views + tables, need, capacity),
                    fmt::format("Raise max_locks_per_transaction to at least {} (it takes a restart), or run the "
                                "project with dbt.",
                                (need + slots - 1) / slots));
}

// Sets search_path for the rest of the current (sub)transaction.
void set_search_path_pg(const std::string& value) {
    pg_call([&] {
        (void)set_config_option("search_path", value.c_str(), PGC_USERSET, PGC_S_SESSION, GUC_ACTION_LOCAL, true, 0,
                                false);
    });
}

}  // namespace

std::vector<cartridge::test_run::Result> execute_test_run_pg(int64_t run_id, const Roles& roles,
                                                             const std::function<void(int, const char*)>& progress) {
    const RunRow run = load_run_pg(run_id);
    const tr::RunOptions options = tr::parse_run_options(nlohmann::json::parse(run.options));
    const tr::Project project = tr::load_project(project_files_pg(run.project_id));
    check_lock_capacity(project);
    const std::string run_schema = run_schema_for_pg(run_id, options);
    const bool keep = !options.keep_schema.empty();

    SpiExecutor executor([&](std::size_t done, std::size_t total) {
        if (progress && total > 0)
            progress(static_cast<int>(done * 99 / total), done <= project.models.size() ? "building" : "testing");
    });
    std::vector<tr::Result> results;
    // The whole build: one subtransaction, rolled back at the end unless the schema is kept.
    // An error that ends the statement (cancel, statement_timeout) rolls it back and is raised again.
    const std::optional<std::string> failed = run_in_subtransaction_pg(
        [&] {
            set_search_path_pg(run.search_path);
            if (run_schema != "pg_temp")
                spi_execute_pg("CREATE SCHEMA " + pg_call([&] { return std::string(quote_identifier(run_schema.c_str())); }),
                               false);
            results = tr::run(project, run_schema, executor);
        },
        keep ? SubtransactionEnd::keep : SubtransactionEnd::roll_back);
    // Kept: the caller's search_path stayed set with it; the bookkeeping below runs as the
    // extension's owner and must not resolve names through it.
    set_search_path_pg("pg_catalog, pg_temp");
    if (failed)
        throw Error(sqlstate::object_not_in_prerequisite_state,
                    fmt::format("the test run could not prepare its schema {}: {}", run_schema, *failed));
    store_results_pg(run_id, keep ? std::optional<std::string>(run_schema) : std::nullopt, results, roles);
    return results;
}

int64_t insert_test_run_pg(int64_t project_id, const std::string& options_text, bool async, const Roles& roles) {
    const std::string id = std::to_string(project_id);
    auto rows = spi_query_pg(
        "SELECT p.status, s.source, s.database_name, s.stats->'remote'->>'host', s.stats->'remote'->>'port' "
        "FROM cartridge.projects p LEFT JOIN cartridge.scans s ON s.id = p.scan_id WHERE p.id = $1",
        {{INT8OID, id.c_str()}});
    if (rows.empty())
        throw Error(sqlstate::undefined_object, fmt::format("project {} does not exist", project_id),
                    "SELECT id, name, status FROM cartridge.projects lists the projects you can see.");
    const std::string status = rows[0][0].value_or("");
    if (status != "succeeded")
        throw Error(sqlstate::object_not_in_prerequisite_state,
                    fmt::format("project {} cannot be tested: its status is {}", project_id, status),
                    status == "queued" || status == "running"
                        ? fmt::format("Wait for it with SELECT cartridge_wait({});", project_id)
                        : std::string("Only a succeeded project can be tested; generate it again with "
                                      "cartridge_generate()."));
    // Its sources are on another server: the models cannot be built here.
    if (rows[0][1].value_or("") == "remote")
        throw Error(sqlstate::feature_not_supported,
                    fmt::format("project {} was generated from a remote scan (database {} on {} port {})", project_id,
                                rows[0][2].value_or("?"), rows[0][3].value_or("?"), rows[0][4].value_or("?")),
                    "cartridge_test_run builds the models in this database, where its sources do not exist; run "
                    "the project with dbt against that server (dbt build --profiles-dir .).");
    const std::string caller = std::to_string(roles.caller);
    // The caller's search_path, for the project's SQL (this function runs with a fixed one).
    const std::string search_path = pg_call([] { return std::string(GetConfigOption("search_path", false, false)); });
    OwnerScope as_owner(roles);
    auto inserted = spi_query_pg(
        "INSERT INTO cartridge.test_runs (project_id, options, async, status, stage, started_at, search_path, "
        "submitted_by) "
        "VALUES ($1, $2, $3, CASE WHEN $3 THEN 'queued' ELSE 'running' END, "
        "CASE WHEN $3 THEN 'queued' ELSE 'running' END, "
        "CASE WHEN $3 THEN NULL ELSE pg_catalog.clock_timestamp() END, $5, $4::pg_catalog.regrole) RETURNING id",
        {{INT8OID, id.c_str()},
         {JSONBOID, options_text.c_str()},
         {BOOLOID, async ? "true" : "false"},
         {OIDOID, caller.c_str()},
         {TEXTOID, search_path.c_str()}},
        false);
    return std::stoll(inserted.at(0).at(0).value());
}

}  // namespace cartridge::pg

namespace {

// The arguments both forms take: the project id and checked options (as text).
std::pair<int64_t, std::string> test_run_arguments_pg(FunctionCallInfo fcinfo) {
    if (PG_ARGISNULL(0))
        throw cartridge::Error(cartridge::sqlstate::invalid_parameter_value, "project_id must not be null",
                               "SELECT id, name, status FROM cartridge.projects lists the projects you can see.");
    const int64_t project_id = PG_GETARG_INT64(0);
    const std::string options_text = cartridge::pg::jsonb_arg_as_text_pg(fcinfo, 1).value_or("{}");
    (void)cartridge::test_run::parse_run_options(nlohmann::json::parse(options_text));
    return {project_id, options_text};
}

// Runs body with search_path = pg_catalog, pg_temp, as a function's SET clause would (the
// caller's stays for the project's SQL, see insert_test_run_pg). On an ERROR the
// transaction's abort restores it.
template <typename Body>
void with_safe_search_path_pg(Body&& body) {
    const int level = cartridge::pg::pg_call([] {
        const int nest = NewGUCNestLevel();
        (void)set_config_option("search_path", "pg_catalog, pg_temp", PGC_USERSET, PGC_S_SESSION, GUC_ACTION_SAVE,
                                true, 0, false);
        return nest;
    });
    body();
    cartridge::pg::pg_call([level] { AtEOXact_GUC(true, level); });
}

}  // namespace

CARTRIDGE_FUNCTION(cartridge_test_run) {
    const auto [project_id, options_text] = test_run_arguments_pg(fcinfo);
    std::vector<cartridge::test_run::Result> results;
    {
        cartridge::pg::SpiScope spi;
        const cartridge::pg::Roles roles = cartridge::pg::extension_roles_pg();
        int64_t run_id = 0;
        with_safe_search_path_pg([&] { run_id = cartridge::pg::insert_test_run_pg(project_id, options_text, false, roles); });
        // The build runs with the caller's search_path (set inside), the bookkeeping with the safe one.
        with_safe_search_path_pg([&] { results = cartridge::pg::execute_test_run_pg(run_id, roles, nullptr); });
    }
    const std::vector<cartridge::test_run::Result>* rows = &results;
    cartridge::pg::pg_call([fcinfo, rows] {
        InitMaterializedSRF(fcinfo, 0);
        ReturnSetInfo* rsinfo = reinterpret_cast<ReturnSetInfo*>(fcinfo->resultinfo);
        for (const cartridge::test_run::Result& r : *rows) {
            Datum values[6] = {
                PointerGetDatum(cstring_to_text_with_len(r.kind.data(), static_cast<int>(r.kind.size()))),
                PointerGetDatum(cstring_to_text_with_len(r.name.data(), static_cast<int>(r.name.size()))),
                PointerGetDatum(cstring_to_text_with_len(r.status.data(), static_cast<int>(r.status.size()))),
                Int64GetDatum(r.failures.value_or(0)),
                PointerGetDatum(cstring_to_text_with_len(r.message.data(), static_cast<int>(r.message.size()))),
                Float8GetDatum(r.duration_ms)};
            bool nulls[6] = {false, false, false, !r.failures.has_value(), r.message.empty(), false};
            tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
        }
    });
    return (Datum)0;
}

CARTRIDGE_FUNCTION(cartridge_test_run_async) {
    const auto [project_id, options_text] = test_run_arguments_pg(fcinfo);
    cartridge::pg::require_background_pg("an asynchronous test run", "run the tests");
    cartridge::pg::SpiScope spi;
    const cartridge::pg::Roles roles = cartridge::pg::extension_roles_pg();
    int64_t run_id = 0;
    with_safe_search_path_pg([&] { run_id = cartridge::pg::insert_test_run_pg(project_id, options_text, true, roles); });
    cartridge::pg::wake_worker_at_commit();
    PG_RETURN_INT64(run_id);
}
