// The decisions behind a generated dbt project, separate from their rendering: which
// relations are staged under which names, which edges become tests or joins, which marts
// exist. The renderers (dbt_sql, dbt_yaml, dbt_docs) only format what the plan says.
#pragma once

#include "core/dbt_project.hpp"
#include "core/identifier.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cartridge::dbt {

struct PlanColumn {
    const Column* column = nullptr;
    std::string name;  // output name in the staging model (snake_case, unique in its model)
    std::string cast;  // type the staging model casts to, empty when none
};

struct StagedRelation {
    const Relation* relation = nullptr;
    std::string source_name;  // dbt source (one per schema)
    std::string table_name;   // table name inside the dbt source
    std::string entity;       // snake_case name of the relation, for marts and CTEs
    std::string model;        // stg_<source>__<table>
    std::string path;         // models/staging/<source>/<model>.sql
    std::vector<PlanColumn> columns;
    std::string classification;         // fact, dimension, bridge, reference, other
    std::string classification_origin;  // "scan" or "heuristic"
    std::vector<std::vector<std::string>> keys;  // primary key first (if any), then unique keys
    bool has_primary_key = false;

    const PlanColumn* column(const std::string& source_name) const;
};

struct PlanEdge {
    const Relationship* relationship = nullptr;
    std::size_t from = 0;  // index into Plan::staged
    std::size_t to = 0;
    std::vector<const PlanColumn*> from_columns;
    std::vector<const PlanColumn*> to_columns;
    bool joinable = false;  // to_columns are a key of the parent: a join keeps the grain
    std::string severity;   // "error", "warn", or empty when not tested
};

struct JoinedColumn {
    const PlanColumn* column;  // of the parent's staging model
    std::string name;          // output name in the intermediate model
};

struct Join {
    std::size_t edge = 0;  // index into Plan::edges
    std::string cte;       // CTE holding the parent's staging model
    std::string alias;     // alias of this join (the CTE name unless joined twice)
    std::vector<JoinedColumn> columns;
};

struct Mart {
    std::size_t staged = 0;
    std::string kind;          // fact or dimension
    std::string name;          // fct_* or dim_*
    std::string intermediate;  // int_*_joined, empty when no join is needed
    std::string base_cte;      // CTE name of the relation itself
    std::vector<Join> joins;
};

struct TestSpec {
    std::string model;
    std::optional<std::string> column;  // output column; nullopt for a model-level test
    std::string name;                   // unique, not_null, accepted_values, relationships
    nlohmann::ordered_json arguments = nlohmann::ordered_json::object();
    std::string severity = "error";
};

struct Plan {
    std::string project;
    const Schema* schema = nullptr;
    SqlQuoter quoter;
    std::vector<StagedRelation> staged;
    std::vector<PlanEdge> edges;
    std::vector<Mart> marts;
    std::vector<TestSpec> tests;
    std::vector<std::string> warnings;
    std::map<std::string, std::vector<std::size_t>> sources;  // source name -> staged indexes
    std::map<std::string, std::string> source_schema;         // source name -> schema
    std::optional<std::size_t> mart_of(std::size_t staged, const std::string& kind) const;
};

Plan build_plan(const Schema& schema, const GenerateOptions& options, const GenerateHooks& hooks);

// The classification a relation gets when the scan did not classify it. Deterministic and
// deliberately simple: see the comment in dbt_plan.cpp.
std::string fallback_classification(const Plan& plan, std::size_t staged);

}  // namespace cartridge::dbt
