// Several columns named like the columns of another table's composite key:
// (l_partkey, l_suppkey) -> partsupp (ps_partkey, ps_suppkey).
#include "core/inference_detail.hpp"

#include "core/column_traits.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace cartridge::inference_detail {

using naming::ColumnName;
using naming::SuffixKind;

void CandidateBuilder::composite_candidates() {
    // Child columns by normalized name, built once: the lookups below stay linear.
    std::unordered_map<std::string, std::vector<size_t>> tables_with_name;
    bool any = std::any_of(tables_.begin(), tables_.end(), [](const TableInfo& t) { return !t.composite_keys.empty(); });
    if (!any)
        return;
    for (size_t i = 0; i < tables_.size(); i++)
        if (tables_[i].eligible)
            for (const auto& [normalized, column] : tables_[i].column_by_normalized)
                tables_with_name[normalized].push_back(i);
    for (size_t p = 0; p < tables_.size(); p++) {
        const TableInfo& parent = tables_[p];
        // A table with a one-column primary key (id, a surrogate key) is referenced by it,
        // which is what such a key is for: a unique column set besides (a join table's
        // account_id, status_id; a natural key) is a rule on its rows, not a target.
        if (!parent.keys.empty() && parent.keys.front().kind == KeyKind::primary_key)
            continue;
        for (const CompositeKey& key : parent.composite_keys) {
            bool meaningful = false;
            const std::vector<size_t>* rarest = nullptr;
            for (size_t col : key.columns) {
                const ColumnName& n = parent.columns[col];
                meaningful = meaningful || !n.core.empty();
                auto it = tables_with_name.find(n.normalized);
                if (it == tables_with_name.end()) {
                    rarest = nullptr;
                    break;
                }
                if (!rarest || it->second.size() < rarest->size())
                    rarest = &it->second;
            }
            if (!meaningful || !rarest)
                continue;
            for (size_t child : *rarest)
                if (child != p)
                    composite_candidate(child, p, key);
        }
    }
}

void CandidateBuilder::composite_candidate(size_t child, size_t parent, const CompositeKey& composite) {
    const std::vector<size_t>& key = composite.columns;
    const TableInfo& c = tables_[child];
    const TableInfo& p = tables_[parent];
    const Relation& cr = schema_.relations[child];
    const Relation& pr = schema_.relations[parent];
    Candidate cand;
    cand.child = child;
    cand.parent = parent;
    std::vector<size_t> child_cols;
    for (size_t col : key) {
        auto it = c.column_by_normalized.find(p.columns[col].normalized);
        if (it == c.column_by_normalized.end() || !key_types_compatible(cr.columns[it->second], pr.columns[col]))
            return;
        child_cols.push_back(it->second);
        cand.child_columns.push_back(cr.columns[it->second].name);
        cand.parent_columns.push_back(pr.columns[col].name);
    }
    if (c.declared_fk_columns.count(cand.child_columns))
        return;
    // Both sides keyed by the same columns (store_returns and store_sales by item and
    // ticket) is a one-to-one of unknown direction: the data decides (decide_relationships).
    for (const std::vector<std::string>& own : declared_keys(cr)) {
        std::set<std::string> a(own.begin(), own.end());
        std::set<std::string> b(cand.child_columns.begin(), cand.child_columns.end());
        if (a == b)
            cand.mutual = true;
    }
    cand.exact_type = true;
    for (size_t k = 0; k < key.size(); k++)
        cand.exact_type = cand.exact_type && key_types_identical(cr.columns[child_cols[k]], pr.columns[key[k]]);
    // The same when the child's columns are a key found on the data.
    if (composite.kind == KeyKind::data_unique)
        for (const CompositeKey& own : c.composite_keys) {
            std::set<size_t> a(own.columns.begin(), own.columns.end());
            if (a == std::set<size_t>(child_cols.begin(), child_cols.end()))
                cand.mutual = true;
        }
    cand.key = composite.kind;
    cand.parent_indexed = composite.indexed;
    cand.signals = {"composite_same_names"};
    cand.name_score = kCompositeSameNames;
    found_.emplace(std::make_tuple(child, child_cols, parent), std::move(cand));
}

}  // namespace cartridge::inference_detail
