#include "pg/scan_model.hpp"

#include "core/error.hpp"
#include "pg/spi.hpp"

#include <algorithm>
#include <map>

namespace cartridge::pg {

namespace {

using nlohmann::json;

// Each table is read column by column as text, arrays and jsonb as JSON text (arrays
// arrive typed, so no parser of PostgreSQL's array literal syntax is needed), through a
// cursor: the model is built row by row and no copy of a whole table is ever held.
void for_each_row_pg(const std::string& columns, const std::string& table, const std::string& order_by,
                     int64_t scan_id, const std::function<void(const TextRow&)>& each) {
    const std::string id = std::to_string(scan_id);
    spi_for_each_row_pg("SELECT " + columns + " FROM cartridge." + table + " WHERE scan_id = $1 ORDER BY " + order_by,
                        {{INT8OID, id.c_str()}}, each);
}

std::string text(const TextRow& row, size_t i) {
    return row[i].value_or(std::string());
}

bool boolean(const TextRow& row, size_t i) {
    return row[i] && *row[i] == "t";
}

json parsed(const TextRow& row, size_t i) {
    return row[i] ? json::parse(*row[i]) : json();
}

std::vector<std::string> strings(const TextRow& row, size_t i) {
    std::vector<std::string> out;
    if (row[i])
        for (const json& v : json::parse(*row[i]))
            out.push_back(v.is_null() ? std::string() : v.get<std::string>());
    return out;
}

// The keys of a profile that inference and classification read (see column_traits.cpp).
const char* const inference_profile_sql =
    "pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object("
    "'null_fraction', profile OPERATOR(pg_catalog.->) 'null_fraction', "
    "'unique', profile OPERATOR(pg_catalog.->) 'unique', "
    "'shape', profile OPERATOR(pg_catalog.->) 'shape', "
    "'table_rows', profile OPERATOR(pg_catalog.->) 'table_rows', "
    "'table_rows_exact', profile OPERATOR(pg_catalog.->) 'table_rows_exact', "
    "'unique_with', profile OPERATOR(pg_catalog.->) 'unique_with', "
    "'distinct_in_sample', profile OPERATOR(pg_catalog.->) 'distinct_in_sample'))::text";

}  // namespace

Schema load_scan_pg(int64_t scan_id, bool inference_profiles) {
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
    for_each_row_pg(
        "schema_name, table_name, kind, owner, comment, row_estimate, can_select, view_definition, classification, "
        "classification_confidence, classification_evidence",
        "relations", "schema_name, table_name", scan_id, [&](const TextRow& r) {
            Relation rel;
            rel.schema = text(r, 0);
            rel.name = text(r, 1);
            rel.kind = text(r, 2);
            rel.owner = text(r, 3);
            rel.comment = text(r, 4);
            if (r[5])
                rel.row_estimate = std::stoll(*r[5]);
            rel.can_select = boolean(r, 6);
            rel.view_definition = text(r, 7);
            rel.classification = text(r, 8);
            if (r[9])
                rel.classification_confidence = std::stod(*r[9]);
            rel.classification_evidence = parsed(r, 10);
            index[{rel.schema, rel.name}] = schema.relations.size();
            schema.relations.push_back(std::move(rel));
        });
    // Rows of a per-relation table (schema_name and table_name first), each with the relation
    // it belongs to; rows come in (schema, table) order, so the last owner is kept at hand.
    auto for_each_owned_row = [&](const std::string& columns, const char* table, const char* order_by,
                                  const std::function<void(Relation&, const TextRow&)>& each) {
        Relation* last = nullptr;
        for_each_row_pg("schema_name, table_name, " + columns, table, order_by, scan_id, [&](const TextRow& row) {
            if (!last || last->schema != *row[0] || last->name != *row[1]) {
                auto it = index.find({*row[0], *row[1]});
                last = it == index.end() ? nullptr : &schema.relations[it->second];
            }
            if (last)
                each(*last, row);
        });
    };
    for_each_owned_row(
        "column_name, ordinal, data_type, base_type, element_type, "
        "pg_catalog.to_jsonb(enum_values)::text, is_nullable, column_default, identity, generated, comment, " +
            std::string(inference_profiles ? inference_profile_sql : "profile::text"),
        "columns", "schema_name, table_name, ordinal", [](Relation& rel, const TextRow& c) {
            Column col;
            col.name = text(c, 2);
            col.ordinal = std::stoi(*c[3]);
            col.data_type = text(c, 4);
            col.base_type = text(c, 5);
            col.element_type = text(c, 6);
            col.enum_values = strings(c, 7);
            col.nullable = boolean(c, 8);
            col.default_expr = c[9];
            col.identity = text(c, 10);
            col.generated = text(c, 11);
            col.comment = text(c, 12);
            col.profile = parsed(c, 13);
            rel.columns.push_back(std::move(col));
        });
    for_each_owned_row(
        "constraint_name, constraint_type, pg_catalog.to_jsonb(columns)::text, definition, "
        "ref_schema, ref_table, pg_catalog.to_jsonb(ref_columns)::text, pg_catalog.to_jsonb(accepted_values)::text",
        "constraints", "schema_name, table_name, constraint_name", [](Relation& rel, const TextRow& c) {
            Constraint con;
            con.name = text(c, 2);
            con.type = text(c, 3);
            con.columns = strings(c, 4);
            con.definition = text(c, 5);
            con.ref_schema = text(c, 6);
            con.ref_table = text(c, 7);
            con.ref_columns = strings(c, 8);
            con.accepted_values = strings(c, 9);
            rel.constraints.push_back(std::move(con));
        });
    for_each_owned_row(
        "index_name, method, is_unique, is_primary, pg_catalog.to_jsonb(columns)::text, "
        "predicate",
        "indexes", "schema_name, table_name, index_name", [](Relation& rel, const TextRow& i) {
            Index idx;
            idx.name = text(i, 2);
            idx.method = text(i, 3);
            idx.unique = boolean(i, 4);
            idx.primary = boolean(i, 5);
            if (i[6])
                for (const json& v : json::parse(*i[6]))
                    idx.columns.push_back(v.is_null() ? std::nullopt
                                                      : std::optional<std::string>(v.get<std::string>()));
            idx.predicate = text(i, 7);
            rel.indexes.push_back(std::move(idx));
        });
    for_each_row_pg(
        "from_schema, from_table, pg_catalog.to_jsonb(from_columns)::text, to_schema, to_table, "
        "pg_catalog.to_jsonb(to_columns)::text, source, constraint_name, confidence, cardinality, evidence::text",
        "relationships", "from_schema, from_table, from_columns, to_schema, to_table, id", scan_id,
        [&](const TextRow& r) {
            Relationship e;
            e.from_schema = text(r, 0);
            e.from_table = text(r, 1);
            e.from_columns = strings(r, 2);
            e.to_schema = text(r, 3);
            e.to_table = text(r, 4);
            e.to_columns = strings(r, 5);
            e.source = text(r, 6);
            e.constraint_name = text(r, 7);
            e.confidence = r[8] ? std::stod(*r[8]) : 1.0;
            e.cardinality = text(r, 9);
            e.evidence = r[10] ? json::parse(*r[10]) : json::object();
            schema.relationships.push_back(std::move(e));
        });
    return schema;
}

}  // namespace cartridge::pg
