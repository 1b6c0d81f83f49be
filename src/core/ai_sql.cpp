#include "core/ai_sql.hpp"

#include "core/jinja_subset.hpp"

#include "core/dbt_render.hpp"

#include <fmt/format.h>

#include <cctype>
#include <map>

namespace cartridge::dbt {

namespace {

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

std::string plain_staging_sql(const Plan& plan, const StagedRelation& s) {
    std::string sql = staging_sql(plan, s);
    const std::string source = "{{ source('" + s.source_name + "', '" + s.table_name + "') }}";
    const std::string relation = SqlQuoter::force_quote(s.relation->schema) + "." + SqlQuoter::force_quote(s.relation->name);
    for (auto at = sql.find(source); at != std::string::npos; at = sql.find(source, at))
        sql.replace(at, source.size(), relation);
    for (const std::string tag : {"{% raw %}", "{% endraw %}"})
        for (auto at = sql.find(tag); at != std::string::npos; at = sql.find(tag, at))
            sql.erase(at, tag.size());
    return sql;
}

CompiledSql compile_model_sql(const Plan& plan, const std::string& model_sql) {
    CompiledSql out;
    if (model_sql.find("{%") != std::string::npos || model_sql.find("{#") != std::string::npos) {
        out.error = "Jinja blocks ({% %}, {# #}) are not allowed; use only {{ ref('...') }}, {{ source('...', '...') }} "
                    "and {{ config(...) }}";
        return out;
    }
    std::map<std::string, const StagedRelation*> staging;
    for (const StagedRelation& s : plan.staged)
        staging[s.model] = &s;
    std::map<std::string, std::string> ctes;  // model -> CTE name, in first-use order below
    std::vector<std::string> order;
    // What this compiler refuses, said as is (jinja::Unsupported: what the reader cannot read).
    struct Refused : std::runtime_error {
        using std::runtime_error::runtime_error;
    };
    auto strings = [](const jinja::Call& call, std::size_t n) {
        if (call.args.size() != n || !call.kwargs.empty())
            return false;
        for (const auto& a : call.args)
            if (!a.is_string())
                return false;
        return true;
    };
    std::string body;
    try {
        body = jinja::render(model_sql, [&](const jinja::Call& call) -> std::string {
            if (call.function == "ref" && strings(call, 1)) {
                const std::string name = call.args[0].get<std::string>();
                if (!staging.count(name))
                    throw Refused(fmt::format("ref('{}') is not a staging model of this project", name));
                auto [cte, inserted] = ctes.emplace(name, fmt::format("cartridge_ref_{}", ctes.size() + 1));
                if (inserted)
                    order.push_back(name);
                return cte->second;
            }
            if (call.function == "source" && strings(call, 2)) {
                const std::string source = call.args[0].get<std::string>(), table = call.args[1].get<std::string>();
                for (const StagedRelation& s : plan.staged)
                    if (s.source_name == source && s.table_name == table)
                        return SqlQuoter::force_quote(s.relation->schema) + "." +
                               SqlQuoter::force_quote(s.relation->name);
                throw Refused(fmt::format("source('{}', '{}') is not a source of this project", source, table));
            }
            if (call.function == "config" && call.args.empty())
                return "";  // configuration of the model, not SQL
            throw jinja::Unsupported("{{ " + call.function + "(...) }}");
        });
    } catch (const Refused& e) {
        out.error = e.what();
        return out;
    } catch (const jinja::Unsupported& e) {
        out.error = std::string("only {{ ref('...') }}, {{ source('...', '...') }} and {{ config(...) }} may appear, not ") +
                    e.what();
        return out;
    }
    if (order.empty()) {
        out.sql = body;
        return out;
    }
    std::string with = "with ";
    for (std::size_t i = 0; i < order.size(); i++)
        with += (i ? ",\n" : "") + ctes[order[i]] + " as (\n" + plain_staging_sql(plan, *staging[order[i]]) + ")";
    // The model's own WITH continues the list; otherwise the SELECT follows it.
    const std::string head = trimmed(body);
    if (head.size() > 5 && (head.compare(0, 4, "with") == 0 || head.compare(0, 4, "WITH") == 0) &&
        std::isspace(static_cast<unsigned char>(head[4])))
        out.sql = with + ",\n" + head.substr(5);
    else
        out.sql = with + "\n" + head;
    return out;
}

}  // namespace cartridge::dbt
