#include "core/ai_enrich.hpp"

#include "core/dbt_render.hpp"

#include <fmt/format.h>

namespace cartridge::dbt {

using nlohmann::json;

namespace {

constexpr const char* describe_system =
    "You document a PostgreSQL database for the analysts who will use its dbt project. For the "
    "relation given as JSON, write what one row is and what each column holds, in business terms, "
    "in one or two plain sentences each. Use the names, types, keys, relationships, comments and "
    "statistics given; never contradict them and do not invent values. Describe every column listed, "
    "under the name given in \"name\". Answer only with the JSON document the schema describes.";

constexpr const char* mart_system =
    "You improve one mart of a dbt project on PostgreSQL for analysts. Given its current SQL, return "
    "a single SELECT (CTEs allowed) that keeps every listed column with the same name and meaning and "
    "may add a few useful ones: measures (amounts, quantities, durations), flags, clean labels. Refer "
    "to other models only as {{ ref('<staging model>') }} from the list given; no other Jinja. When an "
    "error from the database is given, fix the SQL. List the columns you add with a one-sentence "
    "description. Answer only with the JSON document the schema describes.";

constexpr const char* overview_system =
    "You write the overview of a dbt project's README for analysts: what the database is about and "
    "how its models fit together, in one to three short paragraphs of plain text (no headings, no "
    "lists of every model). Answer only with the JSON document the schema describes.";

json strict_object(json properties) {
    json required = json::array();
    for (const auto& [key, value] : properties.items())
        required.push_back(key);
    return {{"type", "object"}, {"properties", std::move(properties)}, {"required", required},
            {"additionalProperties", false}};
}

const json& describe_schema() {
    static const json schema = strict_object(
        {{"description", {{"type", "string"}}},
         {"columns",
          {{"type", "array"},
           {"items", strict_object({{"name", {{"type", "string"}}}, {"description", {{"type", "string"}}}})}}}});
    return schema;
}

std::string clean(const std::string& text, std::size_t limit = 1000) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    std::string out = text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
    if (out.size() > limit)
        out = out.substr(0, limit - 3) + "...";
    return out;
}

}  // namespace

ai::Prompt describe_prompt(const Plan& plan, std::size_t i) {
    const StagedRelation& s = plan.staged[i];
    const Relation& r = *s.relation;
    json columns = json::array();
    for (const PlanColumn& c : s.columns) {
        json column = {{"name", c.name}, {"source_name", c.column->name}, {"type", c.column->data_type},
                       {"nullable", c.column->nullable}};
        if (!c.column->comment.empty())
            column["comment"] = c.column->comment;
        if (!c.column->enum_values.empty())
            column["one_of"] = c.column->enum_values;  // the type's labels: schema, not data
        const json& p = c.column->profile;
        if (p.is_object()) {
            for (const char* key : {"null_fraction", "distinct_estimate", "unique", "shape"})
                if (p.contains(key))
                    column[key] = p[key];
        }
        json references = json::array();
        for (const PlanEdge& e : plan.edges)
            if (e.from == i && std::find(e.from_columns.begin(), e.from_columns.end(), &c) != e.from_columns.end())
                references.push_back(plan.staged[e.to].relation->schema + "." + plan.staged[e.to].relation->name +
                                     (e.relationship->source == "declared" ? "" : " (inferred)"));
        if (!references.empty())
            column["references"] = references;
        columns.push_back(std::move(column));
    }
    json keys = json::array();
    for (const auto& key : s.keys)
        keys.push_back(key);
    json referenced_by = json::array();
    for (const PlanEdge& e : plan.edges)
        if (e.to == i && e.from != i)
            referenced_by.push_back(plan.staged[e.from].relation->schema + "." + plan.staged[e.from].relation->name);
    json document = {{"task", "describe_relation"},
                     {"database", plan.schema->database},
                     {"relation",
                      {{"schema", r.schema},
                       {"name", r.name},
                       {"kind", r.kind},
                       {"model", s.model},
                       {"classification", s.classification},
                       {"keys", keys},
                       {"referenced_by", referenced_by},
                       {"columns", columns}}}};
    if (!r.comment.empty())
        document["relation"]["comment"] = r.comment;
    if (r.row_estimate)
        document["relation"]["row_estimate"] = *r.row_estimate;
    ai::Prompt prompt;
    prompt.purpose = "describe " + r.schema + "." + r.name;
    prompt.system = describe_system;
    prompt.user = document.dump();
    prompt.schema_name = "relation_description";
    prompt.schema = describe_schema();
    return prompt;
}

std::vector<std::string> apply_descriptions(Plan& plan, const std::vector<std::size_t>& staged,
                                            const std::vector<ai::Call>& calls, const std::string& provider) {
    std::vector<std::string> warnings;
    for (std::size_t k = 0; k < staged.size() && k < calls.size(); k++) {
        const std::size_t i = staged[k];
        const StagedRelation& s = plan.staged[i];
        const ai::Call& call = calls[k];
        const std::string relation = s.relation->schema + "." + s.relation->name;
        if (call.answer.outcome != ai::Outcome::ok) {
            warnings.push_back(fmt::format("{}: no description of {} ({}); the builtin one is kept", provider,
                                           relation, call.answer.error));
            continue;
        }
        const json& doc = call.answer.document;
        if (std::string d = clean(doc.value("description", "")); !d.empty())
            plan.ai_relation_description[i] = d;
        for (const json& c : doc.value("columns", json::array())) {
            const PlanColumn* column = nullptr;
            for (const PlanColumn& pc : s.columns)
                if (pc.name == c.value("name", ""))
                    column = &pc;
            if (std::string d = clean(c.value("description", "")); column && !d.empty())
                plan.ai_column_description[column] = d;
        }
    }
    return warnings;
}

ai::Prompt mart_prompt(const Plan& plan, const Mart& m, const std::string& previous_sql, const std::string& error) {
    json keep = json::array();
    for (const Plan::MartColumn& c : plan.mart_columns(m))
        keep.push_back(c.name);
    json models = json::object();
    for (const StagedRelation& s : plan.staged) {
        if (!s.readable)
            continue;
        json columns = json::array();
        for (const PlanColumn& c : s.columns)
            columns.push_back(c.name + " " + (c.cast.empty() ? c.column->data_type : c.cast));
        // the mart's own relation and those it joins first; the others only by name
        bool near = s.relation == plan.staged[m.staged].relation;
        for (const Join& j : m.joins)
            near = near || plan.edges[j.edge].to == static_cast<std::size_t>(&s - plan.staged.data());
        models[s.model] = near ? columns : json::array();
    }
    json document = {{"task", "improve_mart"},
                     {"mart", m.name},
                     {"builtin_sql", mart_sql(plan, m)},
                     {"keep_columns", keep},
                     {"staging_models", models}};
    if (!error.empty()) {
        document["previous_sql"] = previous_sql;
        document["error"] = error;
    }
    ai::Prompt prompt;
    prompt.purpose = (error.empty() ? "mart " : "repair mart ") + m.name;
    prompt.system = mart_system;
    prompt.user = document.dump();
    prompt.schema_name = "mart_sql";
    prompt.schema = strict_object(
        {{"sql", {{"type", "string"}}},
         {"added_columns",
          {{"type", "array"},
           {"items", strict_object({{"name", {{"type", "string"}}}, {"description", {{"type", "string"}}}})}}}});
    prompt.max_output_tokens = 8192;
    return prompt;
}

ai::Prompt overview_prompt(const Plan& plan, const std::vector<std::pair<std::string, std::string>>& models) {
    json list = json::array();
    for (const auto& [name, description] : models)
        list.push_back({{"name", name}, {"description", description}});
    ai::Prompt prompt;
    prompt.purpose = "overview";
    prompt.system = overview_system;
    prompt.user = json{{"task", "readme_overview"},
                       {"database", plan.schema->database},
                       {"project", plan.project},
                       {"models", list}}
                      .dump();
    prompt.schema_name = "readme_overview";
    prompt.schema = strict_object({{"overview", {{"type", "string"}}}});
    return prompt;
}

}  // namespace cartridge::dbt
