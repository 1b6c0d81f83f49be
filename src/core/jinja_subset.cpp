#include "core/jinja_subset.hpp"

#include <cctype>
#include <string_view>

namespace cartridge::jinja {

const nlohmann::json* Call::kwarg(const std::string& name) const {
    for (const auto& [key, value] : kwargs)
        if (key == name)
            return &value;
    return nullptr;
}

namespace {

// A recursive-descent reader of one expression: a call with literal arguments.
class ExpressionReader {
public:
    explicit ExpressionReader(std::string_view text) : text_(text) {}

    bool call(Call& out) {
        skip_space();
        if (!identifier(out.function))
            return false;
        skip_space();
        if (!eat('('))
            return false;
        skip_space();
        if (!eat(')')) {
            for (;;) {
                skip_space();
                const std::size_t mark = at_;
                std::string name;
                if (identifier(name)) {
                    skip_space();
                    if (eat('=') && peek() != '=') {
                        nlohmann::json value;
                        if (!literal(value))
                            return false;
                        out.kwargs.emplace_back(name, std::move(value));
                        goto next;
                    }
                }
                at_ = mark;
                {
                    nlohmann::json value;
                    if (!literal(value) || !out.kwargs.empty())
                        return false;  // a positional argument after a keyword one
                    out.args.push_back(std::move(value));
                }
            next:
                skip_space();
                if (eat(')'))
                    break;
                if (!eat(','))
                    return false;
                skip_space();
                if (eat(')'))
                    break;
            }
        }
        skip_space();
        return at_ == text_.size();
    }

    // The leading identifier, for a message ("var", "is_incremental").
    std::string head() {
        at_ = 0;
        skip_space();
        std::string name;
        identifier(name);
        return name;
    }

private:
    char peek() const { return at_ < text_.size() ? text_[at_] : '\0'; }
    bool eat(char c) {
        if (peek() != c)
            return false;
        ++at_;
        return true;
    }
    void skip_space() {
        while (at_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[at_])))
            ++at_;
    }
    bool identifier(std::string& out) {
        const std::size_t start = at_;
        if (!(std::isalpha(static_cast<unsigned char>(peek())) || peek() == '_'))
            return false;
        while (std::isalnum(static_cast<unsigned char>(peek())) || peek() == '_')
            ++at_;
        out.assign(text_.substr(start, at_ - start));
        return true;
    }
    bool string(nlohmann::json& out) {
        const char quote = peek();
        if (quote != '\'' && quote != '"')
            return false;
        ++at_;
        std::string value;
        while (at_ < text_.size() && text_[at_] != quote) {
            char c = text_[at_++];
            if (c == '\\' && at_ < text_.size()) {
                const char escaped = text_[at_++];
                switch (escaped) {
                case 'n': c = '\n'; break;
                case 't': c = '\t'; break;
                case 'r': c = '\r'; break;
                default: c = escaped;
                }
            }
            value += c;
        }
        if (!eat(quote))
            return false;
        out = value;
        return true;
    }
    bool literal(nlohmann::json& out) {
        skip_space();
        if (string(out))
            return true;
        if (eat('[')) {
            out = nlohmann::json::array();
            skip_space();
            while (!eat(']')) {
                nlohmann::json item;
                if (!literal(item))
                    return false;
                out.push_back(std::move(item));
                skip_space();
                if (!eat(',') && peek() != ']')
                    return false;
                skip_space();
            }
            return true;
        }
        if (eat('{')) {
            out = nlohmann::json::object();
            skip_space();
            while (!eat('}')) {
                nlohmann::json key, value;
                if (!literal(key) || !key.is_string())
                    return false;
                skip_space();
                if (!eat(':') || !literal(value))
                    return false;
                out[key.get<std::string>()] = std::move(value);
                skip_space();
                if (!eat(',') && peek() != '}')
                    return false;
                skip_space();
            }
            return true;
        }
        std::string word;
        if (identifier(word)) {
            if (word == "True" || word == "true")
                out = true;
            else if (word == "False" || word == "false")
                out = false;
            else if (word == "None" || word == "none")
                out = nullptr;
            else
                return false;
            return true;
        }
        const std::size_t start = at_;
        if (peek() == '-' || peek() == '+')
            ++at_;
        bool digits = false, fraction = false;
        while (std::isdigit(static_cast<unsigned char>(peek())) || peek() == '.') {
            fraction = fraction || peek() == '.';
            digits = digits || peek() != '.';
            ++at_;
        }
        if (!digits)
            return false;
        const std::string number(text_.substr(start, at_ - start));
        if (fraction)
            out = std::stod(number);
        else
            out = std::stoll(number);
        return true;
    }

    std::string_view text_;
    std::size_t at_ = 0;
};

void trim_right(std::string& out) {
    while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back())))
        out.pop_back();
}

// The end of the tag that starts at `open` ("{{", "{%", "{#"), past its closing two
// characters; quotes inside an expression or statement are skipped over.
std::size_t tag_end(const std::string& text, std::size_t open, char close) {
    char quote = 0;
    for (std::size_t i = open + 2; i + 1 < text.size(); ++i) {
        const char c = text[i];
        if (close != '#') {
            if (quote) {
                if (c == '\\')
                    ++i;
                else if (c == quote)
                    quote = 0;
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                continue;
            }
        }
        if (c == close && text[i + 1] == '}')
            return i + 2;
    }
    return std::string::npos;
}

// The inside of a tag, without its delimiters and whitespace-control dashes; sets the
// trim flags.
std::string tag_body(const std::string& text, std::size_t open, std::size_t end, bool& trim_before,
                     bool& trim_after) {
    std::size_t from = open + 2, to = end - 2;
    trim_before = from < to && text[from] == '-';
    if (trim_before)
        ++from;
    trim_after = to > from && text[to - 1] == '-';
    if (trim_after)
        --to;
    std::string body = text.substr(from, to - from);
    const std::size_t first = body.find_first_not_of(" \t\r\n");
    const std::size_t last = body.find_last_not_of(" \t\r\n");
    return first == std::string::npos ? std::string() : body.substr(first, last - first + 1);
}

}  // namespace

bool parse_call(const std::string& expression, Call& call) {
    call = Call{};
    ExpressionReader reader(expression);
    return reader.call(call);
}

bool has_jinja(const std::string& text) {
    return text.find("{{") != std::string::npos || text.find("{%") != std::string::npos ||
           text.find("{#") != std::string::npos;
}

std::string render(const std::string& text, const CallRenderer& render_call) {
    std::string out;
    out.reserve(text.size());
    std::size_t at = 0;
    bool trim_next = false;
    while (at < text.size()) {
        std::size_t open = text.find('{', at);
        while (open != std::string::npos && open + 1 < text.size() && text[open + 1] != '{' &&
               text[open + 1] != '%' && text[open + 1] != '#')
            open = text.find('{', open + 1);
        if (open == std::string::npos || open + 1 >= text.size()) {
            std::string tail = text.substr(at);
            if (trim_next)
                tail.erase(0, tail.find_first_not_of(" \t\r\n") == std::string::npos ? tail.size()
                                                                                      : tail.find_first_not_of(" \t\r\n"));
            out += tail;
            break;
        }
        std::string before = text.substr(at, open - at);
        if (trim_next) {
            const std::size_t first = before.find_first_not_of(" \t\r\n");
            before.erase(0, first == std::string::npos ? before.size() : first);
        }
        out += before;
        const char kind = text[open + 1];
        const char close = kind == '{' ? '}' : kind;
        const std::size_t end = tag_end(text, open, close);
        if (end == std::string::npos)
            throw Unsupported(std::string("an unclosed Jinja tag \"") + text.substr(open, 2) + "\"");
        bool trim_before = false, trim_after = false;
        const std::string body = tag_body(text, open, end, trim_before, trim_after);
        if (trim_before)
            trim_right(out);
        trim_next = trim_after;
        at = end;
        if (kind == '#')
            continue;
        if (kind == '%') {
            if (body != "raw")
                throw Unsupported("the Jinja statement {% " + body.substr(0, body.find_first_of(" \t\r\n")) +
                                  " %}");
            // Verbatim up to {% endraw %} (with or without dashes and spaces).
            std::size_t search = at;
            for (;;) {
                const std::size_t tag = text.find("{%", search);
                if (tag == std::string::npos)
                    throw Unsupported("a {% raw %} block without {% endraw %}");
                const std::size_t tag_close = tag_end(text, tag, '%');
                if (tag_close == std::string::npos)
                    throw Unsupported("a {% raw %} block without {% endraw %}");
                bool before_dash = false, after_dash = false;
                if (tag_body(text, tag, tag_close, before_dash, after_dash) == "endraw") {
                    std::string verbatim = text.substr(at, tag - at);
                    if (trim_after) {
                        const std::size_t first = verbatim.find_first_not_of(" \t\r\n");
                        verbatim.erase(0, first == std::string::npos ? verbatim.size() : first);
                    }
                    if (before_dash)
                        trim_right(verbatim);
                    out += verbatim;
                    at = tag_close;
                    trim_next = after_dash;
                    break;
                }
                search = tag + 2;
            }
            continue;
        }
        Call call;
        if (!parse_call(body, call)) {
            ExpressionReader reader(body);
            const std::string head = reader.head();
            throw Unsupported("the Jinja expression {{ " + (head.empty() ? body : head) + " }}");
        }
        out += render_call(call);
    }
    return out;
}

}  // namespace cartridge::jinja
