// Hand-built schema models for the generator's tests and benchmarks (no server needed).
#pragma once

#include "core/schema.hpp"

#include <string>
#include <utility>
#include <vector>

namespace cartridge::testing {

inline Column column(const std::string& name, int ordinal, const std::string& type, bool nullable = true) {
    Column c;
    c.name = name;
    c.ordinal = ordinal;
    c.data_type = type;
    c.nullable = nullable;
    return c;
}

inline Constraint primary_key(const std::string& name, std::vector<std::string> columns) {
    Constraint c;
    c.name = name;
    c.type = "primary_key";
    c.columns = std::move(columns);
    return c;
}

inline Relation table(const std::string& schema, const std::string& name, std::vector<Column> columns,
                      std::vector<Constraint> constraints = {}, const std::string& kind = "table") {
    Relation r;
    r.schema = schema;
    r.name = name;
    r.kind = kind;
    r.can_select = true;
    r.columns = std::move(columns);
    r.constraints = std::move(constraints);
    return r;
}

inline Relationship edge(const std::string& from, std::vector<std::string> from_columns, const std::string& to,
                         std::vector<std::string> to_columns, const std::string& source = "declared",
                         double confidence = 1.0, const std::string& schema = "public") {
    Relationship r;
    r.from_schema = schema;
    r.from_table = from;
    r.from_columns = std::move(from_columns);
    r.to_schema = schema;
    r.to_table = to;
    r.to_columns = std::move(to_columns);
    r.source = source;
    r.constraint_name = source == "declared" ? from + "_fk" : "";
    r.confidence = confidence;
    r.cardinality = "many_to_one";
    return r;
}

inline void sort_relations(Schema& s) {
    std::sort(s.relations.begin(), s.relations.end(), [](const Relation& a, const Relation& b) {
        return std::tie(a.schema, a.name) < std::tie(b.schema, b.name);
    });
}

// A small shop: customers, orders with lines, products in categories; an enum, a check
// constraint, a composite key and one inferred edge.
inline Schema shop_schema() {
    Schema s;
    s.scan_id = 7;
    s.database = "shop";
    Column status = column("status", 3, "order_status", false);
    status.enum_values = {"placed", "shipped", "returned"};
    Constraint rating_check;
    rating_check.name = "product_rating_check";
    rating_check.type = "check";
    rating_check.columns = {"rating"};
    rating_check.accepted_values = {"1", "2", "3"};
    Column customer_name = column("CustomerName", 2, "text", false);
    customer_name.comment = "Full name, as typed by the customer";
    s.relations = {
        table("public", "Customer", {column("CustomerId", 1, "integer", false), customer_name,
                                     column("updated_at", 3, "timestamp with time zone")},
              {primary_key("customer_pkey", {"CustomerId"})}),
        table("public", "orders", {column("order_id", 1, "integer", false), column("CustomerId", 2, "integer"),
                                   status, column("ordered_at", 4, "timestamp without time zone", false),
                                   column("total", 5, "numeric(10,2)")},
              {primary_key("orders_pkey", {"order_id"})}),
        table("public", "order_line", {column("order_id", 1, "integer", false), column("line_no", 2, "integer", false),
                                       column("product_id", 3, "integer", false), column("quantity", 4, "integer"),
                                       column("price", 5, "numeric(10,2)")},
              {primary_key("order_line_pkey", {"order_id", "line_no"})}),
        table("public", "product", {column("product_id", 1, "integer", false), column("category_id", 2, "integer"),
                                    column("name", 3, "text"), column("rating", 4, "integer")},
              {primary_key("product_pkey", {"product_id"}), rating_check}),
        table("public", "category", {column("category_id", 1, "integer", false), column("name", 2, "text")},
              {primary_key("category_pkey", {"category_id"})}),
        table("public", "active_customers", {column("CustomerId", 1, "integer")}, {}, "view"),
    };
    sort_relations(s);
    s.relationships = {
        edge("order_line", {"order_id"}, "orders", {"order_id"}),
        edge("order_line", {"product_id"}, "product", {"product_id"}),
        edge("orders", {"CustomerId"}, "Customer", {"CustomerId"}),
        edge("product", {"category_id"}, "category", {"category_id"}, "inferred", 0.7),
    };
    return s;
}

// Names that break diagrams drawn naively: keywords of Mermaid's erDiagram and of dot,
// quotes, backslashes, markup, Mermaid's comment and entity syntax, line breaks, non-ASCII
// (accents, an emoji), names that differ only by what a safe id drops, over three schemas
// (one needing quotes). Relationships: declared, inferred (one below 0.5), one-to-one,
// cross-schema and self-referencing.
inline Schema awkward_schema() {
    Schema s;
    s.scan_id = 13;
    s.database = "awkward";
    Column quoted_col = column("my \"quoted\" col", 2, "integer");
    Constraint fk;
    fk.name = "select_fk";
    fk.type = "foreign_key";
    fk.columns = {"my \"quoted\" col"};
    fk.ref_schema = "public";
    fk.ref_table = "order";
    fk.ref_columns = {"id"};
    Constraint unique_code;
    unique_code.name = "graph_code_key";
    unique_code.type = "unique";
    unique_code.columns = {"Code"};
    s.relations = {
        table("public", "order", {column("id", 1, "integer", false), column("\xc3\x9cn\xc3\xaf" "code", 2, "text"),
                                  column("pk", 3, "uk"), column("FK", 4, "\"My Type\""),
                                  column("direction LR", 5, "character varying(40)"),
                                  column("%% not a comment", 6, "integer[]")},
              {primary_key("order_pkey", {"id"})}),
        table("public", "select", {column("id", 1, "bigint", false), quoted_col, column("a~b~c", 3, "text"),
                                   column("1st", 4, "timestamp with time zone"), column("#quot;", 5, "text")},
              {primary_key("select_pkey", {"id"}), fk}),
        table("public", "graph", {column("id", 1, "integer", false), column("node_id", 2, "integer"),
                                  column("Code", 3, "text"), column("end", 4, "text")},
              {primary_key("graph_pkey", {"id"}), unique_code}),
        table("public", "node", {column("id", 1, "integer", false), column("parent_id", 2, "integer"),
                                 column("back\\slash", 3, "text")},
              {primary_key("node_pkey", {"id"})}),
        table("public", "end", {column("order_id", 1, "integer", false), column("style:x#y;", 2, "text")},
              {primary_key("end_pkey", {"order_id"})}),
        table("public", "direction TB", {column("id", 1, "integer")}),
        table("public", "order items", {column("id", 1, "integer")}),
        table("public", "order_items", {column("id", 1, "integer")}),
        table("Sales Data", "\xc3\x9cn\xc3\xaf" "code \xf0\x9f\x93\xa6", {column("id", 1, "integer", false),
                                                                  column("order_id", 2, "integer")},
              {primary_key("unicode_pkey", {"id"})}),
        table("Sales Data", "<b>html</b> & \"co\"", {column("line\nbreak", 1, "integer")}, {}, "view"),
        table("subgraph", "edge", {column("strict", 1, "integer"), column("digraph", 2, "integer")}),
    };
    sort_relations(s);
    Relationship one = edge("end", {"order_id"}, "order", {"id"});
    one.cardinality = "one_to_one";
    Relationship cross = edge("\xc3\x9cn\xc3\xaf" "code \xf0\x9f\x93\xa6", {"order_id"}, "order", {"id"}, "inferred", 0.93);
    cross.from_schema = "Sales Data";
    s.relationships = {
        edge("select", {"my \"quoted\" col"}, "order", {"id"}),
        edge("graph", {"node_id"}, "node", {"id"}, "inferred", 0.42),
        edge("node", {"parent_id"}, "node", {"id"}),
        one,
        cross,
    };
    return s;
}

}  // namespace cartridge::testing
