#include "core/inference.hpp"

#include "core/column_traits.hpp"
#include "core/inference_detail.hpp"
#include "core/naming.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

namespace cartridge {

namespace {

using inference_detail::CandidateBuilder;

// Rows a child column must hold, all distinct, before the data alone makes an edge one-to-one.
constexpr int64_t kMinRowsForDataCardinality = 100;

// Containment a one-to-one of unknown direction needs (Candidate::mutual).
constexpr double kMutualContainment = 0.98;

// The most an edge whose sample shows orphans may be trusted.
constexpr double kOrphanCeiling = 0.85;

// Words a column named like a table is as often a sort order or a measure by ("order",
// "level"): such a name needs values found in the parent.
bool measure_like(const std::string& column) {
    static const std::set<std::string> words = {"order", "level", "rank", "position", "sequence", "priority",
                                                "count", "number", "size", "length", "year", "month", "day",
                                                "version", "weight", "score", "grade", "step", "quantity",
                                                "amount", "total", "value", "index", "sort", "status", "type"};
    const std::vector<std::string> w = naming::words(column);
    return w.empty() || words.count(naming::singular(w.back())) > 0;
}

bool weak_without_data(const Candidate& cand) {
    const std::string& signal = cand.signals.front();
    if (signal == "qualified_named_after_table" || signal == "table_name_ends_with")
        return true;
    // A column named exactly like a table, of its key's very type, is a reference unless
    // its word is one of a measure or an order.
    if (signal == "named_after_table")
        return !cand.exact_type || cand.child_columns.size() != 1 || measure_like(cand.child_columns[0]);
    return false;
}

bool is_declared_key(const Relation& r, const std::vector<std::string>& columns) {
    std::set<std::string> wanted(columns.begin(), columns.end());
    for (const std::vector<std::string>& key : declared_keys(r))
        if (std::set<std::string>(key.begin(), key.end()) == wanted)
            return true;
    return false;
}

bool temporal_part(const Schema& schema, const Candidate& cand) {
    const Relation& child = schema.relations[cand.child];
    for (const std::string& name : cand.child_columns)
        if (const Column* c = child.column(name)) {
            TypeFamily f = type_family(*c);
            if (f == TypeFamily::date || f == TypeFamily::timestamp)
                return true;
        }
    return false;
}

// Two edges that are each other's reverse (a.x -> b.y and b.y -> a.x) say the same
// values are in both tables, not which table owns them: neither is kept. `ends` holds each
// edge's (child, parent) relation indexes, so that only edges between two tables linked both
// ways have their columns compared.
void drop_reverse_pairs(std::vector<Relationship>& edges, const std::vector<std::pair<size_t, size_t>>& ends) {
    std::map<std::pair<size_t, size_t>, std::vector<size_t>> linked;  // (child, parent) -> edges
    for (size_t a = 0; a < ends.size(); a++)
        linked[ends[a]].push_back(a);
    // The column pairs in a fixed order: the same edge whichever order each side lists them.
    auto pairs = [](const std::vector<std::string>& from, const std::vector<std::string>& to) {
        std::vector<std::pair<std::string, std::string>> out;
        for (size_t k = 0; k < from.size() && k < to.size(); k++)
            out.emplace_back(from[k], to[k]);
        std::sort(out.begin(), out.end());
        return out;
    };
    std::vector<bool> drop(edges.size(), false);
    for (size_t a = 0; a < edges.size(); a++) {
        auto reverse = linked.find({ends[a].second, ends[a].first});
        if (reverse == linked.end())
            continue;
        for (size_t b : reverse->second)
            if (pairs(edges[a].from_columns, edges[a].to_columns) == pairs(edges[b].to_columns, edges[b].from_columns))
                drop[a] = true;
    }
    size_t kept = 0;
    for (size_t a = 0; a < edges.size(); a++)
        if (!drop[a]) {
            if (kept != a)
                edges[kept] = std::move(edges[a]);
            kept++;
        }
    edges.resize(kept);
}

}  // namespace

std::vector<Candidate> relationship_candidates(const Schema& schema, const InferenceOptions& options) {
    return CandidateBuilder(schema, options).build();
}

std::vector<Relationship> decide_relationships(const Schema& schema, const std::vector<Candidate>& candidates,
                                               const std::vector<Containment>& evidence,
                                               const InferenceOptions& options) {
    struct Scored {
        size_t candidate;
        double confidence;
    };
    std::map<std::pair<size_t, std::vector<std::string>>, std::vector<Scored>> by_child;
    for (size_t i = 0; i < candidates.size(); i++) {
        const Candidate& cand = candidates[i];
        Containment data = i < evidence.size() ? evidence[i] : Containment{};
        double base = cand.name_score;
        double confidence;
        if (data.checked && data.sampled > 0) {
            double r = data.ratio();
            double support = std::min(1.0, static_cast<double>(data.sampled) / 20.0);
            // Surrogate keys 1..N contain the values of many other columns, so containment
            // confirms a name more than it proves an edge: weak names stay weak.
            if (r >= 0.98)
                confidence = base + (1.0 - base) * 0.6 * support * base;
            else if (r >= 0.9)
                confidence = base * (0.75 + 2.0 * (r - 0.9));  // a few orphans: dirty but real
            else
                confidence = base * r * 0.5;  // most values are not in the parent key
            // Values missing from the parent: a real edge of dirty data, or none. Either way
            // not above 0.9, so its test is a warning (dbt_plan.cpp makes sure of it).
            if (data.found < data.sampled)
                confidence = std::min(confidence, kOrphanCeiling);
        } else if (data.checked) {
            confidence = base * 0.9;  // nothing to look up: the child column is empty
        } else {
            confidence = base * 0.85;  // names only
        }
        // A column named like a table without any key suffix ("order", "level") is as often
        // a sort order or a measure as a reference: it needs values found in the parent.
        if (!(data.checked && data.sampled > 0) && !cand.signals.empty() && weak_without_data(cand))
            confidence *= 0.75;
        // A one-to-one of unknown direction needs its child's values in the parent (at least
        // 98% of the sample); the other direction then finds some missing (fewer returns
        // than sales).
        // Values within another table's say little about which way a one-to-one goes (fewer
        // internet sales than reseller sales, numbered alike): not above 0.85 either.
        if (cand.mutual)
            confidence = data.checked && data.sampled > 0 && data.ratio() >= kMutualContainment
                             ? std::min(confidence, kOrphanCeiling)
                             : confidence * 0.5;
        // Without data, a composite key with a date in it (emp_no, from_date) is a period of
        // the same entity more often than a reference to the other table's rows.
        if (!(data.checked && data.sampled > 0) && cand.child_columns.size() > 1 && temporal_part(schema, cand))
            confidence *= 0.5;
        by_child[{cand.child, cand.child_columns}].push_back({i, std::min(confidence, 0.99)});
    }

    std::vector<Relationship> out;
    std::vector<std::pair<size_t, size_t>> ends;  // (child, parent) of each edge in out
    for (auto& [child, scored] : by_child) {
        // The most likely target; between equals, the better known key (a declared one
        // before one assumed from a name).
        auto best = std::max_element(scored.begin(), scored.end(), [&](const Scored& a, const Scored& b) {
            if (a.confidence != b.confidence)
                return a.confidence < b.confidence;
            return candidates[a.candidate].key > candidates[b.candidate].key;  // max_element keeps the first
        });
        if (best->confidence < options.min_confidence)
            continue;
        const Candidate& cand = candidates[best->candidate];
        const Relation& c = schema.relations[cand.child];
        const Relation& p = schema.relations[cand.parent];
        Relationship edge;
        edge.from_schema = c.schema;
        edge.from_table = c.name;
        edge.from_columns = cand.child_columns;
        edge.to_schema = p.schema;
        edge.to_table = p.name;
        edge.to_columns = cand.parent_columns;
        edge.source = "inferred";
        edge.confidence = best->confidence;
        // One-to-one when the child columns are a key: declared, or unique on enough rows that
        // it is not an accident of a small table.
        const Column* single = cand.child_columns.size() == 1 ? c.column(cand.child_columns[0]) : nullptr;
        bool unique_child = is_declared_key(c, cand.child_columns) ||
                            (single && unique_on_data(*single) &&
                             single->profile.value("distinct_in_sample", int64_t{0}) >= kMinRowsForDataCardinality);
        edge.cardinality = unique_child ? "one_to_one" : "many_to_one";
        nlohmann::json ev = nlohmann::json::object();
        ev["signals"] = cand.signals;
        ev["name_score"] = std::round(cand.name_score * 1000) / 1000;
        ev["target_key"] = key_kind_name(cand.key);
        ev["types"] = cand.exact_type ? "identical" : "compatible";
        if (cand.mutual)
            ev["direction"] = "from the data: the child columns are the child's key too";
        Containment data = best->candidate < evidence.size() ? evidence[best->candidate] : Containment{};
        if (data.checked) {
            ev["containment"] = {{"sampled", data.sampled},
                                 {"found", data.found},
                                 {"ratio", std::round(data.ratio() * 10000) / 10000}};
            ev["orphans"] = data.sampled - data.found;  // distinct child values not in the parent
            if (data.sampled == 0)
                ev["data"] = "no values in the child column: names and keys only";
        } else {
            ev["containment"] = nullptr;
            ev["data"] = data.reason.empty() ? "not checked" : data.reason;
        }
        if (scored.size() > 1) {
            nlohmann::json others = nlohmann::json::array();
            for (const Scored& s : scored)
                if (s.candidate != best->candidate) {
                    const Candidate& o = candidates[s.candidate];
                    const Relation& op = schema.relations[o.parent];
                    others.push_back({{"table", op.schema + "." + op.name},
                                      {"columns", o.parent_columns},
                                      {"confidence", std::round(s.confidence * 1000) / 1000}});
                }
            ev["rejected_targets"] = others;
        }
        edge.evidence = std::move(ev);
        out.push_back(std::move(edge));
        ends.emplace_back(cand.child, cand.parent);
    }
    drop_reverse_pairs(out, ends);
    return out;
}

}  // namespace cartridge
