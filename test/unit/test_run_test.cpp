// The test runner's reading of a project (src/core/test_run.cpp, jinja_subset.cpp): Jinja
// of the supported subset, dbt's test names, configs by precedence, build order, and what
// each outcome of the SQL means. The SQL itself runs against real PostgreSQL and is
// compared with real dbt in test/e2e/test_test_run.py.
#include "core/error.hpp"
#include "core/jinja_subset.hpp"
#include "core/test_run.hpp"

#include <gtest/gtest.h>

#include <map>

using namespace cartridge;
using test_run::File;

namespace {

std::string ref_or_source(const jinja::Call& call) {
    if (call.function == "ref")
        return "R(" + call.args.back().get<std::string>() + ")";
    if (call.function == "source")
        return "S(" + call.args[0].get<std::string>() + "." + call.args[1].get<std::string>() + ")";
    if (call.function == "config")
        return "";
    throw jinja::Unsupported("the Jinja call " + call.function + "()");
}

const char* project_yml = R"(name: shop
version: "1.0.0"
config-version: 2
profile: shop
models:
  shop:
    staging:
      +materialized: view
    marts:
      +materialized: table
      legacy:
        materialized: incremental
)";

const char* sources_yml = R"(version: 2
sources:
  - name: raw
    schema: Raw Data
    tables:
      - name: orders
        identifier: Orders
        columns:
          - name: id
            data_tests: [unique]
      - name: customers
)";

const char* models_yml = R"(version: 2
models:
  - name: stg_orders
    columns:
      - name: order_id
        data_tests:
          - unique
          - not_null:
              config:
                where: "order_id > 10"
      - name: status
        data_tests:
          - accepted_values:
              arguments:
                values: ['placed', 'shipped', yes]
              config:
                severity: warn
      - name: customer_id
        data_tests:
          - relationships:
              arguments:
                to: ref('stg_customers')
                field: customer_id
      - name: order
        quote: true
        data_tests:
          - not_null:
              name: order_is_there
  - name: stg_customers
    config:
      materialized: table
    columns:
      - name: customer_id
        data_tests:
          - dbt_utils.at_least_one
  - name: fct_orders
    data_tests:
      - unique:
          column_name: "order_id || '-' || customer_id"
)";

std::vector<File> shop_files() {
    return {
        {"dbt_project.yml", project_yml},
        {"models/staging/_sources.yml", sources_yml},
        {"models/staging/_models.yml", models_yml},
        {"models/staging/stg_orders.sql", "select id as order_id, status, customer_id, 1 as \"order\" from {{ source('raw', 'orders') }}"},
        {"models/staging/stg_customers.sql", "{{ config(alias='customers') }}\nselect id as customer_id from {{ source('raw', 'customers') }}"},
        {"models/marts/fct_orders.sql", "{# the fact #}\nselect * from {{ ref('stg_orders') }} join {{ ref(\"stg_customers\") }} using (customer_id)"},
        {"models/marts/legacy/old.sql", "select 1 as one"},
        {"models/marts/by_var.sql", "select * from {{ ref('fct_orders') }} where x = {{ var('x') }}"},
        {"models/marts/after_var.sql", "select * from {{ ref('by_var') }}"},
        {"tests/no_negative.sql", "{{ config(severity='warn') }}\nselect * from {{ ref('fct_orders') }} where order_id < 0"},
    };
}

const test_run::Test& find_test(const test_run::Project& p, const std::string& name) {
    for (const auto& t : p.tests)
        if (t.name == name)
            return t;
    throw std::runtime_error("no test " + name);
}

class FakeExecutor : public test_run::Executor {
public:
    std::map<std::string, TestOutcome> outcomes;  // by a fragment of the query
    std::vector<std::string> built;
    std::string fail_build;  // a fragment of the DDL that fails

    Outcome build(const std::string& ddl, const std::string&, bool) override {
        built.push_back(ddl);
        if (!fail_build.empty() && ddl.find(fail_build) != std::string::npos)
            return {false, "relation does not exist"};
        return {true, "CREATE VIEW"};
    }
    TestOutcome test(const std::string& query) override {
        for (const auto& [fragment, outcome] : outcomes)
            if (query.find(fragment) != std::string::npos)
                return outcome;
        TestOutcome pass;
        pass.ok = true;
        return pass;
    }
};

}  // namespace

TEST(JinjaSubset, RendersRefsSourcesConfigRawAndComments) {
    EXPECT_EQ(jinja::render("select * from {{ ref('a') }} join {{source( \"s\" , 't' )}}", ref_or_source),
              "select * from R(a) join S(s.t)");
    EXPECT_EQ(jinja::render("{{ config(materialized='table', tags=['x', 1], meta={'a': True}) }}select 1", ref_or_source),
              "select 1");
    EXPECT_EQ(jinja::render("a {# no {{ ref('x') }} #}b", ref_or_source), "a b");
    EXPECT_EQ(jinja::render("'{% raw %}{{ x }} {% if %}{% endraw %}'", ref_or_source), "'{{ x }} {% if %}'");
    EXPECT_EQ(jinja::render("a   {{- ref('b') -}}   c", ref_or_source), "aR(b)c");
    EXPECT_EQ(jinja::render("where x = '}}'", ref_or_source), "where x = '}}'");
    EXPECT_EQ(jinja::render("{{ ref('a}}b') }}", ref_or_source), "R(a}}b)");
}

TEST(JinjaSubset, RefusesWhatItDoesNotRenderAndSaysWhat) {
    auto reason = [](const std::string& text) {
        try {
            jinja::render(text, ref_or_source);
        } catch (const jinja::Unsupported& e) {
            return std::string(e.what());
        }
        return std::string("rendered");
    };
    EXPECT_EQ(reason("{{ var('x') }}"), "the Jinja call var()");
    EXPECT_EQ(reason("{{ this }}"), "the Jinja expression {{ this }}");
    EXPECT_EQ(reason("{% if is_incremental() %}x{% endif %}"), "the Jinja statement {% if %}");
    EXPECT_EQ(reason("{{ ref('a') "), "an unclosed Jinja tag \"{{\"");
    EXPECT_EQ(reason("{% raw %}x"), "a {% raw %} block without {% endraw %}");
}

TEST(TestRun, NamesGenericTestsAsDbtDoes) {
    // Names read from dbt-core 1.11's manifest.json for the same YAML.
    nlohmann::ordered_json rel = {{"column_name", "artist_id"}, {"to", "ref('stg_public__artists')"}, {"field", "artist_id"}};
    EXPECT_EQ(test_run::dbt_test_name("relationships", "stg_public__albums", rel),
              "relationships_stg_public__albums_artist_id__artist_id__ref_stg_public__artists_");
    nlohmann::ordered_json values = {{"column_name", "status"}, {"values", {"placed", "return pending", true, 1.5}}};
    EXPECT_EQ(test_run::dbt_test_name("accepted_values", "orders", values),
              "accepted_values_orders_status__placed__return_pending__True__1_5");
    EXPECT_EQ(test_run::dbt_test_name("not_null", "orders", {{"column_name", "\"order\""}}), "not_null_orders__order_");
    EXPECT_EQ(test_run::dbt_test_name("source_unique", "raw_orders", {{"column_name", "id"}}),
              "source_unique_raw_orders_id");
}

TEST(TestRun, ReadsModelsConfigsAndTestsAsDbtDoes) {
    const test_run::Project p = test_run::load_project(shop_files());
    EXPECT_EQ(p.name, "shop");
    ASSERT_NE(p.model("stg_orders"), nullptr);
    EXPECT_EQ(p.model("stg_orders")->materialized, "view");
    EXPECT_EQ(p.model("stg_customers")->materialized, "table");  // the YAML over dbt_project.yml
    EXPECT_EQ(p.model("stg_customers")->alias, "customers");
    EXPECT_EQ(p.model("fct_orders")->materialized, "table");
    EXPECT_EQ(p.model("old")->not_supported, "is materialized as incremental; only view and table are supported");
    EXPECT_EQ(p.model("by_var")->not_supported, "uses the Jinja call var(); only ref(), source() and config() are supported");

    const auto& nn = find_test(p, "not_null_stg_orders_order_id");
    EXPECT_EQ(nn.where, "order_id > 10");
    const auto& av = find_test(p, "accepted_values_stg_orders_status__placed__shipped__True");
    EXPECT_EQ(av.severity, "warn");
    EXPECT_EQ(find_test(p, "order_is_there").column_name, "\"order\"");
    const auto& rel = find_test(p, "relationships_stg_orders_customer_id__customer_id__ref_stg_customers_");
    EXPECT_EQ(rel.depends_on, (std::vector<std::string>{"stg_orders", "stg_customers"}));
    EXPECT_EQ(find_test(p, "dbt_utils_at_least_one_stg_customers_customer_id").not_supported,
              "the generic test dbt_utils.at_least_one comes from a package (packages are not supported)");
    EXPECT_EQ(find_test(p, "source_unique_raw_orders_id").source->second, "orders");
    EXPECT_EQ(find_test(p, "unique_fct_orders_order_id_customer_id").column_name, "order_id || '-' || customer_id");
    EXPECT_EQ(find_test(p, "no_negative").severity, "warn");
}

TEST(TestRun, CompilesModelsAndTestsIntoTheRunSchema) {
    const test_run::Project p = test_run::load_project(shop_files());
    EXPECT_EQ(test_run::model_ddl(p, *p.model("stg_orders"), "run 1"),
              "create view \"run 1\".\"stg_orders\" as (\n"
              "select id as order_id, status, customer_id, 1 as \"order\" from \"Raw Data\".\"Orders\"\n)");
    EXPECT_NE(test_run::model_ddl(p, *p.model("fct_orders"), "r").find(
                  "create table \"r\".\"fct_orders\" as (\n\nselect * from \"r\".\"stg_orders\" join \"r\".\"customers\""),
              std::string::npos);
    const std::string rel = test_run::test_query(
        p, find_test(p, "relationships_stg_orders_customer_id__customer_id__ref_stg_customers_"), "r");
    EXPECT_NE(rel.find("select customer_id as to_field\n    from \"r\".\"customers\""), std::string::npos) << rel;
    const std::string nn = test_run::test_query(p, find_test(p, "not_null_stg_orders_order_id"), "r");
    EXPECT_NE(nn.find("from (select * from \"r\".\"stg_orders\" where order_id > 10) dbt_subquery"), std::string::npos)
        << nn;
    EXPECT_NE(nn.find("count(*) != 0 as should_error"), std::string::npos);
    const std::string av =
        test_run::test_query(p, find_test(p, "accepted_values_stg_orders_status__placed__shipped__True"), "r");
    EXPECT_NE(av.find("'placed','shipped','True'"), std::string::npos) << av;
}

TEST(TestRun, BuildsInRefOrderAndNamesACycle) {
    const test_run::Project p = test_run::load_project(shop_files());
    std::vector<std::string> names;
    for (std::size_t i : test_run::build_order(p))
        names.push_back(p.models[i].name);
    auto pos = [&](const std::string& n) { return std::find(names.begin(), names.end(), n) - names.begin(); };
    EXPECT_LT(pos("stg_orders"), pos("fct_orders"));
    EXPECT_LT(pos("stg_customers"), pos("fct_orders"));
    EXPECT_LT(pos("by_var"), pos("after_var"));

    std::vector<File> cyclic = {{"dbt_project.yml", "name: c\n"},
                                {"models/a.sql", "select * from {{ ref('b') }}"},
                                {"models/b.sql", "select * from {{ ref('c') }}"},
                                {"models/c.sql", "select * from {{ ref('a') }}"},
                                {"models/d.sql", "select 1"}};
    try {
        test_run::build_order(test_run::load_project(cyclic));
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.sqlstate(), "42P17");
        EXPECT_STREQ(e.what(), "the models' refs form a cycle: a -> b -> c -> a");
    }
}

TEST(TestRun, ReportsOutcomesWithDbtsStatusesAndSkipsWhatDependsOnAFailure) {
    const test_run::Project p = test_run::load_project(shop_files());
    FakeExecutor executor;
    executor.fail_build = "\"r\".\"customers\" as";  // stg_customers fails to build
    test_run::Executor::TestOutcome failing;
    failing.ok = true;
    failing.failures = 3;
    failing.should_warn = failing.should_error = true;
    executor.outcomes["where order_id > 10"] = failing;        // not_null: fail
    executor.outcomes["value_field not in"] = failing;         // accepted_values, severity warn: warn
    test_run::Executor::TestOutcome broken;
    broken.error = "column \"order\" does not exist";
    executor.outcomes["where \"order\" is null"] = broken;     // error
    const auto results = test_run::run(p, "r", executor);
    std::map<std::string, test_run::Result> by_name;
    for (const auto& r : results)
        by_name[r.name] = r;
    EXPECT_EQ(by_name["stg_orders"].status, "success");
    EXPECT_EQ(by_name["stg_customers"].status, "error");
    EXPECT_EQ(by_name["stg_customers"].message, "relation does not exist");
    EXPECT_EQ(by_name["fct_orders"].status, "skipped");
    EXPECT_EQ(by_name["fct_orders"].message, "not built: the model it refs, stg_customers, was not built");
    EXPECT_EQ(by_name["old"].status, "skipped");
    EXPECT_EQ(by_name["by_var"].message,
              "models/marts/by_var.sql uses the Jinja call var(); only ref(), source() and config() are supported");
    EXPECT_EQ(by_name["after_var"].status, "skipped");
    EXPECT_EQ(by_name["not_null_stg_orders_order_id"].status, "fail");
    EXPECT_EQ(by_name["not_null_stg_orders_order_id"].failures, 3);
    EXPECT_EQ(by_name["not_null_stg_orders_order_id"].message, "Got 3 results, configured to fail if != 0");
    EXPECT_EQ(by_name["accepted_values_stg_orders_status__placed__shipped__True"].status, "warn");
    EXPECT_EQ(by_name["order_is_there"].status, "error");
    EXPECT_FALSE(by_name["order_is_there"].failures.has_value());
    EXPECT_EQ(by_name["unique_stg_orders_order_id"].status, "pass");
    EXPECT_EQ(by_name["unique_stg_orders_order_id"].failures, 0);
    EXPECT_EQ(by_name["relationships_stg_orders_customer_id__customer_id__ref_stg_customers_"].status, "skipped");
    EXPECT_EQ(by_name["no_negative"].status, "skipped");
    EXPECT_EQ(by_name["source_unique_raw_orders_id"].status, "pass");
    // models first, in build order; then tests by name
    EXPECT_EQ(results.front().kind, "model");
    EXPECT_EQ(results.back().kind, "test");
    const auto totals = test_run::totals(results);
    EXPECT_EQ(totals["models"]["success"], 1);
    EXPECT_EQ(totals["tests"]["fail"], 1);
}
