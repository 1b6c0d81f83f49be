#include "core/ai_sql.hpp"

#include "core/dbt_render.hpp"

#include <fmt/format.h>

#include <cctype>
#include <map>
#include <regex>

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
    static const std::regex ref(R"(^ref\(\s*['"]([A-Za-z0-9_]+)['"]\s*\)$)");
    static const std::regex source(R"(^source\(\s*['"]([^'"]+)['"]\s*,\s*['"]([^'"]+)['"]\s*\)$)");
    static const std::regex config(R"(^config\([^{}]*\)$)");
    std::map<std::string, const StagedRelation*> staging;
    for (const StagedRelation& s : plan.staged)
        staging[s.model] = &s;
    std::map<std::string, std::string> ctes;  // model -> CTE name, in first-use order below
    std::vector<std::string> order;
    std::string body;
    std::size_t at = 0;
    while (true) {
        const auto open = model_sql.find("{{", at);
        if (open == std::string::npos) {
            body += model_sql.substr(at);
            break;
        }
        const auto close = model_sql.find("}}", open);
        if (close == std::string::npos) {
            out.error = "an unclosed {{";
            return out;
        }
        body += model_sql.substr(at, open - at);
        const std::string expression = trimmed(model_sql.substr(open + 2, close - open - 2));
        std::smatch m;
        if (std::regex_match(expression, m, ref)) {
            auto s = staging.find(m[1].str());
            if (s == staging.end()) {
                out.error = fmt::format("ref('{}') is not a staging model of this project", m[1].str());
                return out;
            }
            auto [cte, inserted] = ctes.emplace(m[1].str(), fmt::format("cartridge_ref_{}", ctes.size() + 1));
            if (inserted)
                order.push_back(m[1].str());
            body += cte->second;
        } else if (std::regex_match(expression, m, source)) {
            const StagedRelation* found = nullptr;
            for (const StagedRelation& s : plan.staged)
                if (s.source_name == m[1].str() && s.table_name == m[2].str())
                    found = &s;
            if (!found) {
                out.error = fmt::format("source('{}', '{}') is not a source of this project", m[1].str(), m[2].str());
                return out;
            }
            body += SqlQuoter::force_quote(found->relation->schema) + "." + SqlQuoter::force_quote(found->relation->name);
        } else if (std::regex_match(expression, config)) {
            // configuration of the model, not SQL
        } else {
            out.error = "only {{ ref('...') }}, {{ source('...', '...') }} and {{ config(...) }} may appear, not {{ " +
                        expression.substr(0, 80) + " }}";
            return out;
        }
        at = close + 2;
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
