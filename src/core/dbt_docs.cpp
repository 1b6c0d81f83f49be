// Descriptions of models and columns, and the project's README with a Mermaid ERD. Only
// facts of the scan that do not change between two generations of the same scan.
#include "core/dbt_render.hpp"

#include "core/erd.hpp"

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

// "customer_id" -> "Customer id": a column's name read as words.
std::string humanized(const std::string& snake) {
    std::string out;
    for (char c : snake)
        out += c == '_' ? ' ' : c;
    while (!out.empty() && out.front() == ' ')
        out.erase(out.begin());
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z')
        out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out.empty() ? snake : out;
}

std::string percent(double fraction) {
    if (fraction <= 0)
        return "0%";
    if (fraction < 0.001)
        return "<0.1%";
    return fmt::format("{:.1f}%", fraction * 100);
}

// "0.3% null, about 1,200 distinct values", from the scan's profile; empty without one.
std::string profile_phrase(const Column& col) {
    const nlohmann::json& p = col.profile;
    if (!p.is_object())
        return {};
    std::vector<std::string> parts;
    if (p.contains("null_fraction") && p["null_fraction"].is_number())
        parts.push_back(p["null_fraction"].get<double>() > 0 ? percent(p["null_fraction"].get<double>()) + " null"
                                                             : "never null");
    if (p.value("unique", false))
        parts.push_back("every value distinct");
    else if (p.contains("distinct_estimate") && p["distinct_estimate"].is_number_integer())
        parts.push_back(fmt::format("about {} distinct values", p["distinct_estimate"].get<int64_t>()));
    if (p.contains("true_fraction") && p["true_fraction"].is_number())
        parts.push_back(percent(p["true_fraction"].get<double>()) + " true");
    return fmt::format("{}", fmt::join(parts, ", "));
}

std::string edge_phrase(const Plan& plan, const PlanEdge& e) {
    const Relationship& r = *e.relationship;
    const StagedRelation& parent = plan.staged[e.to];
    std::string target = parent.entity + (e.to_columns.size() == 1 ? "" : " (" + names(e.to_columns) + ")");
    if (r.source == "declared")
        return "Foreign key to " + target;
    return "Probably a foreign key to " + target + (e.severity.empty() ? " (inferred; not tested)" : " (inferred)");
}

std::string erd(const Plan& plan) {
    ErdDiagram diagram;
    std::vector<std::set<const PlanColumn*>> foreign(plan.staged.size());
    for (const PlanEdge& e : plan.edges)
        foreign[e.from].insert(e.from_columns.begin(), e.from_columns.end());
    for (std::size_t i = 0; i < plan.staged.size(); i++) {
        const StagedRelation& s = plan.staged[i];
        std::set<std::string> primary;
        if (s.has_primary_key)
            primary.insert(s.keys[0].begin(), s.keys[0].end());
        ErdEntity entity{s.source_name + "__" + s.table_name, "", s.source_name, {}};
        for (const PlanColumn& c : s.columns)
            entity.attributes.push_back({c.name, c.cast.empty() ? c.column->data_type : c.cast,
                                         primary.count(c.column->name) > 0, foreign[i].count(&c) > 0, false});
        diagram.entities.push_back(std::move(entity));
    }
    for (const PlanEdge& e : plan.edges) {
        const bool inferred = e.relationship->source != "declared";
        diagram.edges.push_back({e.to, e.from, inferred, e.relationship->cardinality == "one_to_one",
                                 names(e.from_columns) + (inferred ? " (inferred)" : "")});
    }
    const std::size_t shown = keep_most_connected(diagram, max_erd_entities).size();
    std::string out = "```mermaid\n" + to_mermaid(diagram) + "```\n";
    if (shown < plan.staged.size())
        out += fmt::format("\nThe diagram shows {0} of the {1} staged relations (the most connected); "
                           "`SELECT cartridge_erd({2}, 'mermaid', '{{\"max_tables\": {1}}}')` draws all of them.\n",
                           shown, plan.staged.size(), plan.schema->scan_id);
    return out;
}

std::string marts_section(const Plan& plan) {
    if (plan.marts.empty() && plan.no_marts.empty())
        return {};
    std::string out = "## Marts\n\n";
    for (const Mart& m : plan.marts)
        out += "- `" + m.name + "`: " + mart_description(plan, m) + "\n";
    if (!plan.no_marts.empty()) {
        out += "\nNo mart for (the staging model serves as is):\n\n";
        for (const NoMart& n : plan.no_marts)
            out += "- " + qualified(*plan.staged[n.staged].relation) + ": " + n.reason + "\n";
    }
    if (!plan.semantic_models.empty()) {
        std::vector<std::string> metrics;
        for (const SemanticModel& sm : plan.semantic_models)
            for (const auto& x : sm.measures)
                metrics.push_back("`" + x.name + "`");
        out += "\n### Semantic layer\n\n"
               "`models/marts/_marts__semantic_models.yml` describes the facts for MetricFlow (entities from\n"
               "keys, dates as time dimensions, labels as categorical ones, numbers as summed measures),\n"
               "with a simple metric per measure and the time spine `" +
               std::string(time_spine_model) + "`. With `dbt-metricflow` installed:\n\n"
               "```sh\n"
               "dbt parse --profiles-dir . && DBT_PROFILES_DIR=. mf validate-configs\n";
        // A fact whose numbers are all keys has entities and dimensions but no measure.
        if (!metrics.empty())
            out += "DBT_PROFILES_DIR=. mf query --metrics " + metrics[0].substr(1, metrics[0].size() - 2) +
                   " --group-by metric_time__month\n";
        out += "```\n\nMetrics: " + (metrics.empty() ? std::string("none") : fmt::format("{}", fmt::join(metrics, ", "))) +
               ".\n";
    }
    return out + "\n";
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
    std::string row = s.singular;
    for (char& c : row)
        c = c == '_' ? ' ' : c;
    if (const RelationAdvice* a = plan.advice_for(s); out.empty() && a && !trimmed(a->description).empty())
        out = sentence(a->description) + " ";
    out += "One row per " + row + " of the " + kind_phrase(r.kind) + " " + qualified(r) + ".";
    if (s.has_primary_key) {
        std::vector<const PlanColumn*> key;
        for (const std::string& name : s.keys[0])
            if (const PlanColumn* c = s.column(name))
                key.push_back(c);
        out += " Primary key: " + names(key) + ".";
    } else if (s.keys.empty()) {
        out += " No key: nothing says two rows are different.";
    }
    if (r.kind == "foreign_table")
        out += " Its rows live on another server: it has no data test (constraints of a foreign table are not "
               "enforced here) and no mart.";
    if (!r.populated)
        out += " Never refreshed when scanned: no data test and no mart until REFRESH MATERIALIZED VIEW and a new scan.";
    return out;
}

std::string column_description(const Plan& plan, std::size_t staged, const PlanColumn& c) {
    const StagedRelation& s = plan.staged[staged];
    const Column& col = *c.column;
    if (!trimmed(col.comment).empty())
        return sentence(col.comment);
    std::vector<std::string> roles;
    for (std::size_t k = 0; k < s.keys.size(); k++) {
        const auto& key = s.keys[k];
        if (std::find(key.begin(), key.end(), col.name) == key.end())
            continue;
        const bool primary = k == 0 && s.has_primary_key;
        roles.push_back(key.size() == 1 ? (primary ? "primary key" : "unique")
                                        : (primary ? "part of the primary key" : "part of a unique key"));
    }
    for (const PlanEdge& e : plan.edges)
        if (e.from == staged && std::find(e.from_columns.begin(), e.from_columns.end(), &c) != e.from_columns.end()) {
            std::string phrase = edge_phrase(plan, e);
            phrase[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(phrase[0])));
            roles.push_back(phrase);
        }
    std::string out = humanized(c.name);
    const ColumnAdvice* advice = plan.advice_for(s, c);
    if (advice && !advice->name.empty())
        roles.push_back("named " + col.name + " in the source");
    if (advice && !advice->cast.empty() && c.cast == advice->cast)
        roles.push_back("stored as " + col.data_type + ", cast to " + c.cast);
    if (advice && !trimmed(advice->description).empty()) {
        out = sentence(advice->description);
        if (!roles.empty()) {
            std::string said = fmt::format("{}", fmt::join(roles, "; "));
            said[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(said[0])));
            out += " " + said + ".";
        }
    } else {
        if (!roles.empty())
            out += ": " + fmt::format("{}", fmt::join(roles, "; "));
        out += ".";
    }
    std::string facts;
    if (!col.enum_values.empty())
        facts = "One of " + fmt::format("{}", fmt::join(col.enum_values, ", "));
    const std::string profile = profile_phrase(col);
    if (!profile.empty())
        facts += (facts.empty() ? "" : "; ") + profile;
    if (!facts.empty()) {
        facts[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(facts[0])));
        out += " " + facts + ".";
    }
    return out;
}

std::string joined_column_description(const Plan& plan, const Plan::MartColumn& c) {
    if (c.joined) {
        const StagedRelation& parent = plan.staged[plan.edges[c.join->edge].to];
        const Column& col = *c.joined->column->column;
        std::string out = humanized(c.joined->column->name) + " of the " + parent.singular + " (" + parent.model +
                          "), through " + names(plan.edges[c.join->edge].from_columns) + ".";
        if (!trimmed(col.comment).empty())
            out += " " + sentence(col.comment);
        return out;
    }
    const StagedRelation& fact = plan.staged[plan.edges[c.rollup->edge].from];
    const std::string& dimension = plan.staged[plan.edges[c.rollup->edge].to].singular;
    if (c.aggregate == 'n')
        return "Number of " + fact.entity + " (" + fact.model + ") of this " + dimension + "; 0 when none.";
    return std::string(c.aggregate == 'f' ? "Earliest" : "Latest") + " " + c.rollup->time->name + " of the " +
           fact.entity + " of this " + dimension + "; null when none.";
}

std::string mart_description(const Plan& plan, const Mart& m) {
    const StagedRelation& s = plan.staged[m.staged];
    std::string row = s.singular;
    for (char& c : row)
        c = c == '_' ? ' ' : c;
    std::string out = (m.kind == "fact" ? "Fact table: one row per " : "Dimension table: one row per ") + row +
                      " of " + qualified(*s.relation);
    std::vector<std::string> adds;
    for (const Join& j : m.joins) {
        const StagedRelation& parent = plan.staged[plan.edges[j.edge].to];
        std::vector<std::string> cols;
        for (const JoinedColumn& c : j.columns)
            cols.push_back(c.name);
        adds.push_back(fmt::format("{} of its {} ({})", fmt::join(cols, ", "), j.prefix,
                                   parent.classification == "fact" ? "header" : parent.entity));
    }
    for (const Rollup& r : m.rollups)
        adds.push_back(fmt::format("its {} counted{}", plan.staged[plan.edges[r.edge].from].entity,
                                   r.time ? " with the first and last " + r.time->name : ""));
    if (!adds.empty())
        out += ", with " + fmt::format("{}", fmt::join(adds, "; "));
    out += ".";
    if (!m.ai_sql.empty())
        out += " SQL written by " + plan.provider + " and checked against the database.";
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
    const bool remote = !plan.schema->host.empty();
    std::string out = fmt::format(
        "# {0}\n\n"
        "A dbt project generated by Cartridge {1} with its `{10}` provider from scan {2} of the\n"
        "PostgreSQL database `{3}`{11}. It follows dbt's project-structure conventions: staging views\n"
        "(one per source relation: renames and casts only) and marts where they add something to\n"
        "them, with a semantic layer (MetricFlow) over the facts.\n\n"
        "## Run it\n\n"
        "```sh\n"
        "export PGHOST={12} PGPORT={13} PGUSER=postgres PGDATABASE={3}\n"
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
        "| `PGHOST` | `{12}` | server host (or socket directory) |\n"
        "| `PGPORT` | `{13}` | server port |\n"
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
        "| marts | {6} | table |\n\n"
        "{5}"
        "Tests: {7} ({8}); {9} of them with severity `warn` (relationships that were inferred\n"
        "from names and data with less confidence, not declared).\n\n",
        plan.project, CARTRIDGE_VERSION, plan.schema->scan_id, db, layers["staging"], layers["intermediate"] ? fmt::format("and {} intermediate models.\n\n", layers["intermediate"]) : std::string(),
        layers["marts"], project.tests.size(), tests.empty() ? "none" : fmt::format("{}", fmt::join(tests, ", ")),
        warn_tests, plan.provider,
        remote ? fmt::format(" on `{}` port {} (scanned over the network)", plan.schema->host, plan.schema->port)
               : std::string(),
        remote ? plan.schema->host : std::string("localhost"), remote ? plan.schema->port : std::string("5432"));
    out += marts_section(plan);
    if (!plan.ai_overview.empty())
        out = out.substr(0, out.find("## Run it")) + "## Overview\n\n" + trimmed(plan.ai_overview) + "\n\n(Written by " +
              plan.provider + "; check it.)\n\n" + out.substr(out.find("## Run it"));
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
