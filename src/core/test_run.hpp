// cartridge_test_run without dbt: a project's files read as dbt reads them (dbt_project.yml,
// the models' SQL, the YAML properties with their generic tests, singular tests), its
// models built in the order of their refs and its tests counted as dbt's generic test
// macros count failures, with dbt's names and statuses. The SQL runs elsewhere (an
// Executor: in src/pg, the database, as the caller, in a subtransaction that is rolled
// back); this file decides what runs, in which order, and what each outcome means.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cartridge::test_run {

struct File {
    std::string path;  // relative to the project's root: models/staging/x.sql
    std::string content;
};

struct Model {
    std::string name;          // the file's stem, as dbt names the node
    std::string path;
    std::string sql;           // the file, Jinja and all
    std::string alias;         // the relation's name: the name unless config(alias=...)
    std::string materialized;  // view or table when it can be built here
    std::vector<std::string> refs;
    std::string not_supported;  // why it is not built here (reported skipped)
    std::string error;          // a ref or source the project does not define (reported error)
};

struct Source {
    std::string source, table;       // as ref'd: source('source', 'table')
    std::string schema, identifier;  // the relation it stands for
    bool quote_schema = true, quote_identifier = true;
};

struct Test {
    std::string name;  // dbt's node name (an explicit name:, or the one dbt synthesizes)
    std::string kind;  // unique, not_null, accepted_values, relationships, or singular
    std::string model;                                     // attached to this model
    std::optional<std::pair<std::string, std::string>> source;  // or to this source table
    std::string column_name;  // as dbt pastes it: quoted when the column says quote: true
    nlohmann::ordered_json args = nlohmann::ordered_json::object();  // the macro's arguments
    std::string sql;          // a singular test's file
    std::string severity = "error";
    std::string where, warn_if = "!= 0", error_if = "!= 0", fail_calc = "count(*)";
    std::optional<long long> limit;
    std::vector<std::string> depends_on;  // models it reads
    std::string not_supported;            // why it is not run here (reported skipped)
};

struct Project {
    std::string name;
    std::vector<Model> models;
    std::map<std::string, std::size_t> model_index;  // name -> index into models
    std::map<std::pair<std::string, std::string>, Source> sources;
    std::vector<Test> tests;
    const Model* model(const std::string& name) const;
};

// Reads a project as dbt parses it. Malformed YAML or a dbt_project.yml without a name is
// an Error (22023) naming the file.
Project load_project(const std::vector<File>& files);

// The name dbt gives a generic test that has no explicit name (synthesize_generic_test_names
// in dbt-core): <type>_<target>_<arguments>, each argument's value cleaned to [0-9A-Za-z_],
// joined by "__". dbt shortens it with an MD5 only for the alias of the relation it could
// store failures in; the node's name, the one run_results.json reports, stays whole.
std::string dbt_test_name(const std::string& test_type, const std::string& target,
                          const nlohmann::ordered_json& args);

// The models in an order where each comes after those it refs (ties by name). A cycle is
// an Error (42P17) naming it.
std::vector<std::size_t> build_order(const Project& project);

// The SQL that runs. run_schema holds the built models (pg_temp for the session's own).
std::string compiled_model_sql(const Project& project, const Model& model, const std::string& run_schema);
std::string model_ddl(const Project& project, const Model& model, const std::string& run_schema);
std::string test_query(const Project& project, const Test& test, const std::string& run_schema);

struct Result {
    std::string kind;    // model or test
    std::string name;
    std::string status;  // success, error, skipped (models); pass, fail, warn, error, skipped (tests)
    std::optional<long long> failures;  // tests that ran: failing rows, as dbt counts them
    std::string message;
    double duration_ms = 0;
};

// Where the SQL runs. Each call stands alone: an error in one leaves the others running.
class Executor {
public:
    virtual ~Executor() = default;
    struct Outcome {
        bool ok = false;
        std::string message;  // "CREATE VIEW", "SELECT 42", or the error
    };
    // ddl creates relation (a view, or a table when table is true).
    virtual Outcome build(const std::string& ddl, const std::string& relation, bool table) = 0;
    struct TestOutcome {
        bool ok = false;
        long long failures = 0;
        bool should_warn = false, should_error = false;
        std::string error;
    };
    virtual TestOutcome test(const std::string& query) = 0;
    // Called after each node with how many are done of how many.
    virtual void progress(std::size_t /*done*/, std::size_t /*total*/) {}
};

// Builds every model and runs every test: one result per model (in build order), then one
// per test (by name).
std::vector<Result> run(const Project& project, const std::string& run_schema, Executor& executor);

// cartridge_test_run's options. Unknown keys are an error listing the accepted ones.
struct RunOptions {
    std::string keep_schema;  // build there and keep it (a new schema); empty: roll back
};
RunOptions parse_run_options(const nlohmann::json& options);

// Totals of results, as cartridge_info shows them: {"models": {"success": n, ...},
// "tests": {"pass": n, ...}}.
nlohmann::json totals(const std::vector<Result>& results);

}  // namespace cartridge::test_run
