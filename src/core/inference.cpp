#include "core/inference.hpp"

#include "core/column_traits.hpp"
#include "core/naming.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>

namespace cartridge {

namespace {

using naming::ColumnName;
using naming::SuffixKind;

// Base scores of the naming signals: how often the rule names a real foreign key when the
// types fit. Data evidence then moves them up or down (decide_relationships).
constexpr double kSameNameAsKey = 0.90;     // orders.customer_id -> customers.customer_id
constexpr double kTableName = 0.85;         // customer_id, CustomerId, customerid -> customers
constexpr double kQualifiedTableName = 0.75;  // billing_customer_id -> customers
constexpr double kOwnerQualifiedTableName = 0.80;  // orders.status_id -> order_status
constexpr double kTableNameEndsWith = 0.60;  // status_id -> the one *_status table
constexpr double kSelfReference = 0.80;     // parent_id, reports_to -> own table
constexpr double kAbbreviation = 0.72;      // cust_id, o_custkey -> customer; ship_via -> shippers
constexpr double kQualifiedAbbreviation = 0.65;
constexpr double kCompositeSameNames = 0.85;  // (l_partkey, l_suppkey) -> partsupp
constexpr double kRoleName = 0.62;          // support_rep_id -> employees, created_by -> users
constexpr double kNamedAfterTable = 0.60;   // column "customer" -> customers
constexpr double kQualifiedNamedAfterTable = 0.50;

// Rows a child column must hold, all distinct, before the data alone makes an edge one-to-one.
constexpr int64_t kMinRowsForDataCardinality = 100;

bool eligible_relation(const Relation& r) {
    // Foreign keys live between tables; views and materialized views are left out, as the
    // catalog would never declare a foreign key on them.
    return r.kind == "table" || r.kind == "partitioned_table" || r.kind == "foreign_table";
}

bool key_capable(const Column& c) {
    switch (type_family(c)) {
    case TypeFamily::integer:
    case TypeFamily::text:
    case TypeFamily::uuid:
    case TypeFamily::date:
    case TypeFamily::other:
        return true;
    default:
        return false;
    }
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

struct TargetKey {
    size_t column;
    KeyKind kind;
    bool indexed;
};

struct CompositeKey {
    std::vector<size_t> columns;
    KeyKind kind;
    bool indexed;
};

struct TableInfo {
    bool eligible = false;
    std::string stem;
    std::string alternative_stem;  // "menus" -> "menu", which singular() leaves alone
    std::vector<std::string> stem_words;
    std::string prefix;
    std::vector<ColumnName> names;  // parallel to Relation::columns
    bool person = false;
    std::vector<TargetKey> keys;    // single-column keys, best first
    std::vector<CompositeKey> composite_keys;  // 2..4 columns
    std::unordered_map<std::string, size_t> column_by_normalized;
    std::set<std::vector<std::string>> declared_fk_columns;
};

size_t column_index(const Relation& r, const std::string& name) {
    for (size_t i = 0; i < r.columns.size(); i++)
        if (r.columns[i].name == name)
            return i;
    return r.columns.size();
}

// A column named like the table's own identifier: "id", "<stem>_id", or an abbreviation of
// the stem with a key suffix (c_custkey in customer).
bool names_own_identifier(const TableInfo& t, const ColumnName& n) {
    if (n.kind != SuffixKind::key)
        return false;
    if (n.core.empty())
        return true;
    std::string concept = naming::concept_of(n.core);
    if (concept == t.stem || (!t.alternative_stem.empty() && concept == t.alternative_stem))
        return true;
    // "cust" names a customer table, but "tag" does not name taggings: derivations are
    // other concepts, so only well-known abbreviations count here.
    return n.core.size() == 1 && t.stem_words.size() == 1 && naming::is_known_abbreviation(n.core[0], t.stem_words[0]);
}

class CandidateBuilder {
public:
    CandidateBuilder(const Schema& schema, const InferenceOptions& options) : schema_(schema), options_(options) {
        tables_.resize(schema.relations.size());
        for (size_t i = 0; i < schema.relations.size(); i++)
            describe(i);
        for (size_t i = 0; i < tables_.size(); i++)
            if (tables_[i].eligible)
                index_targets(i);
    }

    std::vector<Candidate> build() {
        for (size_t i = 0; i < tables_.size(); i++) {
            if (!tables_[i].eligible)
                continue;
            for (size_t c = 0; c < schema_.relations[i].columns.size(); c++)
                single_column_candidates(i, c);
        }
        composite_candidates();
        return rank();
    }

private:
    struct Found {
        size_t table;
        const char* signal;
        double score;
    };

    void describe(size_t i) {
        const Relation& r = schema_.relations[i];
        TableInfo& t = tables_[i];
        t.eligible = eligible_relation(r);
        if (!t.eligible)
            return;
        t.stem_words = naming::table_words(r.name);
        t.stem = naming::concept_of(t.stem_words);
        if (!t.stem_words.empty())
            t.stem_words.back() = naming::singular(t.stem_words.back());
        t.person = naming::is_person_entity(t.stem);
        // singular() keeps "-us" and "-is" words whole (status, analysis); a table named
        // "menus" or "taxis" is still found from "menu_id" and "taxi_id".
        if (!t.stem_words.empty()) {
            const std::string& last = t.stem_words.back();
            if (last.size() > 3 && last.back() == 's') {
                std::vector<std::string> alt = t.stem_words;
                alt.back().pop_back();
                t.alternative_stem = naming::concept_of(alt);
            }
        }
        std::vector<std::string> column_names;
        for (const Column& c : r.columns)
            column_names.push_back(c.name);
        t.prefix = naming::column_prefix(column_names, r.name);
        for (const Column& c : r.columns) {
            t.names.push_back(naming::parse_column_name(c.name, t.prefix));
            t.column_by_normalized.emplace(t.names.back().normalized, t.names.size() - 1);
        }
        for (const Constraint& con : r.constraints)
            if (con.type == "foreign_key")
                t.declared_fk_columns.insert(con.columns);

        // Targets: declared keys first; when none is declared, columns that behave as keys on
        // the data (or, without a profile, are named like the table's identifier).
        bool pk_seen = false;
        for (const std::vector<std::string>& key : declared_keys(r)) {
            bool is_pk = !pk_seen && key == r.primary_key();
            pk_seen = pk_seen || is_pk;
            if (key.size() == 1) {
                size_t col = column_index(r, key[0]);
                if (col < r.columns.size())
                    t.keys.push_back({col, is_pk ? KeyKind::primary_key : KeyKind::unique, true});
            } else if (key.size() <= 4) {
                std::vector<size_t> cols;
                for (const std::string& name : key)
                    cols.push_back(column_index(r, name));
                if (std::all_of(cols.begin(), cols.end(), [&](size_t c) { return c < r.columns.size(); }))
                    t.composite_keys.push_back({std::move(cols), is_pk ? KeyKind::primary_key : KeyKind::unique, true});
            }
        }
        if (!t.keys.empty() || !t.composite_keys.empty())
            return;
        // An empty table (or one not profiled) cannot show its keys; its name has to do.
        auto data_key = [&](size_t c) -> std::optional<KeyKind> {
            const Column& col = r.columns[c];
            if (!key_capable(col))
                return std::nullopt;
            if (unique_on_data(col))
                return KeyKind::data_unique;
            if (!is_profiled(col) || empty_on_data(col))
                return KeyKind::assumed;
            return std::nullopt;
        };
        for (size_t c = 0; c < r.columns.size(); c++)
            if (names_own_identifier(t, t.names[c]))
                if (auto kind = data_key(c))
                    t.keys.push_back({c, *kind, false});
        // No column named after the table: the first column, when it is named like a key
        // (customer_demographics.customer_type_id).
        if (t.keys.empty() && !r.columns.empty() && t.names[0].kind == SuffixKind::key && !t.names[0].core.empty())
            if (auto kind = data_key(0))
                t.keys.push_back({0, *kind, false});
        // A pair of columns the profile found unique together (partsupp without its key).
        if (t.keys.empty())
            for (size_t c = 0; c < r.columns.size(); c++) {
                std::vector<std::string> with = unique_with(r.columns[c]);
                if (with.empty())
                    continue;
                std::vector<size_t> cols = {c};
                for (const std::string& name : with)
                    cols.push_back(column_index(r, name));
                if (cols.size() <= 4 && std::all_of(cols.begin(), cols.end(), [&](size_t k) { return k < r.columns.size(); }))
                    t.composite_keys.push_back({std::move(cols), KeyKind::data_unique, false});
            }
    }

    void index_targets(size_t i) {
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
        for (const TargetKey& key : t.keys) {
            const ColumnName& n = t.names[key.column];
            if (!n.core.empty())
                by_key_name_[n.normalized].push_back({i, key.column});
        }
    }

    void single_column_candidates(size_t i, size_t c) {
        const Relation& r = schema_.relations[i];
        const TableInfo& t = tables_[i];
        const Column& column = r.columns[c];
        const ColumnName& n = t.names[c];
        if (n.words.empty() || !key_capable(column) || t.declared_fk_columns.count({column.name}))
            return;

        std::vector<Found> found;
        bool own = names_own_identifier(t, n);
        if (!own) {
            if (n.kind == SuffixKind::key && !n.core.empty()) {
                auto it = by_key_name_.find(n.normalized);
                if (it != by_key_name_.end())
                    for (const auto& [table, key_column] : it->second)
                        if (table != i)
                            add(i, c, table, key_column, "same_name_as_key", kSameNameAsKey);
            }
            if (n.kind != SuffixKind::none) {
                for (size_t k = 0; k < n.core.size(); k++) {
                    std::vector<std::string> sub(n.core.begin() + static_cast<long>(k), n.core.end());
                    lookup(by_stem_, naming::concept_of(sub), k == 0 ? "table_name" : "qualified_table_name",
                           k == 0 ? kTableName : kQualifiedTableName, found);
                    if (sub.size() == 1)
                        lookup(by_abbreviation_, naming::singular(sub[0]),
                               k == 0 ? "abbreviation" : "qualified_abbreviation",
                               k == 0 ? kAbbreviation : kQualifiedAbbreviation, found);
                }
                // Lookup tables named after their owner: orders.status_id -> order_status,
                // products.category_id -> product_categories.
                if (!n.core.empty() && !t.stem_words.empty()) {
                    std::vector<std::string> owned = {t.stem_words.front()};
                    owned.insert(owned.end(), n.core.begin(), n.core.end());
                    lookup(by_stem_, naming::concept_of(owned), "owner_qualified_table_name", kOwnerQualifiedTableName,
                           found);
                    if (t.stem_words.size() > 1) {
                        owned = t.stem_words;
                        owned.insert(owned.end(), n.core.begin(), n.core.end());
                        lookup(by_stem_, naming::concept_of(owned), "owner_qualified_table_name",
                               kOwnerQualifiedTableName, found);
                    }
                }
                // Nothing else: the one table whose name ends with the word ("status_id" when
                // the only status table is order_status).
                if (found.empty() && !has_candidate(i, c) && n.core.size() == 1) {
                    auto it = by_last_word_.find(naming::singular(n.core[0]));
                    if (it != by_last_word_.end() && it->second.size() == 1)
                        found.push_back({it->second[0], "table_name_ends_with", kTableNameEndsWith});
                }
                // Role words only when the name found no table of its own: "user_id" goes to
                // users when there is one, to customers or accounts only when there is not.
                bool named = !found.empty() || has_candidate(i, c);
                for (const std::string& word : named ? std::vector<std::string>{} : n.core) {
                    const std::vector<std::string>& roles = naming::role_targets(word);
                    for (size_t rank = 0; rank < roles.size(); rank++)
                        lookup(by_stem_, roles[rank], "role_name", kRoleName - 0.02 * static_cast<double>(rank), found);
                }
            } else {
                for (size_t k = 0; k < n.core.size(); k++) {
                    std::vector<std::string> sub(n.core.begin() + static_cast<long>(k), n.core.end());
                    lookup(by_stem_, naming::concept_of(sub), k == 0 ? "named_after_table" : "qualified_named_after_table",
                           k == 0 ? kNamedAfterTable : kQualifiedNamedAfterTable, found);
                }
            }
        }
        // Self references: parent_id anywhere; manager_id and reports_to where rows are people.
        // The other words must name nothing else: "parent_category_id" in categories is a self
        // reference, "original_language_id" in film points to language.
        if (n.kind != SuffixKind::none || n.core.size() > 1 || (n.core.size() == 1 && n.core[0] == "parent")) {
            for (size_t k = 0; k < n.core.size(); k++) {
                const std::string& word = n.core[k];
                bool self = naming::is_self_reference_word(word) ||
                            (t.person && naming::is_person_self_reference_word(word));
                std::vector<std::string> rest = n.core;
                rest.erase(rest.begin() + static_cast<long>(k));
                if (self && (rest.empty() || naming::concept_of(rest) == t.stem))
                    found.push_back({i, "self_reference", kSelfReference});
            }
        }
        for (const Found& f : found) {
            if (f.table == i && std::string(f.signal) != "self_reference")
                continue;  // a table refers to itself only through the self-reference words
            size_t key_column = choose_key(f.table, column, n, c, f.table == i);
            if (key_column != npos)
                add(i, c, f.table, key_column, f.signal, f.score);
        }
    }

    bool has_candidate(size_t child, size_t column) const {
        auto it = found_.lower_bound(std::make_tuple(child, std::vector<size_t>{column}, size_t{0}));
        return it != found_.end() && std::get<0>(it->first) == child && std::get<1>(it->first) == std::vector<size_t>{column};
    }

    static void lookup(const std::unordered_map<std::string, std::vector<size_t>>& index, const std::string& key,
                       const char* signal, double score, std::vector<Found>& found) {
        auto it = index.find(key);
        if (it == index.end())
            return;
        for (size_t table : it->second)
            found.push_back({table, signal, score});
    }

    static constexpr size_t npos = static_cast<size_t>(-1);

    // The key of `table` a child column most likely refers to: same name first, then a key
    // whose suffix agrees (code with code, id with id), then the primary key; types must fit.
    size_t choose_key(size_t table, const Column& child, const ColumnName& n, size_t child_column, bool self) const {
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
            const ColumnName& kn = t.names[key.column];
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

    void add(size_t child, size_t child_column, size_t parent, size_t parent_column, const char* signal, double score) {
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

    void composite_candidates() {
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
            for (const CompositeKey& key : parent.composite_keys) {
                bool meaningful = false;
                const std::vector<size_t>* rarest = nullptr;
                for (size_t col : key.columns) {
                    const ColumnName& n = parent.names[col];
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

    void composite_candidate(size_t child, size_t parent, const CompositeKey& composite) {
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
            auto it = c.column_by_normalized.find(p.names[col].normalized);
            if (it == c.column_by_normalized.end() || !key_types_compatible(cr.columns[it->second], pr.columns[col]))
                return;
            child_cols.push_back(it->second);
            cand.child_columns.push_back(cr.columns[it->second].name);
            cand.parent_columns.push_back(pr.columns[col].name);
        }
        if (c.declared_fk_columns.count(cand.child_columns))
            return;
        // Both sides keyed by the same columns is a one-to-one of unknown direction: skip.
        for (const std::vector<std::string>& own : declared_keys(cr)) {
            std::set<std::string> a(own.begin(), own.end());
            std::set<std::string> b(cand.child_columns.begin(), cand.child_columns.end());
            if (a == b)
                return;
        }
        cand.exact_type = true;
        for (size_t k = 0; k < key.size(); k++)
            cand.exact_type = cand.exact_type && key_types_identical(cr.columns[child_cols[k]], pr.columns[key[k]]);
        // The child's columns must not be a key of the child as well (one-to-one of unknown
        // direction), whether declared (above) or found on the data.
        if (composite.kind == KeyKind::data_unique)
            for (const CompositeKey& own : c.composite_keys) {
                std::set<size_t> a(own.columns.begin(), own.columns.end());
                if (a == std::set<size_t>(child_cols.begin(), child_cols.end()))
                    return;
            }
        cand.key = composite.kind;
        cand.parent_indexed = composite.indexed;
        cand.signals = {"composite_same_names"};
        cand.name_score = kCompositeSameNames;
        found_.emplace(std::make_tuple(child, child_cols, parent), std::move(cand));
    }

    // Adjusts name scores for the key kind, types and schemas, then keeps the best few
    // targets of each child column set.
    std::vector<Candidate> rank() {
        std::map<std::pair<size_t, std::vector<std::string>>, std::vector<Candidate>> by_child;
        for (auto& [key, cand] : found_) {
            double score = cand.name_score * key_factor(cand.key);
            if (cand.exact_type)
                score += 0.02;
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

    const Schema& schema_;
    const InferenceOptions& options_;
    std::vector<TableInfo> tables_;
    std::unordered_map<std::string, std::vector<size_t>> by_stem_;
    std::unordered_map<std::string, std::vector<size_t>> by_abbreviation_;
    std::unordered_map<std::string, std::vector<size_t>> by_last_word_;
    std::unordered_map<std::string, std::vector<std::pair<size_t, size_t>>> by_key_name_;
    std::map<std::tuple<size_t, std::vector<size_t>, size_t>, Candidate> found_;
};

bool weak_without_data(const std::string& signal) {
    return signal == "named_after_table" || signal == "qualified_named_after_table" || signal == "table_name_ends_with";
}

bool is_declared_key(const Relation& r, const std::vector<std::string>& columns) {
    std::set<std::string> wanted(columns.begin(), columns.end());
    for (const std::vector<std::string>& key : declared_keys(r))
        if (std::set<std::string>(key.begin(), key.end()) == wanted)
            return true;
    return false;
}

}  // namespace

const char* key_kind_name(KeyKind kind) {
    switch (kind) {
    case KeyKind::primary_key: return "primary_key";
    case KeyKind::unique: return "unique";
    case KeyKind::data_unique: return "unique_on_data";
    case KeyKind::assumed: return "assumed_from_name";
    }
    return "primary_key";
}

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
        } else if (data.checked) {
            confidence = base * 0.9;  // nothing to look up: the child column is empty
        } else {
            confidence = base * 0.85;  // names only
        }
        // A column named like a table without any key suffix ("order", "level") is as often
        // a sort order or a measure as a reference: it needs values found in the parent.
        if (!(data.checked && data.sampled > 0) && !cand.signals.empty() && weak_without_data(cand.signals.front()))
            confidence *= 0.75;
        by_child[{cand.child, cand.child_columns}].push_back({i, std::min(confidence, 0.99)});
    }

    std::vector<Relationship> out;
    for (auto& [child, scored] : by_child) {
        auto best = std::max_element(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
            return a.confidence < b.confidence;  // max_element keeps the first of equals
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
        Containment data = best->candidate < evidence.size() ? evidence[best->candidate] : Containment{};
        if (data.checked) {
            ev["containment"] = {{"sampled", data.sampled},
                                 {"found", data.found},
                                 {"ratio", std::round(data.ratio() * 10000) / 10000}};
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
    }
    return out;
}

std::vector<Relationship> names_only_baseline(const Schema& schema) {
    // Lower-case table name (and its singular) -> table with a one-column primary key.
    std::unordered_map<std::string, size_t> tables;
    auto lower = [](std::string s) {
        std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return std::tolower(ch); });
        return s;
    };
    for (size_t i = 0; i < schema.relations.size(); i++) {
        const Relation& r = schema.relations[i];
        if (!eligible_relation(r) || r.primary_key().size() != 1)
            continue;
        tables.emplace(lower(r.name), i);
        tables.emplace(naming::singular(lower(r.name)), i);
    }
    std::vector<Relationship> out;
    for (size_t i = 0; i < schema.relations.size(); i++) {
        const Relation& r = schema.relations[i];
        if (!eligible_relation(r))
            continue;
        for (const Column& column : r.columns) {
            std::string name = lower(column.name);
            std::string stem;
            if (name.size() > 3 && name.compare(name.size() - 3, 3, "_id") == 0)
                stem = name.substr(0, name.size() - 3);
            else if (name.size() > 2 && name.compare(name.size() - 2, 2, "id") == 0)
                stem = name.substr(0, name.size() - 2);
            auto it = stem.empty() ? tables.end() : tables.find(stem);
            if (it == tables.end() || it->second == i)
                continue;
            const Relation& p = schema.relations[it->second];
            Relationship edge;
            edge.from_schema = r.schema;
            edge.from_table = r.name;
            edge.from_columns = {column.name};
            edge.to_schema = p.schema;
            edge.to_table = p.name;
            edge.to_columns = p.primary_key();
            edge.source = "inferred";
            edge.evidence = {{"signals", {"names_only_baseline"}}};
            out.push_back(std::move(edge));
        }
    }
    return out;
}

}  // namespace cartridge
