// Column profiling as SQL text and its interpretation; src/pg runs the query. One statement
// per table reads a bounded sample (TABLESAMPLE with a row budget) and aggregates every
// column in one pass, so the cost follows the budget, not the table's size.
#pragma once

#include "core/analysis_options.hpp"
#include "core/column_traits.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cartridge {

// How a table is sampled.
struct SamplePlan {
    std::string method;   // "full", "bernoulli" or "system"
    double percent = 100; // of the table's rows (bernoulli) or pages (system)
    int64_t limit = 0;    // rows read at most
    std::string clause;   // "" or " TABLESAMPLE SYSTEM (0.15) REPEATABLE (42)"
};

// Reads everything up to the budget; BERNOULLI (every page, some rows) up to ten budgets;
// SYSTEM (some pages) beyond, where reading every page would grow with the table.
SamplePlan plan_sample(std::optional<int64_t> rows_estimate, int64_t budget);

struct ProfileColumn {
    std::string name;    // as in the catalog
    std::string quoted;  // quoted identifier, made by the server's quote_identifier
    TypeFamily family = TypeFamily::other;
};

// pg_stats of one column, where the table is analyzed.
struct ColumnStats {
    double null_frac = 0;
    double n_distinct = 0;  // > 0 a count, < 0 a fraction of the rows (ANALYZE's convention)
    double avg_width = 0;   // bytes of a non-null value as stored
    // most_common_vals as text and most_common_freqs, when they were read (with
    // profile.values, or for a column of at most two common values: booleans).
    std::vector<std::string> common_values;
    std::vector<double> common_freqs;
};

// For a table that declares no key: the first two columns named like keys (ps_partkey,
// ps_suppkey), whose uniqueness together the profile measures. Empty when there are fewer.
std::vector<size_t> key_pair_to_probe(const std::vector<ProfileColumn>& columns, const std::string& table);

// The statement profiling one table. Its one row holds the sample size, then one jsonb per
// column (in `columns` order) of raw aggregates that column_profile() reads, then, when
// `pair` names two columns, a jsonb {"n": rows with both set, "d": distinct pairs}.
std::string profile_query(const std::string& quoted_table, const std::vector<ProfileColumn>& columns,
                          const SamplePlan& plan, const AnalysisOptions& options,
                          const std::vector<size_t>& pair = {});

// True when the pair's raw aggregates show it unique (on the whole table, or a sample large
// enough to tell).
bool pair_unique(const nlohmann::json& raw, const SamplePlan& plan, int64_t sampled_rows);

// The stored profile (cartridge.columns.profile) of one column from its raw aggregates.
nlohmann::json column_profile(const ProfileColumn& column, const nlohmann::json& raw, int64_t sampled_rows,
                              const SamplePlan& plan, std::optional<int64_t> rows_estimate,
                              const std::optional<ColumnStats>& stats, const AnalysisOptions& options);

// The stored profile of one column of an analyzed table from pg_stats alone, without reading
// the table: null fraction, distinct estimate, uniqueness (ANALYZE found no value twice and
// no null), avg_bytes, true_fraction of booleans, top_values (with profile.values) from the
// most common values. Bounds, lengths and shapes need the values themselves: a sample.
// Smaller than a sampled profile (no raw pg_stats copy, no unique_in_sample): at 100,000
// columns every byte is parsed twice more (stored as jsonb, loaded back for inference).
nlohmann::json column_profile_from_stats(const ProfileColumn& column, const ColumnStats& stats, int64_t table_rows,
                                         const AnalysisOptions& options);

// Shapes a text value can have, tested in this order; a column takes the first one at least
// 95% of its sampled values match.
const std::vector<std::pair<std::string, std::string>>& value_shapes();

}  // namespace cartridge
