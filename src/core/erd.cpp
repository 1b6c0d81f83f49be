#include "core/erd.hpp"

#include "core/error.hpp"
#include "core/utf8.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <numeric>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace cartridge {

namespace {

using nlohmann::json;

bool ascii_word_char(uint32_t cp) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
}

bool starts_with_digit(const std::string& s) {
    return !s.empty() && s[0] >= '0' && s[0] <= '9';
}

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return s;
}

// Words Mermaid's erDiagram lexer reads as keywords (case-insensitively, and before it tries a
// name) where an entity name may stand, in this version or the next: an entity with such a
// name would be a syntax error or, worse, a different statement.
bool mermaid_keyword(const std::string& word) {
    static const std::unordered_set<std::string> keywords = {
        "erdiagram", "style", "classdef", "class", "one", "many", "only", "zero", "optionally", "to", "u",
        "end", "subgraph", "direction", "acctitle", "accdescr", "title", "pk", "fk", "uk"};
    return keywords.count(lower(word)) > 0;
}

// An entity id: ASCII letters, digits and '_' (every other byte becomes '_'), not starting
// with a digit and not a keyword. Bare in Mermaid; quoted in dot only for its own keywords.
std::string safe_id(const std::string& wished) {
    std::string out;
    for (char c : wished)
        out += ascii_word_char(static_cast<unsigned char>(c)) ? c : '_';
    if (out.empty() || starts_with_digit(out))
        out = "_" + out;
    return mermaid_keyword(out) ? out + "_" : out;
}

// Ids of the entities in order, the later of two equal ones suffixed _2, _3, ...
std::vector<std::string> entity_ids(const ErdDiagram& diagram) {
    std::vector<std::string> ids;
    std::unordered_set<std::string> taken;
    for (const ErdEntity& e : diagram.entities) {
        const std::string base = safe_id(e.id);
        std::string id = base;
        for (int n = 2; !taken.insert(id).second; n++)
            id = base + "_" + std::to_string(n);
        ids.push_back(std::move(id));
    }
    return ids;
}

bool unicode_space(uint32_t cp) {
    return cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

// An attribute's name or type as one word of the lexer inside an entity's block: ASCII
// letters, digits and '_', and the characters from U+00C0 up that are not spaces (its own
// class); anything else becomes '_'. PK, FK and UK would be read as key marks.
std::string mermaid_word(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const uint32_t cp = utf8::next_code_point(text, i);
        if (ascii_word_char(cp) || (cp >= 0xC0 && !unicode_space(cp)))
            utf8::append(out, cp);
        else
            out += '_';
    }
    if (out.empty() || starts_with_digit(out))
        out = "_" + out;
    const std::string low = lower(out);
    return low == "pk" || low == "fk" || low == "uk" ? out + "_" : out;
}

// Mermaid types are one word: "character varying(40)" is drawn as character_varying,
// "integer[]" as integer_array.
std::string mermaid_type(const std::string& type) {
    std::string t = type.substr(0, type.find('('));
    while (!t.empty() && t.back() == ' ')
        t.pop_back();
    const bool array = type.size() > 2 && type.compare(type.size() - 2, 2, "[]") == 0;
    t = mermaid_word(t.substr(0, t.find('[')));
    return array ? t + "_array" : t;
}

// Text between double quotes (an alias, a relationship's label, an attribute's comment). The
// lexer ends it at '"' (an alias also at '%', '\' and line breaks), reads two '~' in a block
// as a generic type, and "direction TB" anywhere on a line as a direction statement. Such
// characters are written as Mermaid's entity codes (#quot;, #35;), which it decodes when it
// draws; '#' itself too, so that a name's own "#quot;" stays as it was.
std::string mermaid_text(std::string_view text) {
    std::string out;
    std::size_t direction_end = std::string::npos;  // just past the last "direction"
    for (std::size_t i = 0; i < text.size();) {
        const uint32_t cp = utf8::next_code_point(text, i);
        const bool space = cp == ' ' || cp < 0x20 || cp == 0x7F || cp == 0xA0 || unicode_space(cp);
        if (direction_end == out.size() && space) {
            out += "#32;";
            direction_end = out.size();
            continue;
        }
        switch (cp) {
        case '"': out += "#quot;"; break;
        case '#': out += "#35;"; break;
        case '%': out += "#37;"; break;
        case '&': out += "#amp;"; break;
        case ':': out += "#58;"; break;  // "style...:#...;" lines lose their last ';' before parsing
        case '<': out += "#lt;"; break;
        case '>': out += "#gt;"; break;
        case '\\': out += "#92;"; break;
        case '~': out += "#126;"; break;
        default:
            if (cp < 0x20 || cp == 0x7F)
                out += ' ';
            else
                utf8::append(out, cp);
        }
        if (out.size() >= 9 && lower(out.substr(out.size() - 9)) == "direction")
            direction_end = out.size();
    }
    return out;
}

// Text inside one of dot's HTML-like labels, which are XML: markup characters as entities,
// and the characters XML forbids as spaces or U+FFFD. Unlike a quoted dot string, an
// HTML label gives no meaning to backslashes (\N, \l), so names need nothing else.
std::string dot_html(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const uint32_t cp = utf8::next_code_point(text, i);
        switch (cp) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default:
            if (cp < 0x20 || cp == 0x7F)
                out += ' ';
            else
                utf8::append(out, cp == 0xFFFE || cp == 0xFFFF ? 0xFFFD : cp);
        }
    }
    return out;
}

std::string one_line(std::string text) {
    for (char& c : text)
        if (c == '\n' || c == '\r')
            c = ' ';
    return text;
}

std::string key_marks(const ErdAttribute& a) {
    std::vector<const char*> marks;
    if (a.primary_key)
        marks.push_back("PK");
    if (a.foreign_key)
        marks.push_back("FK");
    if (a.unique)
        marks.push_back("UK");
    return fmt::format("{}", fmt::join(marks, ", "));
}

}  // namespace

std::vector<std::size_t> keep_most_connected(ErdDiagram& diagram, std::size_t max) {
    const std::size_t n = diagram.entities.size();
    std::vector<std::size_t> kept(n);
    std::iota(kept.begin(), kept.end(), 0);
    if (n <= max)
        return kept;
    std::vector<std::size_t> degree(n, 0);
    for (const ErdEdge& e : diagram.edges) {
        degree[e.parent]++;
        degree[e.child]++;
    }
    std::stable_sort(kept.begin(), kept.end(), [&](std::size_t a, std::size_t b) { return degree[a] > degree[b]; });
    kept.resize(max);
    std::sort(kept.begin(), kept.end());
    std::vector<std::size_t> position(n, n);
    std::vector<ErdEntity> entities;
    for (std::size_t i : kept) {
        position[i] = entities.size();
        entities.push_back(std::move(diagram.entities[i]));
    }
    std::vector<ErdEdge> edges;
    for (ErdEdge& e : diagram.edges) {
        if (position[e.parent] == n || position[e.child] == n)
            continue;
        e.parent = position[e.parent];
        e.child = position[e.child];
        edges.push_back(std::move(e));
    }
    diagram.entities = std::move(entities);
    diagram.edges = std::move(edges);
    return kept;
}

std::string to_mermaid(const ErdDiagram& diagram) {
    const std::vector<std::string> ids = entity_ids(diagram);
    std::string out = "erDiagram\n";
    if (!diagram.note.empty())
        out += "    %% " + one_line(diagram.note) + "\n";  // comment lines are dropped before parsing
    for (std::size_t i = 0; i < diagram.entities.size(); i++) {
        const ErdEntity& e = diagram.entities[i];
        out += "    " + ids[i];
        if (!e.label.empty())
            out += "[\"" + mermaid_text(e.label) + "\"]";
        if (e.attributes.empty()) {
            out += "\n";
            continue;
        }
        out += " {\n";
        for (const ErdAttribute& a : e.attributes) {
            const std::string name = mermaid_word(a.name);
            const std::string marks = key_marks(a);
            out += "        " + mermaid_type(a.type) + " " + name + (marks.empty() ? "" : " " + marks);
            // A name the lexer could not take as it is is shown whole as the comment.
            if (name != a.name)
                out += " \"" + mermaid_text(a.name) + "\"";
            out += "\n";
        }
        out += "    }\n";
    }
    for (const ErdEdge& e : diagram.edges)
        out += "    " + ids[e.parent] + " ||" + (e.dashed ? ".." : "--") + (e.one_to_one ? "o| " : "o{ ") + ids[e.child] +
               " : \"" + mermaid_text(e.label) + "\"\n";
    return out;
}

std::string to_dot(const ErdDiagram& diagram) {
    const std::vector<std::string> ids = entity_ids(diagram);
    std::string out = "digraph erd {\n";
    if (!diagram.note.empty())
        out += "    // " + one_line(diagram.note) + "\n";
    out += "    graph [rankdir=LR, fontname=\"Helvetica\", fontsize=10];\n"
           "    node [shape=plaintext, fontname=\"Helvetica\", fontsize=10];\n"
           "    edge [fontname=\"Helvetica\", fontsize=9, dir=both, arrowhead=teetee];\n";
    auto node = [&](std::size_t i, const char* indent) {
        const ErdEntity& e = diagram.entities[i];
        const std::string title = "<b>" + dot_html(e.label.empty() ? e.id : e.label) + "</b>";
        std::string rows;
        for (const ErdAttribute& a : e.attributes)
            rows += "<tr><td align=\"left\">" + key_marks(a) + "</td><td align=\"left\">" + dot_html(a.name) +
                    "</td><td align=\"left\">" + dot_html(a.type) + "</td></tr>";
        return fmt::format("{}\"{}\" [label=<<table border=\"0\" cellborder=\"1\" cellspacing=\"0\" "
                           "cellpadding=\"3\"><tr><td{} bgcolor=\"lightgrey\">{}</td></tr>{}</table>>];\n",
                           indent, ids[i], rows.empty() ? "" : " colspan=\"3\"", title, rows);
    };
    // One cluster per group, in the order groups first appear; entities of no group outside.
    std::vector<std::string> groups;
    std::unordered_map<std::string, std::vector<std::size_t>> members;
    for (std::size_t i = 0; i < diagram.entities.size(); i++) {
        const std::string& g = diagram.entities[i].group;
        if (g.empty()) {
            out += node(i, "    ");
            continue;
        }
        auto [it, first] = members.try_emplace(g);
        if (first)
            groups.push_back(g);
        it->second.push_back(i);
    }
    for (std::size_t n = 0; n < groups.size(); n++) {
        out += fmt::format("    subgraph cluster_{} {{\n        label=<{}>;\n", n, dot_html(groups[n]));
        for (std::size_t i : members[groups[n]])
            out += node(i, "        ");
        out += "    }\n";
    }
    for (const ErdEdge& e : diagram.edges)
        out += fmt::format("    \"{}\" -> \"{}\" [arrowtail={}{}, label=<{}>];\n", ids[e.child], ids[e.parent],
                           e.one_to_one ? "teeodot" : "crowodot", e.dashed ? ", style=dashed" : "",
                           dot_html(e.label));
    // Last, so that no cluster takes it as its default label.
    if (!diagram.note.empty())
        out += "    label=<" + dot_html(diagram.note) + ">;\n";
    return out + "}\n";
}

// ---- cartridge_erd ----

namespace {

[[noreturn]] void bad_option(const std::string& message, const std::string& hint) {
    throw Error(sqlstate::invalid_parameter_value, message, hint);
}

std::vector<std::string> schema_list(const json& value) {
    const json list = value.is_string() ? json::array({value}) : value;
    if (!list.is_array())
        bad_option("option \"schemas\" must be a string or an array of strings",
                   R"(For example: '{"schemas": ["sales", "hr"]}')");
    std::vector<std::string> out;
    for (const json& item : list) {
        if (!item.is_string() || item.get<std::string>().empty())
            bad_option(fmt::format("option \"schemas\" must hold non-empty strings, not {}", item.dump()),
                       "Schema names are matched exactly, as the scan stored them.");
        out.push_back(item.get<std::string>());
    }
    return out;
}

std::string edge_label(const Relationship& r) {
    std::string label = fmt::format("{}", fmt::join(r.from_columns, ", "));
    if (r.source != "declared")
        label += fmt::format(" (inferred, {:.2f})", r.confidence);
    return label;
}

std::string relation_key(const std::string& schema, const std::string& name) {
    return schema + '\0' + name;
}

}  // namespace

std::vector<std::string> erd_option_keys() {
    return {"columns", "include_inferred", "max_tables", "min_confidence", "schemas"};
}

ErdOptions parse_erd_options(const std::string& format, const json& options) {
    ErdOptions out;
    if (format == "mermaid")
        out.format = ErdFormat::mermaid;
    else if (format == "dot")
        out.format = ErdFormat::dot;
    else
        bad_option(fmt::format("unknown format \"{}\" for cartridge_erd", format), "Accepted formats: dot, mermaid.");
    if (options.is_null())
        return out;
    if (!options.is_object())
        bad_option("options must be a JSON object, not " + options.dump(), R"(For example: '{"columns": "all"}')");
    const std::vector<std::string> keys = erd_option_keys();
    for (auto it = options.begin(); it != options.end(); ++it) {
        const std::string& key = it.key();
        const json& value = it.value();
        if (!std::binary_search(keys.begin(), keys.end(), key))
            bad_option(fmt::format("unknown option \"{}\" for cartridge_erd", key),
                       fmt::format("Accepted options: {}.", fmt::join(keys, ", ")));
        if (value.is_null())
            continue;  // as if not given
        if (key == "schemas") {
            out.schemas = schema_list(value);
        } else if (key == "include_inferred") {
            if (!value.is_boolean())
                bad_option(fmt::format("option \"include_inferred\" must be true or false, not {}", value.dump()),
                           R"(For example: '{"include_inferred": false}' draws declared foreign keys only.)");
            out.include_inferred = value.get<bool>();
        } else if (key == "min_confidence") {
            if (!value.is_number() || value.get<double>() < 0.0 || value.get<double>() > 1.0)
                bad_option(fmt::format("option \"min_confidence\" must be a number from 0 to 1, not {}", value.dump()),
                           R"(For example: '{"min_confidence": 0.7}' draws only the surer inferred relationships.)");
            out.min_confidence = value.get<double>();
        } else if (key == "columns") {
            const std::string mode = value.is_string() ? value.get<std::string>() : "";
            if (mode == "keys")
                out.columns = ErdColumns::keys;
            else if (mode == "all")
                out.columns = ErdColumns::all;
            else if (mode == "none")
                out.columns = ErdColumns::none;
            else
                bad_option(fmt::format("option \"columns\" must be \"keys\", \"all\" or \"none\", not {}", value.dump()),
                           "keys: the columns of primary, foreign and unique keys.");
        } else if (key == "max_tables") {
            if (!value.is_number_integer() || value.get<int64_t>() < 1 || value.get<int64_t>() > 100'000)
                bad_option(fmt::format("option \"max_tables\" must be an integer from 1 to 100000, not {}", value.dump()),
                           R"(For example: '{"max_tables": 30}' draws the 30 most connected tables.)");
            out.max_tables = static_cast<std::size_t>(value.get<int64_t>());
        }
    }
    return out;
}

ErdDiagram build_erd(const Schema& schema, const ErdOptions& options) {
    const std::set<std::string> wanted(options.schemas.begin(), options.schemas.end());
    std::vector<const Relation*> relations;
    std::set<std::string> found;
    for (const Relation& r : schema.relations)
        if (wanted.empty() || wanted.count(r.schema)) {
            relations.push_back(&r);
            found.insert(r.schema);
        }
    for (const std::string& s : wanted)
        if (!found.count(s))
            throw Error(sqlstate::undefined_schema,
                        fmt::format("schema \"{}\" has no relation in scan {}", s, schema.scan_id),
                        "Names are matched exactly, case included; the scan's options may have excluded it.");
    std::sort(relations.begin(), relations.end(), [](const Relation* a, const Relation* b) {
        return std::tie(a->schema, a->name) < std::tie(b->schema, b->name);
    });

    ErdDiagram diagram;
    std::unordered_map<std::string, std::size_t> index;
    for (const Relation* r : relations) {
        index.emplace(relation_key(r->schema, r->name), diagram.entities.size());
        diagram.entities.push_back({r->schema + "__" + r->name, r->schema + "." + r->name, r->schema, {}});
    }
    // Foreign-key columns: of declared constraints, and of the relationships drawn.
    std::vector<std::set<std::string>> foreign(relations.size());
    for (std::size_t i = 0; i < relations.size(); i++)
        for (const Constraint& c : relations[i]->constraints)
            if (c.type == "foreign_key")
                foreign[i].insert(c.columns.begin(), c.columns.end());
    for (const Relationship& r : schema.relationships) {
        const bool inferred = r.source != "declared";
        if (inferred && (!options.include_inferred || r.confidence < options.min_confidence))
            continue;
        auto from = index.find(relation_key(r.from_schema, r.from_table));
        auto to = index.find(relation_key(r.to_schema, r.to_table));
        if (from == index.end() || to == index.end())
            continue;
        diagram.edges.push_back({to->second, from->second, inferred, r.cardinality == "one_to_one", edge_label(r)});
        foreign[from->second].insert(r.from_columns.begin(), r.from_columns.end());
    }

    const std::vector<std::size_t> kept = keep_most_connected(diagram, options.max_tables);
    if (kept.size() < relations.size())
        diagram.note = fmt::format("Showing {} of {} tables: the most connected.", kept.size(), relations.size());
    if (options.columns != ErdColumns::none) {
        for (std::size_t k = 0; k < kept.size(); k++) {
            const Relation& r = *relations[kept[k]];
            const std::vector<std::string> pk = r.primary_key();
            std::set<std::string> unique;
            for (const Constraint& c : r.constraints)
                if (c.type == "unique")
                    unique.insert(c.columns.begin(), c.columns.end());
            for (const Column& c : r.columns) {
                ErdAttribute a{c.name, c.data_type, std::find(pk.begin(), pk.end(), c.name) != pk.end(),
                               foreign[kept[k]].count(c.name) > 0, unique.count(c.name) > 0};
                if (options.columns == ErdColumns::all || a.primary_key || a.foreign_key || a.unique)
                    diagram.entities[k].attributes.push_back(std::move(a));
            }
        }
    }
    return diagram;
}

std::string render_erd(const Schema& schema, const ErdOptions& options) {
    const ErdDiagram diagram = build_erd(schema, options);
    return options.format == ErdFormat::dot ? to_dot(diagram) : to_mermaid(diagram);
}

}  // namespace cartridge
