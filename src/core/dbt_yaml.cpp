// YAML files of the generated project, emitted with yaml-cpp. dbt reads them with PyYAML
// (YAML 1.1), where a bare `on`, `no` or `1.0` is not a string, so any scalar that is not
// plainly a word is double-quoted. Text from the catalog is also kept away from Jinja: dbt
// renders names, identifiers and test arguments as templates.
#include "core/dbt_render.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <set>

namespace cartridge::dbt {

namespace {

bool plain_is_safe(const std::string& s) {
    if (s.empty() || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')) || s.back() == ' ')
        return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
              c == ' ' || c == '.' || c == ',' || c == '(' || c == ')' || c == '/' || c == '\'' || c == '-'))
            return false;
    std::string lower = s;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    static const std::set<std::string> yaml11_words = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"};
    return !yaml11_words.count(lower);
}

// A string value; from_catalog marks text that must not be rendered as Jinja by dbt.
void scalar(YAML::Emitter& out, const std::string& value, bool from_catalog = true) {
    const std::string text = from_catalog ? jinja_safe(value) : value;
    if (plain_is_safe(text))
        out << text;
    else
        out << YAML::DoubleQuoted << text;
}

void key_value(YAML::Emitter& out, const char* key, const std::string& value, bool from_catalog = true) {
    out << YAML::Key << key << YAML::Value;
    scalar(out, value, from_catalog);
}

void json_value(YAML::Emitter& out, const nlohmann::ordered_json& value, bool from_catalog) {
    if (value.is_string())
        scalar(out, value.get<std::string>(), from_catalog);
    else if (value.is_boolean())
        out << value.get<bool>();
    else if (value.is_number_integer())
        out << value.get<long long>();
    else if (value.is_number())
        out << value.get<double>();
    else if (value.is_array()) {
        out << YAML::BeginSeq;
        for (const auto& v : value)
            json_value(out, v, from_catalog);
        out << YAML::EndSeq;
    } else if (value.is_object()) {
        out << YAML::BeginMap;
        for (const auto& [k, v] : value.items()) {
            out << YAML::Key << k << YAML::Value;
            json_value(out, v, from_catalog);
        }
        out << YAML::EndMap;
    } else {
        out << YAML::Null;
    }
}

void emit_test(YAML::Emitter& out, const TestSpec& t) {
    if (t.arguments.empty() && t.severity == "error") {
        out << t.name;
        return;
    }
    out << YAML::BeginMap << YAML::Key << t.name << YAML::Value << YAML::BeginMap;
    if (!t.arguments.empty()) {
        out << YAML::Key << "arguments" << YAML::Value << YAML::BeginMap;
        for (const auto& [k, v] : t.arguments.items()) {
            out << YAML::Key << k << YAML::Value;
            // column_name is pasted into the test's SQL without rendering; it stays as is.
            json_value(out, v, k != "column_name");
        }
        out << YAML::EndMap;
    }
    if (t.severity != "error")
        out << YAML::Key << "config" << YAML::Value << YAML::BeginMap << YAML::Key << "severity"
            << YAML::Value << t.severity << YAML::EndMap;
    out << YAML::EndMap << YAML::EndMap;
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

void emit_tests(YAML::Emitter& out, const std::vector<const TestSpec*>& tests) {
    if (tests.empty())
        return;
    out << YAML::Key << "data_tests" << YAML::Value << YAML::BeginSeq;
    for (const TestSpec* t : tests)
        emit_test(out, *t);
    out << YAML::EndSeq;
}

// One entry of a models: list. columns are (output name, description) pairs.
void emit_model(YAML::Emitter& out, const Plan& plan, const TestIndex& tests, const std::string& model,
                const std::string& description,
                const std::vector<std::pair<std::string, std::string>>& columns) {
    out << YAML::BeginMap;
    key_value(out, "name", model, false);
    key_value(out, "description", description);
    emit_tests(out, tests.model(model));
    out << YAML::Key << "columns" << YAML::Value << YAML::BeginSeq;
    for (const auto& [name, text] : columns) {
        out << YAML::BeginMap;
        key_value(out, "name", name, false);
        key_value(out, "description", text);
        // dbt then quotes the column in the tests it writes (a keyword such as "order").
        if (plan.quoter.needs_quotes(name))
            out << YAML::Key << "quote" << YAML::Value << true;
        emit_tests(out, tests.column(model, name));
        out << YAML::EndMap;
    }
    out << YAML::EndSeq << YAML::EndMap;
}

std::string finish(YAML::Emitter& out) {
    if (!out.good())
        throw std::runtime_error(std::string("YAML emitter: ") + out.GetLastError());
    return std::string(out.c_str()) + "\n";
}

std::string trimmed_comment_or_type(const PlanColumn& c) {
    const std::string& comment = c.column->comment;
    const auto first = comment.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return "Type " + c.column->data_type + ".";
    return comment.substr(first, comment.find_last_not_of(" \t\r\n") - first + 1);
}

std::string jinja_string(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "'";
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
    YAML::Emitter out;
    out << YAML::BeginMap;
    key_value(out, "name", plan.project, false);
    out << YAML::Key << "version" << YAML::Value << YAML::DoubleQuoted << "1.0.0";
    out << YAML::Key << "config-version" << YAML::Value << 2;
    // The `arguments:` property of generic tests needs dbt-core 1.10.5 or later.
    out << YAML::Key << "require-dbt-version" << YAML::Value << YAML::DoubleQuoted << ">=1.10.5";
    key_value(out, "profile", plan.project, false);
    out << YAML::Key << "model-paths" << YAML::Value << YAML::Flow << YAML::BeginSeq << "models" << YAML::EndSeq;
    out << YAML::Key << "macro-paths" << YAML::Value << YAML::Flow << YAML::BeginSeq << "macros" << YAML::EndSeq;
    out << YAML::Key << "clean-targets" << YAML::Value << YAML::Flow << YAML::BeginSeq << "target"
        << "dbt_packages" << YAML::EndSeq;
    // No network call home from a generated project.
    out << YAML::Key << "flags" << YAML::Value << YAML::BeginMap << YAML::Key << "send_anonymous_usage_stats"
        << YAML::Value << false << YAML::EndMap;
    // Only folders that hold models: dbt warns about configuration paths that match nothing.
    bool intermediate = std::any_of(plan.marts.begin(), plan.marts.end(),
                                    [](const Mart& m) { return !m.intermediate.empty(); });
    out << YAML::Key << "models" << YAML::Value << YAML::BeginMap << YAML::Key << plan.project << YAML::Value
        << YAML::BeginMap;
    auto layer = [&](const char* name, const char* materialized) {
        out << YAML::Key << name << YAML::Value << YAML::BeginMap << YAML::Key << "+materialized" << YAML::Value
            << materialized << YAML::EndMap;
    };
    if (!plan.staged.empty())
        layer("staging", "view");
    if (intermediate)
        layer("intermediate", "view");
    if (!plan.marts.empty())
        layer("marts", "table");
    out << YAML::EndMap << YAML::EndMap << YAML::EndMap;
    return finish(out);
}

std::string profiles_yml(const Plan& plan) {
    YAML::Emitter out;
    auto env = [&](const char* key, const char* variable, const std::string& fallback, bool number = false) {
        out << YAML::Key << key << YAML::Value << YAML::DoubleQuoted
            << "{{ env_var('" + std::string(variable) + "', " + jinja_string(fallback) + ")" +
                   (number ? " | as_number" : "") + " }}";
    };
    out << YAML::BeginMap << YAML::Key << plan.project << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "target" << YAML::Value << "dev";
    out << YAML::Key << "outputs" << YAML::Value << YAML::BeginMap << YAML::Key << "dev" << YAML::Value
        << YAML::BeginMap;
    out << YAML::Key << "type" << YAML::Value << "postgres";
    env("host", "PGHOST", "localhost");
    env("port", "PGPORT", "5432", true);
    env("user", "PGUSER", "postgres");
    env("password", "PGPASSWORD", "");
    env("dbname", "PGDATABASE", plan.schema->database);
    env("schema", "DBT_SCHEMA", "analytics");
    env("sslmode", "PGSSLMODE", "prefer");
    out << YAML::Key << "threads" << YAML::Value << 4;
    out << YAML::EndMap << YAML::EndMap << YAML::EndMap << YAML::EndMap;
    return finish(out);
}

std::string sources_yml(const Plan& plan, const std::string& source, bool freshness) {
    YAML::Emitter out;
    const std::string& schema_name = plan.source_schema.at(source);
    out << YAML::BeginMap << YAML::Key << "version" << YAML::Value << 2;
    out << YAML::Key << "sources" << YAML::Value << YAML::BeginSeq << YAML::BeginMap;
    key_value(out, "name", source, false);
    key_value(out, "description",
              "Schema " + schema_name + " of database " + plan.schema->database + ", as Cartridge scanned it.");
    key_value(out, "schema", schema_name);
    out << YAML::Key << "tables" << YAML::Value << YAML::BeginSeq;
    for (std::size_t i : plan.sources.at(source)) {
        const StagedRelation& s = plan.staged[i];
        out << YAML::BeginMap;
        key_value(out, "name", s.table_name, false);
        if (s.table_name != s.relation->name)
            key_value(out, "identifier", s.relation->name);
        key_value(out, "description", source_table_description(s));
        if (const PlanColumn* c = freshness ? freshness_column(s) : nullptr) {
            out << YAML::Key << "config" << YAML::Value << YAML::BeginMap;
            key_value(out, "loaded_at_field", plan.quoter.quote(c->column->name));
            out << YAML::Key << "freshness" << YAML::Value << YAML::BeginMap;
            out << YAML::Key << "warn_after" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key << "count"
                << YAML::Value << 1 << YAML::Key << "period" << YAML::Value << "day" << YAML::EndMap;
            out << YAML::Key << "error_after" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key
                << "count" << YAML::Value << 7 << YAML::Key << "period" << YAML::Value << "day" << YAML::EndMap;
            out << YAML::EndMap << YAML::EndMap;
        }
        out << YAML::Key << "columns" << YAML::Value << YAML::BeginSeq;
        for (const PlanColumn& c : s.columns) {
            out << YAML::BeginMap;
            key_value(out, "name", c.column->name);
            key_value(out, "description", trimmed_comment_or_type(c));
            if (plan.quoter.needs_quotes(c.column->name))
                out << YAML::Key << "quote" << YAML::Value << true;
            out << YAML::EndMap;
        }
        out << YAML::EndSeq << YAML::EndMap;
    }
    out << YAML::EndSeq << YAML::EndMap << YAML::EndSeq << YAML::EndMap;
    return finish(out);
}

std::string staging_models_yml(const Plan& plan, const std::string& source) {
    TestIndex tests(plan);
    YAML::Emitter out;
    out << YAML::BeginMap << YAML::Key << "version" << YAML::Value << 2;
    out << YAML::Key << "models" << YAML::Value << YAML::BeginSeq;
    for (std::size_t i : plan.sources.at(source)) {
        const StagedRelation& s = plan.staged[i];
        std::vector<std::pair<std::string, std::string>> columns;
        for (const PlanColumn& c : s.columns)
            columns.emplace_back(c.name, column_description(plan, i, c));
        emit_model(out, plan, tests, s.model, staging_description(plan, s), columns);
    }
    out << YAML::EndSeq << YAML::EndMap;
    return finish(out);
}

std::string intermediate_models_yml(const Plan& plan) {
    TestIndex tests(plan);
    YAML::Emitter out;
    out << YAML::BeginMap << YAML::Key << "version" << YAML::Value << 2;
    out << YAML::Key << "models" << YAML::Value << YAML::BeginSeq;
    for (const Mart& m : plan.marts) {
        if (m.intermediate.empty())
            continue;
        const StagedRelation& s = plan.staged[m.staged];
        std::vector<std::pair<std::string, std::string>> columns;
        for (const PlanColumn& c : s.columns)
            columns.emplace_back(c.name, "From " + s.model + ".");
        for (const Join& j : m.joins)
            for (const JoinedColumn& c : j.columns)
                columns.emplace_back(c.name, c.column->name + " of " + plan.staged[plan.edges[j.edge].to].model +
                                                 " (joined as " + j.alias + ").");
        emit_model(out, plan, tests, m.intermediate, intermediate_description(plan, m), columns);
    }
    out << YAML::EndSeq << YAML::EndMap;
    return finish(out);
}

std::string marts_models_yml(const Plan& plan) {
    TestIndex tests(plan);
    YAML::Emitter out;
    out << YAML::BeginMap << YAML::Key << "version" << YAML::Value << 2;
    out << YAML::Key << "models" << YAML::Value << YAML::BeginSeq;
    for (const Mart& m : plan.marts) {
        const StagedRelation& s = plan.staged[m.staged];
        std::vector<std::pair<std::string, std::string>> columns;
        for (const PlanColumn& c : s.columns)
            columns.emplace_back(c.name, column_description(plan, m.staged, c));
        for (const Join& j : m.joins)
            for (const JoinedColumn& c : j.columns)
                columns.emplace_back(c.name, c.column->name + " of " + plan.staged[plan.edges[j.edge].to].model +
                                                 " (joined as " + j.alias + ").");
        emit_model(out, plan, tests, m.name, mart_description(plan, m), columns);
    }
    out << YAML::EndSeq << YAML::EndMap;
    return finish(out);
}

}  // namespace cartridge::dbt
