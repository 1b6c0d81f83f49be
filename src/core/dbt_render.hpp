// Renderers of a dbt plan into file contents (internal to the builtin provider).
#pragma once

#include "core/dbt_plan.hpp"

#include <string>

namespace cartridge::dbt {

// SQL models (dbt_sql.cpp).
std::string staging_sql(const Plan& plan, const StagedRelation& staged);
std::string mart_sql(const Plan& plan, const Mart& mart);
std::string time_spine_sql();

// Descriptions shared by the YAML and the model records (dbt_docs.cpp).
std::string staging_description(const Plan& plan, const StagedRelation& staged);
std::string source_table_description(const StagedRelation& staged);
std::string column_description(const Plan& plan, std::size_t staged, const PlanColumn& column);
std::string joined_column_description(const Plan& plan, const Plan::MartColumn& column);
std::string mart_description(const Plan& plan, const Mart& mart);
std::string readme(const Plan& plan, const GeneratedProject& project);

// YAML files (dbt_yaml.cpp), emitted with yaml-cpp.
std::string dbt_project_yml(const Plan& plan);
std::string profiles_yml(const Plan& plan);
std::string sources_yml(const Plan& plan, const std::string& source, bool freshness);
std::string staging_models_yml(const Plan& plan, const std::string& source);
std::string marts_models_yml(const Plan& plan);
std::string semantic_models_yml(const Plan& plan);

// The column of a source table that dbt's freshness check reads, or nullptr.
const PlanColumn* freshness_column(const StagedRelation& staged);

}  // namespace cartridge::dbt
