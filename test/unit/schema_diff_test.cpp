#include "core/schema_diff.hpp"
#include "sample_schemas.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>

using namespace cartridge;
using namespace cartridge::testing;
using nlohmann::json;

namespace {

// Columns numbered as PostgreSQL does: attnum from 1, never reused.
Relation numbered(uint32_t oid, Relation r) {
    r.oid = oid;
    for (std::size_t i = 0; i < r.columns.size(); i++)
        r.columns[i].attnum = r.columns[i].ordinal;
    return r;
}

Constraint constraint(const std::string& name, const std::string& type, std::vector<std::string> columns,
                      const std::string& definition) {
    Constraint c;
    c.name = name;
    c.type = type;
    c.columns = std::move(columns);
    c.definition = definition;
    return c;
}

Constraint foreign_key(const std::string& name, const std::string& column, const std::string& table,
                       const std::string& definition) {
    Constraint c = constraint(name, "foreign_key", {column}, definition);
    c.ref_schema = "public";
    c.ref_table = table;
    c.ref_columns = {"id"};
    return c;
}

Constraint status_check(std::vector<std::string> values) {
    Constraint c = constraint("orders_status_check", "check", {"status"},
                              fmt::format("CHECK ((status = ANY (ARRAY['{}'::text])))", fmt::join(values, "'::text, '")));
    c.accepted_values = std::move(values);
    return c;
}

Index index(const std::string& name, std::vector<std::optional<std::string>> columns, bool primary = false) {
    Index x;
    x.name = name;
    x.method = "btree";
    x.unique = x.primary = primary;
    x.columns = std::move(columns);
    return x;
}

Constraint pkey(const std::string& table) {
    return constraint(table + "_pkey", "primary_key", {"id"}, "PRIMARY KEY (id)");
}

// Before a migration: customers, orders (a check on status and a key to accounts), accounts
// (with a key to customers) and legacy.
Schema before_migration() {
    Schema s;
    Relation customers = table("public", "customers",
                               {column("id", 1, "integer", false), column("name", 2, "text"), column("email", 3, "text")},
                               {pkey("customers"), constraint("customers_name_key", "unique", {"name"}, "UNIQUE (name)")});
    customers.indexes = {index("customers_pkey", {"id"}, true), index("customers_name_key", {"name"}),
                         index("customers_email_idx", {"email"})};
    Relation orders = table("public", "orders",
                            {column("id", 1, "integer", false), column("customer_id", 2, "integer"),
                             column("status", 3, "text"), column("amount", 4, "integer"),
                             column("account_id", 5, "integer")},
                            {pkey("orders"), status_check({"placed", "shipped"}),
                             foreign_key("orders_account_id_fkey", "account_id", "accounts",
                                         "FOREIGN KEY (account_id) REFERENCES accounts(id)")});
    orders.indexes = {index("orders_pkey", {"id"}, true), index("orders_lower_status_idx", {std::nullopt})};
    Relation accounts = table("public", "accounts", {column("id", 1, "integer", false), column("owner_id", 2, "integer")},
                              {pkey("accounts"), foreign_key("accounts_owner_id_fkey", "owner_id", "customers",
                                                             "FOREIGN KEY (owner_id) REFERENCES customers(id)")});
    accounts.indexes = {index("accounts_pkey", {"id"}, true)};
    s.relations = {numbered(100, customers), numbered(101, orders), numbered(103, accounts),
                   numbered(102, table("public", "legacy", {column("id", 1, "integer")}))};
    sort_relations(s);
    s.relationships = {edge("orders", {"account_id"}, "accounts", {"id"}),
                       edge("accounts", {"owner_id"}, "customers", {"id"})};
    return s;
}

// The migration: invoices created, legacy dropped, accounts renamed clients,
// customers.name renamed full_name, orders.amount integer -> numeric, customers.email
// NOT NULL, a foreign key orders.customer_id -> customers, customers_email_idx dropped,
// 'returned' added to the status check.
Schema after_migration() {
    Schema s = before_migration();
    s.relations.erase(std::remove_if(s.relations.begin(), s.relations.end(),
                                     [](const Relation& r) { return r.name == "legacy"; }),
                      s.relations.end());
    s.relations.push_back(numbered(104, table("public", "invoices", {column("id", 1, "integer", false)}, {pkey("invoices")})));
    for (Relation& r : s.relations) {
        if (r.name == "accounts")
            r.name = "clients";  // its constraints and indexes keep their names, as in PostgreSQL
        if (r.name == "customers") {
            r.columns[1].name = "full_name";
            r.columns[2].nullable = false;
            r.constraints[1].columns = {"full_name"};
            r.constraints[1].definition = "UNIQUE (full_name)";
            r.indexes[1].columns = {"full_name"};
            r.indexes.pop_back();
        }
        if (r.name == "orders") {
            r.columns[3].data_type = "numeric(12,2)";
            r.constraints[1] = status_check({"placed", "shipped", "returned"});
            r.constraints[2].ref_table = "clients";
            r.constraints[2].definition = "FOREIGN KEY (account_id) REFERENCES clients(id)";
            r.constraints.push_back(foreign_key("orders_customer_id_fkey", "customer_id", "customers",
                                                "FOREIGN KEY (customer_id) REFERENCES customers(id)"));
        }
    }
    sort_relations(s);
    s.relationships = {edge("orders", {"account_id"}, "clients", {"id"}), edge("clients", {"owner_id"}, "customers", {"id"}),
                       edge("orders", {"customer_id"}, "customers", {"id"})};
    return s;
}

Schema without_ids(Schema s) {
    for (Relation& r : s.relations) {
        r.oid = 0;
        for (Column& c : r.columns)
            c.attnum = 0;
    }
    return s;
}

// "change object_type object" lines, in order.
std::vector<std::string> summary(const std::vector<Change>& changes) {
    std::vector<std::string> out;
    for (const Change& c : changes)
        out.push_back(c.change + " " + c.object_type + " " + c.object);
    return out;
}

const Change& find(const std::vector<Change>& changes, const std::string& change, const std::string& object) {
    for (const Change& c : changes)
        if (c.change == change && c.object == object)
            return c;
    throw std::runtime_error("no change " + change + " " + object);
}

}  // namespace

TEST(SchemaDiff, AMigrationGivesExactlyItsChanges) {
    const std::vector<Change> changes = diff_schemas(before_migration(), after_migration());
    // The new foreign key is both a constraint and a (declared) relationship.
    EXPECT_EQ(summary(changes), (std::vector<std::string>{
                                    "renamed relation public.clients",
                                    "added relation public.invoices",
                                    "removed relation public.legacy",
                                    "changed column public.customers.email",
                                    "renamed column public.customers.full_name",
                                    "changed column public.orders.amount",
                                    "added constraint public.orders.orders_customer_id_fkey",
                                    "changed constraint public.orders.orders_status_check",
                                    "removed index public.customers.customers_email_idx",
                                    "added relationship public.orders(customer_id) -> public.customers(id)",
                                }));
    EXPECT_EQ(find(changes, "renamed", "public.clients").detail,
              (json{{"before", "public.accounts"}, {"after", "public.clients"}}));
    EXPECT_EQ(find(changes, "renamed", "public.customers.full_name").detail,
              (json{{"before", "name"}, {"after", "full_name"}}));
    EXPECT_EQ(find(changes, "changed", "public.customers.email").detail,
              (json{{"before", {{"nullable", true}}}, {"after", {{"nullable", false}}}}));
    EXPECT_EQ(find(changes, "changed", "public.orders.amount").detail,
              (json{{"before", {{"data_type", "integer"}}}, {"after", {{"data_type", "numeric(12,2)"}}}}));
    const json check = find(changes, "changed", "public.orders.orders_status_check").detail;
    EXPECT_EQ(check["before"]["accepted_values"], (json{"placed", "shipped"}));
    EXPECT_EQ(check["after"]["accepted_values"], (json{"placed", "shipped", "returned"}));
    EXPECT_TRUE(check["after"].contains("definition"));
    EXPECT_EQ(find(changes, "added", "public.invoices").detail, (json{{"after", {{"kind", "table"}}}}));
    EXPECT_EQ(find(changes, "removed", "public.customers.customers_email_idx").detail["before"]["columns"],
              (json{"email"}));
    EXPECT_EQ(find(changes, "added", "public.orders(customer_id) -> public.customers(id)").detail,
              (json{{"after", {{"source", "declared"}, {"cardinality", "many_to_one"}, {"confidence", 1.0}}}}));
}

TEST(SchemaDiff, IdenticalScansGiveNoChange) {
    EXPECT_TRUE(diff_schemas(before_migration(), before_migration()).empty());
    EXPECT_TRUE(diff_schemas(without_ids(before_migration()), without_ids(before_migration())).empty());
    EXPECT_TRUE(diff_schemas(shop_schema(), shop_schema()).empty());
    EXPECT_TRUE(diff_schemas(awkward_schema(), awkward_schema()).empty());
}

TEST(SchemaDiff, WithoutOidsAndAttnumsNamesMatchSoRenamesAreRemovedAndAdded) {
    const std::vector<Change> changes = diff_schemas(without_ids(before_migration()), without_ids(after_migration()));
    EXPECT_EQ(summary(changes), (std::vector<std::string>{
                                    "removed relation public.accounts",
                                    "added relation public.clients",
                                    "added relation public.invoices",
                                    "removed relation public.legacy",
                                    "changed column public.customers.email",
                                    "added column public.customers.full_name",
                                    "removed column public.customers.name",
                                    "changed column public.orders.amount",
                                    "changed constraint public.customers.customers_name_key",
                                    "changed constraint public.orders.orders_account_id_fkey",
                                    "added constraint public.orders.orders_customer_id_fkey",
                                    "changed constraint public.orders.orders_status_check",
                                    "removed index public.customers.customers_email_idx",
                                    "changed index public.customers.customers_name_key",
                                    "removed relationship public.orders(account_id) -> public.accounts(id)",
                                    "added relationship public.orders(account_id) -> public.clients(id)",
                                    "added relationship public.orders(customer_id) -> public.customers(id)",
                                }));
    EXPECT_EQ(find(changes, "changed", "public.orders.orders_account_id_fkey").detail["after"]["references"],
              "public.clients");
}

TEST(SchemaDiff, ATableDroppedAndCreatedAgainUnderItsNameIsTheSameRelation) {
    Schema before = before_migration();
    Schema after = before_migration();
    for (Relation& r : after.relations)
        if (r.name == "legacy")
            r.oid = 999;
    EXPECT_TRUE(diff_schemas(before, after).empty());
}

TEST(SchemaDiff, AColumnRenamedAndRetypedIsRenamedThenChanged) {
    Schema after = before_migration();
    for (Relation& r : after.relations)
        if (r.name == "orders") {
            r.columns[3].name = "total";
            r.columns[3].data_type = "bigint";
            r.columns[3].default_expr = "0";
            r.columns[4].identity = "by_default";
            r.columns[4].generated = "id * 2";
        }
    const std::vector<Change> changes = diff_schemas(before_migration(), after);
    EXPECT_EQ(summary(changes), (std::vector<std::string>{"changed column public.orders.account_id",
                                                          "renamed column public.orders.total",
                                                          "changed column public.orders.total"}));
    EXPECT_EQ(changes[2].detail, (json{{"before", {{"data_type", "integer"}, {"default_expr", nullptr}}},
                                       {"after", {{"data_type", "bigint"}, {"default_expr", "0"}}}}));
    EXPECT_EQ(changes[0].detail["after"], (json{{"identity", "by_default"}, {"generated", "id * 2"}}));
}

TEST(SchemaDiff, KindClassificationAndRelationshipChangesAreReported) {
    Schema before = shop_schema();
    Schema after = shop_schema();
    for (Relation& r : before.relations)
        r.classification = r.name == "orders" ? "fact" : "";
    for (Relation& r : after.relations) {
        r.classification = r.name == "orders" ? "dimension" : "";
        if (r.name == "active_customers")
            r.kind = "materialized_view";
    }
    after.relationships[3].confidence = 0.9;     // product -> category, inferred
    after.relationships[0].cardinality = "one_to_one";
    after.relationships[1].confidence = 1.0004;  // below a thousandth: noise
    const std::vector<Change> changes = diff_schemas(before, after);
    EXPECT_EQ(summary(changes),
              (std::vector<std::string>{"changed relation public.active_customers",
                                        "changed relationship public.order_line(order_id) -> public.orders(order_id)",
                                        "changed relationship public.product(category_id) -> public.category(category_id)",
                                        "changed classification public.orders"}));
    EXPECT_EQ(changes[0].detail, (json{{"before", {{"kind", "view"}}}, {"after", {{"kind", "materialized_view"}}}}));
    EXPECT_EQ(changes[1].detail,
              (json{{"before", {{"cardinality", "many_to_one"}}}, {"after", {{"cardinality", "one_to_one"}}}}));
    EXPECT_EQ(changes[2].detail, (json{{"before", {{"confidence", 0.7}}}, {"after", {{"confidence", 0.9}}}}));
    EXPECT_EQ(changes[3].detail, (json{{"before", "fact"}, {"after", "dimension"}}));
}

TEST(SchemaDiff, NamesNeedingQuotesAreQuotedAsInSql) {
    Schema before = awkward_schema();
    Schema after = awkward_schema();
    for (Relation& r : after.relations)
        if (r.name == "select")
            r.columns[1].data_type = "bigint";
    EXPECT_EQ(summary(diff_schemas(before, after)),
              std::vector<std::string>{"changed column public.\"select\".\"my \"\"quoted\"\" col\""});
}
