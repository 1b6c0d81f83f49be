// Model SQL written by an AI provider, made checkable: only {{ ref('...') }} of the
// project's staging models, {{ source('...', '...') }} of its sources and {{ config(...) }}
// may appear as Jinja (no {% %} blocks, no other call: a model file is a template dbt
// runs), and the SQL is compiled — refs inlined as CTEs holding the staging models' SQL,
// sources as the real relations — so that the server can parse and plan it as the calling
// role (src/pg: raw_parser, then a rolled-back subtransaction).
#pragma once

#include "core/dbt_plan.hpp"

#include <string>
#include <vector>

namespace cartridge::dbt {

struct CompiledSql {
    std::string sql;    // plain SQL, when error is empty
    std::string error;  // why the Jinja is refused
};

CompiledSql compile_model_sql(const Plan& plan, const std::string& model_sql);

// A staging model's SQL as plain SQL: its source() as the quoted relation.
std::string plain_staging_sql(const Plan& plan, const StagedRelation& s);

}  // namespace cartridge::dbt
