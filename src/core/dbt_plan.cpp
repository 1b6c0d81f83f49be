#include "core/dbt_plan.hpp"

#include "core/classification.hpp"

#include "core/naming.hpp"

#include <fmt/core.h>
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>

namespace cartridge::dbt {

namespace {

// Marts join at most this many parents, and sum up at most this many facts: more makes
// wide, slow models nobody asked for.
constexpr std::size_t max_joins_per_mart = 5;
constexpr std::size_t max_rollups_per_mart = 3;

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
        const std::string stem = naming::without_table_decoration(s.table_name);
        s.entity = naming::plural_name(stem);
        s.singular = naming::singular_name(stem);
        s.model = claim("stg_" + s.source_name + "__" + s.entity, model_names);
        s.readable = rel.kind != "foreign_table" && rel.populated;
        if (!rel.populated)
            plan.warnings.push_back(fmt::format(
                "materialized view {}.{} has never been refreshed: staged without tests nor marts "
                "(REFRESH MATERIALIZED VIEW it, then scan again)",
                rel.schema, rel.name));
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
            const ColumnAdvice* advice = nullptr;
            if (auto r = plan.advice.find({rel.schema, rel.name}); r != plan.advice.end())
                if (auto a = r->second.columns.find(c->name); a != r->second.columns.end())
                    advice = &a->second;
            if (advice && !advice->name.empty())
                slug = advice->name;
            pc.name = claim(slug.empty() ? "column_" + std::to_string(c->ordinal) : slug, column_names);
            bool array = c->data_type.size() > 2 && c->data_type.compare(c->data_type.size() - 2, 2, "[]") == 0;
            if (!c->base_type.empty())
                pc.cast = c->base_type;  // a domain: downstream models need not know it
            else if (!c->enum_values.empty() && !array)
                pc.cast = "text";  // an enum type lives in the source schema, not in dbt's
            else if (c->data_type == "money")
                pc.cast = "numeric";  // money formats with the locale; numeric does not
            else if (advice && !advice->cast.empty())
                pc.cast = advice->cast;
            s.columns.push_back(std::move(pc));
        }
        s.keys = keys_of(rel);
        s.declared_keys = s.keys.size();
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
        // An inferred edge is an error-severity test only when it is trusted and its sample
        // showed no child value missing from the parent (orphans make dbt test fail).
        const bool orphans = r.evidence.is_object() && r.evidence.value("orphans", int64_t{0}) > 0;
        if (r.source == "declared" || (r.confidence >= options.inferred_warn_below && !orphans))
            e.severity = "error";
        else if (r.confidence >= options.inferred_min_confidence)
            e.severity = "warn";
        // The parent's key, declared or (inference checked it on the data) found unique:
        // a join on it keeps the grain. A key found on the data is tested as a warning.
        std::vector<std::string> target = sorted(r.to_columns);
        StagedRelation& parent = plan.staged[e.to];
        bool key = false;
        for (const auto& k : parent.keys)
            key = key || sorted(k) == target;
        if (!key && !e.severity.empty() && r.evidence.is_object() && r.evidence.value("target_key", "") == "unique_on_data") {
            parent.keys.push_back(r.to_columns);
            key = true;
        }
        e.joinable = key && !e.severity.empty();
        std::string identity = fmt::format("{}\x1f{}\x1f{}\x1f{}", e.from, fmt::join(r.from_columns, "\x1e"),
                                           e.to, fmt::join(r.to_columns, "\x1e"));
        auto [it, inserted] = seen.emplace(identity, plan.edges.size());
        if (inserted)
            plan.edges.push_back(std::move(e));
        else if (r.source == "declared" && plan.edges[it->second].relationship->source != "declared")
            plan.edges[it->second] = std::move(e);  // a declared key outranks its inferred twin
    }
}

bool is_text_type(const PlanColumn& c) {
    const std::string type = c.cast.empty() ? type_of(*c.column) : c.cast;
    if (type.find("[]") != std::string::npos)
        return false;
    for (const char* prefix : {"text", "character", "citext", "name"})
        if (type.rfind(prefix, 0) == 0)
            return true;
    return false;
}

bool has_word(const std::string& name, std::initializer_list<const char*> wanted) {
    for (const std::string& w : naming::words(name))
        for (const char* x : wanted)
            if (w == x)
                return true;
    return false;
}

// Columns of a relation that are neither part of a key nor of a tested foreign key.
std::set<const PlanColumn*> key_or_foreign_columns(const Plan& plan, std::size_t i) {
    const StagedRelation& s = plan.staged[i];
    std::set<const PlanColumn*> out;
    for (const auto& key : s.keys)
        for (const std::string& name : key)
            if (const PlanColumn* c = s.column(name))
                out.insert(c);
    for (const PlanEdge& e : plan.edges)
        if (e.from == i && !e.severity.empty())
            out.insert(e.from_columns.begin(), e.from_columns.end());
    return out;
}

// What says which row it is to a reader: names and titles first, then codes, types and
// statuses; for a lookup (reference) any descriptive column.
std::vector<const PlanColumn*> label_columns(const Plan& plan, std::size_t i, std::size_t limit) {
    const StagedRelation& s = plan.staged[i];
    const auto excluded = key_or_foreign_columns(plan, i);
    std::vector<std::pair<int, const PlanColumn*>> ranked;
    for (const PlanColumn& c : s.columns) {
        if (excluded.count(&c))
            continue;
        int rank = 3;
        if (is_text_type(c) && has_word(c.name, {"name", "title", "label"}))
            rank = 0;
        else if (is_text_type(c) && has_word(c.name, {"description", "code", "type", "category", "status", "kind"}))
            rank = 1;
        else if (s.classification == "reference")
            rank = 2;
        if (rank < 3)
            ranked.emplace_back(rank, &c);
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<const PlanColumn*> out;
    for (const auto& [rank, c] : ranked)
        if (out.size() < limit)
            out.push_back(c);
    return out;
}

std::vector<const PlanColumn*> time_columns(const StagedRelation& s) {
    std::vector<const PlanColumn*> out;
    for (const PlanColumn& c : s.columns)
        if (is_temporal_type(c.cast.empty() ? type_of(*c.column) : c.cast))
            out.push_back(&c);
    return out;
}

// What a foreign key calls its parent: the column without its key suffix ("support_rep_id"
// -> "support_rep", "reports_to" stays), else the parent's singular name.
std::string join_prefix(const PlanEdge& e, const StagedRelation& parent) {
    if (e.from_columns.size() == 1) {
        std::string name = e.from_columns[0]->name;
        for (const char* suffix : {"_id", "_key", "_fk", "_sk"}) {
            const std::string x = suffix;
            if (name.size() > x.size() && name.compare(name.size() - x.size(), x.size(), x) == 0) {
                name.resize(name.size() - x.size());
                break;
            }
        }
        if (!name.empty() && name != "id")
            return name;
    }
    return parent.singular;
}

// The columns of a parent a mart takes: an order header's dates and foreign keys (lines
// get their order's date and customer), the labels of a lookup or of a dimension.
std::vector<const PlanColumn*> columns_to_join(const Plan& plan, const PlanEdge& e, const std::string& mart_kind) {
    const StagedRelation& parent = plan.staged[e.to];
    if (parent.classification == "fact") {
        if (mart_kind != "fact")
            return {};
        std::vector<const PlanColumn*> out = time_columns(parent);
        for (const PlanEdge& up : plan.edges)
            if (up.from == e.to && up.to != e.to && !up.severity.empty() && plan.staged[up.to].readable)
                for (const PlanColumn* c : up.from_columns)
                    if (std::find(out.begin(), out.end(), c) == out.end() &&
                        std::find(e.to_columns.begin(), e.to_columns.end(), c) == e.to_columns.end())
                        out.push_back(c);
        if (out.size() > 5)
            out.resize(5);
        return out;
    }
    if (parent.classification == "reference")
        return label_columns(plan, e.to, 3);
    if (parent.classification == "dimension")
        return label_columns(plan, e.to, 2);
    return {};
}

void plan_joins(Plan& plan, Mart& m, std::set<std::string>& ctes, std::set<std::string>& output_names) {
    std::map<std::size_t, std::string> parent_cte;
    for (std::size_t e = 0; e < plan.edges.size() && m.joins.size() < max_joins_per_mart; e++) {
        const PlanEdge& edge = plan.edges[e];
        if (edge.from != m.staged || edge.to == m.staged || !edge.joinable || !plan.staged[edge.to].readable)
            continue;
        const StagedRelation& parent = plan.staged[edge.to];
        const std::vector<const PlanColumn*> wanted = columns_to_join(plan, edge, m.kind);
        if (wanted.empty())
            continue;
        Join join;
        join.edge = e;
        join.prefix = join_prefix(edge, parent);
        auto cte = parent_cte.find(edge.to);
        if (cte == parent_cte.end()) {
            cte = parent_cte.emplace(edge.to, claim(parent.entity, ctes)).first;
            join.alias = cte->second;
        } else {
            join.alias = claim(join.prefix, ctes);
        }
        join.cte = cte->second;
        const bool header = parent.classification == "fact";
        for (const PlanColumn* c : wanted) {
            // Names that already say whose they are stay; a header's keys and dates keep
            // their own names when free ("customer_id" of an invoice line).
            std::string name = c->name.rfind(join.prefix + "_", 0) == 0 || c->name.rfind(parent.singular + "_", 0) == 0
                                   ? c->name
                                   : join.prefix + "_" + c->name;
            if (header && !output_names.count(c->name))
                name = c->name;
            name = fit_identifier(name);
            if (output_names.insert(name).second)
                join.columns.push_back({c, name});
        }
        if (!join.columns.empty())
            m.joins.push_back(std::move(join));
    }
}

void plan_rollups(Plan& plan, Mart& m, std::set<std::string>& ctes, std::set<std::string>& output_names) {
    std::map<std::size_t, int> edges_from_fact;
    for (const PlanEdge& e : plan.edges)
        if (e.to == m.staged && e.from != m.staged && e.joinable)
            edges_from_fact[e.from]++;
    for (std::size_t e = 0; e < plan.edges.size() && m.rollups.size() < max_rollups_per_mart; e++) {
        const PlanEdge& edge = plan.edges[e];
        const StagedRelation& fact = plan.staged[edge.from];
        // One edge from that fact, on one column: "the customer's invoices" is unambiguous.
        if (edge.to != m.staged || edge.from == m.staged || !edge.joinable || edge.from_columns.size() != 1 ||
            fact.classification != "fact" || !fact.readable || edges_from_fact[edge.from] != 1)
            continue;
        Rollup r;
        r.edge = e;
        r.cte = claim(fact.entity, ctes);
        r.grouped = claim(fact.entity + "_by_" + plan.staged[m.staged].singular, ctes);
        r.count_name = fit_identifier("number_of_" + fact.entity);
        if (!output_names.insert(r.count_name).second)
            continue;
        const auto times = time_columns(fact);
        if (!times.empty()) {
            r.time = times[0];
            r.first_name = fit_identifier("first_" + fact.singular + "_at");
            r.last_name = fit_identifier("last_" + fact.singular + "_at");
            if (!output_names.insert(r.first_name).second || !output_names.insert(r.last_name).second)
                r.time = nullptr;
        }
        m.rollups.push_back(std::move(r));
    }
}

// Marts where they add something to a staging model (dbt users delete the others): a fact
// with the labels of its dimensions and its header's dates and keys; a dimension with the
// labels of its lookups and its facts summed up. Lookups (reference) fold into those; no
// intermediate model, since no two marts share a step.
void plan_marts(Plan& plan, const GenerateHooks& hooks, std::set<std::string>& model_names) {
    // Entity names shared by two marts (same table name in two schemas) get the source too.
    std::map<std::string, int> entity_count;
    for (const StagedRelation& s : plan.staged)
        if (s.classification == "fact" || s.classification == "dimension")
            entity_count[s.entity]++;
    for (std::size_t i = 0; i < plan.staged.size(); i++) {
        tick(hooks);
        const StagedRelation& s = plan.staged[i];
        Mart m;
        m.staged = i;
        if (s.classification == "fact")
            m.kind = "fact";
        else if (s.classification == "dimension")
            m.kind = "dimension";
        else
            continue;
        if (!s.readable) {
            plan.no_marts.push_back({i, s.relation->kind == "foreign_table"
                                            ? "a foreign table: its rows are read from another server"
                                            : "a materialized view never refreshed"});
            continue;
        }
        // The CTE names the renderers use themselves are taken from the start.
        std::set<std::string> ctes{"source", "renamed", "final"};
        m.base_cte = claim(s.entity, ctes);
        std::set<std::string> output_names;
        for (const PlanColumn& c : s.columns)
            output_names.insert(c.name);
        plan_joins(plan, m, ctes, output_names);
        if (m.kind == "dimension")
            plan_rollups(plan, m, ctes, output_names);
        if (m.joins.empty() && m.rollups.empty()) {
            plan.no_marts.push_back(
                {i, m.kind == "fact" ? "a fact with no dimension label or header to join: " + s.model + " serves as is"
                                     : "a dimension with no lookup to flatten and no fact to sum up: " + s.model +
                                           " serves as is"});
            continue;
        }
        std::string base = entity_count[s.entity] > 1 ? s.source_name + "__" + s.entity : s.entity;
        m.name = claim((m.kind == "fact" ? "fct_" : "dim_") + base, model_names);
        plan.marts.push_back(std::move(m));
    }
}

// A name MetricFlow accepts for an entity, dimension or measure.
bool semantic_name_ok(const std::string& name) {
    if (name.empty() || name[0] < 'a' || name[0] > 'z' || name == "metric_time")
        return false;
    return std::all_of(name.begin(), name.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

// A column a semantic model can name both as an element and as its SQL expression.
bool semantic_column_ok(const Plan& plan, const std::string& name) {
    return semantic_name_ok(name) && !plan.quoter.needs_quotes(name);
}

// A semantic model per fact mart that has a date to aggregate over (MetricFlow needs one
// for every measure): its key as primary entity, its single-column foreign keys as foreign
// entities, its dates as time dimensions (by day), labels as categorical dimensions, and
// its numeric columns as summed measures plus a count. Measure names are unique in the
// project (MetricFlow requires it): the fact's singular name first.
// A measure's name: prefixed with the entity, unless it already is.
std::string measure_name(const StagedRelation& s, const std::string& column) {
    return fit_identifier(column.rfind(s.singular + "_", 0) == 0 ? column : s.singular + "_" + column);
}

void plan_semantics(Plan& plan) {
    std::set<std::string> measure_names, primary_entities;
    for (std::size_t mi = 0; mi < plan.marts.size(); mi++) {
        const Mart& m = plan.marts[mi];
        const StagedRelation& s = plan.staged[m.staged];
        SemanticModel sm;
        sm.mart = mi;
        sm.name = m.name;
        std::set<std::string> element_names;  // entities, dimensions and measures share names
        auto entity = [&](const std::string& name, const char* type, const std::string& column) {
            if (semantic_name_ok(name) && semantic_column_ok(plan, column) && element_names.insert(name).second)
                sm.entities.push_back({name, type, column});
        };
        const auto excluded = key_or_foreign_columns(plan, m.staged);
        // A primary entity names one semantic model: a dimension's lets the facts that
        // point to it group by its labels (customer__country).
        if (s.has_primary_key && s.keys[0].size() == 1 && primary_entities.insert(s.singular).second)
            if (const PlanColumn* c = s.column(s.keys[0][0]))
                entity(s.singular, "primary", c->name);
        if (m.kind == "dimension" && sm.entities.empty())
            continue;
        for (const Join& j : m.joins) {
            if (plan.edges[j.edge].from_columns.size() == 1)
                entity(j.prefix, "foreign", plan.edges[j.edge].from_columns[0]->name);
            // The keys a header brings (an invoice line's customer, through its invoice).
            for (const PlanEdge& up : plan.edges)
                if (up.from == plan.edges[j.edge].to && up.to != up.from && !up.severity.empty() &&
                    up.from_columns.size() == 1)
                    for (const JoinedColumn& c : j.columns)
                        if (c.column == up.from_columns[0])
                            entity(join_prefix(up, plan.staged[up.to]), "foreign", c.name);
        }
        for (const PlanEdge& e : plan.edges)
            if (e.from == m.staged && e.to != m.staged && !e.severity.empty() && e.from_columns.size() == 1 &&
                plan.staged[e.to].readable)
                entity(join_prefix(e, plan.staged[e.to]), "foreign", e.from_columns[0]->name);
        for (const Plan::MartColumn& c : plan.mart_columns(m)) {
            const PlanColumn* pc = c.own ? c.own : c.joined ? c.joined->column : nullptr;
            if (!pc || !semantic_column_ok(plan, c.name) || element_names.count(c.name))
                continue;
            const std::string type = pc->cast.empty() ? type_of(*pc->column) : pc->cast;
            if (is_temporal_type(type)) {
                sm.dimensions.push_back({c.name, true});
                element_names.insert(c.name);
                if (sm.agg_time_dimension.empty())
                    sm.agg_time_dimension = c.name;
            } else if (c.joined ? is_text_type(*pc)
                                : is_text_type(*pc) && !excluded.count(pc) && pc->column->profile.is_object() &&
                                      pc->column->profile.value("distinct_estimate", int64_t{1000}) <= 100) {
                sm.dimensions.push_back({c.name, false});
                element_names.insert(c.name);
            }
        }
        if (m.kind == "dimension") {
            // Its dates would need a measure to aggregate over; its labels are what facts want.
            sm.dimensions.erase(std::remove_if(sm.dimensions.begin(), sm.dimensions.end(),
                                               [](const SemanticModel::Dimension& d) { return d.time; }),
                                sm.dimensions.end());
            sm.agg_time_dimension.clear();
            if (!sm.dimensions.empty())
                plan.semantic_models.push_back(std::move(sm));
            continue;
        }
        if (sm.agg_time_dimension.empty())
            continue;
        // Without a one-column key, a fact's rows still are an entity (MetricFlow wants one
        // to hold its dimensions), just not one anything can join to.
        if ((sm.entities.empty() || sm.entities[0].type != "primary")) {
            std::string name = s.singular;
            for (int n = 2; !semantic_name_ok(name) || primary_entities.count(name) || element_names.count(name); n++)
                name = fit_identifier(m.name + (n == 2 ? "" : "_" + std::to_string(n)));
            primary_entities.insert(name);
            element_names.insert(name);
            sm.primary_entity = name;
        }
        auto measure = [&](const std::string& name, const char* agg, const std::string& expr, std::string about) {
            if (semantic_name_ok(name) && !element_names.count(name) && measure_names.insert(name).second) {
                element_names.insert(name);
                sm.measures.push_back({name, agg, expr, std::move(about)});
            }
        };
        measure(fit_identifier(s.singular + "_count"), "count",
                sm.entities.empty() || sm.entities[0].type != "primary" ? "1" : sm.entities[0].column,
                "Number of " + naming::plural_name(s.singular) + ".");
        for (const PlanColumn& c : s.columns) {
            const bool id_like = c.name == "id" || (c.name.size() > 3 && c.name.compare(c.name.size() - 3, 3, "_id") == 0);
            if (excluded.count(&c) || id_like || !semantic_column_ok(plan, c.name) ||
                !is_numeric_type(c.cast.empty() ? type_of(*c.column) : c.cast))
                continue;
            measure(measure_name(s, c.name), "sum", c.name, "Sum of " + c.name + ".");
        }
        plan.semantic_models.push_back(std::move(sm));
    }
}

void plan_tests(Plan& plan, const GenerateHooks& hooks) {
    TestCollector tests(plan);
    for (const StagedRelation& s : plan.staged) {
        tick(hooks);
        if (!s.readable)
            continue;
        std::set<std::string> not_null;
        for (std::size_t k = 0; k < s.keys.size(); k++) {
            std::vector<const PlanColumn*> columns;
            for (const std::string& name : s.keys[k])
                if (const PlanColumn* c = s.column(name))
                    columns.push_back(c);
            if (columns.size() != s.keys[k].size())
                continue;
            const bool primary = k == 0 && s.has_primary_key;
            const bool found_on_data = k >= s.declared_keys;
            const std::string severity = found_on_data ? "warn" : "error";
            if (columns.size() == 1) {
                tests.add(s.model, columns[0]->name, "unique", nlohmann::ordered_json::object(), severity);
            } else {
                nlohmann::ordered_json args;
                args["column_name"] = row_expression(plan, columns);
                tests.add(s.model, std::nullopt, "unique", args, severity);
            }
            if (primary)
                for (const PlanColumn* c : columns)
                    not_null.insert(c->name);
            if (found_on_data)
                for (const PlanColumn* c : columns)
                    if (c->column->nullable)
                        tests.add(s.model, c->name, "not_null", nlohmann::ordered_json::object(), "warn");
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
        if (e.severity.empty() || !plan.staged[e.from].readable || !plan.staged[e.to].readable)
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
        for (const Rollup& r : m.rollups)
            tests.add(m.name, r.count_name, "not_null");
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

std::vector<Plan::MartColumn> Plan::mart_columns(const Mart& m) const {
    std::vector<MartColumn> out;
    for (const PlanColumn& c : staged[m.staged].columns)
        out.push_back({c.name, &c});
    for (const Join& j : m.joins)
        for (const JoinedColumn& c : j.columns)
            out.push_back({c.name, nullptr, &j, &c});
    for (const Rollup& r : m.rollups) {
        out.push_back({r.count_name, nullptr, nullptr, nullptr, &r, 'n'});
        if (r.time) {
            out.push_back({r.first_name, nullptr, nullptr, nullptr, &r, 'f'});
            out.push_back({r.last_name, nullptr, nullptr, nullptr, &r, 'l'});
        }
    }
    return out;
}

std::optional<std::size_t> Plan::mart_of(std::size_t staged_index, const std::string& kind) const {
    for (std::size_t m = 0; m < marts.size(); m++)
        if (marts[m].staged == staged_index && marts[m].kind == kind)
            return m;
    return std::nullopt;
}

const RelationAdvice* Plan::advice_for(const StagedRelation& s) const {
    auto found = advice.find({s.relation->schema, s.relation->name});
    return found == advice.end() ? nullptr : &found->second;
}

const ColumnAdvice* Plan::advice_for(const StagedRelation& s, const PlanColumn& c) const {
    const RelationAdvice* r = advice_for(s);
    if (!r)
        return nullptr;
    auto found = r->columns.find(c.column->name);
    return found == r->columns.end() ? nullptr : &found->second;
}

Plan build_plan(const Schema& schema, const GenerateOptions& options, const GenerateHooks& hooks, Advice advice) {
    Plan plan;
    plan.schema = &schema;
    plan.advice = std::move(advice);
    plan.project = options.project_name.empty() ? project_name_for(schema.database) : options.project_name;
    plan.provider = options.provider;
    if (!options.quoted_keywords.empty())
        plan.quoter = SqlQuoter(options.quoted_keywords);
    std::set<std::string> model_names;
    stage_relations(plan, schema, hooks, model_names);
    if (plan.staged.empty())
        plan.warnings.push_back("the scan holds no relation that can be staged: the project has no model");
    resolve_edges(plan, schema, options, hooks);
    // The scan's classification; a scan stored before classification existed is classified
    // now, by the same classifier (classification.hpp).
    std::vector<Classification> computed;
    for (std::size_t i = 0; i < plan.staged.size(); i++) {
        StagedRelation& s = plan.staged[i];
        if (!s.relation->classification.empty()) {
            s.classification_origin = "scan";
            s.classification = s.relation->classification;
            continue;
        }
        if (computed.empty())
            computed = classify_relations(schema);
        s.classification_origin = "generation";
        s.classification = computed.at(static_cast<std::size_t>(s.relation - schema.relations.data())).label;
    }
    if (options.marts) {
        plan_marts(plan, hooks, model_names);
        plan_semantics(plan);
    }
    plan_tests(plan, hooks);
    return plan;
}

void add_ai_measures(Plan& plan) {
    std::set<std::string> measure_names;
    for (const SemanticModel& sm : plan.semantic_models)
        for (const SemanticModel::Measure& m : sm.measures)
            measure_names.insert(m.name);
    for (SemanticModel& sm : plan.semantic_models) {
        const Mart& mart = plan.marts[sm.mart];
        if (mart.kind != "fact")
            continue;
        std::set<std::string> element_names;  // entities, dimensions and measures share names
        for (const auto& e : sm.entities)
            element_names.insert(e.name);
        for (const auto& d : sm.dimensions)
            element_names.insert(d.column);
        for (const auto& m : sm.measures)
            element_names.insert(m.name);
        for (const Mart::AddedColumn& c : mart.ai_added_columns) {
            const std::string name = measure_name(plan.staged[mart.staged], c.name);
            if (is_numeric_type(c.type) && semantic_column_ok(plan, c.name) && semantic_name_ok(name) &&
                !element_names.count(name) && measure_names.insert(name).second) {
                element_names.insert(name);
                sm.measures.push_back({name, "sum", c.name, "Sum of " + c.name + ": " + c.description});
            }
        }
    }
}

}  // namespace cartridge::dbt
