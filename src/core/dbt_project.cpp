#include "core/dbt_project.hpp"

#include "core/ai_enrich.hpp"
#include "core/ai_sql.hpp"
#include "core/dbt_render.hpp"
#include "core/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace cartridge {

namespace {

// The style the generated SQL follows, for `sqlfluff lint models` without a database.
constexpr const char* sqlfluff_config = R"(# SQL style of this project, checked with `sqlfluff lint models` (no database needed).
[sqlfluff]
dialect = postgres
templater = jinja
# Staging models keep the source's column order and end with `select * from renamed`, as
# dbt's style guide does; ST06 (simple targets before casts) and AM04 (select * in the
# final query) argue against exactly that. Names are the source's, snake_cased, and quoted
# exactly where PostgreSQL's own keyword list (the server's) requires it: RF04 and RF06
# judge keywords by sqlfluff's list instead, which rejects names PostgreSQL accepts bare
# (name, year) and calls necessary quotes unnecessary ("user").
exclude_rules = AM04, ST06, RF04, RF06
# Source names may be 63 bytes long, quoted and cast: lines get long.
max_line_length = 200

[sqlfluff:templater:jinja]
apply_dbt_builtins = True

[sqlfluff:indentation]
indent_unit = space
tab_space_size = 4

[sqlfluff:layout:type:comma]
line_position = trailing

[sqlfluff:rules:capitalisation.keywords]
capitalisation_policy = lower

[sqlfluff:rules:capitalisation.functions]
extended_capitalisation_policy = lower

[sqlfluff:rules:capitalisation.literals]
capitalisation_policy = lower

[sqlfluff:rules:capitalisation.types]
extended_capitalisation_policy = lower

[sqlfluff:rules:aliasing.table]
aliasing = explicit

[sqlfluff:rules:aliasing.column]
aliasing = explicit

[sqlfluff:rules:references.special_chars]
# Source names are what the database calls them; quoting keeps them valid.
quoted_identifiers_policy = none
)";

constexpr const char* gitignore = "target/\ndbt_packages/\nlogs/\n";

void tick(const GenerateHooks& hooks) {
    if (hooks.check_interrupts)
        hooks.check_interrupts();
}

void progress(const GenerateHooks& hooks, int percent, const std::string& stage) {
    if (hooks.progress)
        hooks.progress(percent, stage);
}

void record(GeneratedProject& project, const std::vector<ai::Prompt>& prompts, const std::vector<ai::Call>& calls) {
    for (std::size_t i = 0; i < prompts.size() && i < calls.size(); i++)
        project.ai_requests.push_back({prompts[i].purpose, prompts[i].user, calls[i]});
}

// One question per staged relation, asked at once. When no answer came back at all, the
// provider is unusable (a wrong key, no credit): the generation fails with its reason.
void ask_for_descriptions(dbt::Plan& plan, const GenerateOptions& options, const GenerateHooks& hooks,
                          GeneratedProject& project) {
    if (!hooks.ask)
        throw Error(sqlstate::feature_not_supported, "provider \"" + options.provider + "\" needs a server",
                    "Use provider => 'builtin'.");
    progress(hooks, 10, "asking " + options.provider);
    std::vector<std::size_t> staged;
    std::vector<ai::Prompt> prompts;
    for (std::size_t i = 0; i < plan.staged.size(); i++) {
        staged.push_back(i);
        prompts.push_back(dbt::describe_prompt(plan, i));
    }
    if (prompts.empty())
        return;
    std::vector<ai::Call> calls = hooks.ask(prompts);
    record(project, prompts, calls);
    const bool any = std::any_of(calls.begin(), calls.end(),
                                 [](const ai::Call& c) { return c.answer.outcome == ai::Outcome::ok; });
    if (!any)
        throw Error(sqlstate::external_routine_exception,
                    fmt::format("{} answered none of {} requests: {}", options.provider, calls.size(),
                                calls.at(0).answer.error),
                    "SELECT purpose, http_status, error FROM cartridge.ai_requests shows each request; "
                    "provider => 'builtin' needs no network.");
    for (std::string& w : dbt::apply_descriptions(plan, staged, calls, options.provider))
        project.warnings.push_back(std::move(w));
}

// The checks a provider's mart SQL must pass; on success the mart takes it. Returns the
// error for a repair otherwise.
std::string take_mart_sql(dbt::Plan& plan, dbt::Mart& m, const nlohmann::json& answer, const GenerateHooks& hooks,
                          const std::string& provider) {
    std::string sql = answer.value("sql", "");
    if (sql.find_first_not_of(" \t\r\n") == std::string::npos)
        return "the SQL is empty";
    const dbt::CompiledSql compiled = dbt::compile_model_sql(plan, sql);
    if (!compiled.error.empty())
        return compiled.error;
    const ai::SqlCheck check = hooks.check_sql(compiled.sql);
    if (!check.error.empty())
        return check.error;
    std::set<std::string> seen;
    for (const std::string& c : check.columns)
        if (!seen.insert(c).second)
            return "the column \"" + c + "\" appears twice";
    std::vector<std::string> missing;
    std::set<std::string> builtin;
    for (const dbt::Plan::MartColumn& c : plan.mart_columns(m)) {
        builtin.insert(c.name);
        if (!seen.count(c.name))
            missing.push_back(c.name);
    }
    if (!missing.empty())
        return fmt::format("the SQL drops column(s) the project documents and tests: {}", fmt::join(missing, ", "));
    std::map<std::string, std::string> described;
    for (const nlohmann::json& c : answer.value("added_columns", nlohmann::json::array()))
        if (c.is_object())
            described[c.value("name", "")] = c.value("description", "");
    m.ai_added_columns.clear();
    for (const std::string& c : check.columns)
        if (!builtin.count(c)) {
            const std::string& d = described[c];
            m.ai_added_columns.emplace_back(c, d.empty() ? "Added by " + provider + "." : d);
        }
    if (sql.back() != '\n')
        sql += '\n';
    m.ai_sql = std::move(sql);
    return {};
}

// A fact mart's SQL from the provider: checked in the database, sent back with the error
// for at most max_repairs repairs, else the builtin SQL stays (with a warning).
void ask_for_marts(dbt::Plan& plan, const GenerateOptions& options, const GenerateHooks& hooks,
                   GeneratedProject& project) {
    if (!hooks.check_sql)
        return;
    constexpr int max_repairs = 2;
    struct Pending {
        std::size_t mart;
        std::string previous, error;
    };
    std::vector<Pending> pending;
    for (std::size_t i = 0; i < plan.marts.size(); i++)
        if (plan.marts[i].kind == "fact")
            pending.push_back({i, {}, {}});
    for (int round = 0; !pending.empty() && round <= max_repairs; round++) {
        progress(hooks, 20 + 5 * round, "asking " + options.provider + " for marts");
        std::vector<ai::Prompt> prompts;
        for (const Pending& p : pending)
            prompts.push_back(dbt::mart_prompt(plan, plan.marts[p.mart], p.previous, p.error));
        const std::vector<ai::Call> calls = hooks.ask(prompts);
        record(project, prompts, calls);
        std::vector<Pending> again;
        for (std::size_t k = 0; k < pending.size() && k < calls.size(); k++) {
            dbt::Mart& m = plan.marts[pending[k].mart];
            if (calls[k].answer.outcome != ai::Outcome::ok) {
                project.warnings.push_back(fmt::format("{}: no SQL for {} ({}); the builtin model is kept",
                                                       options.provider, m.name, calls[k].answer.error));
                continue;
            }
            std::string error = take_mart_sql(plan, m, calls[k].answer.document, hooks, options.provider);
            if (error.empty())
                continue;
            if (round == max_repairs)
                project.warnings.push_back(fmt::format("{}: the SQL it wrote for {} still failed after {} repairs ({}); "
                                                       "the builtin model is kept",
                                                       options.provider, m.name, max_repairs, error));
            else
                again.push_back({pending[k].mart, calls[k].answer.document.value("sql", ""), std::move(error)});
        }
        pending = std::move(again);
    }
}

void ask_for_overview(dbt::Plan& plan, const GenerateOptions& options, const GenerateHooks& hooks,
                      GeneratedProject& project) {
    std::vector<std::pair<std::string, std::string>> models;
    for (const GeneratedModel& m : project.models)
        models.emplace_back(m.name, m.description);
    const std::vector<ai::Prompt> prompts{dbt::overview_prompt(plan, models)};
    std::vector<ai::Call> calls = hooks.ask(prompts);
    record(project, prompts, calls);
    if (calls.at(0).answer.outcome == ai::Outcome::ok)
        plan.ai_overview = calls[0].answer.document.value("overview", "");
    else
        project.warnings.push_back(
            fmt::format("{}: no overview for the README ({})", options.provider, calls[0].answer.error));
}

}  // namespace

GeneratedProject generate_dbt_project(const Schema& schema, const GenerateOptions& options,
                                      const GenerateHooks& hooks) {
    progress(hooks, 5, "planning");
    dbt::Plan plan = dbt::build_plan(schema, options, hooks);
    GeneratedProject project;
    project.name = plan.project;
    project.provider = options.provider;
    project.model = hooks.model;
    const bool ai = options.provider != "builtin";
    if (ai) {
        ask_for_descriptions(plan, options, hooks, project);
        ask_for_marts(plan, options, hooks, project);
    }
    project.warnings.insert(project.warnings.begin(), plan.warnings.begin(), plan.warnings.end());
    auto file = [&](std::string path, std::string kind, std::string content) {
        project.files.push_back({std::move(path), std::move(kind), std::move(content)});
    };

    progress(hooks, 30, "staging");
    // Progress within a step moves with the relations done (the caller decides how often
    // it is worth reporting).
    std::size_t staged = 0;
    for (const auto& [source, members] : plan.sources) {
        tick(hooks);
        const std::string folder = "models/staging/" + source + "/";
        file(folder + "_" + source + "__sources.yml", "sources", dbt::sources_yml(plan, source, options.freshness));
        file(folder + "_" + source + "__models.yml", "properties", dbt::staging_models_yml(plan, source));
        for (std::size_t i : members) {
            tick(hooks);
            const dbt::StagedRelation& s = plan.staged[i];
            std::string sql = dbt::staging_sql(plan, s);
            project.models.push_back({s.model, "staging", s.path, "view", s.relation->schema, s.relation->name,
                                      dbt::staging_description(plan, s), sql});
            file(s.path, "model", std::move(sql));
            progress(hooks, 30 + static_cast<int>(40 * ++staged / plan.staged.size()), "staging");
        }
    }

    progress(hooks, 70, "marts");
    std::size_t marts_done = 0;
    for (const dbt::Mart& m : plan.marts) {
        tick(hooks);
        progress(hooks, 70 + static_cast<int>(20 * marts_done++ / plan.marts.size()), "marts");
        std::string path = "models/marts/" + m.name + ".sql";
        std::string sql = dbt::mart_sql(plan, m);
        project.models.push_back({m.name, "marts", path, "table", "", "", dbt::mart_description(plan, m), sql,
                                  m.ai_sql.empty() ? "builtin" : options.provider});
        file(path, "model", std::move(sql));
    }
    if (!plan.semantic_models.empty()) {
        const std::string path = std::string("models/marts/") + dbt::time_spine_model + ".sql";
        std::string sql = dbt::time_spine_sql();
        project.models.push_back({dbt::time_spine_model, "marts", path, "table", "", "",
                                  "One row per day: the time spine of the semantic layer.", sql});
        file(path, "model", std::move(sql));
        file("models/marts/_marts__semantic_models.yml", "properties", dbt::semantic_models_yml(plan));
    }
    if (!plan.marts.empty())
        file("models/marts/_marts__models.yml", "properties", dbt::marts_models_yml(plan));

    for (const dbt::TestSpec& t : plan.tests)
        project.tests.push_back({t.model, t.column, t.name, nlohmann::json(t.arguments), t.severity});

    progress(hooks, 90, "project files");
    file("dbt_project.yml", "project", dbt::dbt_project_yml(plan));
    file("profiles.yml", "profile", dbt::profiles_yml(plan));
    file(".gitignore", "config", gitignore);
    file(".sqlfluff", "config", sqlfluff_config);
    // macros/ is part of dbt's layout; the builtin provider needs no macro of its own.
    file("macros/.gitkeep", "macro", "");
    if (ai && !plan.staged.empty())
        ask_for_overview(plan, options, hooks, project);
    file("README.md", "docs", dbt::readme(plan, project));
    std::sort(project.files.begin(), project.files.end(),
              [](const GeneratedFile& a, const GeneratedFile& b) { return a.path < b.path; });
    progress(hooks, 100, "done");
    return project;
}

}  // namespace cartridge
