#include "core/classification.hpp"

#include "schema_builder.hpp"

#include <gtest/gtest.h>

#include <map>

using namespace cartridge;
using cartridge::testing::SchemaBuilder;

namespace {

std::map<std::string, std::string> labels_of(const Schema& schema) {
    std::map<std::string, std::string> out;
    auto labels = classify_relations(schema);
    for (size_t i = 0; i < labels.size(); i++)
        out[schema.relations[i].name] = labels[i].label;
    return out;
}

}  // namespace

TEST(Classification, OrdersLinesCustomersAndCodes) {
    Schema schema = SchemaBuilder()
                        .table("s", "status", {{"status_id"}, {"name", "text"}}, {"status_id"})
                        .table("s", "customers",
                               {{"customer_id"}, {"name", "text"}, {"city", "text"}, {"phone", "text"}}, {"customer_id"})
                        .table("s", "products", {{"product_id"}, {"name", "text"}, {"price", "numeric(10,2)"},
                                                 {"description", "text"}},
                               {"product_id"})
                        .table("s", "orders", {{"order_id"}, {"customer_id"}, {"status_id"}, {"ordered_on", "date"},
                                               {"freight", "numeric(8,2)"}},
                               {"order_id"})
                        .table("s", "order_lines", {{"order_id"}, {"line_no"}, {"product_id"}, {"quantity"},
                                                    {"price", "numeric(10,2)"}},
                               {"order_id", "line_no"})
                        .table("s", "product_tags", {{"product_id"}, {"tag_id"}}, {"product_id", "tag_id"})
                        .table("s", "tags", {{"tag_id"}, {"label", "text"}}, {"tag_id"})
                        .table("s", "audit_log", {{"id"}, {"message", "text"}})
                        .foreign_key("s", "orders", {"customer_id"}, "customers", {"customer_id"})
                        .foreign_key("s", "orders", {"status_id"}, "status", {"status_id"})
                        .foreign_key("s", "order_lines", {"order_id"}, "orders", {"order_id"})
                        .foreign_key("s", "order_lines", {"product_id"}, "products", {"product_id"})
                        .foreign_key("s", "product_tags", {"product_id"}, "products", {"product_id"})
                        .foreign_key("s", "product_tags", {"tag_id"}, "tags", {"tag_id"})
                        .rows("s", "status", 5)
                        .rows("s", "tags", 40)
                        .rows("s", "customers", 5000)
                        .build();
    auto labels = labels_of(schema);
    EXPECT_EQ(labels["orders"], "fact");       // an event referenced by its own lines
    EXPECT_EQ(labels["order_lines"], "fact");  // references, measures, referenced by none
    EXPECT_EQ(labels["customers"], "dimension");
    EXPECT_EQ(labels["products"], "dimension");  // measures do not make a fact when facts reference it
    EXPECT_EQ(labels["status"], "reference");
    EXPECT_EQ(labels["tags"], "reference");
    EXPECT_EQ(labels["product_tags"], "bridge");
    EXPECT_EQ(labels["audit_log"], "other");
}

TEST(Classification, NamesOfAWarehouseWin) {
    Schema schema = SchemaBuilder()
                        .table("dw", "dim_date", {{"date_key"}, {"full_date", "date"}}, {"date_key"})
                        .table("dw", "fct_orders", {{"order_key"}, {"date_key"}}, {"order_key"})
                        .table("dw", "order_product_bridge", {{"order_key"}, {"product_key"}})
                        .build();
    auto labels = labels_of(schema);
    EXPECT_EQ(labels["dim_date"], "dimension");
    EXPECT_EQ(labels["fct_orders"], "fact");
    EXPECT_EQ(labels["order_product_bridge"], "bridge");
}

TEST(Classification, ContactDetailsMakeAnEntityNotACode) {
    Schema schema = SchemaBuilder()
                        .table("s", "shippers", {{"shipper_id"}, {"company_name", "text"}, {"phone", "text"}},
                               {"shipper_id"})
                        .table("s", "orders", {{"order_id"}, {"ship_via"}, {"order_date", "date"}}, {"order_id"})
                        .foreign_key("s", "orders", {"ship_via"}, "shippers", {"shipper_id"})
                        .rows("s", "shippers", 6)
                        .build();
    auto labels = classify_relations(schema);
    EXPECT_EQ(labels[1].label, "dimension");
    EXPECT_EQ(labels[1].evidence["contact_attributes"], nlohmann::json::array({"phone"}));
    EXPECT_EQ(labels[0].label, "fact");
}

TEST(Classification, EveryLabelHasConfidenceAndARule) {
    Schema schema = SchemaBuilder().table("s", "lonely", {{"id"}, {"name", "text"}}).build();
    schema.relations[0].kind = "view";
    auto labels = classify_relations(schema);
    ASSERT_EQ(labels.size(), 1u);
    EXPECT_EQ(labels[0].label, "other");
    EXPECT_GT(labels[0].confidence, 0.0);
    EXPECT_TRUE(labels[0].evidence.contains("rule"));
    apply_classifications(schema);
    EXPECT_EQ(schema.relations[0].classification, "other");
}
