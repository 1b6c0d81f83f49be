// Candidate edges: the tables (names and keys), the indexes of targets by name, and the
// ranking of the candidates each naming signal (inference_name_signals.cpp,
// inference_composite.cpp) adds.
#include "core/inference_detail.hpp"

#include "core/column_traits.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace cartridge::inference_detail {

using naming::ColumnName;
using naming::SuffixKind;

bool eligible_relation(const Relation& r) {
    // Foreign keys live between tables; views and materialized views are left out, as the
    // catalog would never declare a foreign key on them.
    return r.kind == "table" || r.kind == "partitioned_table" || r.kind == "foreign_table";
}

double key_factor(KeyKind kind) {
    switch (kind) {
    case KeyKind::primary_key: return 1.0;
    case KeyKind::unique: return 0.97;
    case KeyKind::data_unique: return 0.93;
    case KeyKind::assumed: return 0.80;
    }
    return 1.0;
}

bool id_like_suffix(const std::string& suffix) {
    return suffix == "id" || suffix == "key" || suffix == "sk" || suffix == "fk" || suffix == "uuid" ||
           suffix == "guid" || suffix == "no" || suffix == "num" || suffix == "nbr" || suffix == "number";
}

CandidateBuilder::CandidateBuilder(const Schema& schema, const InferenceOptions& options)
    : schema_(schema), options_(options) {
    tables_.resize(schema.relations.size());
    for (size_t i = 0; i < schema.relations.size(); i++)
        describe(i);
    for (size_t i = 0; i < tables_.size(); i++)
        if (tables_[i].eligible)
            index_targets(i);
    for (size_t i = 0; i < tables_.size(); i++)
        if (tables_[i].eligible)
            index_key_names(i);
    for (size_t i = 0; i < tables_.size(); i++)
        if (tables_[i].eligible)
            describe_structure(i);
}

std::vector<Candidate> CandidateBuilder::build() {
    for (size_t i = 0; i < tables_.size(); i++) {
        if (!tables_[i].eligible)
            continue;
        for (size_t c = 0; c < schema_.relations[i].columns.size(); c++)
            single_column_candidates(i, c);
    }
    composite_candidates();
    return rank();
}

// A table's names, references and keys (table_keys.hpp).
void CandidateBuilder::describe(size_t i) {
    const Relation& r = schema_.relations[i];
    TableInfo& t = tables_[i];
    t.eligible = eligible_relation(r);
    if (!t.eligible)
        return;
    static_cast<TableNames&>(t) = table_names(r);
    t.person = naming::is_person_entity(t.stem);
    for (size_t c = 0; c < t.columns.size(); c++)
        t.column_by_normalized.emplace(t.columns[c].normalized, c);
    std::set<std::string> references;
    for (const Constraint& con : r.constraints)
        if (con.type == "foreign_key") {
            t.declared_fk_columns.insert(con.columns);
            if (con.columns.size() == 1)
                references.insert(con.columns[0]);
        }
    for (TableKey& key : find_keys(r, t, references)) {
        if (key.columns.size() == 1)
            t.keys.push_back({key.columns[0], key.kind, key.indexed});
        else
            t.composite_keys.push_back({std::move(key.columns), key.kind, key.indexed});
    }
}

void CandidateBuilder::index_targets(size_t i) {
    TableInfo& t = tables_[i];
    if (t.keys.empty())
        return;
    by_stem_[t.stem].push_back(i);
    if (!t.alternative_stem.empty())
        by_stem_[t.alternative_stem].push_back(i);
    if (t.stem_words.size() > 1)
        by_last_word_[t.stem_words.back()].push_back(i);
    if (t.stem_words.size() == 1)
        for (const std::string& abbreviation : naming::abbreviations_of(t.stem_words[0]))
            by_abbreviation_[abbreviation].push_back(i);
}

// Keys by their names, once every table is known by its name: a unique column that names
// another table (account_stats.account_id, besides its own id) is a one-to-one reference to
// it, not the key others refer to by that name.
void CandidateBuilder::index_key_names(size_t i) {
    const TableInfo& t = tables_[i];
    const bool has_primary_key = !t.keys.empty() && t.keys.front().kind == KeyKind::primary_key;
    for (const TargetKey& key : t.keys) {
        const ColumnName& n = t.columns[key.column];
        if (has_primary_key && key.kind != KeyKind::primary_key && names_other_table(i, n))
            continue;
        if (!n.core.empty())
            by_key_name_[n.normalized].push_back({i, key.column});
        // Also as written, when the table's prefix made it "id": products(prod_id, prod_name)
        // is referenced as prod_id.
        const ColumnName whole = naming::parse_column_name(schema_.relations[i].columns[key.column].name);
        if (n.core.empty() && !whole.core.empty() && whole.kind == SuffixKind::key)
            by_key_name_[whole.normalized].push_back({i, key.column});
    }
}

bool CandidateBuilder::has_candidate(size_t child, size_t column) const {
    auto it = found_.lower_bound(std::make_tuple(child, std::vector<size_t>{column}, size_t{0}));
    return it != found_.end() && std::get<0>(it->first) == child && std::get<1>(it->first) == std::vector<size_t>{column};
}

// Whether a key-suffixed column's words name a table other than `table` (customer_id).
bool CandidateBuilder::names_other_table(size_t table, const ColumnName& n) const {
    if (n.kind != SuffixKind::key || n.core.empty())
        return false;
    auto it = by_stem_.find(naming::concept_of(n.core));
    return it != by_stem_.end() && std::any_of(it->second.begin(), it->second.end(), [&](size_t t) { return t != table; });
}

// Whether the child table's name starts with all of the parent's words (PersonPhone and
// Person, order_items and orders; not its end: an EmailAddress is no Address).
bool CandidateBuilder::named_in_table(size_t child, size_t parent) const {
    const std::vector<std::string>& c = tables_[child].stem_words;
    const std::vector<std::string>& p = tables_[parent].stem_words;
    if (p.empty() || p.size() >= c.size())
        return false;
    auto same = [](const std::string& a, const std::string& b) { return naming::singular(a) == naming::singular(b); };
    return std::equal(p.begin(), p.end(), c.begin(), same);
}

void CandidateBuilder::lookup(const std::unordered_map<std::string, std::vector<size_t>>& index, const std::string& key,
                   const char* signal, double score, std::vector<Found>& found) {
    auto it = index.find(key);
    if (it == index.end())
        return;
    for (size_t table : it->second)
        found.push_back({table, signal, score});
}

// The key of `table` a child column most likely refers to: same name first, then a key
// whose suffix agrees (code with code, id with id), then the primary key; types must fit.
size_t CandidateBuilder::choose_key(size_t table, const Column& child, const ColumnName& n, size_t child_column,
                                    bool self) const {
    const TableInfo& t = tables_[table];
    const Relation& r = schema_.relations[table];
    size_t best = npos;
    int best_rank = -1;
    for (const TargetKey& key : t.keys) {
        if (self && key.column == child_column)
            continue;
        const Column& parent = r.columns[key.column];
        if (!key_types_compatible(child, parent))
            continue;
        const ColumnName& kn = t.columns[key.column];
        int rank = 0;
        if (kn.normalized == n.normalized)
            rank += 8;
        if (!n.suffix.empty() && !kn.suffix.empty() &&
            (kn.suffix == n.suffix || (id_like_suffix(kn.suffix) && id_like_suffix(n.suffix))))
            rank += 4;
        if (key.kind == KeyKind::primary_key)
            rank += 2;
        if (key_types_identical(child, parent))
            rank += 1;
        if (rank > best_rank) {
            best_rank = rank;
            best = key.column;
        }
    }
    return best;
}

void CandidateBuilder::add(size_t child, size_t child_column, size_t parent, size_t parent_column, const char* signal, double score) {
    const Relation& c = schema_.relations[child];
    const Relation& p = schema_.relations[parent];
    if (!key_types_compatible(c.columns[child_column], p.columns[parent_column]))
        return;
    if (child == parent && child_column == parent_column)
        return;
    auto key = std::make_tuple(child, std::vector<size_t>{child_column}, parent);
    auto it = found_.find(key);
    if (it == found_.end()) {
        Candidate cand;
        cand.child = child;
        cand.child_columns = {c.columns[child_column].name};
        cand.parent = parent;
        cand.parent_columns = {p.columns[parent_column].name};
        cand.exact_type = key_types_identical(c.columns[child_column], p.columns[parent_column]);
        for (const TargetKey& k : tables_[parent].keys)
            if (k.column == parent_column) {
                cand.key = k.kind;
                cand.parent_indexed = k.indexed;
            }
        it = found_.emplace(key, std::move(cand)).first;
    }
    Candidate& cand = it->second;
    if (std::find(cand.signals.begin(), cand.signals.end(), signal) == cand.signals.end()) {
        if (score > cand.name_score)
            cand.signals.insert(cand.signals.begin(), signal);
        else
            cand.signals.push_back(signal);
    }
    cand.name_score = std::max(cand.name_score, score);
}

// A column that is its own table's key and only shares its name with another table's key,
// which neither its name nor its table's name is named after: rowguid, account_number and
// transaction_id in an archive are each table's own, more often than one table extending
// the other.
bool CandidateBuilder::unnamed_one_to_one(const Candidate& cand, size_t child_column) const {
    return std::all_of(cand.signals.begin(), cand.signals.end(),
                       [](const std::string& s) { return s == "same_name_as_key"; }) &&
           tables_[cand.child].keyed_by(child_column);
}

// Adjusts name scores for the key kind, types and schemas, then keeps the best few
// targets of each child column set.
std::vector<Candidate> CandidateBuilder::rank() {
    std::map<std::pair<size_t, std::vector<std::string>>, std::vector<Candidate>> by_child;
    for (auto& [key, cand] : found_) {
        double score = cand.name_score * key_factor(cand.key);
        if (std::get<1>(key).size() == 1 && unnamed_one_to_one(cand, std::get<1>(key)[0]))
            score *= kUnnamedOneToOne;
        if (cand.exact_type)
            score += 0.02;
        // Two rules agreeing (the key's name, and the table the column names) break a tie
        // with one rule alone (the key's name of one of its subtypes).
        if (cand.signals.size() > 1)
            score += 0.01;
        const Relation& c = schema_.relations[cand.child];
        const Relation& p = schema_.relations[cand.parent];
        score += c.schema == p.schema ? 0.02 : -0.03;
        cand.name_score = std::min(score, 0.99);
        by_child[{cand.child, cand.child_columns}].push_back(std::move(cand));
    }
    std::vector<Candidate> out;
    for (auto& [child, list] : by_child) {
        std::stable_sort(list.begin(), list.end(),
                         [](const Candidate& a, const Candidate& b) { return a.name_score > b.name_score; });
        if (list.size() > options_.max_targets_per_column)
            list.resize(options_.max_targets_per_column);
        for (Candidate& cand : list)
            out.push_back(std::move(cand));
    }
    return out;
}

}  // namespace cartridge::inference_detail
