// Running a project read by test_run_project.cpp: build order, the SQL of models and tests
// (dbt's own macros), and what each outcome means. See test_run.hpp.
#include "core/test_run_detail.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <chrono>
#include <map>
#include <set>

namespace cartridge::test_run {

using namespace detail;

std::vector<std::size_t> build_order(const Project& project) {
    const std::size_t n = project.models.size();
    std::vector<std::vector<std::size_t>> children(n);
    std::vector<std::size_t> waiting(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        std::set<std::size_t> parents;
        for (const std::string& ref : project.models[i].refs)
            if (auto it = project.model_index.find(ref); it != project.model_index.end() && it->second != i)
                parents.insert(it->second);
            else if (it != project.model_index.end())
                throw Error(sqlstate::invalid_object_definition, fmt::format("model {} refs itself", project.models[i].name),
                            "Remove the ref; dbt refuses such a project too.");
        for (std::size_t p : parents)
            children[p].push_back(i);
        waiting[i] = parents.size();
    }
    auto by_name = [&](std::size_t a, std::size_t b) { return project.models[a].name > project.models[b].name; };
    std::vector<std::size_t> ready;
    for (std::size_t i = 0; i < n; ++i)
        if (waiting[i] == 0)
            ready.push_back(i);
    std::vector<std::size_t> order;
    while (!ready.empty()) {
        std::sort(ready.begin(), ready.end(), by_name);
        const std::size_t next = ready.back();
        ready.pop_back();
        order.push_back(next);
        for (std::size_t child : children[next])
            if (--waiting[child] == 0)
                ready.push_back(child);
    }
    if (order.size() == n)
        return order;
    // A cycle: walk parents among the models left until one comes back.
    std::size_t at = 0;
    while (waiting[at] == 0)
        ++at;
    std::vector<std::size_t> path;
    std::map<std::size_t, std::size_t> seen;
    while (!seen.count(at)) {
        seen[at] = path.size();
        path.push_back(at);
        for (const std::string& ref : project.models[at].refs) {
            auto it = project.model_index.find(ref);
            if (it != project.model_index.end() && waiting[it->second] > 0) {
                at = it->second;
                break;
            }
        }
    }
    std::string cycle;
    for (std::size_t i = seen[at]; i < path.size(); ++i)
        cycle += project.models[path[i]].name + " -> ";
    cycle += project.models[at].name;
    throw Error(sqlstate::invalid_object_definition, "the models' refs form a cycle: " + cycle,
                "dbt refuses such a project too; remove one of these refs.");
}

std::string compiled_model_sql(const Project& project, const Model& model, const std::string& run_schema) {
    return render_sql(project, model.sql, run_schema);
}

std::string model_ddl(const Project& project, const Model& model, const std::string& run_schema) {
    return fmt::format("create {} {} as (\n{}\n)", model.materialized == "table" ? "table" : "view",
                       relation_sql(run_schema, model.alias), compiled_model_sql(project, model, run_schema));
}

std::string test_query(const Project& project, const Test& test, const std::string& run_schema) {
    // Arguments are rendered as dbt renders them: a string that looks like a call is one.
    auto render_arg = [&](const Json& value) {
        if (!value.is_string())
            return python_str(value);
        const std::string text = value.get<std::string>();
        return render_sql(project, looks_like_call(text) ? "{{ " + text + " }}" : text, run_schema);
    };
    std::string main_sql;
    if (test.kind == "singular") {
        main_sql = render_sql(project, test.sql, run_schema);
    } else {
        std::string model;
        if (test.source)
            model = source_sql(project.sources.at(*test.source));
        else
            model = relation_sql(run_schema, project.model(test.model)->alias);
        if (!test.where.empty())
            model = fmt::format("(select * from {} where {}) dbt_subquery", model,
                                render_sql(project, test.where, run_schema));
        const std::string& column = test.column_name;
        if (test.kind == "not_null") {
            main_sql = fmt::format("select {0}\nfrom {1}\nwhere {0} is null", column, model);
        } else if (test.kind == "unique") {
            main_sql = fmt::format(
                "select\n    {0} as unique_field,\n    count(*) as n_records\nfrom {1}\nwhere {0} is not null\n"
                "group by {0}\nhaving count(*) > 1",
                column, model);
        } else if (test.kind == "accepted_values") {
            const bool quote = !test.args.contains("quote") || !test.args["quote"].is_boolean() ||
                               test.args["quote"].get<bool>();
            std::string values;
            if (test.args.contains("values") && test.args["values"].is_array())
                for (const auto& v : test.args["values"]) {
                    const std::string text = render_arg(v);
                    values += (values.empty() ? "" : ",") + (quote ? "'" + text + "'" : text);
                }
            main_sql = fmt::format(
                "with all_values as (\n    select\n        {0} as value_field,\n        count(*) as n_records\n"
                "    from {1}\n    group by {0}\n)\nselect *\nfrom all_values\nwhere value_field not in (\n    {2}\n)",
                column, model, values);
        } else if (test.kind == "relationships") {
            main_sql = fmt::format(
                "with child as (\n    select {0} as from_field\n    from {1}\n    where {0} is not null\n),\n"
                "parent as (\n    select {2} as to_field\n    from {3}\n)\nselect\n    from_field\nfrom child\n"
                "left join parent\n    on child.from_field = parent.to_field\nwhere parent.to_field is null",
                column, model, render_arg(test.args.value("field", Json(""))), render_arg(test.args.value("to", Json(""))));
        }
    }
    return fmt::format(
        "select\n      {0} as failures,\n      {0} {1} as should_warn,\n      {0} {2} as should_error\n"
        "    from (\n{3}\n{4}\n    ) dbt_internal_test",
        test.fail_calc, test.warn_if, test.error_if, main_sql, test.limit ? fmt::format("limit {}", *test.limit) : "");
}

std::vector<Result> run(const Project& project, const std::string& run_schema, Executor& executor) {
    const std::vector<std::size_t> order = build_order(project);
    const std::size_t total = order.size() + project.tests.size();
    std::size_t done = 0;
    std::vector<Result> results;
    std::map<std::string, std::string> state;  // model -> status
    using Clock = std::chrono::steady_clock;
    auto ms_since = [](Clock::time_point start) {
        return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    };
    for (std::size_t index : order) {
        const Model& model = project.models[index];
        Result r;
        r.kind = "model";
        r.name = model.name;
        const Clock::time_point start = Clock::now();
        std::string failed_parent;
        for (const std::string& ref : model.refs)
            if (state.count(ref) && state[ref] != "success" && failed_parent.empty())
                failed_parent = ref;
        if (!model.error.empty()) {
            r.status = "error";
            r.message = model.error;
        } else if (!model.not_supported.empty()) {
            r.status = "skipped";
            r.message = model.path + " " + model.not_supported;
        } else if (!failed_parent.empty()) {
            r.status = "skipped";
            r.message = fmt::format("not built: the model it refs, {}, was not built", failed_parent);
        } else {
            Executor::Outcome outcome = executor.build(model_ddl(project, model, run_schema),
                                                       relation_sql(run_schema, model.alias),
                                                       model.materialized == "table");
            r.status = outcome.ok ? "success" : "error";
            r.message = outcome.message;
        }
        r.duration_ms = ms_since(start);
        state[model.name] = r.status;
        results.push_back(std::move(r));
        executor.progress(++done, total);
    }
    for (const Test& test : project.tests) {
        Result r;
        r.kind = "test";
        r.name = test.name;
        const Clock::time_point start = Clock::now();
        std::string unbuilt;
        for (const std::string& model : test.depends_on)
            if (unbuilt.empty() && (!state.count(model) || state[model] != "success"))
                unbuilt = model;
        if (!test.not_supported.empty()) {
            r.status = "skipped";
            r.message = test.not_supported;
        } else if (!unbuilt.empty()) {
            r.status = "skipped";
            r.message = fmt::format("not run: the model it tests, {}, was not built", unbuilt);
        } else {
            Executor::TestOutcome outcome = executor.test(test_query(project, test, run_schema));
            if (!outcome.ok) {
                r.status = "error";
                r.message = outcome.error;
            } else if (test.severity == "error" && outcome.should_error) {
                r.status = "fail";
                r.failures = outcome.failures;
                r.message = fmt::format("Got {} result{}, configured to fail if {}", outcome.failures,
                                        outcome.failures == 1 ? "" : "s", test.error_if);
            } else if (outcome.should_warn) {
                r.status = "warn";
                r.failures = outcome.failures;
                r.message = fmt::format("Got {} result{}, configured to warn if {}", outcome.failures,
                                        outcome.failures == 1 ? "" : "s", test.warn_if);
            } else {
                r.status = "pass";
                r.failures = 0;
            }
        }
        r.duration_ms = ms_since(start);
        results.push_back(std::move(r));
        executor.progress(++done, total);
    }
    return results;
}

RunOptions parse_run_options(const nlohmann::json& options) {
    static const char* hint = "Accepted options: keep_schema (the name of a new schema to build the models in "
                              "and keep).";
    if (!options.is_object())
        throw Error(sqlstate::invalid_parameter_value, "options must be a JSON object", hint);
    RunOptions out;
    for (const auto& [key, value] : options.items()) {
        if (key != "keep_schema")
            throw Error(sqlstate::invalid_parameter_value, fmt::format("unknown option \"{}\"", key), hint);
        if (!value.is_string() || value.get<std::string>().empty())
            throw Error(sqlstate::invalid_parameter_value, "keep_schema must be a schema name (a non-empty string)",
                        hint);
        out.keep_schema = value.get<std::string>();
        if (out.keep_schema.size() > 63)
            throw Error(sqlstate::invalid_parameter_value,
                        fmt::format("keep_schema \"{}\" is longer than 63 bytes", out.keep_schema), hint);
        if (out.keep_schema.rfind("pg_", 0) == 0 || out.keep_schema == "cartridge")
            throw Error(sqlstate::invalid_parameter_value,
                        fmt::format("keep_schema \"{}\" is a reserved schema name", out.keep_schema),
                        "Choose a name that does not start with pg_ and is not cartridge.");
    }
    return out;
}

nlohmann::json totals(const std::vector<Result>& results) {
    nlohmann::json out = {{"models", nlohmann::json::object()}, {"tests", nlohmann::json::object()}};
    for (const Result& r : results) {
        nlohmann::json& bucket = out[r.kind == "model" ? "models" : "tests"];
        bucket[r.status] = bucket.value(r.status, 0) + 1;
    }
    return out;
}

}  // namespace cartridge::test_run
