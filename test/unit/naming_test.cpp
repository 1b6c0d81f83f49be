#include "core/naming.hpp"

#include <gtest/gtest.h>

using namespace cartridge::naming;
using Words = std::vector<std::string>;

TEST(NamingWords, SplitsEveryCaseStyle) {
    EXPECT_EQ(words("customer_id"), (Words{"customer", "id"}));
    EXPECT_EQ(words("CustomerId"), (Words{"customer", "id"}));
    EXPECT_EQ(words("customerID"), (Words{"customer", "id"}));
    EXPECT_EQ(words("SupportRepId"), (Words{"support", "rep", "id"}));
    EXPECT_EQ(words("HTTPServerName"), (Words{"http", "server", "name"}));
    EXPECT_EQ(words("order-line"), (Words{"order", "line"}));
    EXPECT_EQ(words("address2"), (Words{"address", "2"}));
    EXPECT_EQ(words("__x__"), (Words{"x"}));
    EXPECT_TRUE(words("").empty());
}

TEST(NamingSingular, HandlesRegularAndIrregularPlurals) {
    EXPECT_EQ(singular("customers"), "customer");
    EXPECT_EQ(singular("categories"), "category");
    EXPECT_EQ(singular("territories"), "territory");
    EXPECT_EQ(singular("addresses"), "address");
    EXPECT_EQ(singular("statuses"), "status");
    EXPECT_EQ(singular("boxes"), "box");
    EXPECT_EQ(singular("batches"), "batch");
    EXPECT_EQ(singular("people"), "person");
    EXPECT_EQ(singular("warehouses"), "warehouse");
    EXPECT_EQ(singular("status"), "status");
    EXPECT_EQ(singular("analysis"), "analysis");
    EXPECT_EQ(singular("class"), "class");
    EXPECT_EQ(singular("order"), "order");
}

TEST(NamingPlural, PluralisesTheLastWordAndLeavesPluralsAndNonWordsAlone) {
    EXPECT_EQ(plural("customer"), "customers");
    EXPECT_EQ(plural("category"), "categories");
    EXPECT_EQ(plural("day"), "days");
    EXPECT_EQ(plural("address"), "addresses");
    EXPECT_EQ(plural("status"), "statuses");
    EXPECT_EQ(plural("box"), "boxes");
    EXPECT_EQ(plural("batch"), "batches");
    EXPECT_EQ(plural("person"), "people");
    EXPECT_EQ(plural("analysis"), "analyses");
    EXPECT_EQ(plural("orders"), "orders");
    EXPECT_EQ(plural("territories"), "territories");
    EXPECT_EQ(plural("data"), "data");
    EXPECT_EQ(plural("staff"), "staff");
    EXPECT_EQ(plural("2024"), "2024");
    EXPECT_EQ(plural("mv"), "mv");
    EXPECT_EQ(plural_name("invoice_line"), "invoice_lines");
    EXPECT_EQ(plural_name("order_details"), "order_details");
    EXPECT_EQ(plural_name("events_2024"), "events_2024");
    EXPECT_EQ(singular_name("invoice_lines"), "invoice_line");
    EXPECT_EQ(singular_name("customer"), "customer");
    EXPECT_EQ(without_table_decoration("raw_customers"), "customers");
    EXPECT_EQ(without_table_decoration("tbl_raw_order_items"), "order_items");
    EXPECT_EQ(without_table_decoration("raw"), "raw");
    EXPECT_EQ(without_table_decoration("raw_"), "raw_");
    EXPECT_EQ(without_table_decoration("customers"), "customers");
}

TEST(NamingAbbreviation, AcceptsDerivationsAndKnownShortForms) {
    EXPECT_TRUE(is_abbreviation("ship", "shipper"));
    EXPECT_TRUE(is_abbreviation("ship", "shipment"));
    EXPECT_TRUE(is_abbreviation("cust", "customer"));
    EXPECT_TRUE(is_abbreviation("supp", "supplier"));
    EXPECT_TRUE(is_abbreviation("emp", "employee"));
    EXPECT_TRUE(is_abbreviation("dept", "department"));
    EXPECT_TRUE(is_abbreviation("mgr", "manager"));
    EXPECT_FALSE(is_abbreviation("part", "partner"));  // another word, not a short form
    EXPECT_FALSE(is_abbreviation("or", "order"));
    EXPECT_FALSE(is_abbreviation("order", "order"));
}

TEST(NamingAbbreviation, AbbreviationsOfIndexesEveryAcceptedForm) {
    auto forms = abbreviations_of("customer");
    EXPECT_NE(std::find(forms.begin(), forms.end(), "cust"), forms.end());
    forms = abbreviations_of("shipper");
    EXPECT_NE(std::find(forms.begin(), forms.end(), "ship"), forms.end());
    for (const std::string& form : abbreviations_of("department"))
        EXPECT_TRUE(is_abbreviation(form, "department")) << form;
}

TEST(NamingColumn, FindsSeparateGluedAndLeadingSuffixes) {
    ColumnName n = parse_column_name("customer_id");
    EXPECT_EQ(n.core, (Words{"customer"}));
    EXPECT_EQ(n.suffix, "id");
    EXPECT_EQ(n.kind, SuffixKind::key);
    EXPECT_EQ(n.normalized, "customer_id");

    n = parse_column_name("customerid");
    EXPECT_TRUE(n.glued);
    EXPECT_EQ(n.core, (Words{"customer"}));
    EXPECT_EQ(n.normalized, "customer_id");

    n = parse_column_name("l_orderkey", "l");
    EXPECT_EQ(n.core, (Words{"order"}));
    EXPECT_EQ(n.suffix, "key");

    n = parse_column_name("ReportsTo");
    EXPECT_EQ(n.kind, SuffixKind::connective);
    EXPECT_EQ(n.core, (Words{"reports"}));

    n = parse_column_name("id_cliente");
    EXPECT_EQ(n.suffix, "id");
    EXPECT_EQ(n.core, (Words{"cliente"}));

    n = parse_column_name("valid");  // an English word, not val + id
    EXPECT_EQ(n.kind, SuffixKind::none);

    n = parse_column_name("id");
    EXPECT_TRUE(n.core.empty());
    EXPECT_EQ(n.suffix, "id");
}

TEST(NamingTable, StemDropsWarehouseDecoration) {
    EXPECT_EQ(table_stem("raw_customers"), "customer");
    EXPECT_EQ(table_stem("MediaType"), "media_type");
    EXPECT_EQ(table_stem("dim_product"), "product");
    EXPECT_EQ(table_stem("customer_dim"), "customer");
    EXPECT_EQ(table_stem("order_details"), "order_detail");
    EXPECT_EQ(table_stem("orders"), "order");
}

TEST(NamingTable, ColumnPrefixOfTpchStyleTables) {
    EXPECT_EQ(column_prefix({"l_orderkey", "l_partkey", "l_suppkey", "l_quantity"}, "lineitem"), "l");
    EXPECT_EQ(column_prefix({"ps_partkey", "ps_suppkey", "ps_availqty"}, "partsupp"), "ps");
    EXPECT_EQ(column_prefix({"cust_id", "cust_name", "cust_city"}, "customers"), "cust");
    EXPECT_EQ(column_prefix({"ship_via", "ship_name", "ship_city"}, "orders"), "");  // not the table's initials
    EXPECT_EQ(column_prefix({"id_a", "id_b", "id_c"}, "items"), "");  // a leading key suffix, not a prefix
}

TEST(NamingRoles, MapsRolesToEntities) {
    auto rep = role_targets("rep");
    EXPECT_EQ(rep.front(), "employee");
    auto user = role_targets("user");
    EXPECT_NE(std::find(user.begin(), user.end(), "customer"), user.end());
    EXPECT_TRUE(role_targets("invoice").empty());
    EXPECT_TRUE(is_self_reference_word("parent"));
    EXPECT_TRUE(is_person_self_reference_word("reports"));
    EXPECT_TRUE(is_person_entity("employee"));
    EXPECT_TRUE(is_person_entity("raw_customer"));
    EXPECT_FALSE(is_person_entity("invoice_line"));
}
