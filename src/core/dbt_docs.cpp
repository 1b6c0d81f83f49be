// Descriptions of models and columns, and the project's README with a Mermaid ERD. Only
// facts of the scan that do not change between two generations of the same scan.
#include "core/dbt_render.hpp"

#include <fmt/core.h>
#include <fmt/format.h>

#include <map>
#include <set>

namespace cartridge::dbt {

namespace {

// Mermaid keeps diagrams readable (and under its default text limit) up to about this size.
constexpr std::size_t max_erd_entities = 100;

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

std::string sentence(const std::string& text) {
    std::string t = trimmed(text);
    if (!t.empty() && t.back() != '.' && t.back() != '!' && t.back() != '?')
        t += '.';
    return t;
}

std::string kind_phrase(const std::string& kind) {
    if (kind == "partitioned_table")
        return "partitioned table";
    if (kind == "materialized_view")
        return "materialized view";
    if (kind == "foreign_table")
        return "foreign table";
    return kind.empty() ? "relation" : kind;
}

std::string qualified(const Relation& r) {
    return r.schema + "." + r.name;
}

std::string names(const std::vector<const PlanColumn*>& columns) {
    std::vector<std::string> out;
    for (const PlanColumn* c : columns)
        out.push_back(c->name);
    return fmt::format("{}", fmt::join(out, ", "));
}

// Evidence of an inferred edge as "key=value" pairs, short enough for a description.
std::string evidence_summary(const nlohmann::json& evidence) {
    if (!evidence.is_object() || evidence.empty())
        return {};
    std::vector<std::string> parts;
    for (const auto& [key, value] : evidence.items()) {
        std::string v;
        if (value.is_string())
            v = value.get<std::string>();
        else if (value.is_number_float())
            v = fmt::format("{:.2f}", value.get<double>());
        else
            v = value.dump();
        if (v.size() > 60)
            v = v.substr(0, 57) + "...";
        parts.push_back(key + "=" + v);
    }
    std::string out = fmt::format("{}", fmt::join(parts, ", "));
    return out.size() > 240 ? out.substr(0, 237) + "..." : out;
}

std::string edge_phrase(const Plan& plan, const PlanEdge& e, bool from_side) {
    const Relationship& r = *e.relationship;
    const StagedRelation& other = plan.staged[from_side ? e.to : e.from];
    const auto& other_columns = from_side ? e.to_columns : e.from_columns;
    std::string target = other.model + "." + (other_columns.size() == 1 ? other_columns[0]->name
                                                                          : "(" + names(other_columns) + ")");
    if (!from_side)
        return "Referenced by " + target + ".";
    if (r.source == "declared")
        return "References " + target +
               (r.constraint_name.empty() ? " (foreign key)." : " (foreign key " + r.constraint_name + ").");
    std::string evidence = evidence_summary(r.evidence);
    std::string tested = e.severity.empty() ? ", not tested" : e.severity == "warn" ? ", tested as a warning" : "";
    return fmt::format("Probably references {} (inferred, confidence {:.2f}{}{}).", target, r.confidence, tested,
                       evidence.empty() ? "" : "; evidence: " + evidence);
}

std::string mermaid_name(const std::string& name) {
    std::string out;
    for (char c : name)
        out += ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') ? c : '_';
    if (out.empty() || (out[0] >= '0' && out[0] <= '9'))
        out = "_" + out;
    return out;
}

std::string mermaid_type(const std::string& type) {
    // Mermaid types are one word: "character varying(40)" is drawn as character_varying.
    std::string t = type.substr(0, type.find('('));
    while (!t.empty() && t.back() == ' ')
        t.pop_back();
    bool array = type.size() > 2 && type.compare(type.size() - 2, 2, "[]") == 0;
    t = mermaid_name(t.substr(0, t.find('[')));
    return array ? t + "_array" : t;
}

std::string erd(const Plan& plan) {
    std::set<std::size_t> chosen;
    if (plan.staged.size() <= max_erd_entities) {
        for (std::size_t i = 0; i < plan.staged.size(); i++)
            chosen.insert(i);
    } else {
        for (const PlanEdge& e : plan.edges) {
            if (chosen.size() + 2 > max_erd_entities)
                break;
            chosen.insert(e.from);
            chosen.insert(e.to);
        }
    }
    std::map<std::size_t, std::set<const PlanColumn*>> foreign;
    for (const PlanEdge& e : plan.edges)
        foreign[e.from].insert(e.from_columns.begin(), e.from_columns.end());
    std::string out = "```mermaid\nerDiagram\n";
    for (std::size_t i : chosen) {
        const StagedRelation& s = plan.staged[i];
        std::set<std::string> primary;
        if (s.has_primary_key)
            primary.insert(s.keys[0].begin(), s.keys[0].end());
        out += "    " + mermaid_name(s.source_name + "__" + s.table_name) + " {\n";
        for (const PlanColumn& c : s.columns) {
            std::vector<std::string> marks;
            if (primary.count(c.column->name))
                marks.push_back("PK");
            if (foreign[i].count(&c))
                marks.push_back("FK");
            out += "        " + mermaid_type(c.cast.empty() ? c.column->data_type : c.cast) + " " +
                   mermaid_name(c.name) + (marks.empty() ? "" : " " + fmt::format("{}", fmt::join(marks, ", "))) +
                   "\n";
        }
        out += "    }\n";
    }
    for (const PlanEdge& e : plan.edges) {
        if (!chosen.count(e.from) || !chosen.count(e.to))
            continue;
        const StagedRelation& child = plan.staged[e.from];
        const StagedRelation& parent = plan.staged[e.to];
        const bool one = e.relationship->cardinality == "one_to_one";
        const bool inferred = e.relationship->source != "declared";
        out += "    " + mermaid_name(parent.source_name + "__" + parent.table_name) + " ||" +
               (inferred ? ".." : "--") + (one ? "o| " : "o{ ") +
               mermaid_name(child.source_name + "__" + child.table_name) + " : \"" + names(e.from_columns) +
               (inferred ? " (inferred)" : "") + "\"\n";
    }
    out += "```\n";
    if (chosen.size() < plan.staged.size())
        out += fmt::format("\nThe diagram shows {} of the {} staged relations (those with relationships "
                           "first); `SELECT cartridge_erd({})` draws all of them.\n",
                           chosen.size(), plan.staged.size(), plan.schema->scan_id);
    return out;
}

}  // namespace

std::string source_table_description(const StagedRelation& s) {
    const Relation& r = *s.relation;
    if (!trimmed(r.comment).empty())
        return sentence(r.comment);
    return "The " + kind_phrase(r.kind) + " " + qualified(r) + ".";
}

std::string staging_description(const Plan& plan, const StagedRelation& s) {
    const Relation& r = *s.relation;
    std::string out = trimmed(r.comment).empty() ? "" : sentence(r.comment) + " ";
    out += "One row per row of the " + kind_phrase(r.kind) + " " + qualified(r) +
           ", with columns renamed to snake_case";
    bool casts = std::any_of(s.columns.begin(), s.columns.end(), [](const PlanColumn& c) { return !c.cast.empty(); });
    out += casts ? " and enum, domain and money columns cast to plain types." : ".";
    if (s.has_primary_key) {
        std::vector<const PlanColumn*> key;
        for (const std::string& name : s.keys[0])
            if (const PlanColumn* c = s.column(name))
                key.push_back(c);
        out += " Primary key: " + names(key) + ".";
    }
    out += " Classified as " + s.classification +
           (s.classification_origin == "scan" ? " by the scan." : " by Cartridge's fallback heuristic.");
    (void)plan;
    return out;
}

std::string column_description(const Plan& plan, std::size_t staged, const PlanColumn& c) {
    const StagedRelation& s = plan.staged[staged];
    const Column& col = *c.column;
    std::string out = trimmed(col.comment).empty() ? "" : sentence(col.comment) + " ";
    out += "Source column " + SqlQuoter::force_quote(col.name) + " (" + col.data_type + ")";
    out += c.cast.empty() ? "." : ", cast to " + c.cast + ".";
    for (std::size_t k = 0; k < s.keys.size(); k++) {
        const auto& key = s.keys[k];
        if (std::find(key.begin(), key.end(), col.name) == key.end())
            continue;
        const bool primary = k == 0 && s.has_primary_key;
        out += key.size() == 1 ? (primary ? " Primary key." : " Unique.")
                               : (primary ? " Part of the primary key." : " Part of a unique key.");
    }
    for (const PlanEdge& e : plan.edges)
        if (e.from == staged && std::find(e.from_columns.begin(), e.from_columns.end(), &c) != e.from_columns.end())
            out += " " + edge_phrase(plan, e, true);
    if (!col.enum_values.empty())
        out += " One of: " + fmt::format("{}", fmt::join(col.enum_values, ", ")) + ".";
    return out;
}

std::string intermediate_description(const Plan& plan, const Mart& m) {
    const StagedRelation& s = plan.staged[m.staged];
    std::vector<std::string> parents;
    for (const Join& j : m.joins)
        parents.push_back(plan.staged[plan.edges[j.edge].to].model + " (as " + j.alias + ")");
    return "One row per row of " + s.model + ", left joined with " + fmt::format("{}", fmt::join(parents, ", ")) +
           " on keys of the parent, so the grain does not change.";
}

std::string mart_description(const Plan& plan, const Mart& m) {
    const StagedRelation& s = plan.staged[m.staged];
    std::string out = (m.kind == "fact" ? "Fact table" : "Dimension table");
    out += " built from " + qualified(*s.relation) + " (classified as " + s.classification +
           (s.classification_origin == "scan" ? " by the scan" : " by Cartridge's fallback heuristic") + ")";
    if (!m.intermediate.empty())
        out += " through " + m.intermediate;
    out += ".";
    if (!trimmed(s.relation->comment).empty())
        out += " " + sentence(s.relation->comment);
    return out;
}

std::string readme(const Plan& plan, const GeneratedProject& project) {
    std::map<std::string, int> layers, test_counts;
    int warn_tests = 0;
    for (const GeneratedModel& m : project.models)
        layers[m.layer]++;
    for (const GeneratedTest& t : project.tests) {
        test_counts[t.test_name]++;
        warn_tests += t.severity == "warn";
    }
    std::vector<std::string> tests;
    for (const auto& [name, count] : test_counts)
        tests.push_back(fmt::format("{} {}", count, name));
    const std::string& db = plan.schema->database;
    std::string out = fmt::format(
        "# {0}\n\n"
        "A dbt project generated by Cartridge {1} with its `builtin` provider from scan {2} of the\n"
        "PostgreSQL database `{3}`. It follows dbt's project-structure conventions: staging views\n"
        "(one per source relation: renames and casts only), intermediate joins, and marts.\n\n"
        "## Run it\n\n"
        "```sh\n"
        "export PGHOST=localhost PGPORT=5432 PGUSER=postgres PGDATABASE={3}\n"
        "export PGPASSWORD=...        # only if the server asks for one\n"
        "export DBT_SCHEMA=analytics  # where dbt builds the models\n"
        "dbt parse --profiles-dir .\n"
        "dbt run --profiles-dir .\n"
        "dbt test --profiles-dir .\n"
        "```\n\n"
        "`profiles.yml` contains no secret: it reads the connection from the standard libpq\n"
        "environment variables when dbt runs.\n\n"
        "| variable | default | used for |\n"
        "|---|---|---|\n"
        "| `PGHOST` | `localhost` | server host (or socket directory) |\n"
        "| `PGPORT` | `5432` | server port |\n"
        "| `PGUSER` | `postgres` | role dbt connects as |\n"
        "| `PGPASSWORD` | empty (then `~/.pgpass`) | password of that role |\n"
        "| `PGDATABASE` | `{3}` | database holding the sources |\n"
        "| `PGSSLMODE` | `prefer` | TLS mode |\n"
        "| `DBT_SCHEMA` | `analytics` | schema dbt builds its views and tables in |\n\n"
        "`dbt source freshness --profiles-dir .` checks the sources that have a timestamp column\n"
        "(warn after 1 day, error after 7; adjust in the `_*__sources.yml` files).\n"
        "`sqlfluff lint models` checks the SQL against the style stated in `.sqlfluff`.\n\n"
        "## Contents\n\n"
        "| layer | models | materialized |\n"
        "|---|---|---|\n"
        "| staging | {4} | view |\n"
        "| intermediate | {5} | view |\n"
        "| marts | {6} | table |\n\n"
        "Tests: {7} ({8}); {9} of them with severity `warn` (relationships that were inferred\n"
        "from names and data with less confidence, not declared).\n\n",
        plan.project, CARTRIDGE_VERSION, plan.schema->scan_id, db, layers["staging"], layers["intermediate"],
        layers["marts"], project.tests.size(), tests.empty() ? "none" : fmt::format("{}", fmt::join(tests, ", ")),
        warn_tests);
    if (!project.warnings.empty()) {
        out += "## Left out\n\n";
        for (const std::string& w : project.warnings)
            out += "- " + w + "\n";
        out += "\n";
    }
    out += "## Entity-relationship diagram\n\n"
           "Solid lines are declared foreign keys, dotted lines inferred relationships.\n\n" +
           erd(plan);
    return out;
}

}  // namespace cartridge::dbt
