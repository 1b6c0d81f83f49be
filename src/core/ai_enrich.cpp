#include "core/ai_enrich.hpp"

#include "core/dbt_render.hpp"
#include "core/identifier.hpp"

#include <fmt/format.h>

#include <regex>
#include <set>

namespace cartridge::dbt {

using nlohmann::json;

namespace {

constexpr const char* describe_system =
    "You document a PostgreSQL database for the analysts who will use its dbt project. For the "
    "relation given as JSON, write what one row is and what each column holds, in business terms, "
    "in one or two plain sentences each. Use the names, types, keys, relationships, comments and "
    "statistics given; never contradict them and do not invent values. Describe every column listed, "
    "under the name given in \"name\". For a column whose name is cryptic (abbreviations, codes, "
    "initials), give a clearer lower-case snake_case readable_name; otherwise an empty string. When a "
    "column stores numbers, dates, timestamps, booleans or UUIDs in a looser type (text) and its shape "
    "says every value fits, give the PostgreSQL type to cast it to in clean_type (one of smallint, "
    "integer, bigint, numeric, real, double precision, boolean, date, time, timestamp, timestamptz, "
    "interval, uuid, jsonb, text); otherwise an empty string. Answer only with the JSON document the "
    "schema describes.";

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
           {"items", strict_object({{"name", {{"type", "string"}}},
                                    {"description", {{"type", "string"}}},
                                    {"readable_name", {{"type", "string"}}},
                                    {"clean_type", {{"type", "string"}}}})}}}});
    return schema;
}

// Words of a column name that say its values may identify a person: their values are never
// sent, whatever the option says. Long words anywhere in the name ("customer_email",
// "FirstName"), short ones only as a word of it ("ip", not "shipped").
bool looks_personal(const Column& c) {
    static const std::regex anywhere(
        "mail|phone|mobile|name|addr|street|city|postal|postcode|birth|social|passport|licen[cs]e|iban|"
        "account|card|cvv|passw|secret|token|salary|gender|latitude|longitude|location|national|citizen|"
        "ethnic|religio|health|contact|user|login|person|signature|fingerprint",
        std::regex::icase);
    static const std::regex word("(^|[^a-z])(ip|dob|ssn|zip|age|sex|lat|lon|lng|geo|nin|tax|fax|pin|sin)([^a-z]|$)");
    if (std::regex_search(c.name, anywhere) || std::regex_search(snake_case(c.name), word))
        return true;
    const std::string shape = c.profile.is_object() ? c.profile.value("shape", "") : "";
    return shape == "email" || shape == "phone";
}

json sample_of(const json& value) {
    if (value.is_string() && value.get<std::string>().size() > 100)
        return value.get<std::string>().substr(0, 97) + "...";
    return value;
}

// Types a staging model may cast to: PostgreSQL's own, so nothing of the source schema's is
// called and the model means the same on every server.
bool cleaning_type(const std::string& type) {
    static const std::regex types(
        "smallint|integer|bigint|numeric|real|double precision|boolean|date|time|timestamp|timestamptz|"
        "interval|uuid|jsonb|text");
    return std::regex_match(type, types);
}

bool snake_identifier(const std::string& name) {
    static const std::regex pattern("[a-z_][a-z0-9_]{0,62}");
    return std::regex_match(name, pattern);
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

ai::Prompt describe_prompt(const Plan& plan, std::size_t i, bool sample_values) {
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
            if (sample_values && !looks_personal(*c.column)) {
                for (const char* key : {"min", "max"})
                    if (p.contains(key))
                        column[key] = sample_of(p[key]);
                json frequent = json::array();
                for (const json& v : p.value("top_values", json::array()))
                    if (frequent.size() < 5 && v.is_object() && v.contains("value"))
                        frequent.push_back(sample_of(v["value"]));
                if (!frequent.empty())
                    column["frequent_values"] = frequent;
            }
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

std::vector<std::string> read_advice(const Plan& plan, const std::vector<std::size_t>& staged,
                                     const std::vector<ai::Call>& calls, const std::string& provider, Advice& advice) {
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
        RelationAdvice& out = advice[{s.relation->schema, s.relation->name}];
        const json& doc = call.answer.document;
        out.description = clean(doc.value("description", ""));
        // Columns a cast must not change: keys and both ends of relationships keep the
        // database's types, so joins and relationship tests compare like with like.
        std::set<const PlanColumn*> fixed;
        for (const auto& key : s.keys)
            for (const std::string& name : key)
                fixed.insert(s.column(name));
        for (const PlanEdge& e : plan.edges) {
            if (e.from == i)
                fixed.insert(e.from_columns.begin(), e.from_columns.end());
            if (e.to == i)
                fixed.insert(e.to_columns.begin(), e.to_columns.end());
        }
        std::set<std::string> taken;
        for (const PlanColumn& pc : s.columns)
            taken.insert(pc.name);
        for (const json& c : doc.value("columns", json::array())) {
            if (!c.is_object())
                continue;
            const PlanColumn* column = nullptr;
            for (const PlanColumn& pc : s.columns)
                if (pc.name == c.value("name", ""))
                    column = &pc;
            if (!column)
                continue;
            ColumnAdvice& a = out.columns[column->column->name];
            a.description = clean(c.value("description", ""));
            const std::string where = relation + "." + column->column->name;
            if (std::string name = clean(c.value("readable_name", ""), 200); !name.empty() && name != column->name) {
                if (!snake_identifier(name))
                    warnings.push_back(fmt::format("{}: readable name \"{}\" for {} is not a lower-case snake_case "
                                                   "identifier; \"{}\" is kept",
                                                   provider, name.substr(0, 80), where, column->name));
                else if (!taken.insert(name).second)
                    warnings.push_back(fmt::format("{}: readable name \"{}\" for {} is already a column of {}; "
                                                   "\"{}\" is kept",
                                                   provider, name, where, s.model, column->name));
                else
                    a.name = std::move(name);
            }
            std::string type = clean(c.value("clean_type", ""), 200);
            std::transform(type.begin(), type.end(), type.begin(),
                           [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
            if (type.empty() || type == column->column->data_type || type == column->cast)
                continue;
            if (!cleaning_type(type))
                warnings.push_back(fmt::format("{}: clean type \"{}\" for {} is not one of PostgreSQL's scalar types "
                                               "Cartridge casts to; not cast",
                                               provider, type.substr(0, 80), where));
            else if (!column->cast.empty() || fixed.count(column) ||
                     column->column->data_type.find("[]") != std::string::npos)
                warnings.push_back(fmt::format("{}: {} is a key, a relationship's column, an array or already cast; "
                                               "not cast to {}",
                                               provider, where, type));
            else
                a.cast = std::move(type);
        }
    }
    return warnings;
}

std::string cast_check_sql(const StagedRelation& s, const PlanColumn& c, const std::string& type) {
    return "select pg_catalog.count(cast(" + SqlQuoter::force_quote(c.column->name) + " as " + type + ")) from " +
           SqlQuoter::force_quote(s.relation->schema) + "." + SqlQuoter::force_quote(s.relation->name);
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
