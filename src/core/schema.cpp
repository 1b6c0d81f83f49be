#include "core/schema.hpp"

#include <algorithm>

namespace cartridge {

const Column* Relation::column(const std::string& column_name) const {
    auto it = std::find_if(columns.begin(), columns.end(),
                           [&](const Column& c) { return c.name == column_name; });
    return it == columns.end() ? nullptr : &*it;
}

std::vector<std::string> Relation::primary_key() const {
    for (const Constraint& c : constraints)
        if (c.type == "primary_key")
            return c.columns;
    return {};
}

const Relation* Schema::relation(const std::string& schema, const std::string& name) const {
    auto it = std::lower_bound(relations.begin(), relations.end(), std::make_pair(schema, name),
                               [](const Relation& r, const std::pair<std::string, std::string>& key) {
                                   return std::tie(r.schema, r.name) < std::tie(key.first, key.second);
                               });
    if (it != relations.end() && it->schema == schema && it->name == name)
        return &*it;
    return nullptr;
}

}  // namespace cartridge
