// The YAML of generated dbt projects: block mappings and sequences, flow collections for
// short values, and scalars that are plain only when YAML 1.1 (PyYAML, what dbt reads
// with) cannot mistake them for anything but a string; double-quoted with escapes otherwise.
//
// Why not yaml-cpp's Emitter: it checks every plain-scalar candidate with its regex engine,
// 2 to 13 microseconds per scalar (measured: 100,000 11-byte keys take 240 ms), which was
// 70 % of the time to generate a 1,000-table project and alone broke the 2 s budget. The
// subset here is small; every file it writes is parsed back with yaml-cpp in the unit
// tests, and so are strings full of quotes, colons, control and non-ASCII characters.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cartridge::yaml {

// A scalar as it appears in the document (plain or double-quoted).
std::string scalar(std::string_view text);
std::string double_quoted(std::string_view text);
// True when `text` may be written plain and still be read back as the same string.
bool plain_is_safe(std::string_view text);

class Node {
public:
    static Node text(std::string_view value) { return Node(Kind::scalar, scalar(value)); }
    static Node quoted(std::string_view value) { return Node(Kind::scalar, double_quoted(value)); }
    static Node boolean(bool value) { return Node(Kind::scalar, value ? "true" : "false"); }
    static Node integer(long long value) { return Node(Kind::scalar, std::to_string(value)); }
    static Node number(double value);
    static Node map() { return Node(Kind::map, {}); }
    static Node seq() { return Node(Kind::seq, {}); }
    static Node flow_map() { return Node(Kind::map, {}, true); }
    static Node flow_seq() { return Node(Kind::seq, {}, true); }

    // Map entries; keys are written as given (they are literals of the generator). The
    // reference returned stays valid until the next add or push on this same node.
    Node& add(std::string key, Node value);
    // Sequence items, with the same rule for the reference returned.
    Node& push(Node value);
    bool empty() const { return entries_.empty() && items_.empty() && kind_ != Kind::scalar; }

    // The document, ending with a newline.
    std::string dump() const;

private:
    enum class Kind { scalar, map, seq };
    Node(Kind kind, std::string scalar, bool flow = false) : kind_(kind), flow_(flow), scalar_(std::move(scalar)) {}
    void write_block(std::string& out, int indent) const;
    void write_flow(std::string& out) const;
    void write_value_after_key(std::string& out, int indent) const;

    Kind kind_;
    bool flow_ = false;
    std::string scalar_;
    std::vector<std::pair<std::string, Node>> entries_;
    std::vector<Node> items_;
};

}  // namespace cartridge::yaml
