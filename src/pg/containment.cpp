#include "pg/containment.hpp"

#include "core/column_traits.hpp"
#include "core/profiling.hpp"
#include "pg/profile.hpp"
#include "pg/spi.hpp"
#include "pg/subtransaction.hpp"

#include <fmt/format.h>

#include <chrono>
#include <map>

extern "C" {
#include "executor/spi.h"
}

namespace cartridge::pg {

namespace {

using nlohmann::json;

// Without an index on the parent key, a lookup reads the parent whole; past this size the
// name evidence has to do.
constexpr int64_t kMaxUnindexedParentRows = 5'000'000;

std::string qualified_pg(const Relation& r) {
    return quote_identifier_pg(r.schema) + "." + quote_identifier_pg(r.name);
}

// The statement measuring one candidate: distinct non-null child tuples from a sample of the
// child (bounded like profiling), then how many of them the parent holds. An index on the
// parent key makes the EXISTS a few index probes per value.
std::string containment_query_pg(const Relation& child, const Relation& parent, const Candidate& cand,
                                 const SamplePlan& plan, int64_t probe_rows) {
    std::string values, not_null, match;
    for (size_t i = 0; i < cand.child_columns.size(); i++) {
        const std::string c = quote_identifier_pg(cand.child_columns[i]);
        const std::string p = quote_identifier_pg(cand.parent_columns[i]);
        values += fmt::format("{}{} AS v{}", i ? ", " : "", c, i);
        not_null += fmt::format("{}{} IS NOT NULL", i ? " AND " : "", c);
        match += fmt::format("{}p.{} = c.v{}", i ? " AND " : "", p, i);
    }
    return fmt::format(
        "WITH c AS MATERIALIZED (SELECT DISTINCT * FROM (SELECT {} FROM {}{} WHERE {} LIMIT {}) x LIMIT {})\n"
        "SELECT (SELECT pg_catalog.count(*) FROM c),\n"
        "       (SELECT pg_catalog.count(*) FROM c WHERE EXISTS (SELECT 1 FROM {} p WHERE {}))",
        values, qualified_pg(child), plan.clause, not_null, plan.limit, probe_rows, qualified_pg(parent), match);
}

void count_reason(json& stats, const std::string& reason) {
    json& reasons = stats["not_checked"];
    reasons[reason] = reasons.value(reason, 0) + 1;
}

}  // namespace

std::vector<Containment> measure_containment_pg(CatalogReader& reader, const Schema& schema, const std::vector<Candidate>& candidates,
                                                const AnalysisOptions& options, const Unreadable& unreadable,
                                                json& stats) {
    const auto started = std::chrono::steady_clock::now();
    stats["candidates"] = candidates.size();
    stats["checked"] = 0;
    stats["not_checked"] = json::object();
    stats["failed_checks"] = 0;
    std::vector<Containment> out(candidates.size());
    SpiScope spi;
    // Checks go in batches (on a remote server, few round trips for many of them).
    constexpr size_t kBatch = 64;
    std::vector<size_t> queued;
    std::vector<std::string> statements;
    auto measure = [&] {
        if (statements.empty())
            return;
        std::vector<IsolatedResult> results = reader.query_batch_isolated(statements);
        for (size_t n = 0; n < queued.size(); n++) {
            Containment& result = out[queued[n]];
            const std::vector<TextRow>& rows = results[n].rows;
            if (results[n].error || rows.size() != 1 || !rows[0][0] || !rows[0][1]) {
                result.reason = "could not be checked: " + results[n].error.value_or("no result");
                stats["failed_checks"] = stats["failed_checks"].get<int>() + 1;
                continue;
            }
            result.checked = true;
            result.sampled = std::stoll(*rows[0][0]);
            result.found = std::stoll(*rows[0][1]);
            stats["checked"] = stats["checked"].get<int>() + 1;
        }
        queued.clear();
        statements.clear();
    };
    for (size_t i = 0; i < candidates.size(); i++) {
        const Candidate& cand = candidates[i];
        const Relation& child = schema.relations[cand.child];
        const Relation& parent = schema.relations[cand.parent];
        Containment& result = out[i];
        if (!options.profile)
            result.reason = "profile off: names and keys only";
        else if (!child.can_select || !parent.can_select)
            result.reason = "no SELECT privilege on the data";
        else if (child.kind == "foreign_table" || parent.kind == "foreign_table")
            result.reason = "foreign table: remote data is not sampled";
        else if (unreadable.count({child.schema, child.name}) || unreadable.count({parent.schema, parent.name}))
            result.reason = "not read: " + unreadable.at(unreadable.count({child.schema, child.name})
                                                             ? std::make_pair(child.schema, child.name)
                                                             : std::make_pair(parent.schema, parent.name));
        else if (!cand.parent_indexed && relation_rows(parent).value_or(0) > kMaxUnindexedParentRows)
            result.reason = "parent key has no index and the table is large";
        if (!result.reason.empty()) {
            count_reason(stats, result.reason);
            continue;
        }
        const SamplePlan plan = plan_sample(relation_rows(child), options.sample_rows);
        queued.push_back(i);
        statements.push_back(containment_query_pg(child, parent, cand, plan, options.probe_rows));
        if (statements.size() == kBatch)
            measure();
    }
    measure();
    stats["ms"] = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return out;
}

}  // namespace cartridge::pg
