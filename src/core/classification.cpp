#include "core/classification.hpp"

#include "core/table_keys.hpp"

#include "core/column_traits.hpp"
#include "core/naming.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string_view>

namespace cartridge {

namespace {

using nlohmann::json;

// Code lists rarely pass a couple of hundred rows; those named like one (countries,
// currencies) may hold a few thousand.
constexpr int64_t kSmallTable = 200;
constexpr int64_t kNamedLookupTable = 5000;

bool has_word(const std::vector<std::string>& words, std::initializer_list<const char*> wanted) {
    for (const std::string& w : words)
        for (const char* x : wanted)
            if (w == x)
                return true;
    return false;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A numeric column that measures something: any non-integer number, or an integer named
// like a quantity ("quantity", "units_in_stock", TPC-H's glued "availqty").
bool is_measure(const Column& column, const std::vector<std::string>& words) {
    TypeFamily family = type_family(column);
    if (family == TypeFamily::decimal)
        return true;
    if (family != TypeFamily::integer)
        return false;
    static const char* const stems[] = {"qty", "quantity", "amount", "amt", "count", "cnt", "total", "price",
                                        "cost", "balance", "bal", "weight", "duration", "milliseconds", "seconds",
                                        "minutes", "hours", "bytes", "score", "rate", "discount", "tax", "fee",
                                        "revenue", "sales", "profit", "margin", "stock", "units", "sum", "freight",
                                        "size", "volume", "distance"};
    for (const std::string& w : words)
        for (const char* stem : stems)
            if (w == stem || (std::char_traits<char>::length(stem) >= 3 && ends_with(w, stem)))
                return true;
    return false;
}

// A date that records when something happened, not a property of an entity (birth, hire)
// nor bookkeeping of the row (created_at, updated_at).
bool is_event_date(const Column& column, const std::vector<std::string>& words) {
    TypeFamily family = type_family(column);
    if (family != TypeFamily::date && family != TypeFamily::timestamp)
        return false;
    return !has_word(words, {"created", "updated", "modified", "deleted", "inserted", "loaded", "ingested",
                             "synced", "changed", "last", "birth", "dob", "born", "hire", "hired", "valid",
                             "effective", "expiry", "expiration", "expires", "start", "end", "from", "until",
                             "launch", "launched", "release", "released", "signup", "registration",
                             "registered", "joined", "opened", "established", "founded", "introduced",
                             "discontinued", "etl", "dbt", "sync", "batch"});
}

// Phone numbers, addresses, e-mail: rows that can be contacted are entities, never codes.
bool is_contact(const std::vector<std::string>& words) {
    return has_word(words, {"phone", "telephone", "tel", "mobile", "fax", "email", "mail", "address", "street",
                            "city", "zip", "postal", "postcode", "homepage", "website", "url", "contact"});
}

std::string name_hint(const std::string& table) {
    std::vector<std::string> w = naming::words(table);
    if (w.empty())
        return {};
    const std::string& first = w.front();
    const std::string& last = w.back();
    if (w.size() > 1 && (first == "fct" || first == "fact" || last == "fact" || last == "facts"))
        return "fact";
    if (w.size() > 1 && (first == "dim" || last == "dim" || last == "dimension"))
        return "dimension";
    if (has_word(w, {"bridge", "xref", "link", "links", "map", "mapping", "assoc", "association", "junction"}))
        return "bridge";
    if (w.size() > 1 && (first == "lkp" || first == "lookup" || first == "lu" || first == "ref" ||
                         last == "lookup" || last == "lkp" || last == "codes"))
        return "reference";
    return {};
}

bool reference_noun(const std::string& table) {
    std::vector<std::string> w = naming::table_words(table);
    if (w.empty())
        return false;
    static const std::set<std::string, std::less<>> nouns = {
        "type", "kind", "status", "state", "category", "class", "genre", "code", "country", "region", "nation",
        "territory", "currency", "language", "locale", "unit", "uom", "tag", "level", "priority", "mode",
        "method", "channel", "reason", "format", "color", "colour", "gender", "timezone", "zone", "province",
        "continent", "stage", "phase", "grade", "rating", "tier"};
    return nouns.count(naming::singular(w.back())) > 0;
}

struct Features {
    std::set<size_t> out;  // other relations this one references
    std::set<size_t> in;   // other relations that reference this one
    std::vector<std::pair<std::vector<std::string>, size_t>> out_edges;  // columns -> relation
    bool self_reference = false;
    std::set<std::string> fk_columns;
    std::vector<std::string> key;  // primary key, else a data key
    bool key_declared = false;
    std::vector<std::string> measures;
    std::vector<std::string> event_dates;
    std::vector<std::string> contact_attributes;
    int attributes = 0;
    std::optional<int64_t> rows;
    bool person = false;
    std::string hint;
};

}  // namespace

std::vector<Classification> classify_relations(const Schema& schema) {
    const size_t n = schema.relations.size();
    std::map<std::pair<std::string, std::string>, size_t> index;
    for (size_t i = 0; i < n; i++)
        index[{schema.relations[i].schema, schema.relations[i].name}] = i;

    std::vector<Features> f(n);
    for (const Relationship& e : schema.relationships) {
        auto from = index.find({e.from_schema, e.from_table});
        auto to = index.find({e.to_schema, e.to_table});
        if (from == index.end() || to == index.end())
            continue;
        f[from->second].fk_columns.insert(e.from_columns.begin(), e.from_columns.end());
        if (from->second == to->second) {
            f[from->second].self_reference = true;
            continue;
        }
        f[from->second].out.insert(to->second);
        f[from->second].out_edges.emplace_back(e.from_columns, to->second);
        f[to->second].in.insert(from->second);
    }
    for (size_t i = 0; i < n; i++) {
        const Relation& r = schema.relations[i];
        Features& x = f[i];
        // The row's key (table_keys.hpp): declared, else what the data or the names show; a
        // unique reference is a one-to-one, not the row's own key.
        const TableNames table = table_names(r);
        const std::vector<TableKey> keys = find_keys(r, table, x.fk_columns);
        if (!keys.empty()) {
            for (size_t c : keys.front().columns)
                x.key.push_back(r.columns[c].name);
            x.key_declared = keys.front().kind == KeyKind::primary_key || keys.front().kind == KeyKind::unique;
        }
        std::vector<std::string> names;
        for (const Column& c : r.columns)
            names.push_back(c.name);
        std::string prefix = naming::column_prefix(names, r.name);
        for (const Column& c : r.columns) {
            if (std::find(x.key.begin(), x.key.end(), c.name) != x.key.end() || x.fk_columns.count(c.name))
                continue;
            std::vector<std::string> w = naming::parse_column_name(c.name, prefix).words;
            x.attributes++;
            if (is_contact(w))
                x.contact_attributes.push_back(c.name);
            if (is_measure(c, w))
                x.measures.push_back(c.name);
            else if (is_event_date(c, w))
                x.event_dates.push_back(c.name);
        }
        x.rows = relation_rows(r);
        x.person = naming::is_person_entity(naming::table_stem(r.name));
        x.hint = name_hint(r.name);
    }

    // An event: references something and records when it happened. Facts reference each
    // other (order lines and payments reference orders), so being referenced does not make
    // an event a dimension.
    auto eventful = [&](size_t i) {
        return !f[i].out.empty() && !f[i].event_dates.empty() && !f[i].person;
    };
    auto lookup_shaped = [&](size_t i) {
        const Features& x = f[i];
        return x.attributes <= 3 && x.measures.empty() && x.event_dates.empty() && x.contact_attributes.empty() &&
               x.out.size() <= 1 && !x.person;
    };

    std::vector<Classification> out(n);
    for (size_t i = 0; i < n; i++) {
        const Relation& r = schema.relations[i];
        const Features& x = f[i];
        Classification& c = out[i];
        json ev = json::object();
        ev["edges_out"] = x.out.size();
        ev["edges_in"] = x.in.size();
        if (x.self_reference)
            ev["self_reference"] = true;
        ev["key"] = x.key;
        ev["attributes"] = x.attributes;
        ev["measures"] = x.measures;
        ev["event_dates"] = x.event_dates;
        if (!x.contact_attributes.empty())
            ev["contact_attributes"] = x.contact_attributes;
        ev["rows"] = x.rows ? json(*x.rows) : json(nullptr);

        // Bridge: the key is made of references to two or more relations that are not events.
        std::set<size_t> key_targets;
        bool key_all_references = !x.key.empty();
        for (const std::string& k : x.key)
            key_all_references = key_all_references && x.fk_columns.count(k);
        if (x.key.empty() && x.fk_columns.size() >= 2 && x.attributes <= 1)
            key_all_references = true;  // no key declared: the references are the row
        // Targets of the references made from key columns (all of them without a key).
        for (const auto& [columns, target] : x.out_edges) {
            bool from_key = x.key.empty() || std::all_of(columns.begin(), columns.end(), [&](const std::string& c) {
                return std::find(x.key.begin(), x.key.end(), c) != x.key.end();
            });
            if (from_key)
                key_targets.insert(target);
        }
        bool targets_are_events =
            std::any_of(key_targets.begin(), key_targets.end(), [&](size_t t) { return eventful(t); });
        bool bridge = key_all_references && key_targets.size() >= 2 && x.fk_columns.size() >= 2 && !targets_are_events;

        bool small = x.rows && *x.rows <= kSmallTable;
        bool named_lookup = reference_noun(r.name) && (!x.rows || *x.rows <= kNamedLookupTable);

        if (!x.hint.empty()) {
            c.label = x.hint;
            c.confidence = 0.9;
            ev["rule"] = "named as a " + x.hint;
        } else if (r.kind == "view" || r.kind == "materialized_view") {
            if (eventful(i) || (!x.measures.empty() && !x.event_dates.empty())) {
                c.label = "fact";
                c.confidence = 0.5;
                ev["rule"] = "view with measures and event dates";
            } else {
                c.label = "other";
                c.confidence = 0.5;
                ev["rule"] = "view without keys or references";
            }
        } else if (bridge) {
            c.label = "bridge";
            c.confidence = x.key_declared ? (x.attributes == 0 ? 0.9 : 0.8) : 0.7;
            ev["rule"] = "key made of references to two or more non-event relations";
        } else if (eventful(i)) {
            c.label = "fact";
            c.confidence = 0.75 + (x.measures.empty() ? 0.0 : 0.1) + (x.in.empty() ? 0.05 : 0.0);
            ev["rule"] = "references other relations and records event dates";
        } else if (x.in.empty() && !x.out.empty() && (!x.measures.empty() || x.out.size() >= 2)) {
            c.label = "fact";
            c.confidence = 0.7 + (x.measures.empty() ? 0.0 : 0.1) + (x.out.size() >= 2 ? 0.05 : 0.0);
            ev["rule"] = "references other relations, is referenced by none, carries measures or several references";
        } else if (!x.in.empty() || x.self_reference) {
            if (lookup_shaped(i) && (small || named_lookup)) {
                c.label = "reference";
                c.confidence = 0.7 + (small ? 0.1 : 0.0) + (named_lookup ? 0.1 : 0.0);
                ev["rule"] = "referenced code list: a key, a label or two, few rows";
            } else {
                c.label = "dimension";
                c.confidence = 0.7 + (x.attributes >= 3 ? 0.1 : 0.0) + (x.in.size() >= 2 ? 0.05 : 0.0);
                ev["rule"] = "referenced by other relations and described by attributes";
            }
        } else if (x.out.empty()) {
            if (lookup_shaped(i) && (small || named_lookup)) {
                c.label = "reference";
                c.confidence = 0.6;
                ev["rule"] = "unreferenced code list: a key, a label or two, few rows";
            } else if (!x.measures.empty() && !x.event_dates.empty()) {
                c.label = "fact";
                c.confidence = 0.55;
                ev["rule"] = "no references, but measures and event dates";
            } else {
                c.label = "other";
                c.confidence = 0.5;
                ev["rule"] = "no references in or out";
            }
        } else {
            c.label = "other";
            c.confidence = 0.5;
            ev["rule"] = "references one relation and carries nothing that marks a fact";
        }
        c.confidence = std::round(std::min(c.confidence, 0.95) * 100) / 100;
        c.evidence = std::move(ev);
    }
    return out;
}

void apply_classifications(Schema& schema) {
    std::vector<Classification> labels = classify_relations(schema);
    for (size_t i = 0; i < labels.size(); i++) {
        schema.relations[i].classification = labels[i].label;
        schema.relations[i].classification_confidence = labels[i].confidence;
        schema.relations[i].classification_evidence = labels[i].evidence;
    }
}

}  // namespace cartridge
