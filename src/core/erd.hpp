// Entity-relationship diagrams, in Mermaid (an erDiagram) or Graphviz (dot): of a scan, for
// cartridge_erd, and of a dbt project, for its README. Both fill in an ErdDiagram and one
// renderer per format writes it, so every diagram gets the same escaping of awkward names
// (spaces, quotes, non-ASCII, the keywords of either language).
#pragma once

#include "core/schema.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace cartridge {

// ---- The intermediate form, and its renderers ----

struct ErdAttribute {
    std::string name;
    std::string type;
    bool primary_key = false;
    bool foreign_key = false;
    bool unique = false;
};

struct ErdEntity {
    std::string id;     // wished for: the renderers make it a safe, unique identifier
    std::string label;  // the name shown; empty: the id as it is
    std::string group;  // dot draws one cluster per group (a schema); empty: none
    std::vector<ErdAttribute> attributes;
};

struct ErdEdge {
    std::size_t parent = 0;  // index into ErdDiagram::entities: the referenced side
    std::size_t child = 0;   // the referencing side
    bool dashed = false;     // an inferred relationship
    bool one_to_one = false;
    std::string label;
};

struct ErdDiagram {
    std::vector<ErdEntity> entities;
    std::vector<ErdEdge> edges;
    std::string note;  // one line: a comment in Mermaid, the graph's label in dot
};

// Keeps the `max` entities with the most edges (ties: the earlier entity) in their order, and
// the edges between them. Returns the indexes the kept entities had.
std::vector<std::size_t> keep_most_connected(ErdDiagram& diagram, std::size_t max);

// Text that Mermaid's erDiagram parser and Graphviz's dot accept, whatever the names.
std::string to_mermaid(const ErdDiagram& diagram);
std::string to_dot(const ErdDiagram& diagram);

// ---- Diagrams of a scan (cartridge_erd) ----

enum class ErdFormat { mermaid, dot };
enum class ErdColumns { keys, all, none };

struct ErdOptions {
    ErdFormat format = ErdFormat::mermaid;
    std::vector<std::string> schemas;  // empty: every schema of the scan
    bool include_inferred = true;
    double min_confidence = 0;  // inferred relationships below are not drawn
    ErdColumns columns = ErdColumns::keys;  // keys: those of a primary, foreign or unique key
    std::size_t max_tables = 100;           // past it, the most connected are drawn
};

// Keys of the options object cartridge_erd accepts, sorted.
std::vector<std::string> erd_option_keys();

// Parses cartridge_erd's format ("mermaid" or "dot") and options (a JSON object or null).
// Throws cartridge::Error (22023) naming the offending key or value with a hint that lists
// the accepted ones.
ErdOptions parse_erd_options(const std::string& format, const nlohmann::json& options);

// The diagram of a scan's relations and relationships, in options.format. Throws
// cartridge::Error (3F000) when a schema of options.schemas has no relation in the scan.
std::string render_erd(const Schema& schema, const ErdOptions& options);
// The same before rendering: entities in (schema, name) order, ids schema__name, labels
// schema.name, grouped by schema.
ErdDiagram build_erd(const Schema& schema, const ErdOptions& options);

}  // namespace cartridge
