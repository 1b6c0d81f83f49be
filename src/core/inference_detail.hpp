// Internals of relationship inference shared by its source files (not an interface):
// inference_candidates.cpp (tables, their keys, ranking), inference_name_signals.cpp (one
// column: what its name says), inference_composite.cpp (several columns named like a
// composite key), inference.cpp (data evidence and the decision).
#pragma once

#include "core/inference.hpp"
#include "core/naming.hpp"
#include "core/table_keys.hpp"

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace cartridge::inference_detail {

// Base scores of the naming signals: how often the rule names a real foreign key when the
// types fit. Data evidence then moves them up or down (decide_relationships).
constexpr double kSameNameAsKey = 0.90;     // orders.customer_id -> customers.customer_id
// The same, and the child table's name starts with the parent's: of several tables
// sharing one key name (a supertype and its subtypes), the one the child is named after.
constexpr double kKeyOfNamedTable = 0.96;   // PersonPhone.BusinessEntityID -> Person
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
// Structure (inference_structure_signals.cpp): what the shape and names of the child table say.
constexpr double kLinkTableOrdinal = 0.85;      // l_artist_label(entity0, entity1) -> artist, label
constexpr double kExtensionOfTable = 0.80;      // artist_meta(id) -> artist(id)
constexpr double kNamedAfterPrefixTable = 0.80;  // artist_alias(artist) -> artist
constexpr double kHierarchyOfTable = 0.75;      // area_containment(parent, descendant) -> area
constexpr double kKeyAbbreviation = 0.75;       // ss_cdemo_sk -> customer_demographics(cd_demo_sk)
constexpr double kTablePrefix = 0.60;           // artist_gid_redirect(new_id) -> artist
constexpr double kLoneActor = 0.60;             // voter, owner -> the one table of people
// Tables whose own key has one name before the name is too common to point at any of them.
constexpr size_t kGenericKeyTables = 3;
// Factor on a one-to-one edge that only a shared key name supports (unnamed_one_to_one).
constexpr double kUnnamedOneToOne = 0.50;

bool eligible_relation(const Relation& r);
double key_factor(KeyKind kind);
bool id_like_suffix(const std::string& suffix);

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

// A table as candidates are built: what its names say (TableNames::columns parallel to
// Relation::columns) and the keys it may be referenced by.
struct TableInfo : TableNames {
    bool eligible = false;
    bool person = false;
    size_t prefix_parent = static_cast<size_t>(-1);  // the table named by the start of this one's name
    std::pair<size_t, size_t> link_parents{static_cast<size_t>(-1), static_cast<size_t>(-1)};  // l_a_b
    std::vector<TargetKey> keys;               // single-column keys, best first
    std::vector<CompositeKey> composite_keys;  // 2..4 columns
    std::unordered_map<std::string, size_t> column_by_normalized;
    std::set<std::vector<std::string>> declared_fk_columns;

    // Whether the column alone is one of the table's keys (declared or found on the data).
    bool keyed_by(size_t column) const {
        for (const TargetKey& k : keys)
            if (k.column == column && k.kind != KeyKind::assumed)
                return true;
        return false;
    }
};

class CandidateBuilder {
public:
    CandidateBuilder(const Schema& schema, const InferenceOptions& options);
    std::vector<Candidate> build();

private:
    struct Found {
        size_t table;
        const char* signal;
        double score;
    };
    static constexpr size_t npos = static_cast<size_t>(-1);

    void describe(size_t i);
    void index_targets(size_t i);
    void index_key_names(size_t i);
    bool names_other_table(size_t table, const naming::ColumnName& n) const;
    void single_column_candidates(size_t i, size_t c);
    void describe_structure(size_t i);
    void structure_candidates(size_t i, size_t c, bool own, std::vector<Found>& found);
    size_t lone_table(const std::string& stem) const;
    bool has_candidate(size_t child, size_t column) const;
    bool named_in_table(size_t child, size_t parent) const;
    bool unnamed_one_to_one(const Candidate& cand, size_t child_column) const;
    static void lookup(const std::unordered_map<std::string, std::vector<size_t>>& index, const std::string& key,
                       const char* signal, double score, std::vector<Found>& found);
    size_t choose_key(size_t table, const Column& child, const naming::ColumnName& n, size_t child_column,
                      bool self) const;
    void add(size_t child, size_t child_column, size_t parent, size_t parent_column, const char* signal, double score);
    void composite_candidates();
    void composite_candidate(size_t child, size_t parent, const CompositeKey& composite);
    std::vector<Candidate> rank();

    const Schema& schema_;
    const InferenceOptions& options_;
    std::vector<TableInfo> tables_;
    std::unordered_map<std::string, std::vector<size_t>> by_stem_;
    std::unordered_map<std::string, std::vector<size_t>> by_abbreviation_;
    std::unordered_map<std::string, std::vector<size_t>> by_last_word_;
    std::unordered_map<std::string, std::vector<std::pair<size_t, size_t>>> by_key_name_;
    std::unordered_map<std::string, std::vector<std::pair<size_t, size_t>>> by_key_abbreviation_;
    std::vector<size_t> actor_tables_;  // tables of people or named by an actor's role (editor)
    std::map<std::tuple<size_t, std::vector<size_t>, size_t>, Candidate> found_;
};

}  // namespace cartridge::inference_detail
