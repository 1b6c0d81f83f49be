// YAML files of the generated project (see yaml_writer.hpp for the quoting rules). Text from
// the catalog is also kept away from Jinja: dbt renders names, identifiers, descriptions and
// test arguments as templates.
#include "core/dbt_render.hpp"
#include "core/yaml_writer.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace cartridge::dbt {

namespace {

using yaml::Node;

// A string from the catalog (or derived from it).
Node text(const std::string& value) {
    return Node::text(jinja_safe(value));
}

// A string the generator wrote itself, that dbt must see unchanged (may hold Jinja).
Node literal(const std::string& value) {
    return Node::text(value);
}

Node json_value(const nlohmann::ordered_json& value, bool from_catalog) {
    if (value.is_string())
        return from_catalog ? text(value.get<std::string>()) : literal(value.get<std::string>());
    if (value.is_boolean())
        return Node::boolean(value.get<bool>());
    if (value.is_number_integer())
        return Node::integer(value.get<long long>());
    if (value.is_number())
        return Node::number(value.get<double>());
    if (value.is_array()) {
        Node seq = Node::seq();
        for (const auto& v : value)
            seq.push(json_value(v, from_catalog));
        return seq;
    }
    Node map = Node::map();
    for (const auto& [k, v] : value.items())
        map.add(k, json_value(v, from_catalog));
    return map;
}

Node test_node(const TestSpec& t) {
    if (t.arguments.empty() && t.severity == "error")
        return Node::text(t.name);
    Node body = Node::map();
    if (!t.arguments.empty()) {
        Node& arguments = body.add("arguments", Node::map());
        // column_name is pasted into the test's SQL without rendering; it stays as is.
        for (const auto& [k, v] : t.arguments.items())
            arguments.add(k, json_value(v, k != "column_name"));
    }
    if (t.severity != "error")
        body.add("config", Node::map()).add("severity", Node::text(t.severity));
    Node test = Node::map();
    test.add(t.name, std::move(body));
    return test;
}

struct TestIndex {
    std::map<std::pair<std::string, std::string>, std::vector<const TestSpec*>> by_column;
    std::map<std::string, std::vector<const TestSpec*>> by_model;

    explicit TestIndex(const Plan& plan) {
        for (const TestSpec& t : plan.tests) {
            if (t.column)
                by_column[{t.model, *t.column}].push_back(&t);
            else
                by_model[t.model].push_back(&t);
        }
    }
    const std::vector<const TestSpec*>& column(const std::string& model, const std::string& name) const {
        static const std::vector<const TestSpec*> none;
        auto it = by_column.find({model, name});
        return it == by_column.end() ? none : it->second;
    }
    const std::vector<const TestSpec*>& model(const std::string& name) const {
        static const std::vector<const TestSpec*> none;
        auto it = by_model.find(name);
        return it == by_model.end() ? none : it->second;
    }
};

void add_tests(Node& holder, const std::vector<const TestSpec*>& tests) {
    if (tests.empty())
        return;
    Node& list = holder.add("data_tests", Node::seq());
    for (const TestSpec* t : tests)
        list.push(test_node(*t));
}

// A column of a models: entry: its description, and what Cartridge knows about it for
// tools (config: meta: cartridge:), empty when nothing.
struct ColumnDoc {
    std::string name;
    std::string description;
    nlohmann::ordered_json meta = nlohmann::ordered_json::object();
};

void add_meta(Node& holder, const nlohmann::ordered_json& meta) {
    if (meta.empty())
        return;
    Node cartridge = Node::map();
    for (const auto& [k, v] : meta.items())
        cartridge.add(k, json_value(v, true));
    holder.add("config", Node::map()).add("meta", Node::map()).add("cartridge", std::move(cartridge));
}

// One entry of a models: list.
Node model_node(const Plan& plan, const TestIndex& tests, const std::string& model, const std::string& description,
                const std::vector<ColumnDoc>& columns,
                const nlohmann::ordered_json& meta = nlohmann::ordered_json::object()) {
    Node m = Node::map();
    m.add("name", literal(model));
    m.add("description", text(description));
    add_meta(m, meta);
    add_tests(m, tests.model(model));
    Node& list = m.add("columns", Node::seq());
    for (const ColumnDoc& column : columns) {
        Node& c = list.push(Node::map());
        c.add("name", literal(column.name));
        c.add("description", text(column.description));
        // dbt then quotes the column in the tests it writes (a keyword such as "order").
        if (plan.quoter.needs_quotes(column.name))
            c.add("quote", Node::boolean(true));
        add_meta(c, column.meta);
        add_tests(c, tests.column(model, column.name));
    }
    return m;
}

// What the scan says of a relation, for tools.
nlohmann::ordered_json relation_meta(const StagedRelation& s) {
    nlohmann::ordered_json meta;
    meta["relation"] = s.relation->schema + "." + s.relation->name;
    meta["kind"] = s.relation->kind;
    meta["classification"] = s.classification;
    meta["classified_by"] = s.classification_origin;
    if (s.classification_origin == "scan")
        meta["classification_confidence"] = std::round(s.relation->classification_confidence * 100) / 100;
    return meta;
}

// The relationships a column of a staged relation is the child of, for tools: the parent,
// declared or inferred, and an inferred one's confidence and evidence.
nlohmann::ordered_json column_meta(const Plan& plan, std::size_t staged, const PlanColumn& c) {
    nlohmann::ordered_json meta = nlohmann::ordered_json::object();
    nlohmann::ordered_json references = nlohmann::ordered_json::array();
    for (const PlanEdge& e : plan.edges) {
        if (e.from != staged || std::find(e.from_columns.begin(), e.from_columns.end(), &c) == e.from_columns.end())
            continue;
        const Relationship& r = *e.relationship;
        nlohmann::ordered_json ref;
        ref["to"] = plan.staged[e.to].model;
        nlohmann::ordered_json to_columns = nlohmann::ordered_json::array();
        for (const PlanColumn* t : e.to_columns)
            to_columns.push_back(t->name);
        ref["columns"] = to_columns;
        ref["source"] = r.source;
        if (r.source == "declared") {
            if (!r.constraint_name.empty())
                ref["constraint"] = r.constraint_name;
        } else {
            ref["confidence"] = std::round(r.confidence * 100) / 100;
            ref["tested"] = e.severity.empty() ? "no" : e.severity;
            if (r.evidence.is_object() && !r.evidence.empty())
                ref["evidence"] = nlohmann::ordered_json::parse(r.evidence.dump());
        }
        references.push_back(std::move(ref));
    }
    if (!references.empty())
        meta["references"] = std::move(references);
    return meta;
}

Node models_document() {
    Node doc = Node::map();
    doc.add("version", Node::integer(2));
    return doc;
}

std::string trimmed_comment_or_type(const PlanColumn& c) {
    const std::string& comment = c.column->comment;
    const auto first = comment.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return "Type " + c.column->data_type + ".";
    return comment.substr(first, comment.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

const PlanColumn* freshness_column(const StagedRelation& s) {
    // A load or update timestamp is what freshness means; a creation or event time is the
    // next best proxy. Dates and other columns are not used.
    const PlanColumn* best = nullptr;
    int best_rank = 99;
    for (const PlanColumn& c : s.columns) {
        const std::string& type = c.cast.empty() ? c.column->data_type : c.cast;
        if (type.rfind("timestamp", 0) != 0 || type.find("[]") != std::string::npos)
            continue;
        const std::string& n = c.name;
        auto has = [&](const char* word) { return n.find(word) != std::string::npos; };
        auto ends = [&](const std::string& suffix) {
            return n.size() >= suffix.size() && n.compare(n.size() - suffix.size(), suffix.size(), suffix) == 0;
        };
        int rank = 99;
        if (has("loaded") || has("updated") || has("modified") || has("changed") || has("synced") || has("ingested"))
            rank = 0;
        else if (has("created") || has("inserted"))
            rank = 1;
        else if (ends("_at") || ends("_ts") || ends("time") || ends("date") || ends("timestamp"))
            rank = 2;
        if (rank < best_rank) {
            best = &c;
            best_rank = rank;
        }
    }
    return best;
}

std::string dbt_project_yml(const Plan& plan) {
    Node doc = Node::map();
    doc.add("name", literal(plan.project));
    doc.add("version", Node::quoted("1.0.0"));
    doc.add("config-version", Node::integer(2));
    // The `arguments:` property of generic tests needs dbt-core 1.10.5 or later.
    doc.add("require-dbt-version", Node::quoted(">=1.10.5"));
    doc.add("profile", literal(plan.project));
    doc.add("model-paths", Node::flow_seq()).push(literal("models"));
    doc.add("macro-paths", Node::flow_seq()).push(literal("macros"));
    Node& clean = doc.add("clean-targets", Node::flow_seq());
    clean.push(literal("target"));
    clean.push(literal("dbt_packages"));
    // No network call home from a generated project.
    doc.add("flags", Node::map()).add("send_anonymous_usage_stats", Node::boolean(false));
    // Only folders that hold models: dbt warns about configuration paths that match nothing.
    Node& layers = doc.add("models", Node::map()).add(plan.project, Node::map());
    auto layer = [&](const char* name, const char* materialized) {
        layers.add(name, Node::map()).add("+materialized", literal(materialized));
    };
    if (!plan.staged.empty())
        layer("staging", "view");
    if (!plan.marts.empty())
        layer("marts", "table");
    return doc.dump();
}

std::string profiles_yml(const Plan& plan) {
    Node doc = Node::map();
    Node& profile = doc.add(plan.project, Node::map());
    profile.add("target", literal("dev"));
    Node& dev = profile.add("outputs", Node::map()).add("dev", Node::map());
    dev.add("type", literal("postgres"));
    auto env = [&](const char* key, const char* variable, const std::string& fallback, bool number = false) {
        dev.add(key, Node::quoted("{{ env_var('" + std::string(variable) + "', " + backslash_quoted(fallback) + ")" +
                                  (number ? " | as_number" : "") + " }}"));
    };
    // A remote scan's project points at the server it read.
    env("host", "PGHOST", plan.schema->host.empty() ? std::string("localhost") : plan.schema->host);
    env("port", "PGPORT", plan.schema->port.empty() ? std::string("5432") : plan.schema->port, true);
    env("user", "PGUSER", "postgres");
    env("password", "PGPASSWORD", "");
    env("dbname", "PGDATABASE", plan.schema->database);
    env("schema", "DBT_SCHEMA", "analytics");
    env("sslmode", "PGSSLMODE", "prefer");
    dev.add("threads", Node::integer(4));
    return doc.dump();
}

std::string sources_yml(const Plan& plan, const std::string& source, bool freshness) {
    const std::string& schema_name = plan.source_schema.at(source);
    Node doc = models_document();
    Node& entry = doc.add("sources", Node::seq()).push(Node::map());
    entry.add("name", literal(source));
    entry.add("description",
              text("Schema " + schema_name + " of database " + plan.schema->database +
                   (plan.schema->host.empty() ? std::string()
                                              : " on " + plan.schema->host + " port " + plan.schema->port) +
                   ", as Cartridge scanned it."));
    entry.add("schema", text(schema_name));
    Node& tables = entry.add("tables", Node::seq());
    for (std::size_t i : plan.sources.at(source)) {
        const StagedRelation& s = plan.staged[i];
        Node& table = tables.push(Node::map());
        table.add("name", literal(s.table_name));
        if (s.table_name != s.relation->name)
            table.add("identifier", text(s.relation->name));
        table.add("description", text(source_table_description(s)));
        if (const PlanColumn* c = freshness ? freshness_column(s) : nullptr) {
            Node& config = table.add("config", Node::map());
            config.add("loaded_at_field", text(plan.quoter.quote(c->column->name)));
            Node& fresh = config.add("freshness", Node::map());
            Node& warn = fresh.add("warn_after", Node::flow_map());
            warn.add("count", Node::integer(1));
            warn.add("period", literal("day"));
            Node& error = fresh.add("error_after", Node::flow_map());
            error.add("count", Node::integer(7));
            error.add("period", literal("day"));
        }
        Node& columns = table.add("columns", Node::seq());
        for (const PlanColumn& c : s.columns) {
            Node& column = columns.push(Node::map());
            column.add("name", text(c.column->name));
            column.add("description", text(trimmed_comment_or_type(c)));
            if (plan.quoter.needs_quotes(c.column->name))
                column.add("quote", Node::boolean(true));
        }
    }
    return doc.dump();
}

std::string staging_models_yml(const Plan& plan, const std::string& source) {
    TestIndex tests(plan);
    Node doc = models_document();
    Node& models = doc.add("models", Node::seq());
    for (std::size_t i : plan.sources.at(source)) {
        const StagedRelation& s = plan.staged[i];
        std::vector<ColumnDoc> columns;
        for (const PlanColumn& c : s.columns)
            columns.push_back({c.name, column_description(plan, i, c), column_meta(plan, i, c)});
        models.push(model_node(plan, tests, s.model, staging_description(plan, s), columns, relation_meta(s)));
    }
    return doc.dump();
}

std::string marts_models_yml(const Plan& plan) {
    TestIndex tests(plan);
    Node doc = models_document();
    Node& models = doc.add("models", Node::seq());
    for (const Mart& m : plan.marts) {
        const StagedRelation& s = plan.staged[m.staged];
        std::vector<ColumnDoc> columns;
        for (const Plan::MartColumn& c : plan.mart_columns(m)) {
            if (c.own)
                columns.push_back({c.name, column_description(plan, m.staged, *c.own), column_meta(plan, m.staged, *c.own)});
            else
                columns.push_back({c.name, joined_column_description(plan, c)});
        }
        for (const auto& [name, description, type] : m.ai_added_columns)
            columns.push_back({name, description});
        models.push(model_node(plan, tests, m.name, mart_description(plan, m), columns, relation_meta(s)));
    }
    if (!plan.semantic_models.empty()) {
        Node& spine = models.push(Node::map());
        spine.add("name", literal(time_spine_model));
        spine.add("description", text("One row per day from 2000 to 2040: the time spine MetricFlow joins metrics "
                                      "to (dbt's semantic layer needs one)."));
        spine.add("time_spine", Node::map()).add("standard_granularity_column", literal("date_day"));
        Node& column = spine.add("columns", Node::seq()).push(Node::map());
        column.add("name", literal("date_day"));
        column.add("description", text("The day."));
        column.add("granularity", literal("day"));
    }
    return doc.dump();
}

std::string semantic_models_yml(const Plan& plan) {
    Node doc = models_document();
    Node& models = doc.add("semantic_models", Node::seq());
    Node metrics = Node::seq();
    for (const SemanticModel& sm : plan.semantic_models) {
        const Mart& m = plan.marts[sm.mart];
        Node& model = models.push(Node::map());
        model.add("name", literal(sm.name));
        model.add("description", text(mart_description(plan, m)));
        model.add("model", literal("ref('" + m.name + "')"));
        if (!sm.agg_time_dimension.empty())
            model.add("defaults", Node::map()).add("agg_time_dimension", literal(sm.agg_time_dimension));
        if (!sm.primary_entity.empty())
            model.add("primary_entity", literal(sm.primary_entity));
        Node& entities = model.add("entities", Node::seq());
        for (const auto& e : sm.entities) {
            Node& entity = entities.push(Node::map());
            entity.add("name", literal(e.name));
            entity.add("type", literal(e.type));
            entity.add("expr", literal(e.column));
        }
        if (!sm.dimensions.empty()) {
            Node& dimensions = model.add("dimensions", Node::seq());
            for (const auto& d : sm.dimensions) {
                Node& dimension = dimensions.push(Node::map());
                dimension.add("name", literal(d.column));
                dimension.add("type", literal(d.time ? "time" : "categorical"));
                if (d.time)
                    dimension.add("type_params", Node::map()).add("time_granularity", literal("day"));
            }
        }
        if (!sm.measures.empty()) {
            Node& measures = model.add("measures", Node::seq());
            for (const auto& x : sm.measures) {
                Node& measure = measures.push(Node::map());
                measure.add("name", literal(x.name));
                measure.add("description", text(x.description));
                measure.add("agg", literal(x.agg));
                measure.add("expr", literal(x.expr));
                Node& metric = metrics.push(Node::map());
                metric.add("name", literal(x.name));
                metric.add("description", text(x.description));
                metric.add("type", literal("simple"));
                metric.add("label", text(x.name));
                metric.add("type_params", Node::map()).add("measure", literal(x.name));
            }
        }
    }
    if (!metrics.empty())
        doc.add("metrics", std::move(metrics));
    return doc.dump();
}

}  // namespace cartridge::dbt
