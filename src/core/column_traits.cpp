#include "core/column_traits.hpp"

#include <algorithm>

namespace cartridge {

namespace {

bool starts_with(const std::string& s, const char* prefix) {
    return s.rfind(prefix, 0) == 0;
}

// numeric(p,0) and numeric(p) hold whole numbers: keys migrated from Oracle look like that.
bool is_whole_numeric(const std::string& type) {
    if (!starts_with(type, "numeric("))
        return false;
    auto comma = type.find(',');
    if (comma == std::string::npos)
        return true;
    return type.compare(comma, 3, ",0)") == 0;
}

const nlohmann::json* profile_field(const Column& column, const char* key) {
    if (!column.profile.is_object())
        return nullptr;
    auto it = column.profile.find(key);
    return it == column.profile.end() || it->is_null() ? nullptr : &*it;
}

}  // namespace

std::string type_without_modifier(const std::string& data_type) {
    auto paren = data_type.find('(');
    if (paren == std::string::npos)
        return data_type;
    std::string out = data_type.substr(0, paren);
    auto close = data_type.find(')', paren);
    if (close != std::string::npos && close + 1 < data_type.size())
        out += data_type.substr(close + 1);  // "timestamp(3) with time zone"
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

TypeFamily type_family(const Column& column) {
    const std::string& full = column.base_type.empty() ? column.data_type : column.base_type;
    if (!column.element_type.empty() || (full.size() > 2 && full.compare(full.size() - 2, 2, "[]") == 0))
        return TypeFamily::array;
    std::string type = type_without_modifier(full);
    if (type == "smallint" || type == "integer" || type == "bigint" || type == "int2" || type == "int4" ||
        type == "int8" || is_whole_numeric(full))
        return TypeFamily::integer;
    if (type == "numeric" || type == "real" || type == "double precision" || type == "money" ||
        type == "float4" || type == "float8")
        return TypeFamily::decimal;
    if (type == "text" || type == "character varying" || type == "character" || type == "varchar" ||
        type == "bpchar" || type == "citext" || type == "name" || type == "\"char\"")
        return TypeFamily::text;
    if (type == "uuid")
        return TypeFamily::uuid;
    if (type == "date")
        return TypeFamily::date;
    if (starts_with(type, "timestamp"))
        return TypeFamily::timestamp;
    if (starts_with(type, "time") || type == "interval")
        return TypeFamily::time;
    if (type == "boolean")
        return TypeFamily::boolean;
    if (type == "bytea")
        return TypeFamily::binary;
    if (type == "json" || type == "jsonb" || type == "xml")
        return TypeFamily::json;
    return TypeFamily::other;
}

bool key_types_identical(const Column& child, const Column& parent) {
    const std::string& a = child.base_type.empty() ? child.data_type : child.base_type;
    const std::string& b = parent.base_type.empty() ? parent.data_type : parent.base_type;
    return type_without_modifier(a) == type_without_modifier(b);
}

bool key_types_compatible(const Column& child, const Column& parent) {
    // numeric without a precision (Oracle's NUMBER) holds the whole numbers of a key too.
    auto key_family = [](const Column& c) {
        return (c.base_type.empty() ? c.data_type : c.base_type) == "numeric" ? TypeFamily::integer : type_family(c);
    };
    TypeFamily a = key_family(child);
    TypeFamily b = key_family(parent);
    switch (a) {
    case TypeFamily::integer:
    case TypeFamily::text:
    case TypeFamily::uuid:
    case TypeFamily::date:
        return a == b;
    case TypeFamily::decimal:
    case TypeFamily::timestamp:
    case TypeFamily::other:
        return a == b && key_types_identical(child, parent);
    default:
        return false;  // booleans, json, arrays, binary data are not keys
    }
}

bool is_profiled(const Column& column) {
    return column.profile.is_object() && !column.profile.empty();
}

std::optional<double> null_fraction(const Column& column) {
    const nlohmann::json* v = profile_field(column, "null_fraction");
    if (v && v->is_number())
        return v->get<double>();
    return std::nullopt;
}

bool unique_on_data(const Column& column) {
    const nlohmann::json* unique = profile_field(column, "unique");
    if (!unique || !unique->is_boolean() || !unique->get<bool>())
        return false;
    std::optional<double> nulls = null_fraction(column);
    return !column.nullable || (nulls && *nulls == 0.0);
}

std::optional<std::string> value_shape(const Column& column) {
    const nlohmann::json* v = profile_field(column, "shape");
    if (v && v->is_string())
        return v->get<std::string>();
    return std::nullopt;
}

bool empty_on_data(const Column& column) {
    const nlohmann::json* rows = profile_field(column, "table_rows");
    const nlohmann::json* exact = profile_field(column, "table_rows_exact");
    return rows && rows->is_number() && rows->get<int64_t>() == 0 && exact && exact->is_boolean() && exact->get<bool>();
}

std::vector<std::string> unique_with(const Column& column) {
    std::vector<std::string> out;
    const nlohmann::json* with = profile_field(column, "unique_with");
    if (with && with->is_array())
        for (const nlohmann::json& name : *with)
            if (name.is_string())
                out.push_back(name.get<std::string>());
    return out;
}

std::optional<int64_t> relation_rows(const Relation& relation) {
    if (relation.row_estimate && *relation.row_estimate >= 0)
        return relation.row_estimate;
    for (const Column& column : relation.columns) {
        const nlohmann::json* rows = profile_field(column, "table_rows");
        if (rows && rows->is_number())
            return rows->get<int64_t>();
    }
    return std::nullopt;
}

std::vector<std::vector<std::string>> declared_keys(const Relation& relation) {
    std::vector<std::vector<std::string>> keys;
    auto add = [&](std::vector<std::string> columns) {
        if (columns.empty())
            return;
        if (std::find(keys.begin(), keys.end(), columns) == keys.end())
            keys.push_back(std::move(columns));
    };
    for (const Constraint& c : relation.constraints)
        if (c.type == "primary_key")
            add(c.columns);
    for (const Constraint& c : relation.constraints)
        if (c.type == "unique")
            add(c.columns);
    for (const Index& index : relation.indexes) {
        if (!index.unique || !index.predicate.empty())
            continue;
        std::vector<std::string> columns;
        bool plain = true;
        for (const auto& column : index.columns) {
            if (!column) {
                plain = false;
                break;
            }
            columns.push_back(*column);
        }
        if (plain)
            add(std::move(columns));
    }
    return keys;
}

}  // namespace cartridge
