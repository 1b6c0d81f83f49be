// SQL of the generated models, in the layout of dbt's style guide: import CTEs, one
// logical CTE, a final select; lower-case keywords, four-space indents, trailing commas.
#include "core/dbt_render.hpp"

#include <fmt/core.h>

#include <algorithm>

namespace cartridge::dbt {

namespace {

// A name from the catalog as it must appear in a model: quoted when PostgreSQL needs it,
// and kept away from Jinja (a model file is a Jinja template).
std::string source_identifier(const Plan& plan, const std::string& name) {
    return jinja_safe(plan.quoter.quote(name));
}

std::string import_cte(const std::string& name, const std::string& from, bool first) {
    return fmt::format("{}{} as (\n\n    select * from {}\n\n),\n\n", first ? "with " : "", name, from);
}

// "    select" and its targets: one per line, or on the same line when there is only one.
std::string select_list(const std::vector<std::string>& expressions) {
    if (expressions.size() == 1)
        return "    select " + expressions[0] + "\n";
    std::string out = "    select\n";
    for (std::size_t i = 0; i < expressions.size(); i++)
        out += "        " + expressions[i] + (i + 1 < expressions.size() ? ",\n" : "\n");
    return out;
}

std::string ref(const std::string& model) {
    return "{{ ref('" + model + "') }}";
}

}  // namespace

std::string staging_sql(const Plan& plan, const StagedRelation& s) {
    std::vector<std::string> expressions;
    for (const PlanColumn& c : s.columns) {
        const std::string from = source_identifier(plan, c.column->name);
        const std::string to = plan.quoter.quote(c.name);
        if (!c.cast.empty())
            expressions.push_back("cast(" + from + " as " + c.cast + ") as " + to);
        else if (from == to)
            expressions.push_back(from);
        else
            expressions.push_back(from + " as " + to);
    }
    return import_cte("source", "{{ source('" + s.source_name + "', '" + s.table_name + "') }}", true) +
           "renamed as (\n\n" + select_list(expressions) +
           "    from source\n\n)\n\nselect * from renamed\n";
}

// A mart: its relation's staging model, parents joined on their keys for a few columns,
// facts grouped by their key to this relation; one `final` CTE.
std::string mart_sql(const Plan& plan, const Mart& m) {
    if (!m.ai_sql.empty())
        return m.ai_sql;
    const StagedRelation& s = plan.staged[m.staged];
    const SqlQuoter& q = plan.quoter;
    const std::string base = q.quote(m.base_cte);
    std::string out = import_cte(base, ref(s.model), true);
    std::vector<std::string> imported;
    for (const Join& j : m.joins) {
        if (std::find(imported.begin(), imported.end(), j.cte) != imported.end())
            continue;
        imported.push_back(j.cte);
        out += import_cte(q.quote(j.cte), ref(plan.staged[plan.edges[j.edge].to].model), false);
    }
    for (const Rollup& r : m.rollups)
        out += import_cte(q.quote(r.cte), ref(plan.staged[plan.edges[r.edge].from].model), false);
    for (const Rollup& r : m.rollups) {
        const std::string key = q.quote(plan.edges[r.edge].from_columns[0]->name);
        std::vector<std::string> aggregates{key, "count(*) as " + q.quote(r.count_name)};
        if (r.time) {
            aggregates.push_back("min(" + q.quote(r.time->name) + ") as " + q.quote(r.first_name));
            aggregates.push_back("max(" + q.quote(r.time->name) + ") as " + q.quote(r.last_name));
        }
        out += q.quote(r.grouped) + " as (\n\n" + select_list(aggregates) + "    from " + q.quote(r.cte) +
               "\n    group by " + key + "\n\n),\n\n";
    }
    std::vector<std::string> expressions;
    for (const Plan::MartColumn& c : plan.mart_columns(m)) {
        if (c.own) {
            expressions.push_back(base + "." + q.quote(c.name));
        } else if (c.joined) {
            expressions.push_back(q.quote(c.join->alias) + "." + q.quote(c.joined->column->name) +
                                  (c.joined->column->name == c.name ? "" : " as " + q.quote(c.name)));
        } else if (c.aggregate == 'n') {
            expressions.push_back("coalesce(" + q.quote(c.rollup->grouped) + "." + q.quote(c.name) + ", 0) as " +
                                  q.quote(c.name));
        } else {
            expressions.push_back(q.quote(c.rollup->grouped) + "." + q.quote(c.name));
        }
    }
    out += "final as (\n\n" + select_list(expressions) + "    from " + base + "\n";
    for (const Join& j : m.joins) {
        const PlanEdge& e = plan.edges[j.edge];
        out += "    left join " + q.quote(j.cte) + (j.alias == j.cte ? "" : " as " + q.quote(j.alias)) + "\n";
        for (std::size_t k = 0; k < e.from_columns.size(); k++)
            out += std::string(k == 0 ? "        on " : "        and ") + base + "." +
                   q.quote(e.from_columns[k]->name) + " = " + q.quote(j.alias) + "." +
                   q.quote(e.to_columns[k]->name) + "\n";
    }
    for (const Rollup& r : m.rollups) {
        const PlanEdge& e = plan.edges[r.edge];
        out += "    left join " + q.quote(r.grouped) + "\n        on " + base + "." + q.quote(e.to_columns[0]->name) +
               " = " + q.quote(r.grouped) + "." + q.quote(e.from_columns[0]->name) + "\n";
    }
    return out + "\n)\n\nselect * from final\n";
}

// dbt's time spine: one row per day, from 2000 to 2040 (MetricFlow joins metrics by day to it).
std::string time_spine_sql() {
    return "with days as (\n\n"
           "    select cast(day as date) as date_day\n"
           "    from generate_series(cast('2000-01-01' as date), cast('2040-12-31' as date), interval '1 day') as day\n"
           "\n),\n\nfinal as (\n\n    select date_day\n    from days\n\n)\n\nselect * from final\n";
}

}  // namespace cartridge::dbt
