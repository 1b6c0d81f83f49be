// What an AI provider adds to the builtin plan: business descriptions of every staged
// relation and its columns (one question per relation, asked concurrently), and an overview
// of the project for its README. The builtin plan stays whole: an answer that is missing or
// wrong leaves the builtin description, with a warning.
//
// What is sent is the scan's metadata: names, types, keys, relationships, comments,
// classification and profile statistics (null fraction, distinct estimate). Never a value of
// the data: neither samples nor the profile's bounds and frequent values.
#pragma once

#include "core/ai_http.hpp"
#include "core/dbt_plan.hpp"

#include <vector>

namespace cartridge::dbt {

// The question about one staged relation (plan.staged[staged]).
ai::Prompt describe_prompt(const Plan& plan, std::size_t staged);

// Keeps what the answers say in plan.ai_*; returns a warning per relation left builtin.
std::vector<std::string> apply_descriptions(Plan& plan, const std::vector<std::size_t>& staged,
                                            const std::vector<ai::Call>& calls, const std::string& provider);

// The question for a fact mart's SQL: the builtin SQL, the columns it must keep, the
// staging models it may ref; with the previous answer and the server's error for a repair.
ai::Prompt mart_prompt(const Plan& plan, const Mart& mart, const std::string& previous_sql = {},
                       const std::string& error = {});

// The question for the README's overview, from the models' descriptions.
ai::Prompt overview_prompt(const Plan& plan, const std::vector<std::pair<std::string, std::string>>& models);

}  // namespace cartridge::dbt
