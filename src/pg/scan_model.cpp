#include "pg/scan_model.hpp"
#include "pg/subtransaction.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <numeric>

extern "C" {
#include "catalog/pg_type_d.h"
}

namespace cartridge::pg {

namespace {

using nlohmann::json;

// Values arrive as text, arrays and jsonb as JSON text (arrays arrive typed, so no parser of
// PostgreSQL's array literal syntax is needed).
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

std::string name_key(const std::string& schema, const std::string& table) {
    std::string key = schema;
    key += '\0';
    key += table;
    return key;
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

const char* ScanModelFields::relations() {
    return "schema_name, table_name, kind, owner, comment, row_estimate, can_select, view_definition, "
           "classification, classification_confidence, classification_evidence, populated, relation_oid";
}

const char* ScanModelFields::columns(bool inference_profile) {
    static const std::string common =
        "schema_name, table_name, column_name, ordinal, data_type, base_type, element_type, "
        "pg_catalog.to_jsonb(enum_values)::text, is_nullable, column_default, identity, generated, comment, ";
    static const std::string whole = common + "profile::text";
    static const std::string slim = common + inference_profile_sql;
    return inference_profile ? slim.c_str() : whole.c_str();
}

const char* ScanModelFields::constraints() {
    return "schema_name, table_name, constraint_name, constraint_type, pg_catalog.to_jsonb(columns)::text, "
           "definition, ref_schema, ref_table, pg_catalog.to_jsonb(ref_columns)::text, "
           "pg_catalog.to_jsonb(accepted_values)::text";
}

const char* ScanModelFields::indexes() {
    return "schema_name, table_name, index_name, method, is_unique, is_primary, pg_catalog.to_jsonb(columns)::text, "
           "predicate";
}

const char* ScanModelFields::relationships() {
    return "from_schema, from_table, pg_catalog.to_jsonb(from_columns)::text, to_schema, to_table, "
           "pg_catalog.to_jsonb(to_columns)::text, source, constraint_name, confidence, cardinality, evidence::text, id";
}

void SchemaBuilder::relation(const TextRow& r) {
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
    rel.populated = !r[11] || boolean(r, 11);
    if (r[12])  // NULL in scans stored before version 0.6.0
        rel.oid = static_cast<uint32_t>(std::stoul(*r[12]));
    by_name_[name_key(rel.schema, rel.name)] = schema_.relations.size();
    last_ = nullptr;  // the vector may move
    schema_.relations.push_back(std::move(rel));
}

// The relation a row of a per-relation table belongs to (schema_name and table_name first);
// rows mostly come grouped by relation, so the last one is kept at hand.
Relation* SchemaBuilder::owner(const TextRow& row) {
    if (last_ && last_->schema == *row[0] && last_->name == *row[1])
        return last_;
    auto it = by_name_.find(name_key(*row[0], *row[1]));
    last_ = it == by_name_.end() ? nullptr : &schema_.relations[it->second];
    return last_;
}

void SchemaBuilder::column(const TextRow& c) {
    Relation* rel = owner(c);
    if (!rel)
        return;
    Column col;
    col.name = text(c, 2);
    col.ordinal = std::stoi(*c[3]);
    col.attnum = rel->oid ? col.ordinal : 0;  // the ordinal is pg_attribute.attnum
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
    rel->columns.push_back(std::move(col));
}

void SchemaBuilder::constraint(const TextRow& c) {
    Relation* rel = owner(c);
    if (!rel)
        return;
    Constraint con;
    con.name = text(c, 2);
    con.type = text(c, 3);
    con.columns = strings(c, 4);
    con.definition = text(c, 5);
    con.ref_schema = text(c, 6);
    con.ref_table = text(c, 7);
    con.ref_columns = strings(c, 8);
    con.accepted_values = strings(c, 9);
    rel->constraints.push_back(std::move(con));
}

void SchemaBuilder::index(const TextRow& i) {
    Relation* rel = owner(i);
    if (!rel)
        return;
    Index idx;
    idx.name = text(i, 2);
    idx.method = text(i, 3);
    idx.unique = boolean(i, 4);
    idx.primary = boolean(i, 5);
    if (i[6])
        for (const json& v : json::parse(*i[6]))
            idx.columns.push_back(v.is_null() ? std::nullopt : std::optional<std::string>(v.get<std::string>()));
    idx.predicate = text(i, 7);
    rel->indexes.push_back(std::move(idx));
}

void SchemaBuilder::relationship(const TextRow& r) {
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
    schema_.relationships.push_back(std::move(e));
    relationship_ids_.push_back(r[11] ? std::stoll(*r[11]) : 0);
}

Schema SchemaBuilder::finish(int64_t scan_id, std::string database) {
    // Names compare byte-wise, as the tables' COLLATE "C" columns do.
    for (Relation& rel : schema_.relations) {
        std::stable_sort(rel.columns.begin(), rel.columns.end(),
                         [](const Column& a, const Column& b) { return a.ordinal < b.ordinal; });
        std::stable_sort(rel.constraints.begin(), rel.constraints.end(),
                         [](const Constraint& a, const Constraint& b) { return a.name < b.name; });
        std::stable_sort(rel.indexes.begin(), rel.indexes.end(),
                         [](const Index& a, const Index& b) { return a.name < b.name; });
    }
    std::stable_sort(schema_.relations.begin(), schema_.relations.end(), [](const Relation& a, const Relation& b) {
        return std::tie(a.schema, a.name) < std::tie(b.schema, b.name);
    });
    std::vector<size_t> order(schema_.relationships.size());
    std::iota(order.begin(), order.end(), 0);
    const auto& edges = schema_.relationships;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return std::tie(edges[a].from_schema, edges[a].from_table, edges[a].from_columns, edges[a].to_schema,
                        edges[a].to_table, relationship_ids_[a]) <
               std::tie(edges[b].from_schema, edges[b].from_table, edges[b].from_columns, edges[b].to_schema,
                        edges[b].to_table, relationship_ids_[b]);
    });
    std::vector<Relationship> sorted;
    sorted.reserve(order.size());
    for (size_t i : order)
        sorted.push_back(std::move(schema_.relationships[i]));
    schema_.relationships = std::move(sorted);
    schema_.scan_id = scan_id;
    schema_.database = std::move(database);
    by_name_.clear();
    last_ = nullptr;
    relationship_ids_.clear();
    return std::move(schema_);
}

Schema load_scan_pg(int64_t scan_id, bool inference_profiles) {
    SpiScope spi;
    // What this transaction wrote earlier in the same statement is read too:
    // SELECT cartridge_generate(cartridge_scan()).
    FreshSnapshotScope snapshot;
    const std::string id = std::to_string(scan_id);
    auto scan = spi_query_pg(
        "SELECT database_name, stats->'remote'->>'host', stats->'remote'->>'port' FROM cartridge.scans WHERE id = $1",
        {{INT8OID, id.c_str()}});
    if (scan.empty())
        throw Error(sqlstate::undefined_object, "scan " + id + " does not exist",
                    "SELECT id, database_name, started_at FROM cartridge.scans lists the scans you can see.");
    // Each table through a cursor: the model is built row by row and no copy of a whole
    // table is ever held. The builder sorts, so the rows come unordered.
    SchemaBuilder builder;
    auto read = [&](const char* fields, const char* table, void (SchemaBuilder::*add)(const TextRow&)) {
        spi_for_each_row_pg(std::string("SELECT ") + fields + " FROM cartridge." + table + " WHERE scan_id = $1",
                            {{INT8OID, id.c_str()}}, [&](const TextRow& row) { (builder.*add)(row); });
    };
    read(ScanModelFields::relations(), "relations", &SchemaBuilder::relation);
    read(ScanModelFields::columns(inference_profiles), "columns", &SchemaBuilder::column);
    read(ScanModelFields::constraints(), "constraints", &SchemaBuilder::constraint);
    read(ScanModelFields::indexes(), "indexes", &SchemaBuilder::index);
    read(ScanModelFields::relationships(), "relationships", &SchemaBuilder::relationship);
    Schema schema = builder.finish(scan_id, scan[0][0].value_or(""));
    schema.host = scan[0][1].value_or("");
    schema.port = scan[0][2].value_or("");
    return schema;
}

}  // namespace cartridge::pg
