#include "core/profiling.hpp"

#include "core/naming.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace cartridge {

namespace {

using nlohmann::json;

// Fixed, so that two scans of unchanged data sample the same pages.
constexpr int kSampleSeed = 42;
constexpr double kShapeThreshold = 0.95;

bool has_order(TypeFamily f) {
    return f == TypeFamily::integer || f == TypeFamily::decimal || f == TypeFamily::date ||
           f == TypeFamily::timestamp || f == TypeFamily::time;
}

bool has_equality(TypeFamily f) {
    return f != TypeFamily::json && f != TypeFamily::array && f != TypeFamily::binary;
}

double round_to(double value, double scale) {
    return std::round(value * scale) / scale;
}

// A value as text for counting and grouping. Text types cast to text (their casts are
// built in: casts from a domain are never used). Any other type goes through its output
// function by format(): a cast `::text` would run a cast function that the owner of an enum
// or composite type may have created, as the role running the scan.
std::string as_text(const ProfileColumn& c) {
    if (c.family == TypeFamily::text)
        return c.quoted + "::text";
    return fmt::format("CASE WHEN {0} IS NULL THEN NULL ELSE pg_catalog.format('%s', {0}) END", c.quoted);
}

// ANALYZE's distinct estimate as a count (a negative n_distinct is a fraction of the rows).
double distinct_count(const ColumnStats& stats, int64_t table_rows) {
    return stats.n_distinct > 0 ? stats.n_distinct : -stats.n_distinct * static_cast<double>(table_rows);
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& value_shapes() {
    static const std::vector<std::pair<std::string, std::string>> shapes = {
        {"uuid", "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},
        {"email", "^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$"},
        {"iso_timestamp", "^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}"},
        {"iso_date", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
        {"url", "^https?://"},
        {"decimal", "^[-+]?[0-9]+\\.[0-9]+$"},
        {"digits", "^[0-9]+$"},
        {"phone", "^\\+?[0-9][0-9 ().-]{6,}$"},
    };
    return shapes;
}

SamplePlan plan_sample(std::optional<int64_t> rows_estimate, int64_t budget) {
    SamplePlan plan;
    plan.limit = budget;
    if (!rows_estimate || *rows_estimate <= budget) {
        plan.method = "full";
        return plan;
    }
    const double rows = static_cast<double>(*rows_estimate);
    // Over-ask by half: both methods return a random number of rows around the percentage.
    plan.percent = std::min(100.0, 100.0 * 1.5 * static_cast<double>(budget) / rows);
    plan.method = *rows_estimate <= 10 * budget ? "bernoulli" : "system";
    plan.clause = fmt::format(" TABLESAMPLE {} ({:.6f}) REPEATABLE ({})", plan.method == "system" ? "SYSTEM" : "BERNOULLI",
                              plan.percent, kSampleSeed);
    return plan;
}

std::vector<size_t> key_pair_to_probe(const std::vector<ProfileColumn>& columns, const std::string& table) {
    std::vector<std::string> names;
    for (const ProfileColumn& c : columns)
        names.push_back(c.name);
    const std::string prefix = naming::column_prefix(names, table);
    std::vector<size_t> pair;
    for (size_t i = 0; i < columns.size() && pair.size() < 2; i++) {
        TypeFamily f = columns[i].family;
        naming::ColumnName n = naming::parse_column_name(columns[i].name, prefix);
        if ((f == TypeFamily::integer || f == TypeFamily::text || f == TypeFamily::uuid) &&
            n.kind == naming::SuffixKind::key && !n.core.empty())
            pair.push_back(i);
    }
    if (pair.size() < 2)
        pair.clear();
    return pair;
}

bool pair_unique(const json& raw, const SamplePlan& plan, int64_t sampled_rows) {
    const int64_t n = raw.value("n", int64_t{0});
    const int64_t d = raw.value("d", int64_t{0});
    const bool full = plan.method == "full" && sampled_rows < plan.limit;
    return n > 0 && n == sampled_rows && d == n && (full || n >= 100);
}

std::string profile_query(const std::string& quoted_table, const std::vector<ProfileColumn>& columns,
                          const SamplePlan& plan, const AnalysisOptions& options, const std::vector<size_t>& pair) {
    std::string select_list;
    for (size_t i = 0; i < columns.size(); i++) {
        if (i)
            select_list += ", ";
        select_list += columns[i].quoted;
    }
    if (select_list.empty())
        select_list = "1";
    std::string sql = fmt::format("WITH s AS MATERIALIZED (SELECT {} FROM {}{} LIMIT {})\nSELECT pg_catalog.count(*)",
                                  select_list, quoted_table, plan.clause, plan.limit);
    for (const ProfileColumn& c : columns) {
        const std::string& q = c.quoted;
        std::vector<std::string> parts = {fmt::format("'nn', pg_catalog.count({})", q)};
        if (has_equality(c.family)) {
            std::string value = c.family == TypeFamily::other ? as_text(c) : q;
            parts.push_back(fmt::format("'d', pg_catalog.count(DISTINCT {})", value));
            parts.push_back(fmt::format(
                "'f1', (SELECT pg_catalog.count(*) FROM (SELECT 1 FROM s WHERE {0} IS NOT NULL GROUP BY {1} "
                "HAVING pg_catalog.count(*) = 1) g)",
                q, value));
        }
        if (has_order(c.family)) {
            // A bound is one row's value (a salary, a birth date): kept only with values.
            if (options.values) {
                parts.push_back(fmt::format("'min', pg_catalog.to_jsonb(pg_catalog.min({}))", q));
                parts.push_back(fmt::format("'max', pg_catalog.to_jsonb(pg_catalog.max({}))", q));
            }
        } else if (c.family == TypeFamily::boolean) {
            parts.push_back(fmt::format("'t', pg_catalog.count(*) FILTER (WHERE {})", q));
        } else if (c.family == TypeFamily::text) {
            std::string t = as_text(c);
            parts.push_back(fmt::format("'lmin', pg_catalog.min(pg_catalog.length({}))", t));
            parts.push_back(fmt::format("'lmax', pg_catalog.max(pg_catalog.length({}))", t));
            parts.push_back(fmt::format("'lavg', pg_catalog.avg(pg_catalog.length({}))", t));
            std::string shapes;
            for (const auto& [name, regex] : value_shapes()) {
                if (!shapes.empty())
                    shapes += ", ";
                shapes += fmt::format("'{}', pg_catalog.count(*) FILTER (WHERE {} OPERATOR(pg_catalog.~) '{}')", name, t,
                                      regex);
            }
            parts.push_back("'sh', pg_catalog.jsonb_build_object(" + shapes + ")");
            if (options.values) {
                parts.push_back(fmt::format("'min', pg_catalog.to_jsonb(pg_catalog.min({}))", t));
                parts.push_back(fmt::format("'max', pg_catalog.to_jsonb(pg_catalog.max({}))", t));
            }
        } else if (c.family == TypeFamily::json || c.family == TypeFamily::array || c.family == TypeFamily::binary) {
            parts.push_back(fmt::format("'bavg', pg_catalog.avg(pg_catalog.pg_column_size({}))", q));
        }
        if (options.values && options.top_values > 0 && has_equality(c.family)) {
            parts.push_back(fmt::format(
                "'top', (SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_array(v, k) ORDER BY k DESC, v) "
                "FROM (SELECT {2} AS v, pg_catalog.count(*) AS k FROM s WHERE {0} IS NOT NULL "
                "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT {1}) t)",
                q, options.top_values, as_text(c)));
        }
        std::string object;
        for (size_t i = 0; i < parts.size(); i++)
            object += (i ? ", " : "") + parts[i];
        sql += ",\n  pg_catalog.jsonb_build_object(" + object + ")";
    }
    if (pair.size() == 2) {
        const std::string& a = columns[pair[0]].quoted;
        const std::string& b = columns[pair[1]].quoted;
        sql += fmt::format(",\n  pg_catalog.jsonb_build_object('n', pg_catalog.count(*) FILTER (WHERE {0} IS NOT NULL AND {1} IS NOT NULL), "
                           "'d', pg_catalog.count(DISTINCT ({0}, {1})) FILTER (WHERE {0} IS NOT NULL AND {1} IS NOT NULL))",
                           a, b);
    }
    sql += "\nFROM s";
    return sql;
}

json column_profile(const ProfileColumn& column, const json& raw, int64_t sampled_rows, const SamplePlan& plan,
                    std::optional<int64_t> rows_estimate, const std::optional<ColumnStats>& stats,
                    const AnalysisOptions& options) {
    json p = json::object();
    const bool full = plan.method == "full" && sampled_rows < plan.limit;
    const int64_t table_rows = full ? sampled_rows : std::max<int64_t>(rows_estimate.value_or(sampled_rows), sampled_rows);
    p["sample"] = {{"rows", sampled_rows}, {"method", full ? "full" : plan.method}};
    if (plan.method != "full")
        p["sample"]["percent"] = round_to(plan.percent, 1e6);
    p["table_rows"] = table_rows;
    p["table_rows_exact"] = full;

    const int64_t nonnull = raw.value("nn", int64_t{0});
    if (stats && !full) {
        p["null_fraction"] = round_to(stats->null_frac, 1e4);
        p["null_fraction_source"] = "pg_stats";
    } else {
        p["null_fraction"] = sampled_rows > 0 ? round_to(1.0 - static_cast<double>(nonnull) / sampled_rows, 1e4) : 0.0;
        p["null_fraction_source"] = full ? "table" : "sample";
    }

    if (raw.contains("d") && raw["d"].is_number()) {
        const int64_t distinct = raw["d"].get<int64_t>();
        const int64_t singletons = raw.value("f1", int64_t{0});
        const bool unique_in_sample = nonnull > 0 && distinct == nonnull;
        p["distinct_in_sample"] = distinct;
        p["unique_in_sample"] = unique_in_sample;
        double estimate;
        std::string source;
        if (full) {
            estimate = static_cast<double>(distinct);
            source = "table";
        } else if (stats && stats->n_distinct != 0) {
            estimate = distinct_count(*stats, table_rows);
            source = "pg_stats";
        } else {
            // Haas and Stokes' Duj1, as ANALYZE uses: n*d / (n - f1 + f1*n/N).
            double n = static_cast<double>(nonnull);
            double big_n = static_cast<double>(table_rows) * (nonnull > 0 && sampled_rows > 0 ? n / sampled_rows : 1.0);
            double denominator = n - singletons + singletons * n / std::max(big_n, n);
            estimate = denominator > 0 ? n * distinct / denominator : static_cast<double>(distinct);
            estimate = std::min(std::max(estimate, static_cast<double>(distinct)), big_n);
            source = "sample";
        }
        p["distinct_estimate"] = static_cast<int64_t>(std::llround(estimate));
        p["distinct_source"] = source;
        // Unique on the data: certain when the whole table was read; otherwise the sample must
        // be unique and ANALYZE (when it ran) must agree, or the sample be large enough to tell.
        bool unique = unique_in_sample;
        if (!full)
            unique = unique_in_sample && (stats ? stats->n_distinct == -1.0 : nonnull >= 100);
        p["unique"] = unique;
    }
    if (raw.contains("min") && !raw["min"].is_null())
        p["min"] = raw["min"];
    if (raw.contains("max") && !raw["max"].is_null())
        p["max"] = raw["max"];
    if (raw.contains("t") && nonnull > 0)
        p["true_fraction"] = round_to(static_cast<double>(raw["t"].get<int64_t>()) / nonnull, 1e4);
    if (raw.contains("lmin") && !raw["lmin"].is_null())
        p["length"] = {{"min", raw["lmin"]}, {"max", raw["lmax"]}, {"avg", round_to(raw["lavg"].get<double>(), 100)}};
    if (raw.contains("bavg") && !raw["bavg"].is_null())
        p["avg_bytes"] = round_to(raw["bavg"].get<double>(), 10);
    if (column.family == TypeFamily::uuid) {
        p["shape"] = "uuid";
    } else if (raw.contains("sh") && nonnull > 0) {
        for (const auto& [name, regex] : value_shapes()) {
            double fraction = static_cast<double>(raw["sh"].value(name, int64_t{0})) / nonnull;
            if (fraction >= kShapeThreshold) {
                p["shape"] = name;
                p["shape_fraction"] = round_to(fraction, 1e4);
                break;
            }
        }
    }
    if (options.values && raw.contains("top") && raw["top"].is_array()) {
        json top = json::array();
        for (const json& pair : raw["top"])
            top.push_back({{"value", pair[0]}, {"count", pair[1]}});
        p["top_values"] = top;
    }
    if (stats)
        p["pg_stats"] = {{"null_frac", round_to(stats->null_frac, 1e4)}, {"n_distinct", stats->n_distinct}};
    return p;
}

json column_profile_from_stats(const ProfileColumn& column, const ColumnStats& stats, int64_t table_rows,
                               const AnalysisOptions& options) {
    json p = json::object();
    p["sample"] = {{"method", "pg_stats"}};
    p["table_rows"] = table_rows;
    p["table_rows_exact"] = false;
    p["null_fraction"] = round_to(stats.null_frac, 1e4);
    p["null_fraction_source"] = "pg_stats";
    if (has_equality(column.family) && stats.n_distinct != 0) {
        const double estimate = std::min(distinct_count(stats, table_rows), static_cast<double>(table_rows));
        const int64_t distinct = static_cast<int64_t>(std::llround(estimate));
        // ANALYZE writes n_distinct = -(1 - null_frac) when its sample held no value twice.
        // (Every key here says what pg_stats gave; the raw values are not repeated.)
        const bool all_distinct = stats.n_distinct < 0 && std::abs(stats.n_distinct + (1.0 - stats.null_frac)) < 1e-6;
        p["distinct_estimate"] = distinct;
        p["distinct_source"] = "pg_stats";
        p["distinct_in_sample"] = distinct;
        p["unique"] = all_distinct && stats.null_frac == 0;
    }
    if (column.family == TypeFamily::json || column.family == TypeFamily::array || column.family == TypeFamily::binary)
        p["avg_bytes"] = round_to(stats.avg_width, 10);
    if (column.family == TypeFamily::uuid)
        p["shape"] = "uuid";
    const size_t common = std::min(stats.common_values.size(), stats.common_freqs.size());
    if (column.family == TypeFamily::boolean && common > 0 && stats.null_frac < 1) {
        double true_freq = 0;
        for (size_t i = 0; i < common; i++)
            if (stats.common_values[i] == "t")
                true_freq = stats.common_freqs[i];
        p["true_fraction"] = round_to(true_freq / (1.0 - stats.null_frac), 1e4);
    }
    if (options.values && options.top_values > 0 && has_equality(column.family) && common > 0) {
        json top = json::array();
        for (size_t i = 0; i < common && i < static_cast<size_t>(options.top_values); i++)
            top.push_back({{"value", stats.common_values[i]},
                           {"count", std::llround(stats.common_freqs[i] * static_cast<double>(table_rows))}});
        p["top_values"] = top;
    }
    return p;
}

}  // namespace cartridge
