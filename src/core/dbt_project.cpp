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

// Relations whose casts are not tried on every row: the check would read too much.
constexpr int64_t max_cast_check_rows = 10'000'000;

// Keeps the casts that every value of their column takes (the server casts them all, rolled
// back); drops the others with a warning.
void check_casts(const dbt::Plan& plan, const GenerateOptions& options, const GenerateHooks& hooks,
                 dbt::Advice& advice, GeneratedProject& project) {
    for (const dbt::StagedRelation& s : plan.staged) {
        auto found = advice.find({s.relation->schema, s.relation->name});
        if (found == advice.end())
            continue;
        for (const dbt::PlanColumn& c : s.columns) {
            auto a = found->second.columns.find(c.column->name);
            if (a == found->second.columns.end() || a->second.cast.empty())
                continue;
            tick(hooks);
            std::string error;
            if (!hooks.check_sql)
                error = "no server to try it on";
            else if (!s.readable)
                error = "its rows cannot be read here";
            else if (s.relation->row_estimate && *s.relation->row_estimate > max_cast_check_rows)
                error = fmt::format("more than {} rows to try it on", max_cast_check_rows);
            else
                error = hooks.check_sql(dbt::cast_check_sql(s, c, a->second.cast), true).error;
            if (!error.empty()) {
                project.warnings.push_back(fmt::format("{}: {}.{}.{} is not cast to {} ({})", options.provider,
                                                       s.relation->schema, s.relation->name, c.column->name,
                                                       a->second.cast, error));
                a->second.cast.clear();
            }
        }
    }
}

// One question per staged relation, asked at once; the plan is then built again with what
// the answers advise (descriptions, readable names, cleaning casts), each staging model it
// changes checked by the server. When no answer came back at all, the provider is unusable
// (a wrong key, no credit): the generation fails with its reason.
void ask_for_advice(dbt::Plan& plan, const Schema& schema, const GenerateOptions& options,
                    const GenerateHooks& hooks, GeneratedProject& project) {
    if (!hooks.ask)
        throw Error(sqlstate::feature_not_supported, "provider \"" + options.provider + "\" needs a server",
                    "Use provider => 'builtin'.");
    progress(hooks, 10, "asking " + options.provider);
    std::vector<std::size_t> staged;
    std::vector<ai::Prompt> prompts;
    for (std::size_t i = 0; i < plan.staged.size(); i++) {
        staged.push_back(i);
        prompts.push_back(dbt::describe_prompt(plan, i, options.sample_values));
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
                    "cartridge_test_provider('" + options.provider + "') makes one call and shows its answer; "
                    "an asynchronous generation records each request in cartridge.ai_requests; "
                    "provider => 'builtin' needs no network.");
    dbt::Advice advice;
    for (std::string& w : dbt::read_advice(plan, staged, calls, options.provider, advice))
        project.warnings.push_back(std::move(w));
    progress(hooks, 15, "checking staging");
    check_casts(plan, options, hooks, advice, project);
    plan = dbt::build_plan(schema, options, hooks, advice);
    if (!hooks.check_sql)
        return;
    bool refused = false;
    for (const dbt::StagedRelation& s : plan.staged) {
        const dbt::RelationAdvice* a = plan.advice_for(s);
        if (!a || std::none_of(a->columns.begin(), a->columns.end(), [](const auto& c) {
                return !c.second.name.empty() || !c.second.cast.empty();
            }))
            continue;
        tick(hooks);
        const std::string error = hooks.check_sql(dbt::plain_staging_sql(plan, s), false).error;
        if (error.empty())
            continue;
        project.warnings.push_back(fmt::format("{}: the staging model {} with its names and casts fails ({}); "
                                               "the builtin names and types are kept",
                                               options.provider, s.model, error));
        for (auto& [column, c] : advice[{s.relation->schema, s.relation->name}].columns)
            c.name.clear(), c.cast.clear();
        refused = true;
    }
    if (refused)
        plan = dbt::build_plan(schema, options, hooks, std::move(advice));
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
    const ai::SqlCheck check = hooks.check_sql(compiled.sql, false);
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
    for (std::size_t i = 0; i < check.columns.size(); i++)
        if (const std::string& c = check.columns[i]; !builtin.count(c)) {
            const std::string& d = described[c];
            m.ai_added_columns.push_back(
                {c, d.empty() ? "Added by " + provider + "." : d, i < check.types.size() ? check.types[i] : ""});
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
        try {
            ask_for_advice(plan, schema, options, hooks, project);
            ask_for_marts(plan, options, hooks, project);
        } catch (const Error& e) {
            throw GenerationError(e, std::move(project));
        }
        dbt::add_ai_measures(plan);
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
