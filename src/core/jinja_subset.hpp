// The part of Jinja that generated dbt projects are held to, rendered without dbt:
// {{ ref(...) }}, {{ source(...) }} and {{ config(...) }} with literal arguments,
// {% raw %}...{% endraw %}, {# comments #} and the whitespace control of '-'. Anything else
// (another call, a variable, a {% if %} block) is refused with a reason that names it, so
// the caller can report the model as not run instead of running something else.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace cartridge::jinja {

// A call in an expression, with its arguments as JSON values (Python literals: strings,
// numbers, True/False/None, lists and dicts).
struct Call {
    std::string function;
    std::vector<nlohmann::json> args;
    std::vector<std::pair<std::string, nlohmann::json>> kwargs;

    const nlohmann::json* kwarg(const std::string& name) const;
};

// Why a template cannot be rendered here.
class Unsupported : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// What an {{ expression }} becomes; may throw Unsupported.
using CallRenderer = std::function<std::string(const Call&)>;

// The template with each {{ call(...) }} replaced by what render gives for it. Throws
// Unsupported for anything outside the subset (and for a call render refuses).
std::string render(const std::string& text, const CallRenderer& render);

// A string that holds just a call, "ref('orders')" (as dbt's test arguments are written);
// nullopt-like false when it is anything else.
bool parse_call(const std::string& expression, Call& call);

// True when the text opens a Jinja tag, comment or expression anywhere.
bool has_jinja(const std::string& text);

}  // namespace cartridge::jinja
