#include "core/yaml_writer.hpp"

#include "core/utf8.hpp"

#include <fmt/core.h>

#include <cstdint>

namespace cartridge::yaml {

namespace {

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

bool plain_is_safe(std::string_view s) {
    if (s.empty() || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')) || s.back() == ' ')
        return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
              c == ' ' || c == '.' || c == ',' || c == '(' || c == ')' || c == '/' || c == '\'' || c == '-'))
            return false;
    // YAML 1.1 reads these words as booleans or null, in any case.
    static const char* const words[] = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"};
    for (const char* word : words) {
        std::string_view w(word);
        if (s.size() == w.size()) {
            bool same = true;
            for (std::size_t i = 0; i < s.size() && same; i++)
                same = lower(s[i]) == w[i];
            if (same)
                return false;
        }
    }
    return true;
}

std::string double_quoted(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (std::size_t i = 0; i < text.size();) {
        const uint32_t cp = utf8::next_code_point(text, i);
        switch (cp) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            // Outside YAML's printable set (C0 and C1 controls, DEL, BOM, non-characters) or
            // a YAML line break (NEL, LS, PS: folded into a space unless escaped). \u, not
            // \N/\L/\P: yaml-cpp decodes \N to a lone byte.
            if (cp < 0x20 || cp == 0x7F)
                out += fmt::format("\\x{:02X}", cp);
            else if ((cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF || cp == 0xFFFE ||
                     cp == 0xFFFF)
                out += fmt::format("\\u{:04X}", cp);
            else
                utf8::append(out, cp);
        }
    }
    out += '"';
    return out;
}

std::string scalar(std::string_view text) {
    return plain_is_safe(text) ? std::string(text) : double_quoted(text);
}

Node Node::number(double value) {
    return Node(Kind::scalar, fmt::format("{}", value));
}

Node& Node::add(std::string key, Node value) {
    entries_.emplace_back(std::move(key), std::move(value));
    return entries_.back().second;
}

Node& Node::push(Node value) {
    items_.push_back(std::move(value));
    return items_.back();
}

void Node::write_flow(std::string& out) const {
    if (kind_ == Kind::scalar) {
        out += scalar_;
    } else if (kind_ == Kind::map) {
        out += '{';
        for (std::size_t i = 0; i < entries_.size(); i++) {
            out += (i ? ", " : "") + entries_[i].first + ": ";
            entries_[i].second.write_flow(out);
        }
        out += '}';
    } else {
        out += '[';
        for (std::size_t i = 0; i < items_.size(); i++) {
            out += i ? ", " : "";
            items_[i].write_flow(out);
        }
        out += ']';
    }
}

void Node::write_value_after_key(std::string& out, int indent) const {
    if (kind_ == Kind::scalar || flow_ || empty()) {
        out += ' ';
        write_flow(out);
        out += '\n';
    } else {
        out += '\n';
        write_block(out, indent + 2);
    }
}

void Node::write_block(std::string& out, int indent) const {
    const std::string pad(indent, ' ');
    if (kind_ == Kind::map) {
        for (const auto& [key, value] : entries_) {
            out += pad + key + ':';
            value.write_value_after_key(out, indent);
        }
        return;
    }
    for (const Node& item : items_) {
        if (item.kind_ == Kind::scalar || item.flow_ || item.empty()) {
            out += pad + "- ";
            item.write_flow(out);
            out += '\n';
        } else {
            // The item's first line goes after the dash: "- name: x", the rest lines up.
            std::string block;
            item.write_block(block, indent + 2);
            out += pad + "- " + block.substr(static_cast<std::size_t>(indent) + 2);
        }
    }
}

std::string Node::dump() const {
    std::string out;
    if (kind_ == Kind::scalar || flow_) {
        write_flow(out);
        out += '\n';
    } else {
        write_block(out, 0);
    }
    return out;
}

}  // namespace cartridge::yaml
