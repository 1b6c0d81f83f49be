// What one column's name says it refers to: a key of the same name, a table named in it
// (whole, qualified, abbreviated, owned by the column's table, ending with the word), a role
// of a person, or its own table (self references).
#include "core/inference_detail.hpp"

#include "core/column_traits.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace cartridge::inference_detail {

using naming::ColumnName;
using naming::SuffixKind;

namespace {

// A qualifier saying the id is another system's (legacy_order_id, external_user_id).
bool other_system_id(const ColumnName& n) {
    static const std::set<std::string> words = {"external", "legacy", "remote", "foreign", "upstream", "source",
                                                "import", "imported", "vendor", "partner", "provider", "third"};
    return std::any_of(n.core.begin(), n.core.end(), [](const std::string& w) { return words.count(w) > 0; });
}

}  // namespace

void CandidateBuilder::single_column_candidates(size_t i, size_t c) {
    const Relation& r = schema_.relations[i];
    const TableInfo& t = tables_[i];
    const Column& column = r.columns[c];
    const ColumnName& n = t.columns[c];
    if (n.words.empty() || !key_capable(column) || t.declared_fk_columns.count({column.name}))
        return;

    std::vector<Found> found;
    bool own = names_own_identifier(t, n);
    // The table's own one-column key (a subtype's, an archive's, a rowguid): what its table's
    // name says does not make it a reference (extension_of_table is the exception).
    const bool own_key = t.keyed_by(c);
    if (!own) {
        if (n.kind == SuffixKind::key && !n.core.empty()) {
            auto it = by_key_name_.find(n.normalized);
            // A key name many tables give their own rows and that names no table (rowguid,
            // gid) says nothing about which of them a column refers to.
            bool generic = it != by_key_name_.end() && it->second.size() >= kGenericKeyTables &&
                           by_stem_.count(naming::concept_of(n.core)) == 0;
            if (it != by_key_name_.end() && !generic) {
                // Of the tables the child's name starts with, the longest name
                // (user_profile_settings: user_profiles before users).
                size_t longest = 0;
                for (const auto& [table, key_column] : it->second)
                    if (table != i && !own_key && named_in_table(i, table))
                        longest = std::max(longest, tables_[table].stem_words.size());
                for (const auto& [table, key_column] : it->second)
                    if (table != i) {
                        add(i, c, table, key_column, "same_name_as_key", kSameNameAsKey);
                        if (longest > 0 && tables_[table].stem_words.size() == longest && named_in_table(i, table))
                            add(i, c, table, key_column, "key_of_named_table", kKeyOfNamedTable);
                    }
            }
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
            // the only status table is order_status; created_by_application_id and
            // oauth_applications).
            // A qualifier that names a table of its own (payment_status_id, with payments)
            // says the status is that table's, not the one status table's.
            bool qualifier_names_table =
                !n.core.empty() && std::any_of(n.core.begin(), n.core.end() - 1, [&](const std::string& w) {
                    return by_stem_.count(naming::singular(w)) > 0;
                });
            if (found.empty() && !has_candidate(i, c) && !n.core.empty() && !own_key && !qualifier_names_table) {
                auto it = by_last_word_.find(naming::singular(n.core.back()));
                if (it != by_last_word_.end() && it->second.size() == 1)
                    found.push_back({it->second[0], "table_name_ends_with", kTableNameEndsWith});
            }
            // Role words only when the name found no table of its own: "user_id" goes to
            // users when there is one, to customers or accounts only when there is not.
            bool named = !found.empty() || has_candidate(i, c);
            for (const std::string& word : named ? std::vector<std::string>{} : n.core) {
                // DimAccount.AccountCodeAlternateKey: "account" is this very table, not a role.
                if (naming::singular(word) == t.stem ||
                    (!t.stem_words.empty() && naming::singular(word) == t.stem_words.back()))
                    continue;
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
            // A lookup named by the column within its own table's name: artist.type ->
            // artist_type, release.packaging -> release_packaging.
            // The table's words as written: "artist_alias" + "type", not the singular "alia".
            if (!n.core.empty() && !t.stem_words.empty()) {
                std::vector<std::string> owned = naming::table_words(r.name);
                owned.insert(owned.end(), n.core.begin(), n.core.end());
                lookup(by_stem_, naming::concept_of(owned), "owner_qualified_table_name", kOwnerQualifiedTableName,
                       found);
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
    structure_candidates(i, c, own, found);
    for (const Found& f : found) {
        // A table refers to itself only through the self-reference words, or its own name
        // after a qualifier (accounts.moved_to_account_id, categories.parent_category_id).
        if (f.table == i && std::string(f.signal) != "self_reference" &&
            (std::string(f.signal) != "qualified_table_name" || own_key || other_system_id(n)))
            continue;
        size_t key_column = choose_key(f.table, column, n, c, f.table == i);
        if (key_column != npos)
            add(i, c, f.table, key_column, f.signal, f.score);
    }
}

}  // namespace cartridge::inference_detail
