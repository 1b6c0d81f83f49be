#include "core/schema_diff.hpp"

#include "core/identifier.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <optional>
#include <tuple>
#include <unordered_map>

namespace cartridge {

namespace {

using nlohmann::json;

constexpr std::size_t none = static_cast<std::size_t>(-1);

const SqlQuoter& quoter() {
    static const SqlQuoter q;
    return q;
}

std::string qualified(const std::string& schema, const std::string& name) {
    return quoter().quote(schema) + "." + quoter().quote(name);
}

std::string qualified(const Relation& r) {
    return qualified(r.schema, r.name);
}

std::string member(const std::string& relation, const std::string& name) {
    return relation + "." + quoter().quote(name);
}

const auto name_of = [](const auto& item) -> const std::string& { return item.name; };

std::string name_key(const std::string& schema, const std::string& name) {
    return schema + '\0' + name;
}

// Old items paired with new ones: for each new item the index of its old one (or none),
// and the old items no new one took.
struct Matching {
    std::vector<std::size_t> old_of;
    std::vector<std::size_t> gone;
};

// Pairs old items with new ones: by a stable id where both know it (not 0), then by name
// among those left.
template <typename T, typename Id, typename Name>
Matching match(const std::vector<T>& old_items, const std::vector<T>& new_items, Id id, Name name) {
    Matching m{std::vector<std::size_t>(new_items.size(), none), {}};
    // Most relations did not change: then the items pair up in order, and no map is needed.
    auto same = [&](const T& a, const T& b) {
        return id(a) != 0 && id(b) != 0 ? id(a) == id(b) : name(a) == name(b);
    };
    if (old_items.size() == new_items.size() &&
        std::equal(old_items.begin(), old_items.end(), new_items.begin(), same)) {
        std::iota(m.old_of.begin(), m.old_of.end(), 0);
        return m;
    }
    std::vector<bool> taken(old_items.size(), false);
    auto pair = [&](std::size_t j, std::size_t i) {
        m.old_of[j] = i;
        taken[i] = true;
    };
    std::unordered_map<int64_t, std::size_t> by_id;
    for (std::size_t i = 0; i < old_items.size(); i++)
        if (id(old_items[i]) != 0)
            by_id.emplace(id(old_items[i]), i);
    if (!by_id.empty())
        for (std::size_t j = 0; j < new_items.size(); j++) {
            auto it = id(new_items[j]) != 0 ? by_id.find(id(new_items[j])) : by_id.end();
            if (it != by_id.end() && !taken[it->second])
                pair(j, it->second);
        }
    std::unordered_map<std::string, std::size_t> by_name;
    for (std::size_t i = 0; i < old_items.size(); i++)
        if (!taken[i])
            by_name.emplace(name(old_items[i]), i);
    for (std::size_t j = 0; j < new_items.size(); j++) {
        auto it = m.old_of[j] == none ? by_name.find(name(new_items[j])) : by_name.end();
        if (it != by_name.end() && !taken[it->second])
            pair(j, it->second);
    }
    for (std::size_t i = 0; i < old_items.size(); i++)
        if (!taken[i])
            m.gone.push_back(i);
    return m;
}

const auto no_id = [](const auto&) { return int64_t{0}; };

json to_json(const std::optional<std::string>& value) {
    return value ? json(*value) : json(nullptr);
}

json to_json(const std::vector<std::optional<std::string>>& values) {
    json out = json::array();
    for (const auto& v : values)
        out.push_back(to_json(v));
    return out;
}

template <typename T>
json to_json(const T& value) {
    return json(value);
}

// The fields of an object that differ between two scans, built only when one does.
struct Delta {
    json before, after;

    template <typename T>
    void field(const char* key, const T& old_value, const T& new_value) {
        if (old_value == new_value)
            return;
        before[key] = to_json(old_value);
        after[key] = to_json(new_value);
    }
    bool empty() const { return before.is_null(); }
    json detail() && { return {{"before", std::move(before)}, {"after", std::move(after)}}; }
};

// The columns of an old relation that have a new name: old name -> new name.
struct Renames {
    std::unordered_map<std::string, std::string> columns;

    bool any() const { return !columns.empty(); }
    // Column names (or index columns, nullopt for an expression) as the new scan has them.
    template <typename Names>
    Names mapped(const Names& names) const {
        Names out = names;
        for (auto& n : out) {
            auto rename = [&](std::string& name) {
                if (auto it = columns.find(name); it != columns.end())
                    name = it->second;
            };
            if constexpr (std::is_same_v<std::decay_t<decltype(n)>, std::string>)
                rename(n);
            else if (n)
                rename(*n);
        }
        return out;
    }
};

class SchemaDiff {
public:
    SchemaDiff(const Schema& old_scan, const Schema& new_scan) : old_(old_scan), new_(new_scan) {}

    std::vector<Change> run() {
        match_relations();
        // Every rename first: a foreign key's comparison needs those of the table it references.
        columns_.resize(new_.relations.size());
        for (std::size_t j = 0; j < new_.relations.size(); j++)
            if (old_of_[j] != none)
                match_columns(old_.relations[old_of_[j]], new_.relations[j], columns_[j], renames_[old_of_[j]]);
        for (std::size_t j = 0; j < new_.relations.size(); j++) {
            const Relation& r = new_.relations[j];
            if (old_of_[j] == none)
                add("added", "relation", qualified(r), {{"after", {{"kind", r.kind}}}});
            else
                relation(old_.relations[old_of_[j]], r, columns_[j], renames_[old_of_[j]]);
        }
        for (std::size_t i : gone_)
            add("removed", "relation", qualified(old_.relations[i]), {{"before", {{"kind", old_.relations[i].kind}}}});
        relationships();
        sort();
        return std::move(out_);
    }

private:
    void add(const char* change, const char* object_type, std::string object, json detail) {
        out_.push_back({change, object_type, std::move(object), std::move(detail)});
    }

    void match_relations() {
        const Matching m = match(old_.relations, new_.relations, [](const Relation& r) { return int64_t{r.oid}; },
                                 [](const Relation& r) { return name_key(r.schema, r.name); });
        old_of_ = m.old_of;
        gone_ = m.gone;
        new_of_.assign(old_.relations.size(), none);
        renames_.resize(old_.relations.size());
        for (std::size_t j = 0; j < old_of_.size(); j++)
            if (old_of_[j] != none)
                new_of_[old_of_[j]] = j;
        for (std::size_t i = 0; i < old_.relations.size(); i++)
            old_by_name_.emplace(name_key(old_.relations[i].schema, old_.relations[i].name), i);
    }

    // What the old relation schema.name became in the new scan, with the renames of its
    // columns; nullptr when it is gone (or never was).
    const Relation* paired(const std::string& schema, const std::string& name, const Renames** renames) const {
        auto it = old_by_name_.find(name_key(schema, name));
        if (it == old_by_name_.end() || new_of_[it->second] == none)
            return nullptr;
        *renames = &renames_[it->second];
        return &new_.relations[new_of_[it->second]];
    }

    void relation(const Relation& before, const Relation& after, const Matching& column_matching,
                  const Renames& renames) {
        const std::string name = qualified(after);
        if (before.schema != after.schema || before.name != after.name)
            add("renamed", "relation", name, {{"before", qualified(before)}, {"after", name}});
        if (before.kind != after.kind)
            add("changed", "relation", name, {{"before", {{"kind", before.kind}}}, {"after", {{"kind", after.kind}}}});
        if (before.classification != after.classification) {
            auto label = [](const std::string& c) { return c.empty() ? json(nullptr) : json(c); };
            add("changed", "classification", name,
                {{"before", label(before.classification)}, {"after", label(after.classification)}});
        }
        columns(before, after, name, column_matching);
        constraints(before, after, name, renames);
        indexes(before, after, name, renames);
    }

    static void match_columns(const Relation& before, const Relation& after, Matching& m, Renames& renames) {
        m = match(before.columns, after.columns, [](const Column& c) { return int64_t{c.attnum}; }, name_of);
        for (std::size_t j = 0; j < m.old_of.size(); j++)
            if (m.old_of[j] != none && before.columns[m.old_of[j]].name != after.columns[j].name)
                renames.columns.emplace(before.columns[m.old_of[j]].name, after.columns[j].name);
    }

    void columns(const Relation& before, const Relation& after, const std::string& relation, const Matching& m) {
        const auto& [old_of, gone] = m;
        for (std::size_t j = 0; j < after.columns.size(); j++) {
            const Column& now = after.columns[j];
            auto name = [&] { return member(relation, now.name); };
            if (old_of[j] == none) {
                add("added", "column", name(), {{"after", {{"data_type", now.data_type}, {"nullable", now.nullable}}}});
                continue;
            }
            const Column& was = before.columns[old_of[j]];
            if (was.name != now.name)
                add("renamed", "column", name(), {{"before", was.name}, {"after", now.name}});
            Delta d;
            d.field("data_type", was.data_type, now.data_type);
            d.field("nullable", was.nullable, now.nullable);
            d.field("default_expr", was.default_expr, now.default_expr);
            d.field("identity", was.identity, now.identity);
            d.field("generated", was.generated, now.generated);
            if (!d.empty())
                add("changed", "column", name(), std::move(d).detail());
        }
        for (std::size_t i : gone)
            add("removed", "column", member(relation, before.columns[i].name),
                {{"before", {{"data_type", before.columns[i].data_type}, {"nullable", before.columns[i].nullable}}}});
    }

    void constraints(const Relation& before, const Relation& after, const std::string& relation,
                     const Renames& renames) {
        const auto [old_of, gone] = match(before.constraints, after.constraints, no_id, name_of);
        for (std::size_t j = 0; j < after.constraints.size(); j++) {
            const Constraint& now = after.constraints[j];
            auto name = [&] { return member(relation, now.name); };
            if (old_of[j] == none) {
                add("added", "constraint", name(), {{"after", {{"type", now.type}, {"definition", now.definition}}}});
                continue;
            }
            const Constraint& was = before.constraints[old_of[j]];
            // The names of the table referenced, and of the columns, as the new scan has them.
            std::string was_references = was.ref_table.empty() ? "" : qualified(was.ref_schema, was.ref_table);
            std::vector<std::string> renamed_ref_columns;
            const std::vector<std::string>* was_ref_columns = &was.ref_columns;
            std::vector<std::string> renamed_columns;
            const auto& was_columns = renames.any() ? (renamed_columns = renames.mapped(was.columns)) : was.columns;
            bool renamed = was_columns != was.columns;
            const Renames* target = nullptr;
            if (const Relation* referenced = was.ref_table.empty() ? nullptr
                                                                     : paired(was.ref_schema, was.ref_table, &target)) {
                renamed = renamed || referenced->schema != was.ref_schema || referenced->name != was.ref_table ||
                          target->any();
                was_references = qualified(*referenced);
                if (target->any())
                    was_ref_columns = &(renamed_ref_columns = target->mapped(was.ref_columns));
            }
            const std::string now_references = now.ref_table.empty() ? "" : qualified(now.ref_schema, now.ref_table);
            Delta d;
            d.field("type", was.type, now.type);
            d.field("columns", was_columns, now.columns);
            d.field("references", was_references, now_references);
            d.field("ref_columns", *was_ref_columns, now.ref_columns);
            d.field("accepted_values", was.accepted_values, now.accepted_values);
            // Definitions spell names: after a rename they differ by that alone.
            if (!renamed)
                d.field("definition", was.definition, now.definition);
            if (!d.empty())
                add("changed", "constraint", name(), std::move(d).detail());
        }
        for (std::size_t i : gone)
            add("removed", "constraint", member(relation, before.constraints[i].name),
                {{"before", {{"type", before.constraints[i].type}, {"definition", before.constraints[i].definition}}}});
    }

    void indexes(const Relation& before, const Relation& after, const std::string& relation, const Renames& renames) {
        const auto [old_of, gone] = match(before.indexes, after.indexes, no_id, name_of);
        auto facts = [](const Index& x) {
            return json{{"method", x.method}, {"unique", x.unique}, {"columns", to_json(x.columns)}};
        };
        for (std::size_t j = 0; j < after.indexes.size(); j++) {
            const Index& now = after.indexes[j];
            auto name = [&] { return member(relation, now.name); };
            if (old_of[j] == none) {
                add("added", "index", name(), {{"after", facts(now)}});
                continue;
            }
            const Index& was = before.indexes[old_of[j]];
            std::vector<std::optional<std::string>> renamed_columns;
            const auto& was_columns = renames.any() ? (renamed_columns = renames.mapped(was.columns)) : was.columns;
            Delta d;
            d.field("method", was.method, now.method);
            d.field("unique", was.unique, now.unique);
            d.field("primary", was.primary, now.primary);
            d.field("columns", was_columns, now.columns);
            if (!renames.any())  // a predicate spells column names
                d.field("predicate", was.predicate, now.predicate);
            if (!d.empty())
                add("changed", "index", name(), std::move(d).detail());
        }
        for (std::size_t i : gone)
            add("removed", "index", member(relation, before.indexes[i].name), {{"before", facts(before.indexes[i])}});
    }

    struct Edge {
        std::string from_schema, from_table, to_schema, to_table;
        std::vector<std::string> from_columns, to_columns;
        const Relationship* relationship;

        std::string key() const {
            return fmt::format("{}\x01{}\x01{}\x01{}\x01{}\x01{}", from_schema, from_table, fmt::join(from_columns, "\x02"),
                               to_schema, to_table, fmt::join(to_columns, "\x02"));
        }
        std::string name() const {
            auto cols = [](const std::vector<std::string>& c) {
                std::vector<std::string> q;
                for (const std::string& n : c)
                    q.push_back(quoter().quote(n));
                return fmt::format("({})", fmt::join(q, ", "));
            };
            return qualified(from_schema, from_table) + cols(from_columns) + " -> " + qualified(to_schema, to_table) +
                   cols(to_columns);
        }
    };

    // Relationships of relations both scans have, the old ones under their new names; a
    // declared one wins over an inferred twin.
    void relationships() {
        std::unordered_map<std::string, Edge> was, now;
        auto keep = [](std::unordered_map<std::string, Edge>& edges, Edge&& e) {
            auto [it, fresh] = edges.try_emplace(e.key(), std::move(e));  // e left as it was if not fresh
            if (!fresh && e.relationship->source == "declared")
                it->second = std::move(e);
        };
        for (const Relationship& r : old_.relationships) {
            const Renames* from_renames = nullptr;
            const Relation* from = paired(r.from_schema, r.from_table, &from_renames);
            if (!from)
                continue;
            Edge e{from->schema, from->name, r.to_schema, r.to_table, from_renames->mapped(r.from_columns), r.to_columns, &r};
            const Renames* to_renames = nullptr;
            if (const Relation* to = paired(r.to_schema, r.to_table, &to_renames)) {
                e.to_schema = to->schema;
                e.to_table = to->name;
                e.to_columns = to_renames->mapped(r.to_columns);
            }
            keep(was, std::move(e));
        }
        for (const Relationship& r : new_.relationships) {
            if (!has_old(r.from_schema, r.from_table))
                continue;
            keep(now, Edge{r.from_schema, r.from_table, r.to_schema, r.to_table, r.from_columns, r.to_columns, &r});
        }
        for (auto& [key, e] : now) {
            auto it = was.find(key);
            if (it == was.end()) {
                add("added", "relationship", e.name(), {{"after", facts(*e.relationship)}});
                continue;
            }
            const Relationship& b = *it->second.relationship;
            const Relationship& a = *e.relationship;
            Delta d;
            d.field("source", b.source, a.source);
            d.field("cardinality", b.cardinality, a.cardinality);
            // Inferred confidences come from samples: below a thousandth is noise.
            if (std::fabs(b.confidence - a.confidence) >= 0.001)
                d.field("confidence", b.confidence, a.confidence);
            if (!d.empty())
                add("changed", "relationship", e.name(), std::move(d).detail());
            was.erase(it);
        }
        for (auto& [key, e] : was)
            add("removed", "relationship", e.name(), {{"before", facts(*e.relationship)}});
    }

    static json facts(const Relationship& r) {
        return {{"source", r.source}, {"cardinality", r.cardinality}, {"confidence", r.confidence}};
    }

    // The new relation schema.name was paired with an old one.
    bool has_old(const std::string& schema, const std::string& name) {
        if (new_by_name_.empty())
            for (std::size_t j = 0; j < new_.relations.size(); j++)
                new_by_name_.emplace(name_key(new_.relations[j].schema, new_.relations[j].name), j);
        auto it = new_by_name_.find(name_key(schema, name));
        return it != new_by_name_.end() && old_of_[it->second] != none;
    }

    void sort() {
        static const std::unordered_map<std::string, int> type_rank = {
            {"relation", 0}, {"column", 1}, {"constraint", 2}, {"index", 3}, {"relationship", 4}, {"classification", 5}};
        static const std::unordered_map<std::string, int> change_rank = {
            {"renamed", 0}, {"changed", 1}, {"added", 2}, {"removed", 3}};
        std::sort(out_.begin(), out_.end(), [](const Change& a, const Change& b) {
            return std::forward_as_tuple(type_rank.at(a.object_type), a.object, change_rank.at(a.change)) <
                   std::forward_as_tuple(type_rank.at(b.object_type), b.object, change_rank.at(b.change));
        });
    }

    const Schema& old_;
    const Schema& new_;
    std::vector<std::size_t> old_of_;  // new relation -> its old one, or none
    std::vector<std::size_t> new_of_;  // old relation -> its new one, or none
    std::vector<std::size_t> gone_;    // old relations the new scan does not have
    std::vector<Renames> renames_;     // per old relation
    std::vector<Matching> columns_;   // per new relation: its columns and their old ones
    std::unordered_map<std::string, std::size_t> old_by_name_;
    std::unordered_map<std::string, std::size_t> new_by_name_;
    std::vector<Change> out_;
};

}  // namespace

std::vector<Change> diff_schemas(const Schema& old_scan, const Schema& new_scan) {
    return SchemaDiff(old_scan, new_scan).run();
}

}  // namespace cartridge
