#include "core/dbt_plan.hpp"
#include "core/dbt_project.hpp"
#include "core/error.hpp"
#include "sample_schemas.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>

using namespace cartridge;
using namespace cartridge::testing;

namespace {

std::map<std::string, GeneratedFile> by_path(const GeneratedProject& p) {
    std::map<std::string, GeneratedFile> out;
    for (const GeneratedFile& f : p.files)
        out[f.path] = f;
    return out;
}

const GeneratedFile& file(const GeneratedProject& p, const std::string& path) {
    auto it = std::find_if(p.files.begin(), p.files.end(), [&](const GeneratedFile& f) { return f.path == path; });
    if (it == p.files.end())
        throw std::runtime_error("no file " + path);
    return *it;
}

YAML::Node yaml(const GeneratedProject& p, const std::string& path) {
    return YAML::Load(file(p, path).content);
}

YAML::Node find_named(const YAML::Node& list, const std::string& name) {
    for (const YAML::Node& n : list)
        if (n["name"].as<std::string>() == name)
            return n;
    throw std::runtime_error("no entry named " + name);
}

// The test entries of a column (or of a model when column is empty), as name -> node.
std::multimap<std::string, YAML::Node> tests_of(const YAML::Node& model, const std::string& column = "") {
    YAML::Node holder = column.empty() ? model : find_named(model["columns"], column);
    std::multimap<std::string, YAML::Node> out;
    for (const YAML::Node& t : holder["data_tests"]) {
        if (t.IsScalar())
            out.emplace(t.as<std::string>(), YAML::Node());
        else
            for (const auto& kv : t)
                out.emplace(kv.first.as<std::string>(), kv.second);
    }
    return out;
}

}  // namespace

TEST(GenerateDbtProject, WritesTheFilesOfDbtsLayout) {
    GeneratedProject p = generate_dbt_project(shop_schema(), {});
    std::vector<std::string> paths;
    for (const GeneratedFile& f : p.files)
        paths.push_back(f.path);
    std::vector<std::string> expected = {
        ".gitignore",
        ".sqlfluff",
        "README.md",
        "dbt_project.yml",
        "macros/.gitkeep",
        "models/marts/_marts__models.yml",
        "models/marts/_marts__semantic_models.yml",
        "models/marts/dim_customers.sql",
        "models/marts/dim_products.sql",
        "models/marts/fct_order_lines.sql",
        "models/marts/fct_orders.sql",
        "models/marts/metricflow_time_spine.sql",
        "models/staging/public/_public__models.yml",
        "models/staging/public/_public__sources.yml",
        "models/staging/public/stg_public__active_customers.sql",
        "models/staging/public/stg_public__categories.sql",
        "models/staging/public/stg_public__customers.sql",
        "models/staging/public/stg_public__order_lines.sql",
        "models/staging/public/stg_public__orders.sql",
        "models/staging/public/stg_public__products.sql",
        "profiles.yml",
    };
    EXPECT_EQ(paths, expected);
    EXPECT_EQ(p.name, "shop");
    EXPECT_EQ(file(p, "models/staging/public/stg_public__orders.sql").kind, "model");
    EXPECT_EQ(file(p, "dbt_project.yml").kind, "project");
    EXPECT_EQ(file(p, "profiles.yml").kind, "profile");
}

TEST(GenerateDbtProject, IsDeterministic) {
    GeneratedProject a = generate_dbt_project(shop_schema(), {});
    GeneratedProject b = generate_dbt_project(shop_schema(), {});
    ASSERT_EQ(a.files.size(), b.files.size());
    for (std::size_t i = 0; i < a.files.size(); i++) {
        EXPECT_EQ(a.files[i].path, b.files[i].path);
        EXPECT_EQ(a.files[i].content, b.files[i].content) << a.files[i].path;
    }
}

TEST(StagingSql, HasSourceAndRenamedCtesWithRenamesAndCastsOnly) {
    GeneratedProject p = generate_dbt_project(shop_schema(), {});
    const std::string sql = file(p, "models/staging/public/stg_public__orders.sql").content;
    EXPECT_EQ(sql,
              "with source as (\n\n"
              "    select * from {{ source('public', 'orders') }}\n\n"
              "),\n\n"
              "renamed as (\n\n"
              "    select\n"
              "        order_id,\n"
              "        \"CustomerId\" as customer_id,\n"
              "        cast(status as text) as status,\n"
              "        ordered_at,\n"
              "        total\n"
              "    from source\n\n"
              ")\n\n"
              "select * from renamed\n");
}

TEST(SourcesYaml, NamesTablesInSnakeCaseWithTheirIdentifierAndFreshnessUnderConfig) {
    GeneratedProject p = generate_dbt_project(shop_schema(), {});
    YAML::Node doc = yaml(p, "models/staging/public/_public__sources.yml");
    YAML::Node source = doc["sources"][0];
    EXPECT_EQ(source["name"].as<std::string>(), "public");
    EXPECT_EQ(source["schema"].as<std::string>(), "public");
    YAML::Node customer = find_named(source["tables"], "customer");
    EXPECT_EQ(customer["identifier"].as<std::string>(), "Customer");
    EXPECT_EQ(customer["config"]["loaded_at_field"].as<std::string>(), "updated_at");
    EXPECT_EQ(customer["config"]["freshness"]["warn_after"]["period"].as<std::string>(), "day");
    EXPECT_FALSE(customer["freshness"]) << "freshness belongs under config:";
    YAML::Node id = find_named(customer["columns"], "CustomerId");
    EXPECT_TRUE(id["quote"].as<bool>());
    EXPECT_EQ(find_named(customer["columns"], "CustomerName")["description"].as<std::string>(),
              "Full name, as typed by the customer");
    // orders has only an event timestamp: the next best choice.
    EXPECT_EQ(find_named(source["tables"], "orders")["config"]["loaded_at_field"].as<std::string>(), "ordered_at");
    // No timestamp, no freshness.
    EXPECT_FALSE(find_named(source["tables"], "category")["config"]);
}

TEST(SourcesYaml, OmitsFreshnessWhenTurnedOff) {
    GenerateOptions options;
    options.freshness = false;
    GeneratedProject p = generate_dbt_project(shop_schema(), options);
    YAML::Node tables = yaml(p, "models/staging/public/_public__sources.yml")["sources"][0]["tables"];
    for (const YAML::Node& t : tables)
        EXPECT_FALSE(t["config"]) << t["name"].as<std::string>();
}

TEST(ModelsYaml, TestsKeysNotNullEnumsChecksAndRelationshipsWithArgumentsNested) {
    GeneratedProject p = generate_dbt_project(shop_schema(), {});
    YAML::Node models = yaml(p, "models/staging/public/_public__models.yml")["models"];
    YAML::Node orders = find_named(models, "stg_public__orders");
    auto id_tests = tests_of(orders, "order_id");
    EXPECT_EQ(id_tests.count("unique"), 1u);
    EXPECT_EQ(id_tests.count("not_null"), 1u);
    auto status = tests_of(orders, "status");
    ASSERT_EQ(status.count("accepted_values"), 1u);
    YAML::Node values = status.find("accepted_values")->second["arguments"]["values"];
    ASSERT_TRUE(values.IsSequence());
    EXPECT_EQ(values.size(), 3u);
    EXPECT_EQ(values[1].as<std::string>(), "shipped");
    EXPECT_FALSE(status.find("accepted_values")->second["values"]) << "arguments must be nested";
    auto customer = tests_of(orders, "customer_id");
    ASSERT_EQ(customer.count("relationships"), 1u);
    YAML::Node rel = customer.find("relationships")->second;
    EXPECT_EQ(rel["arguments"]["to"].as<std::string>(), "ref('stg_public__customers')");
    EXPECT_EQ(rel["arguments"]["field"].as<std::string>(), "customer_id");
    EXPECT_FALSE(rel["config"]) << "declared keys fail with error severity";
    EXPECT_EQ(customer.count("not_null"), 0u) << "a nullable foreign key";

    YAML::Node product = find_named(models, "stg_public__products");
    auto rating = tests_of(product, "rating");
    ASSERT_EQ(rating.count("accepted_values"), 1u);
    EXPECT_EQ(rating.find("accepted_values")->second["arguments"]["values"].size(), 3u);
    auto category = tests_of(product, "category_id");
    ASSERT_EQ(category.count("relationships"), 1u);
    EXPECT_EQ(category.find("relationships")->second["config"]["severity"].as<std::string>(), "warn")
        << "an inferred edge below the confidence threshold only warns";
}

TEST(ModelsYaml, CompositeKeysAreTestedAsRows) {
    GeneratedProject p = generate_dbt_project(shop_schema(), {});
    YAML::Node line = find_named(yaml(p, "models/staging/public/_public__models.yml")["models"],
                                 "stg_public__order_lines");
    auto model_tests = tests_of(line);
    ASSERT_EQ(model_tests.count("unique"), 1u);
    EXPECT_EQ(model_tests.find("unique")->second["arguments"]["column_name"].as<std::string>(),
              "row(order_id, line_no)");
    EXPECT_EQ(tests_of(line, "line_no").count("not_null"), 1u);
    EXPECT_EQ(tests_of(line, "line_no").count("unique"), 0u);
}

TEST(ModelsYaml, EveryModelAndColumnHasADescription) {
    GeneratedProject p = generate_dbt_project(shop_schema(), {});
    for (const char* path : {"models/staging/public/_public__models.yml", "models/marts/_marts__models.yml"}) {
        for (const YAML::Node& m : yaml(p, path)["models"]) {
            EXPECT_FALSE(m["description"].as<std::string>().empty()) << path;
            for (const YAML::Node& c : m["columns"])
                EXPECT_FALSE(c["description"].as<std::string>().empty()) << m["name"].as<std::string>();
        }
    }
    YAML::Node models = yaml(p, "models/staging/public/_public__models.yml")["models"];
    YAML::Node orders = find_named(models, "stg_public__orders");
    YAML::Node customer_id = find_named(orders["columns"], "customer_id");
    EXPECT_EQ(customer_id["description"].as<std::string>(), "Customer id: foreign key to customers.");
    // What tools read goes under config: meta:, not into the description.
    YAML::Node reference = customer_id["config"]["meta"]["cartridge"]["references"][0];
    EXPECT_EQ(reference["to"].as<std::string>(), "stg_public__customers");
    EXPECT_EQ(reference["source"].as<std::string>(), "declared");
    EXPECT_EQ(orders["config"]["meta"]["cartridge"]["relation"].as<std::string>(), "public.orders");
    YAML::Node category_id = find_named(find_named(models, "stg_public__products")["columns"], "category_id");
    EXPECT_EQ(category_id["description"].as<std::string>().find("evidence"), std::string::npos);
    EXPECT_EQ(category_id["config"]["meta"]["cartridge"]["references"][0]["source"].as<std::string>(), "inferred");
    EXPECT_TRUE(category_id["config"]["meta"]["cartridge"]["references"][0]["confidence"]);
    // A comment comes first, alone.
    YAML::Node customers = find_named(models, "stg_public__customers");
    EXPECT_EQ(find_named(customers["columns"], "customer_name")["description"].as<std::string>(),
              "Full name, as typed by the customer.");
}

TEST(Marts, JoinLabelsAndHeadersInTheMartItselfWithNoIntermediateModel) {
    Schema s = shop_schema();
    GeneratedProject p = generate_dbt_project(s, {});
    const std::string lines = file(p, "models/marts/fct_order_lines.sql").content;
    EXPECT_NE(lines.find("{{ ref('stg_public__order_lines') }}"), std::string::npos);
    EXPECT_NE(lines.find("{{ ref('stg_public__orders') }}"), std::string::npos);
    EXPECT_NE(lines.find("left join orders\n        on order_lines.order_id = orders.order_id"), std::string::npos)
        << lines;
    // the header's date and keys keep their names
    EXPECT_NE(lines.find("orders.ordered_at,"), std::string::npos) << lines;
    EXPECT_NE(lines.find("orders.customer_id"), std::string::npos) << lines;
    for (const GeneratedFile& f : p.files)
        EXPECT_EQ(f.path.find("models/intermediate"), std::string::npos) << f.path;
    YAML::Node marts = yaml(p, "models/marts/_marts__models.yml")["models"];
    auto product = tests_of(find_named(marts, "fct_order_lines"), "product_id");
    ASSERT_EQ(product.count("relationships"), 1u);
    EXPECT_EQ(product.find("relationships")->second["arguments"]["to"].as<std::string>(), "ref('dim_products')");
}

TEST(Marts, LookupsFoldIntoDimensionsAndDimensionsSumUpTheirFacts) {
    GeneratedProject p = generate_dbt_project(shop_schema(), {});
    auto files = by_path(p);
    EXPECT_FALSE(files.count("models/marts/dim_categories.sql")) << "a lookup is no mart of its own";
    const std::string products = files["models/marts/dim_products.sql"].content;
    EXPECT_NE(products.find("left join categories"), std::string::npos) << products;
    EXPECT_NE(products.find("group by product_id"), std::string::npos) << products;
    EXPECT_NE(products.find("coalesce(order_lines_by_product.number_of_order_lines, 0) as number_of_order_lines"),
              std::string::npos)
        << products;
    // Customers are people: a dimension, as the scan's classifier says (the schema here is
    // unclassified, so generation runs the same classifier).
    EXPECT_TRUE(files.count("models/marts/dim_customers.sql"));
    EXPECT_NE(files["README.md"].content.find("- `dim_products`: Dimension table"), std::string::npos);
}

TEST(SemanticLayer, FactsGetEntitiesTimeDimensionsMeasuresMetricsAndATimeSpine) {
    GeneratedProject p = generate_dbt_project(shop_schema(), {});
    YAML::Node doc = yaml(p, "models/marts/_marts__semantic_models.yml");
    YAML::Node orders = find_named(doc["semantic_models"], "fct_orders");
    EXPECT_EQ(orders["model"].as<std::string>(), "ref('fct_orders')");
    EXPECT_EQ(orders["defaults"]["agg_time_dimension"].as<std::string>(), "ordered_at");
    YAML::Node primary = find_named(orders["entities"], "order");
    EXPECT_EQ(primary["type"].as<std::string>(), "primary");
    EXPECT_EQ(primary["expr"].as<std::string>(), "order_id");
    YAML::Node ordered_at = find_named(orders["dimensions"], "ordered_at");
    EXPECT_EQ(ordered_at["type_params"]["time_granularity"].as<std::string>(), "day");
    YAML::Node total = find_named(orders["measures"], "order_total");
    EXPECT_EQ(total["agg"].as<std::string>(), "sum");
    EXPECT_EQ(total["expr"].as<std::string>(), "total");
    EXPECT_EQ(find_named(doc["metrics"], "order_total")["type_params"]["measure"].as<std::string>(), "order_total");
    YAML::Node spine = find_named(yaml(p, "models/marts/_marts__models.yml")["models"], "metricflow_time_spine");
    EXPECT_EQ(spine["time_spine"]["standard_granularity_column"].as<std::string>(), "date_day");
    EXPECT_EQ(spine["columns"][0]["granularity"].as<std::string>(), "day");
}

TEST(Marts, UseTheScansClassificationWhenPresent) {
    Schema s = shop_schema();
    for (Relation& r : s.relations)
        r.classification = r.name == "product" ? "fact" : r.name == "category" ? "reference" : "other";
    GeneratedProject p = generate_dbt_project(s, {});
    auto files = by_path(p);
    EXPECT_TRUE(files.count("models/marts/fct_products.sql"));
    EXPECT_FALSE(files.count("models/marts/fct_order_lines.sql"));
    EXPECT_FALSE(files.count("models/marts/dim_customers.sql"));
    EXPECT_NE(files["models/marts/fct_products.sql"].content.find("categories.name as category_name"), std::string::npos)
        << files["models/marts/fct_products.sql"].content;
    EXPECT_NE(files["models/marts/_marts__models.yml"].content.find("classified_by: scan"), std::string::npos);
}

TEST(Marts, CanBeTurnedOff) {
    GenerateOptions options;
    options.marts = false;
    GeneratedProject p = generate_dbt_project(shop_schema(), options);
    for (const GeneratedFile& f : p.files)
        EXPECT_EQ(f.path.find("models/marts"), std::string::npos) << f.path;
    YAML::Node project = yaml(p, "dbt_project.yml");
    EXPECT_FALSE(project["models"]["shop"]["marts"]) << "unused config paths make dbt warn";
}

TEST(FallbackClassification, RecognisesLinesHeadersLookupsAndBridges) {
    Schema s = shop_schema();
    s.relations.push_back(table("public", "product_tag", {column("product_id", 1, "integer", false),
                                                          column("tag_id", 2, "integer", false)},
                                {primary_key("product_tag_pkey", {"product_id", "tag_id"})}));
    s.relations.push_back(table("public", "tag", {column("tag_id", 1, "integer", false), column("label", 2, "text")},
                                {primary_key("tag_pkey", {"tag_id"})}));
    sort_relations(s);
    s.relationships.push_back(edge("product_tag", {"product_id"}, "product", {"product_id"}));
    s.relationships.push_back(edge("product_tag", {"tag_id"}, "tag", {"tag_id"}));
    dbt::Plan plan = dbt::build_plan(s, {}, {});
    std::map<std::string, std::string> classes;
    for (const auto& st : plan.staged)
        classes[st.relation->name] = st.classification;
    EXPECT_EQ(classes["order_line"], "fact");
    EXPECT_EQ(classes["orders"], "fact");
    EXPECT_EQ(classes["product"], "dimension");
    EXPECT_EQ(classes["category"], "reference");
    EXPECT_EQ(classes["product_tag"], "bridge");
    EXPECT_EQ(classes["active_customers"], "other");
}

TEST(DbtProjectYaml, ConfiguresOnlyUsedFoldersAndNoTelemetry) {
    GeneratedProject p = generate_dbt_project(shop_schema(), {});
    YAML::Node project = yaml(p, "dbt_project.yml");
    EXPECT_EQ(project["name"].as<std::string>(), "shop");
    EXPECT_EQ(project["profile"].as<std::string>(), "shop");
    EXPECT_EQ(project["config-version"].as<int>(), 2);
    EXPECT_FALSE(project["flags"]["send_anonymous_usage_stats"].as<bool>());
    EXPECT_EQ(project["models"]["shop"]["staging"]["+materialized"].as<std::string>(), "view");
    EXPECT_EQ(project["models"]["shop"]["marts"]["+materialized"].as<std::string>(), "table");
}

TEST(ProfilesYaml, ReadsTheConnectionFromTheEnvironmentAndHoldsNoSecret) {
    GeneratedProject p = generate_dbt_project(shop_schema(), {});
    YAML::Node dev = yaml(p, "profiles.yml")["shop"]["outputs"]["dev"];
    EXPECT_EQ(dev["type"].as<std::string>(), "postgres");
    EXPECT_EQ(dev["host"].as<std::string>(), "{{ env_var('PGHOST', 'localhost') }}");
    EXPECT_EQ(dev["port"].as<std::string>(), "{{ env_var('PGPORT', '5432') | as_number }}");
    EXPECT_EQ(dev["user"].as<std::string>(), "{{ env_var('PGUSER', 'postgres') }}");
    EXPECT_EQ(dev["password"].as<std::string>(), "{{ env_var('PGPASSWORD', '') }}");
    EXPECT_EQ(dev["dbname"].as<std::string>(), "{{ env_var('PGDATABASE', 'shop') }}");
    EXPECT_EQ(dev["schema"].as<std::string>(), "{{ env_var('DBT_SCHEMA', 'analytics') }}");
}

TEST(Readme, ExplainsHowToRunAndDrawsAMermaidErd) {
    GeneratedProject p = generate_dbt_project(shop_schema(), {});
    const std::string readme = file(p, "README.md").content;
    for (const char* needle : {"dbt run --profiles-dir .", "DBT_SCHEMA", "PGPASSWORD", "```mermaid\nerDiagram",
                               "public__orders ||--o{ public__order_line : \"order_id\"",
                               "public__category ||..o{ public__product : \"category_id (inferred)\"",
                               "integer customer_id PK"})
        EXPECT_NE(readme.find(needle), std::string::npos) << needle << "\n" << readme;
}

TEST(Readme, ErdColumnsNamedLikeMermaidKeyMarksStayNames) {
    Schema s;
    s.database = "db";
    s.relations = {table("public", "t", {column("pk", 1, "integer", false), column("uk", 2, "text")},
                         {primary_key("t_pkey", {"pk"})})};
    const std::string readme = file(generate_dbt_project(s, {}), "README.md").content;
    // Bare, "pk" is read as a key mark where Mermaid wants a name: a parse error.
    EXPECT_NE(readme.find("        integer pk_ PK \"pk\"\n        text uk_ \"uk\"\n"), std::string::npos) << readme;
}

TEST(Readme, ErdOfMoreThanAHundredRelationsShowsTheMostConnected) {
    Schema s;
    s.scan_id = 9;
    s.database = "db";
    for (int i = 0; i < 105; i++)
        s.relations.push_back(table("public", fmt::format("t{:03}", i), {column("id", 1, "integer", false),
                                                                          column("hub_id", 2, "integer")},
                                    {primary_key(fmt::format("t{:03}_pkey", i), {"id"})}));
    for (int i = 1; i <= 3; i++)
        s.relationships.push_back(edge(fmt::format("t{:03}", i), {"hub_id"}, "t104", {"id"}));
    const std::string readme = file(generate_dbt_project(s, {}), "README.md").content;
    EXPECT_NE(readme.find("public__t104 {"), std::string::npos);  // last by name, first by edges
    EXPECT_EQ(readme.find("public__t100 {"), std::string::npos);
    EXPECT_NE(readme.find("The diagram shows 100 of the 105 staged relations (the most connected); "
                          "`SELECT cartridge_erd(9, 'mermaid', '{\"max_tables\": 105}')` draws all of them."),
              std::string::npos)
        << readme;
}

TEST(AwkwardNames, AreQuotedInSqlAndMarkedForQuotingInYaml) {
    Schema s;
    s.database = "Weird DB";
    std::string long_table(63, 't');
    Column order = column("Order", 2, "integer");
    Column quoted = column("say \"hi\"", 3, "text");
    Column jinja = column("{{ oops }}", 4, "text");
    Column unicode = column("Gr\xc3\xb6\xc3\x9f" "e", 5, "numeric");
    s.relations = {table("Sales Data", long_table, {column("ID", 1, "integer", false), order, quoted, jinja, unicode},
                         {primary_key("pk", {"ID"})})};
    GeneratedProject p = generate_dbt_project(s, {});
    EXPECT_EQ(p.name, "weird_db");
    const GeneratedModel& m = p.models.front();
    EXPECT_LE(m.name.size(), 63u);
    EXPECT_EQ(m.name.rfind("stg_sales_data__ttt", 0), 0u);
    EXPECT_NE(m.sql.find("\"ID\" as id"), std::string::npos) << m.sql;
    EXPECT_NE(m.sql.find("\"Order\" as \"order\""), std::string::npos) << m.sql;
    EXPECT_NE(m.sql.find("\"say \"\"hi\"\"\" as say_hi"), std::string::npos) << m.sql;
    EXPECT_NE(m.sql.find("{% raw %}\"{{ oops }}\"{% endraw %} as oops"), std::string::npos) << m.sql;
    EXPECT_NE(m.sql.find("\"Gr\xc3\xb6\xc3\x9f" "e\" as grosse"), std::string::npos) << m.sql;
    YAML::Node model = YAML::Load(file(p, "models/staging/sales_data/_sales_data__models.yml").content)["models"][0];
    EXPECT_TRUE(find_named(model["columns"], "order")["quote"].as<bool>());
    EXPECT_FALSE(find_named(model["columns"], "say_hi")["quote"]);
    YAML::Node table_node = YAML::Load(file(p, "models/staging/sales_data/_sales_data__sources.yml").content)["sources"][0];
    EXPECT_EQ(table_node["schema"].as<std::string>(), "Sales Data");
    EXPECT_EQ(find_named(table_node["tables"][0]["columns"], "{% raw %}{{ oops }}{% endraw %}")["quote"].as<bool>(),
              true);
}

TEST(AwkwardNames, CollidingNamesStayDistinct) {
    Schema s;
    s.database = "db";
    s.relations = {table("public", "Order Items", {column("a", 1, "integer"), column("A", 2, "integer")}),
                   table("public", "order_items", {column("a", 1, "integer")})};
    sort_relations(s);
    GeneratedProject p = generate_dbt_project(s, {});
    std::vector<std::string> names;
    for (const GeneratedModel& m : p.models)
        names.push_back(m.name);
    EXPECT_EQ(names, (std::vector<std::string>{"stg_public__order_items", "stg_public__order_items_2"}));
    EXPECT_NE(p.models[0].sql.find("\"A\" as a_2"), std::string::npos) << p.models[0].sql;
}

TEST(AwkwardNames, AcceptedValuesWithQuotesBecomeSqlLiterals) {
    Schema s = shop_schema();
    for (Relation& r : s.relations)
        for (Column& c : r.columns)
            if (c.name == "status")
                c.enum_values = {"it's", "fine"};
    GeneratedProject p = generate_dbt_project(s, {});
    YAML::Node orders = find_named(yaml(p, "models/staging/public/_public__models.yml")["models"], "stg_public__orders");
    YAML::Node args = tests_of(orders, "status").find("accepted_values")->second["arguments"];
    EXPECT_EQ(args["values"][0].as<std::string>(), "'it''s'");
    EXPECT_FALSE(args["quote"].as<bool>());
}

TEST(YamlScalars, AreQuotedWhenYaml11WouldReadThemAsSomethingElse) {
    Schema s;
    s.database = "db";
    Column on = column("on", 1, "text");
    on.enum_values = {"yes", "no", "1.0", "null"};
    s.relations = {table("public", "flags", {on})};
    GeneratedProject p = generate_dbt_project(s, {});
    const std::string& text = file(p, "models/staging/public/_public__models.yml").content;
    EXPECT_NE(text.find("name: \"on\""), std::string::npos) << text;
    EXPECT_NE(text.find("- \"yes\""), std::string::npos) << text;
    EXPECT_NE(text.find("- \"1.0\""), std::string::npos) << text;
}

TEST(Relationships, InferredEdgesFollowTheConfidenceThresholds) {
    GenerateOptions strict;
    strict.inferred_min_confidence = 0.8;
    GeneratedProject p = generate_dbt_project(shop_schema(), strict);
    auto inferred = std::find_if(p.tests.begin(), p.tests.end(), [](const GeneratedTest& t) {
        return t.model_name == "stg_public__products" && t.test_name == "relationships";
    });
    EXPECT_EQ(inferred, p.tests.end()) << "below the minimum: documented, not tested";
    GenerateOptions lenient;
    lenient.inferred_warn_below = 0.6;
    p = generate_dbt_project(shop_schema(), lenient);
    inferred = std::find_if(p.tests.begin(), p.tests.end(), [](const GeneratedTest& t) {
        return t.model_name == "stg_public__products" && t.test_name == "relationships";
    });
    ASSERT_NE(inferred, p.tests.end());
    EXPECT_EQ(inferred->severity, "error");
}

TEST(Relationships, AnInferredEdgeWithOrphansIsOnlyAWarningWhateverItsConfidence) {
    GenerateOptions lenient;
    lenient.inferred_warn_below = 0.6;
    Schema s = shop_schema();
    for (Relationship& r : s.relationships)
        if (r.source == "inferred")
            r.evidence["orphans"] = 2;  // seen in the sample: dbt test would fail
    GeneratedProject p = generate_dbt_project(s, lenient);
    auto inferred = std::find_if(p.tests.begin(), p.tests.end(), [](const GeneratedTest& t) {
        return t.model_name == "stg_public__products" && t.test_name == "relationships";
    });
    ASSERT_NE(inferred, p.tests.end());
    EXPECT_EQ(inferred->severity, "warn");
}

TEST(Relationships, DeclaredEdgeWinsOverItsInferredTwin) {
    Schema s = shop_schema();
    s.relationships.insert(s.relationships.begin(), edge("orders", {"CustomerId"}, "Customer", {"CustomerId"},
                                                         "inferred", 0.55));
    GeneratedProject p = generate_dbt_project(s, {});
    int count = 0;
    for (const GeneratedTest& t : p.tests)
        if (t.model_name == "stg_public__orders" && t.test_name == "relationships") {
            count++;
            EXPECT_EQ(t.severity, "error");
        }
    EXPECT_EQ(count, 1);
}

TEST(Generate, SkipsRelationsItCannotReadWithAWarning) {
    Schema s = shop_schema();
    for (Relation& r : s.relations)
        if (r.name == "category")
            r.can_select = false;
    GeneratedProject p = generate_dbt_project(s, {});
    ASSERT_FALSE(p.warnings.empty());
    EXPECT_NE(p.warnings[0].find("public.category"), std::string::npos);
    for (const GeneratedModel& m : p.models)
        EXPECT_EQ(m.name.find("category"), std::string::npos) << m.name;
}

TEST(Generate, ChecksForInterruptsAndStopsWhenTheHookThrows) {
    int calls = 0;
    GenerateHooks hooks;
    hooks.check_interrupts = [&] { calls++; };
    generate_dbt_project(shop_schema(), {}, hooks);
    EXPECT_GT(calls, 6);
    hooks.check_interrupts = [] { throw std::runtime_error("canceling statement due to user request"); };
    EXPECT_THROW(generate_dbt_project(shop_schema(), {}, hooks), std::runtime_error);
}

TEST(Generate, ReportsProgressUpToOneHundred) {
    std::vector<int> seen;
    GenerateHooks hooks;
    hooks.progress = [&](int percent, const std::string&) { seen.push_back(percent); };
    generate_dbt_project(shop_schema(), {}, hooks);
    ASSERT_FALSE(seen.empty());
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    EXPECT_EQ(seen.back(), 100);
}

TEST(GenerateOptions, AcceptsKnownKeysAndRejectsOthersListingThem) {
    GenerateOptions o = parse_generate_options(nlohmann::json::parse(
        R"({"project_name": "my_shop", "marts": false, "freshness": false, "inferred_min_confidence": 0.3,
            "inferred_warn_below": 0.95})"));
    EXPECT_EQ(o.project_name, "my_shop");
    EXPECT_FALSE(o.marts);
    EXPECT_FALSE(o.freshness);
    EXPECT_DOUBLE_EQ(o.inferred_min_confidence, 0.3);
    try {
        parse_generate_options(nlohmann::json::parse(R"({"model": "gpt"})"));
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.sqlstate(), "22023");
        EXPECT_NE(std::string(e.what()).find("\"model\""), std::string::npos);
        EXPECT_EQ(e.hint(), "Accepted keys: freshness, inferred_min_confidence, inferred_warn_below, marts, "
                            "project_name.");
    }
    for (const char* bad : {R"({"marts": "yes"})", R"({"inferred_min_confidence": 2})", R"([1])",
                            R"({"project_name": "Bad Name"})", R"({"project_name": "dbt"})",
                            R"({"inferred_min_confidence": 0.9, "inferred_warn_below": 0.5})"})
        EXPECT_THROW(parse_generate_options(nlohmann::json::parse(bad)), Error) << bad;
}

TEST(GenerateOptions, DerivesAValidProjectNameFromTheDatabase) {
    EXPECT_EQ(project_name_for("Chinook"), "chinook");
    EXPECT_EQ(project_name_for("2024 sales"), "cartridge_2024_sales");
    EXPECT_EQ(project_name_for("dbt"), "project_dbt");
    EXPECT_EQ(project_name_for("\xe6\x97\xa5"), "cartridge");
}

TEST(Providers, KnownOnesAreAcceptedOthersAreUnknown) {
    for (const char* known : {"builtin", "openai", "anthropic", "gemini", "openai_compatible"})
        EXPECT_NO_THROW(check_provider(known)) << known;
    try {
        check_provider("llama");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.sqlstate(), "22023");
        EXPECT_EQ(e.hint(), "Known providers: builtin, openai, anthropic, gemini, openai_compatible.");
    }
}

TEST(GenerateOptions, AiProvidersAcceptAModel) {
    GenerateOptions o = parse_generate_options(nlohmann::json::parse(R"({"model": "gpt-x"})"), "openai");
    EXPECT_EQ(o.model, "gpt-x");
    EXPECT_EQ(o.provider, "openai");
    try {
        parse_generate_options(nlohmann::json::parse(R"({"temperature": 1})"), "gemini");
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("for provider \"gemini\""), std::string::npos);
        EXPECT_NE(e.hint().find("model"), std::string::npos);
    }
}

TEST(Generate, AnEmptyScanGivesAValidProjectWithAWarning) {
    Schema s;
    s.database = "empty";
    GeneratedProject p = generate_dbt_project(s, {});
    EXPECT_TRUE(p.models.empty());
    ASSERT_EQ(p.warnings.size(), 1u);
    YAML::Node project = yaml(p, "dbt_project.yml");
    EXPECT_TRUE(project["models"]["empty"].IsMap());
    EXPECT_EQ(project["models"]["empty"].size(), 0u);
}
