// What an AI provider adds to the builtin plan: business descriptions of every staged
// relation and its columns (one question per relation, asked concurrently), and an overview
// of the project for its README. The builtin plan stays whole: an answer that is missing or
// wrong leaves the builtin description, with a warning.
//
// What is sent is the scan's metadata: names, types, keys, relationships, comments,
// classification and profile statistics (null fraction, distinct estimate). Values of the
// data (the profile's bounds and frequent values) only with the sample_values option, and
// never of a column whose name or values look personal.
#pragma once

#include "core/ai_http.hpp"
#include "core/dbt_plan.hpp"

#include <vector>

namespace cartridge::dbt {

// The question about one staged relation (plan.staged[staged]): its description, its
// columns', readable names for cryptic columns and cleaning casts.
ai::Prompt describe_prompt(const Plan& plan, std::size_t staged, bool sample_values = false);

// What the answers advise, checked for form (identifiers, unique names, known types; no cast
// of a key or a relationship's column) into `advice`; a warning for each answer missing and
// each piece refused.
std::vector<std::string> read_advice(const Plan& plan, const std::vector<std::size_t>& staged,
                                     const std::vector<ai::Call>& calls, const std::string& provider, Advice& advice);

// A query that casts every value of a column (the server runs it, rolled back): it fails
// on the first value the cast refuses.
std::string cast_check_sql(const StagedRelation& s, const PlanColumn& c, const std::string& type);

// The question for a fact mart's SQL: the builtin SQL, the columns it must keep, the
// staging models it may ref; with the previous answer and the server's error for a repair.
ai::Prompt mart_prompt(const Plan& plan, const Mart& mart, const std::string& previous_sql = {},
                       const std::string& error = {});

// The question for the README's overview, from the models' descriptions.
ai::Prompt overview_prompt(const Plan& plan, const std::vector<std::pair<std::string, std::string>>& models);

}  // namespace cartridge::dbt
