#include "core/dbt_plan.hpp"

#include <fmt/core.h>
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>

namespace cartridge::dbt {

namespace {

// Marts join at most this many parents: more makes wide, slow models nobody asked for.
constexpr std::size_t max_joins_per_mart = 5;

void tick(const GenerateHooks& hooks) {
    if (hooks.check_interrupts)
        hooks.check_interrupts();
}

// A name not yet in `used` (and then recorded there): base, else base_2, base_3, ...,
// always at most 63 bytes.
std::string claim(const std::string& base, std::set<std::string>& used) {
    std::string candidate = fit_identifier(base);
    for (int n = 2; !used.insert(candidate).second; n++) {
        std::string suffix = "_" + std::to_string(n);
        candidate = fit_identifier(base, max_identifier_bytes - suffix.size()) + suffix;
    }
    return candidate;
}

std::string slug_or(const std::string& name, const std::string& prefix) {
    std::string slug = snake_case(name);
    if (slug.empty())
        return prefix + "_" + short_hash(name);
    return slug;
}

std::string type_of(const Column& c) {
    return c.base_type.empty() ? c.data_type : c.base_type;
}

bool is_numeric_type(const std::string& type) {
    for (const char* prefix : {"smallint", "integer", "bigint", "numeric", "real", "double precision",
                               "money", "decimal"})
        if (type.rfind(prefix, 0) == 0)
            return type.find("[]") == std::string::npos;
    return false;
}

bool is_temporal_type(const std::string& type) {
    return (type.rfind("date", 0) == 0 || type.rfind("timestamp", 0) == 0) &&
           type.find("[]") == std::string::npos;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
}

std::vector<std::vector<std::string>> keys_of(const Relation& rel) {
    std::vector<std::vector<std::string>> keys;
    std::set<std::vector<std::string>> seen;
    auto add = [&](const std::vector<std::string>& columns) {
        if (!columns.empty() && seen.insert(sorted(columns)).second)
            keys.push_back(columns);
    };
    add(rel.primary_key());
    for (const Constraint& c : rel.constraints)
        if (c.type == "unique")
            add(c.columns);
    for (const Index& i : rel.indexes) {
        if (!i.unique || i.primary || !i.predicate.empty())
            continue;
        std::vector<std::string> columns;
        bool plain = true;
        for (const auto& c : i.columns) {
            if (!c) {
                plain = false;
                break;
            }
            columns.push_back(*c);
        }
        if (plain)
            add(columns);
    }
    return keys;
}

std::string row_expression(const Plan& plan, const std::vector<const PlanColumn*>& columns) {
    std::vector<std::string> parts;
    for (const PlanColumn* c : columns)
        parts.push_back(plan.quoter.quote(c->name));
    return "row(" + fmt::format("{}", fmt::join(parts, ", ")) + ")";
}

class TestCollector {
public:
    explicit TestCollector(Plan& plan) : plan_(plan) {}

    void add(const std::string& model, std::optional<std::string> column, const std::string& name,
             nlohmann::ordered_json arguments = nlohmann::ordered_json::object(),
             const std::string& severity = "error") {
        std::string key = model + '\x1f' + column.value_or("") + '\x1f' + name + '\x1f' + arguments.dump();
        if (!seen_.insert(key).second)
            return;
        plan_.tests.push_back({model, std::move(column), name, std::move(arguments), severity});
    }

private:
    Plan& plan_;
    std::set<std::string> seen_;
};

void stage_relations(Plan& plan, const Schema& schema, const GenerateHooks& hooks,
                     std::set<std::string>& model_names) {
    std::map<std::string, std::string> source_of_schema;
    std::set<std::string> source_names;
    std::map<std::string, std::set<std::string>> tables_in_source;
    // Byte order, whatever collation the scan was read back in: the same scan gives the
    // same names (the first of two colliding names keeps the plain one) on every server.
    std::vector<const Relation*> relations;
    for (const Relation& rel : schema.relations)
        relations.push_back(&rel);
    std::sort(relations.begin(), relations.end(), [](const Relation* a, const Relation* b) {
        return std::tie(a->schema, a->name) < std::tie(b->schema, b->name);
    });
    for (const Relation* relation : relations) {
        const Relation& rel = *relation;
        tick(hooks);
        if (!rel.can_select) {
            plan.warnings.push_back(fmt::format("skipped {}.{}: no SELECT privilege", rel.schema, rel.name));
            continue;
        }
        if (rel.columns.empty()) {
            plan.warnings.push_back(fmt::format("skipped {}.{}: no columns", rel.schema, rel.name));
            continue;
        }
        auto found = source_of_schema.find(rel.schema);
        if (found == source_of_schema.end()) {
            found = source_of_schema.emplace(rel.schema, claim(slug_or(rel.schema, "schema"), source_names)).first;
            plan.source_schema[found->second] = rel.schema;
        }
        StagedRelation s;
        s.relation = &rel;
        s.source_name = found->second;
        s.table_name = claim(slug_or(rel.name, "table"), tables_in_source[s.source_name]);
        s.entity = s.table_name;
        s.model = claim("stg_" + s.source_name + "__" + s.table_name, model_names);
        s.path = "models/staging/" + s.source_name + "/" + s.model + ".sql";
        std::vector<const Column*> columns;
        for (const Column& c : rel.columns)
            columns.push_back(&c);
        std::stable_sort(columns.begin(), columns.end(),
                         [](const Column* a, const Column* b) { return a->ordinal < b->ordinal; });
        std::set<std::string> column_names;
        for (const Column* c : columns) {
            PlanColumn pc;
            pc.column = c;
            std::string slug = snake_case(c->name);
            pc.name = claim(slug.empty() ? "column_" + std::to_string(c->ordinal) : slug, column_names);
            bool array = c->data_type.size() > 2 && c->data_type.compare(c->data_type.size() - 2, 2, "[]") == 0;
            if (!c->base_type.empty())
                pc.cast = c->base_type;  // a domain: downstream models need not know it
            else if (!c->enum_values.empty() && !array)
                pc.cast = "text";  // an enum type lives in the source schema, not in dbt's
            else if (c->data_type == "money")
                pc.cast = "numeric";  // money formats with the locale; numeric does not
            s.columns.push_back(std::move(pc));
        }
        s.keys = keys_of(rel);
        s.has_primary_key = !rel.primary_key().empty();
        plan.sources[s.source_name].push_back(plan.staged.size());
        plan.staged.push_back(std::move(s));
    }
}

void resolve_edges(Plan& plan, const Schema& schema, const GenerateOptions& options,
                   const GenerateHooks& hooks) {
    std::map<std::pair<std::string, std::string>, std::size_t> index;
    for (std::size_t i = 0; i < plan.staged.size(); i++)
        index[{plan.staged[i].relation->schema, plan.staged[i].relation->name}] = i;
    std::map<std::string, std::size_t> seen;  // edge identity -> index in plan.edges
    for (const Relationship& r : schema.relationships) {
        tick(hooks);
        auto from = index.find({r.from_schema, r.from_table});
        auto to = index.find({r.to_schema, r.to_table});
        if (from == index.end() || to == index.end() || r.from_columns.empty() ||
            r.from_columns.size() != r.to_columns.size()) {
            if (r.source == "declared")
                plan.warnings.push_back(fmt::format(
                    "no test for the foreign key {}.{}({}) -> {}.{}: one side is not staged", r.from_schema,
                    r.from_table, fmt::join(r.from_columns, ", "), r.to_schema, r.to_table));
            continue;
        }
        PlanEdge e;
        e.relationship = &r;
        e.from = from->second;
        e.to = to->second;
        bool complete = true;
        for (std::size_t k = 0; k < r.from_columns.size(); k++) {
            const PlanColumn* a = plan.staged[e.from].column(r.from_columns[k]);
            const PlanColumn* b = plan.staged[e.to].column(r.to_columns[k]);
            if (!a || !b) {
                complete = false;
                break;
            }
            e.from_columns.push_back(a);
            e.to_columns.push_back(b);
        }
        if (!complete)
            continue;
        if (r.source == "declared" || r.confidence >= options.inferred_warn_below)
            e.severity = "error";
        else if (r.confidence >= options.inferred_min_confidence)
            e.severity = "warn";
        std::vector<std::string> target = sorted(r.to_columns);
        for (const auto& key : plan.staged[e.to].keys)
            if (sorted(key) == target)
                e.joinable = e.severity == "error";
        std::string identity = fmt::format("{}\x1f{}\x1f{}\x1f{}", e.from, fmt::join(r.from_columns, "\x1e"),
                                           e.to, fmt::join(r.to_columns, "\x1e"));
        auto [it, inserted] = seen.emplace(identity, plan.edges.size());
        if (inserted)
            plan.edges.push_back(std::move(e));
        else if (r.source == "declared" && plan.edges[it->second].relationship->source != "declared")
            plan.edges[it->second] = std::move(e);  // a declared key outranks its inferred twin
    }
}

void plan_marts(Plan& plan, const GenerateHooks& hooks, std::set<std::string>& model_names) {
    // Entity names shared by two marts (same table name in two schemas) get the source too.
    std::map<std::string, int> entity_count;
    for (const StagedRelation& s : plan.staged)
        if (s.classification == "fact" || s.classification == "dimension" || s.classification == "reference")
            entity_count[s.entity]++;
    for (std::size_t i = 0; i < plan.staged.size(); i++) {
        tick(hooks);
        const StagedRelation& s = plan.staged[i];
        Mart m;
        m.staged = i;
        if (s.classification == "fact")
            m.kind = "fact";
        else if (s.classification == "dimension" || s.classification == "reference")
            m.kind = "dimension";
        else
            continue;
        std::string base = entity_count[s.entity] > 1 ? s.source_name + "__" + s.entity : s.entity;
        m.name = claim((m.kind == "fact" ? "fct_" : "dim_") + base, model_names);
        // Dimensions take in the lookups they point to; facts their header fact (lines of
        // an order get the order's columns). Only joins that keep the grain.
        const std::string wanted_parent = m.kind == "fact" ? "fact" : "reference";
        // The CTE names the renderers use themselves are taken from the start.
        std::set<std::string> ctes{"source", "renamed", "joined", "final"};
        m.base_cte = claim(s.entity, ctes);
        std::set<std::string> output_names;
        for (const PlanColumn& c : s.columns)
            output_names.insert(c.name);
        std::map<std::size_t, std::string> parent_cte;
        for (std::size_t e = 0; e < plan.edges.size() && m.joins.size() < max_joins_per_mart; e++) {
            const PlanEdge& edge = plan.edges[e];
            if (edge.from != i || edge.to == i || !edge.joinable ||
                plan.staged[edge.to].classification != wanted_parent)
                continue;
            const StagedRelation& parent = plan.staged[edge.to];
            Join join;
            join.edge = e;
            auto cte = parent_cte.find(edge.to);
            if (cte == parent_cte.end()) {
                cte = parent_cte.emplace(edge.to, claim(parent.entity, ctes)).first;
                join.alias = cte->second;
            } else {
                std::vector<std::string> via;
                for (const PlanColumn* c : edge.from_columns)
                    via.push_back(c->name);
                join.alias = claim(cte->second + "_" + fmt::format("{}", fmt::join(via, "_")), ctes);
            }
            join.cte = cte->second;
            for (const PlanColumn& c : parent.columns) {
                if (std::find(edge.to_columns.begin(), edge.to_columns.end(), &c) != edge.to_columns.end())
                    continue;
                const std::string prefix = join.alias + "_";
                std::string name = c.name.rfind(parent.entity + "_", 0) == 0 && join.alias == parent.entity
                                       ? c.name
                                       : prefix + c.name;
                join.columns.push_back({&c, claim(name, output_names)});
            }
            m.joins.push_back(std::move(join));
        }
        if (!m.joins.empty())
            m.intermediate = claim("int_" + base + "_joined", model_names);
        plan.marts.push_back(std::move(m));
    }
}

void plan_tests(Plan& plan, const GenerateHooks& hooks) {
    TestCollector tests(plan);
    for (const StagedRelation& s : plan.staged) {
        tick(hooks);
        std::set<std::string> not_null;
        for (std::size_t k = 0; k < s.keys.size(); k++) {
            std::vector<const PlanColumn*> columns;
            for (const std::string& name : s.keys[k])
                if (const PlanColumn* c = s.column(name))
                    columns.push_back(c);
            if (columns.size() != s.keys[k].size())
                continue;
            const bool primary = k == 0 && s.has_primary_key;
            if (columns.size() == 1) {
                tests.add(s.model, columns[0]->name, "unique");
            } else {
                nlohmann::ordered_json args;
                args["column_name"] = row_expression(plan, columns);
                tests.add(s.model, std::nullopt, "unique", args);
            }
            if (primary)
                for (const PlanColumn* c : columns)
                    not_null.insert(c->name);
        }
        for (const PlanColumn& c : s.columns)
            if (!c.column->nullable || not_null.count(c.name))
                tests.add(s.model, c.name, "not_null");
        auto accepted_values = [&](const PlanColumn& c, const std::vector<std::string>& values) {
            nlohmann::ordered_json args;
            // dbt's accepted_values writes '<value>' without escaping; values holding a
            // quote are handed over as SQL literals instead (quote: false).
            bool literal = std::any_of(values.begin(), values.end(),
                                       [](const std::string& v) { return v.find('\'') != std::string::npos; });
            args["values"] = nlohmann::ordered_json::array();
            for (const std::string& v : values)
                args["values"].push_back(literal ? sql_literal(v) : v);
            if (literal)
                args["quote"] = false;
            tests.add(s.model, c.name, "accepted_values", args);
        };
        for (const PlanColumn& c : s.columns)
            if (!c.column->enum_values.empty() && c.cast == "text")
                accepted_values(c, c.column->enum_values);
        for (const Constraint& con : s.relation->constraints)
            if (con.type == "check" && con.columns.size() == 1 && !con.accepted_values.empty())
                if (const PlanColumn* c = s.column(con.columns[0]))
                    accepted_values(*c, con.accepted_values);
    }
    for (const PlanEdge& e : plan.edges) {
        if (e.severity.empty())
            continue;
        const StagedRelation& child = plan.staged[e.from];
        const StagedRelation& parent = plan.staged[e.to];
        nlohmann::ordered_json args;
        if (e.from_columns.size() == 1) {
            args["to"] = "ref('" + parent.model + "')";
            args["field"] = plan.quoter.quote(e.to_columns[0]->name);
            tests.add(child.model, e.from_columns[0]->name, "relationships", args, e.severity);
        } else {
            args["column_name"] = row_expression(plan, e.from_columns);
            args["to"] = "ref('" + parent.model + "')";
            args["field"] = row_expression(plan, e.to_columns);
            tests.add(child.model, std::nullopt, "relationships", args, e.severity);
        }
    }
    for (const Mart& m : plan.marts) {
        const StagedRelation& s = plan.staged[m.staged];
        if (s.has_primary_key) {
            std::vector<const PlanColumn*> key;
            for (const std::string& name : s.keys[0])
                if (const PlanColumn* c = s.column(name))
                    key.push_back(c);
            if (key.size() == 1) {
                tests.add(m.name, key[0]->name, "unique");
            } else if (key.size() > 1) {
                nlohmann::ordered_json args;
                args["column_name"] = row_expression(plan, key);
                tests.add(m.name, std::nullopt, "unique", args);
            }
            for (const PlanColumn* c : key)
                tests.add(m.name, c->name, "not_null");
        }
        if (m.kind != "fact")
            continue;
        for (const PlanEdge& e : plan.edges) {
            if (e.from != m.staged || e.to == m.staged || e.severity.empty())
                continue;
            std::optional<std::size_t> dim = plan.mart_of(e.to, "dimension");
            if (!dim)
                continue;
            nlohmann::ordered_json args;
            args["to"] = "ref('" + plan.marts[*dim].name + "')";
            if (e.from_columns.size() == 1) {
                args["field"] = plan.quoter.quote(e.to_columns[0]->name);
                tests.add(m.name, e.from_columns[0]->name, "relationships", args, e.severity);
            } else {
                nlohmann::ordered_json composite;
                composite["column_name"] = row_expression(plan, e.from_columns);
                composite["to"] = args["to"];
                composite["field"] = row_expression(plan, e.to_columns);
                tests.add(m.name, std::nullopt, "relationships", composite, e.severity);
            }
        }
    }
}

}  // namespace

const PlanColumn* StagedRelation::column(const std::string& source_column) const {
    for (const PlanColumn& c : columns)
        if (c.column->name == source_column)
            return &c;
    return nullptr;
}

std::optional<std::size_t> Plan::mart_of(std::size_t staged_index, const std::string& kind) const {
    for (std::size_t m = 0; m < marts.size(); m++)
        if (marts[m].staged == staged_index && marts[m].kind == kind)
            return m;
    return std::nullopt;
}

// Used only when the scan did not classify a relation (classification lands with relationship
// inference). From the tested edges around the relation:
//   bridge     two or more parents and no column outside its keys and foreign keys
//   fact       numeric measures and a parent, and either no children (order lines) or a
//              date and at most one child (an order header)
//   reference  referenced, no parents, at most two descriptive columns (a lookup)
//   dimension  referenced otherwise
//   other      everything else
std::string fallback_classification(const Plan& plan, std::size_t i) {
    const StagedRelation& s = plan.staged[i];
    std::set<std::size_t> parents, children;
    std::set<const PlanColumn*> foreign;
    for (const PlanEdge& e : plan.edges) {
        if (e.severity.empty())
            continue;
        if (e.from == i && e.to != i) {
            parents.insert(e.to);
            foreign.insert(e.from_columns.begin(), e.from_columns.end());
        }
        if (e.to == i && e.from != i)
            children.insert(e.from);
    }
    std::set<std::string> key_columns;
    for (const auto& key : s.keys)
        key_columns.insert(key.begin(), key.end());
    int measures = 0, descriptive = 0;
    bool temporal = false;
    for (const PlanColumn& c : s.columns) {
        const std::string type = type_of(*c.column);
        temporal = temporal || is_temporal_type(type);
        if (foreign.count(&c) || key_columns.count(c.column->name))
            continue;
        descriptive++;
        const bool id_like = c.name == "id" || (c.name.size() > 3 && c.name.compare(c.name.size() - 3, 3, "_id") == 0);
        if (is_numeric_type(type) && !id_like)
            measures++;
    }
    if (parents.size() >= 2 && descriptive == 0)
        return "bridge";
    if (measures > 0 && !parents.empty() && (children.empty() || (temporal && children.size() <= 1)))
        return "fact";
    if (!children.empty() && parents.empty() && descriptive <= 2)
        return "reference";
    if (!children.empty())
        return "dimension";
    return "other";
}

Plan build_plan(const Schema& schema, const GenerateOptions& options, const GenerateHooks& hooks) {
    Plan plan;
    plan.schema = &schema;
    plan.project = options.project_name.empty() ? project_name_for(schema.database) : options.project_name;
    if (!options.quoted_keywords.empty())
        plan.quoter = SqlQuoter(options.quoted_keywords);
    std::set<std::string> model_names;
    stage_relations(plan, schema, hooks, model_names);
    if (plan.staged.empty())
        plan.warnings.push_back("the scan holds no relation that can be staged: the project has no model");
    resolve_edges(plan, schema, options, hooks);
    std::vector<std::string> classes(plan.staged.size());
    for (std::size_t i = 0; i < plan.staged.size(); i++) {
        const std::string& scanned = plan.staged[i].relation->classification;
        classes[i] = scanned.empty() ? fallback_classification(plan, i) : scanned;
    }
    for (std::size_t i = 0; i < plan.staged.size(); i++) {
        plan.staged[i].classification_origin = plan.staged[i].relation->classification.empty() ? "heuristic" : "scan";
        plan.staged[i].classification = classes[i];
    }
    if (options.marts)
        plan_marts(plan, hooks, model_names);
    plan_tests(plan, hooks);
    return plan;
}

}  // namespace cartridge::dbt
