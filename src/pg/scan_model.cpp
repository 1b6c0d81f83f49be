#include "pg/scan_model.hpp"

#include "core/error.hpp"
#include "pg/spi.hpp"

#include <algorithm>
#include <map>

namespace cartridge::pg {

namespace {

using nlohmann::json;

// Each table is read as one JSON document per row: arrays and nulls arrive typed, so no
// hand-written parser of PostgreSQL's array literal syntax is needed.
std::vector<json> rows_as_json(const std::string& table, const std::string& order_by, int64_t scan_id) {
    std::string id = std::to_string(scan_id);
    std::vector<json> out;
    for (const TextRow& row :
         spi_query_pg("SELECT to_jsonb(t)::text FROM cartridge." + table + " t WHERE scan_id = $1 ORDER BY " + order_by,
                      {{INT8OID, id.c_str()}}))
        out.push_back(json::parse(*row[0]));
    return out;
}

std::string str(const json& j, const char* key) {
    const json& v = j.at(key);
    return v.is_null() ? std::string() : v.get<std::string>();
}

std::vector<std::string> strings(const json& j, const char* key) {
    std::vector<std::string> out;
    if (j.contains(key) && j.at(key).is_array())
        for (const json& v : j.at(key))
            out.push_back(v.is_null() ? std::string() : v.get<std::string>());
    return out;
}

}  // namespace

Schema load_scan_pg(int64_t scan_id) {
    SpiScope spi;
    Schema schema;
    schema.scan_id = scan_id;
    std::string id = std::to_string(scan_id);
    auto scan = spi_query_pg("SELECT database_name FROM cartridge.scans WHERE id = $1", {{INT8OID, id.c_str()}});
    if (scan.empty())
        throw Error(sqlstate::undefined_object, "scan " + id + " does not exist",
                    "SELECT id, database_name, started_at FROM cartridge.scans lists the scans you can see.");
    schema.database = scan[0][0].value_or("");

    std::map<std::pair<std::string, std::string>, size_t> index;
    for (const json& r : rows_as_json("relations", "schema_name, table_name", scan_id)) {
        Relation rel;
        rel.schema = str(r, "schema_name");
        rel.name = str(r, "table_name");
        rel.kind = str(r, "kind");
        rel.owner = str(r, "owner");
        rel.comment = str(r, "comment");
        if (!r.at("row_estimate").is_null())
            rel.row_estimate = r.at("row_estimate").get<int64_t>();
        rel.can_select = r.at("can_select").get<bool>();
        rel.view_definition = str(r, "view_definition");
        rel.classification = str(r, "classification");
        if (!r.at("classification_confidence").is_null())
            rel.classification_confidence = r.at("classification_confidence").get<double>();
        rel.classification_evidence = r.at("classification_evidence");
        index[{rel.schema, rel.name}] = schema.relations.size();
        schema.relations.push_back(std::move(rel));
    }
    auto owner = [&](const json& row) -> Relation* {
        auto it = index.find({str(row, "schema_name"), str(row, "table_name")});
        return it == index.end() ? nullptr : &schema.relations[it->second];
    };
    for (const json& c : rows_as_json("columns", "schema_name, table_name, ordinal", scan_id)) {
        Relation* rel = owner(c);
        if (!rel)
            continue;
        Column col;
        col.name = str(c, "column_name");
        col.ordinal = c.at("ordinal").get<int>();
        col.data_type = str(c, "data_type");
        col.base_type = str(c, "base_type");
        col.element_type = str(c, "element_type");
        col.enum_values = strings(c, "enum_values");
        col.nullable = c.at("is_nullable").get<bool>();
        if (!c.at("column_default").is_null())
            col.default_expr = str(c, "column_default");
        col.identity = str(c, "identity");
        col.generated = str(c, "generated");
        col.comment = str(c, "comment");
        col.profile = c.at("profile");
        rel->columns.push_back(std::move(col));
    }
    for (const json& c : rows_as_json("constraints", "schema_name, table_name, constraint_name", scan_id)) {
        Relation* rel = owner(c);
        if (!rel)
            continue;
        Constraint con;
        con.name = str(c, "constraint_name");
        con.type = str(c, "constraint_type");
        con.columns = strings(c, "columns");
        con.definition = str(c, "definition");
        con.ref_schema = str(c, "ref_schema");
        con.ref_table = str(c, "ref_table");
        con.ref_columns = strings(c, "ref_columns");
        con.accepted_values = strings(c, "accepted_values");
        rel->constraints.push_back(std::move(con));
    }
    for (const json& i : rows_as_json("indexes", "schema_name, table_name, index_name", scan_id)) {
        Relation* rel = owner(i);
        if (!rel)
            continue;
        Index idx;
        idx.name = str(i, "index_name");
        idx.method = str(i, "method");
        idx.unique = i.at("is_unique").get<bool>();
        idx.primary = i.at("is_primary").get<bool>();
        for (const json& v : i.at("columns"))
            idx.columns.push_back(v.is_null() ? std::nullopt : std::optional<std::string>(v.get<std::string>()));
        idx.predicate = str(i, "predicate");
        rel->indexes.push_back(std::move(idx));
    }
    for (const json& r : rows_as_json("relationships", "from_schema, from_table, from_columns, to_schema, to_table, id", scan_id)) {
        Relationship e;
        e.from_schema = str(r, "from_schema");
        e.from_table = str(r, "from_table");
        e.from_columns = strings(r, "from_columns");
        e.to_schema = str(r, "to_schema");
        e.to_table = str(r, "to_table");
        e.to_columns = strings(r, "to_columns");
        e.source = str(r, "source");
        e.constraint_name = str(r, "constraint_name");
        e.confidence = r.at("confidence").get<double>();
        e.cardinality = str(r, "cardinality");
        e.evidence = r.at("evidence");
        schema.relationships.push_back(std::move(e));
    }
    return schema;
}

}  // namespace cartridge::pg
