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

std::string intermediate_sql(const Plan& plan, const Mart& m) {
    const StagedRelation& s = plan.staged[m.staged];
    const SqlQuoter& q = plan.quoter;
    std::string out = import_cte(q.quote(m.base_cte), ref(s.model), true);
    std::vector<std::string> imported;
    for (const Join& j : m.joins) {
        if (std::find(imported.begin(), imported.end(), j.cte) != imported.end())
            continue;
        imported.push_back(j.cte);
        out += import_cte(q.quote(j.cte), ref(plan.staged[plan.edges[j.edge].to].model), false);
    }
    std::vector<std::string> expressions;
    for (const PlanColumn& c : s.columns)
        expressions.push_back(q.quote(m.base_cte) + "." + q.quote(c.name));
    for (const Join& j : m.joins)
        for (const JoinedColumn& c : j.columns)
            expressions.push_back(q.quote(j.alias) + "." + q.quote(c.column->name) +
                                  (c.column->name == c.name ? "" : " as " + q.quote(c.name)));
    out += "joined as (\n\n" + select_list(expressions) + "    from " + q.quote(m.base_cte) + "\n";
    for (const Join& j : m.joins) {
        const PlanEdge& e = plan.edges[j.edge];
        out += "    left join " + q.quote(j.cte) + (j.alias == j.cte ? "" : " as " + q.quote(j.alias)) + "\n";
        for (std::size_t k = 0; k < e.from_columns.size(); k++)
            out += std::string(k == 0 ? "        on " : "        and ") + q.quote(m.base_cte) + "." +
                   q.quote(e.from_columns[k]->name) + " = " + q.quote(j.alias) + "." +
                   q.quote(e.to_columns[k]->name) + "\n";
    }
    return out + "\n)\n\nselect * from joined\n";
}

std::string mart_sql(const Plan& plan, const Mart& m) {
    const StagedRelation& s = plan.staged[m.staged];
    const SqlQuoter& q = plan.quoter;
    std::vector<std::string> columns;
    for (const PlanColumn& c : s.columns)
        columns.push_back(q.quote(c.name));
    for (const Join& j : m.joins)
        for (const JoinedColumn& c : j.columns)
            columns.push_back(q.quote(c.name));
    return import_cte(q.quote(m.base_cte), ref(m.intermediate.empty() ? s.model : m.intermediate), true) +
           "final as (\n\n" + select_list(columns) + "    from " + q.quote(m.base_cte) +
           "\n\n)\n\nselect * from final\n";
}

}  // namespace cartridge::dbt
