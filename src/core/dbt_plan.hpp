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
    std::string entity;       // plural snake_case name of what a row is: model and CTE names
    std::string singular;     // the entity, singular: "one row per <singular>", entity names
    std::string model;        // stg_<source>__<entity>
    std::string path;         // models/staging/<source>/<model>.sql
    std::vector<PlanColumn> columns;
    std::string classification;         // fact, dimension, bridge, reference, other
    std::string classification_origin;  // "scan", or "generation" for a scan stored unclassified
    std::vector<std::vector<std::string>> keys;  // primary key first (if any), then unique keys,
    std::size_t declared_keys = 0;               // then keys inference found unique on the data
    bool has_primary_key = false;
    // dbt may read its rows: not a foreign table (a remote server at every dbt test, and
    // constraints the server does not enforce) nor a materialized view never refreshed.
    // Other relations get no data test, mart nor join from it.
    bool readable = true;

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

// A column a mart adds to its relation's own, and where it comes from.
struct JoinedColumn {
    const PlanColumn* column;  // of the parent's staging model
    std::string name;          // output name in the mart
};

// A parent joined into a mart on its key (so the grain does not change), for a few of its
// columns: the names of a lookup, the date and keys of an order header.
struct Join {
    std::size_t edge = 0;  // index into Plan::edges
    std::string cte;       // CTE holding the parent's staging model
    std::string alias;     // alias of this join (the CTE name unless joined twice)
    std::string prefix;    // what the foreign key calls the parent ("support_rep"), for names
    std::vector<JoinedColumn> columns;
};

// A fact's rows summed up per row of a dimension the fact references: how many, and the
// first and last of the fact's date.
struct Rollup {
    std::size_t edge = 0;  // fact -> this dimension, a single-column key
    std::string cte;       // CTE holding the fact's staging model
    std::string grouped;   // CTE of the aggregate (<facts>_by_<dimension>)
    const PlanColumn* time = nullptr;  // the fact's date or timestamp, when it has one
    std::string count_name, first_name, last_name;
};

struct Mart {
    std::size_t staged = 0;
    std::string kind;      // fact or dimension
    std::string name;      // fct_<entity> or dim_<entity>
    std::string base_cte;  // CTE name of the relation itself
    std::vector<Join> joins;
    std::vector<Rollup> rollups;
    // A provider's SQL for the mart, checked (see ai_sql.hpp), and the columns it adds to the
    // builtin ones; empty: the builtin SQL.
    std::string ai_sql;
    struct AddedColumn {
        std::string name, description, type;  // type as the server's format_type prints it
    };
    std::vector<AddedColumn> ai_added_columns;
};

// A relation with no mart, and why (for the project's README).
struct NoMart {
    std::size_t staged = 0;
    std::string reason;
};

// MetricFlow's view of a fact mart (a semantic model): entities from its keys, time and
// categorical dimensions, and measures from its numeric columns (each with a simple metric).
struct SemanticModel {
    std::size_t mart = 0;
    std::string name;  // the mart's entity
    struct Entity {
        std::string name, type, column;  // type: primary or foreign
    };
    struct Dimension {
        std::string column;
        bool time = false;
    };
    struct Measure {
        std::string name, agg, expr, description;
    };
    std::vector<Entity> entities;
    std::vector<Dimension> dimensions;
    std::vector<Measure> measures;
    std::string agg_time_dimension;
    std::string primary_entity;  // when no entity is primary (no one-column key)
};

// What an AI provider advised for a relation (ai_enrich), checked before the plan takes it:
// descriptions, readable names for cryptic columns and cleaning casts in staging. Keyed by
// the source's names, so a plan built again from the same scan finds it.
struct ColumnAdvice {
    std::string description;
    std::string name;  // the staging model's output name instead of the builtin one
    std::string cast;  // a type the staging model casts to (verified on every row)
};

struct RelationAdvice {
    std::string description;
    std::map<std::string, ColumnAdvice> columns;  // source column name -> advice
};

using Advice = std::map<std::pair<std::string, std::string>, RelationAdvice>;  // (schema, relation)

struct TestSpec {
    std::string model;
    std::optional<std::string> column;  // output column; nullopt for a model-level test
    std::string name;                   // unique, not_null, accepted_values, relationships
    nlohmann::ordered_json arguments = nlohmann::ordered_json::object();
    std::string severity = "error";
};

struct Plan {
    std::string project;
    std::string provider = "builtin";
    const Schema* schema = nullptr;
    SqlQuoter quoter;
    std::vector<StagedRelation> staged;
    std::vector<PlanEdge> edges;
    std::vector<Mart> marts;
    std::vector<NoMart> no_marts;
    std::vector<SemanticModel> semantic_models;
    std::vector<TestSpec> tests;
    std::vector<std::string> warnings;
    std::map<std::string, std::vector<std::size_t>> sources;  // source name -> staged indexes
    std::map<std::string, std::string> source_schema;         // source name -> schema
    // What an AI provider wrote (ai_enrich), preferred over the builtin names and descriptions.
    Advice advice;
    std::string ai_overview;
    const RelationAdvice* advice_for(const StagedRelation& s) const;
    const ColumnAdvice* advice_for(const StagedRelation& s, const PlanColumn& c) const;
    std::optional<std::size_t> mart_of(std::size_t staged, const std::string& kind) const;
    // The output columns of a mart, in order: its relation's, then joined, then rolled up.
    struct MartColumn {
        std::string name;
        const PlanColumn* own = nullptr;        // a column of the relation
        const Join* join = nullptr;             // or of a joined parent
        const JoinedColumn* joined = nullptr;
        const Rollup* rollup = nullptr;         // or an aggregate of a fact
        char aggregate = 0;                     // 'n' count, 'f' first, 'l' last
    };
    std::vector<MartColumn> mart_columns(const Mart& mart) const;
};

// The model every semantic model's time dimensions join to (dbt's time spine).
constexpr const char* time_spine_model = "metricflow_time_spine";

// The plan of a project; `advice` (checked, see ai_enrich) renames and casts staging columns
// and replaces descriptions.
Plan build_plan(const Schema& schema, const GenerateOptions& options, const GenerateHooks& hooks,
                Advice advice = {});

// The numeric columns a provider added to fact marts become measures (each with its simple
// metric) of their semantic models; call after the marts' SQL is settled.
void add_ai_measures(Plan& plan);

// The classification a relation gets when the scan did not classify it. Deterministic and
// deliberately simple: see the comment in dbt_plan.cpp.
std::string fallback_classification(const Plan& plan, std::size_t staged);

}  // namespace cartridge::dbt
