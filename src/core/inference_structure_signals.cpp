// What the shape of the child table says, where a column's name alone says little (most
// useful without rows): link tables whose name joins two tables and whose columns are
// ordinal roles, extension tables sharing their parent's key, tables named after their
// parent (artist_alias.artist, artist_gid_redirect.new_id), hierarchies of the table named
// first (area_containment.parent), key names abbreviated by initials or a word's start
// (ss_cdemo_sk -> cd_demo_sk, ss_addr_sk -> ca_address_sk), and a role (owner, voter)
// when the schema has one table of people.
#include "core/inference_detail.hpp"

#include "core/column_traits.hpp"

#include <algorithm>
#include <set>

namespace cartridge::inference_detail {

using naming::ColumnName;
using naming::SuffixKind;

namespace {

// The last word of a table that makes it an extension of the table its other words name.
bool extension_word(const std::string& word) {
    static const std::set<std::string> words = {"meta", "metadata", "ext", "extension", "extra", "detail",
                                                "info", "stat", "statistic", "setting", "preference", "profile"};
    return words.count(word) > 0;
}

// Columns of a hierarchy table that point at the table its name starts with.
bool hierarchy_word(const std::string& word) {
    static const std::set<std::string> words = {"parent", "child", "descendant", "ancestor", "root"};
    return words.count(word) > 0;
}

// Words of someone acting on a row (owner, creator, voter), which a table of people answers
// when nothing else does; not a staff role (manager) nor a party (customer).
bool actor_word(const std::string& word) {
    static const std::set<std::string> words = {"voter", "candidate", "proposer", "seconder", "nominee",
                                                "nominator", "follower", "voted", "proposed", "seconded"};
    return words.count(word) > 0 || (!naming::role_targets(word).empty() &&
                                     naming::role_targets(word) == naming::role_targets("owner"));
}

std::string initials(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words)
        if (!w.empty())
            out += w[0];
    return out;
}

}  // namespace

size_t CandidateBuilder::lone_table(const std::string& stem) const {
    auto it = by_stem_.find(stem);
    if (it == by_stem_.end())
        return npos;
    if (it->second.size() == 1)
        return it->second[0];
    // release and release_raw: the one named exactly so.
    size_t exact = npos;
    for (size_t table : it->second)
        if (naming::concept_of(naming::words(schema_.relations[table].name)) == stem) {
            if (exact != npos)
                return npos;
            exact = table;
        }
    return exact;
}

void CandidateBuilder::describe_structure(size_t i) {
    TableInfo& t = tables_[i];
    // The longest start of the name that names another table: artist_alias -> artist,
    // release_group_meta -> release_group.
    for (size_t k = t.stem_words.size(); k-- > 1;) {
        size_t parent = lone_table(naming::concept_of({t.stem_words.begin(), t.stem_words.begin() + static_cast<long>(k)}));
        if (parent != npos && parent != i) {
            t.prefix_parent = parent;
            break;
        }
    }
    // A link table: a one-letter mark, then the names of two tables (l_artist_label).
    std::vector<std::string> w = naming::words(schema_.relations[i].name);
    if (w.size() >= 3 && w[0].size() == 1) {
        w.erase(w.begin());
        for (size_t k = 1; k < w.size(); k++) {
            size_t a = lone_table(naming::concept_of({w.begin(), w.begin() + static_cast<long>(k)}));
            size_t b = lone_table(naming::concept_of({w.begin() + static_cast<long>(k), w.end()}));
            if (a != npos && b != npos) {
                t.link_parents = {a, b};
                break;
            }
        }
    }
    if (t.keys.empty())
        return;
    // A table of people is named by one word (users, editor; project_member is a link).
    if (t.stem_words.size() == 1 && (t.person || actor_word(t.stem_words[0])))
        actor_tables_.push_back(i);
    // Key names by initials of the table and by the start of the key's word.
    for (const TargetKey& key : t.keys) {
        const ColumnName& kn = t.columns[key.column];
        // The key's word, after the table's initials when the column prefix was not
        // recognized as such (cd_demo_sk: "cd" also abbreviates "code").
        std::vector<std::string> core = kn.core;
        if (core.size() == 2 && core[0] == initials(t.stem_words))
            core.erase(core.begin());
        if (kn.kind != SuffixKind::key || core.size() != 1)
            continue;
        const std::string& word = core[0];
        std::set<std::string> forms;
        if (t.stem_words.size() >= 2)
            forms.insert(initials({t.stem_words.begin(), t.stem_words.end() - 1}) + word);
        for (size_t n = 4; n < word.size(); n++)
            forms.insert(word.substr(0, n));
        for (const std::string& form : forms)
            by_key_abbreviation_[form + "\x1f" + kn.suffix].push_back({i, key.column});
    }
}

void CandidateBuilder::structure_candidates(size_t i, size_t c, bool own, std::vector<Found>& found) {
    const TableInfo& t = tables_[i];
    const Relation& r = schema_.relations[i];
    const ColumnName& n = t.columns[c];
    const std::vector<std::string> raw = naming::words(r.columns[c].name);
    // l_artist_label(entity0, entity1): the ordinal says which of the two tables.
    if (t.link_parents.first != npos && raw.size() >= 2 && (raw.back() == "0" || raw.back() == "1")) {
        found.push_back({raw.back() == "0" ? t.link_parents.first : t.link_parents.second, "link_table_ordinal",
                         kLinkTableOrdinal});
        return;
    }
    if (own) {
        // artist_meta(id): one row per artist, keyed by the artist's key.
        bool keyed = std::any_of(t.keys.begin(), t.keys.end(), [&](const TargetKey& k) {
            return k.column == c && (k.kind == KeyKind::primary_key || k.kind == KeyKind::unique);
        });
        // Not when another column names the parent (account_stats(id, account_id)).
        const std::string& parent_stem = t.prefix_parent != npos ? tables_[t.prefix_parent].stem : std::string();
        bool referenced_otherwise = std::any_of(t.columns.begin(), t.columns.end(), [&](const ColumnName& other) {
            return other.kind == SuffixKind::key && !other.core.empty() && naming::concept_of(other.core) == parent_stem;
        });
        if (keyed && t.prefix_parent != npos && !t.stem_words.empty() && extension_word(t.stem_words.back()) &&
            !referenced_otherwise)
            found.push_back({t.prefix_parent, "extension_of_table", kExtensionOfTable});
        return;
    }
    const bool named = !found.empty() || has_candidate(i, c);
    // artist_alias(artist): the column names the table its own table is named after.
    if (t.prefix_parent != npos)
        for (const Found& f : std::vector<Found>(found))
            if (f.table == t.prefix_parent && std::string(f.signal) == "named_after_table")
                found.push_back({f.table, "named_after_prefix_table", kNamedAfterPrefixTable});
    // editor_collection_artist(collection): the last word of the table it is named after.
    if (t.prefix_parent != npos && n.kind == SuffixKind::none && n.core.size() == 1 &&
        !tables_[t.prefix_parent].stem_words.empty() && tables_[t.prefix_parent].stem_words.size() > 1 &&
        naming::singular(n.core[0]) == tables_[t.prefix_parent].stem_words.back())
        found.push_back({t.prefix_parent, "named_after_prefix_table", kNamedAfterPrefixTable});
    // area_containment(parent, descendant) -> area.
    if (t.prefix_parent != npos && n.core.size() == 1 && hierarchy_word(n.core[0]))
        found.push_back({t.prefix_parent, "hierarchy_of_table", kHierarchyOfTable});
    // ss_cdemo_sk -> customer_demographics(cd_demo_sk); ss_addr_sk -> customer_address(ca_address_sk).
    if (n.kind == SuffixKind::key && !n.core.empty()) {
        auto it = by_key_abbreviation_.find(n.core.back() + "\x1f" + n.suffix);
        if (it != by_key_abbreviation_.end())
            for (const auto& [table, key_column] : it->second)
                if (table != i)
                    add(i, c, table, key_column, "key_abbreviation", kKeyAbbreviation);
    }
    // What follows is for columns nothing else names, that are not their own table's key.
    if (named || has_candidate(i, c) ||
        std::any_of(t.keys.begin(), t.keys.end(), [&](const TargetKey& k) { return k.column == c; }))
        return;
    // voter, owner, seconder_1 -> the schema's one table of people (editor); a word that is
    // a table's name was looked up as such.
    if (actor_tables_.size() == 1 && actor_tables_[0] != i && !n.core.empty() && actor_word(n.core[0]) &&
        lone_table(naming::singular(n.core[0])) == npos && by_stem_.find(naming::singular(n.core[0])) == by_stem_.end()) {
        found.push_back({actor_tables_[0], "lone_actor", kLoneActor});
        return;
    }
    // artist_gid_redirect(new_id): an id named after nothing, in a table named after its parent
    // (not a number: sales_order_number, ticket_number are the row's own; one word: a
    // longer name, reference_order_id, names something other than the parent; nor another
    // table's key name, row_guid).
    if (t.prefix_parent != npos && n.kind == SuffixKind::key && n.core.size() == 1 &&
        by_key_name_.count(n.normalized) == 0 &&
        (n.suffix == "id" || n.suffix == "key" || n.suffix == "sk" || n.suffix == "fk" || n.suffix == "uuid" ||
         n.suffix == "guid"))
        found.push_back({t.prefix_parent, "table_prefix", kTablePrefix});
}

}  // namespace cartridge::inference_detail
