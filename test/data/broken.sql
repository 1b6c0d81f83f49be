-- Written for Cartridge's tests: a small shop whose data is broken on purpose, so that the
-- dbt project generated from it has failing tests of every kind, each with a known number
-- of failing rows. Each break is one way real databases drift: constraints added NOT VALID
-- over legacy rows, a purge that left orphans, a migration into an inheritance child that
-- the parent's primary key does not cover. Every other test the generation writes passes.
--
--   what is broken                                 failing test(s), in staging and in the mart     failures
--   orders.customer_id -> customers, a declared    relationships (error): stg_shop__orders,         6 rows
--     FOREIGN KEY added NOT VALID after customers  fct_orders -> dim_customers
--     61 and 62 were purged (their 6 orders kept)
--   order_lines.product_id -> products, never      relationships (inferred, severity warn):         5 rows
--     declared; 2 of its 40 distinct values (41,   stg_shop__order_lines, fct_order_lines
--     42: deleted products) are not products       -> dim_products
--   payments.id, PRIMARY KEY of payments alone:    unique (error): stg_shop__payments,              2 values
--     payments_legacy INHERITS payments, repeats   fct_payments
--     ids 1 and 2, and reading a parent reads
--     its inheritance children
--   payments_legacy.id lost the NOT NULL it        not_null (error) on the primary key:             3 rows
--     inherited (PostgreSQL 15 lets a child drop   stg_shop__payments, fct_payments
--     it): 3 legacy rows without id
--   orders.status CHECK (status IN (...)) added    accepted_values (error): stg_shop__orders        2 values
--     NOT VALID: old rows hold 'returned' (6 rows)
--     and 'Shipped' (3 rows)
--
-- dbt counts a relationships or not_null failure per row, a unique or accepted_values
-- failure per distinct offending value. Data: generate_series and arithmetic, no random().
-- Load: createdb broken && psql -v ON_ERROR_STOP=1 -d broken -f broken.sql
BEGIN;
CREATE SCHEMA shop;
SET search_path = shop;

CREATE TABLE customers (
    id         integer PRIMARY KEY,
    name       text NOT NULL,
    email      text,
    created_at date NOT NULL
);
CREATE TABLE products (
    id         integer PRIMARY KEY,
    name       text NOT NULL,
    unit_price numeric(10, 2) NOT NULL
);
CREATE TABLE orders (
    id          integer PRIMARY KEY,
    customer_id integer NOT NULL,
    status      text NOT NULL,
    ordered_at  date NOT NULL
);
CREATE TABLE order_lines (
    order_id   integer NOT NULL REFERENCES orders,
    line_no    smallint NOT NULL,
    product_id integer NOT NULL,  -- no foreign key: the products app never declared one
    quantity   integer NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
CREATE TABLE payments (
    id       integer PRIMARY KEY,
    order_id integer NOT NULL REFERENCES orders,
    amount   numeric(10, 2) NOT NULL,
    paid_at  date NOT NULL
);
-- Payments migrated from the previous billing system. Its ids restarted at 1, and some rows
-- came without one; the parent's primary key covers the parent's own rows only.
CREATE TABLE payments_legacy () INHERITS (payments);
ALTER TABLE payments_legacy ALTER COLUMN id DROP NOT NULL;

COMMENT ON TABLE payments_legacy IS 'Payments migrated from the previous billing system';

-- 62 customers; 61 and 62 are purged below, after their orders were written.
INSERT INTO customers
SELECT i, 'Customer ' || i,
       CASE WHEN i % 7 = 0 THEN NULL ELSE 'customer' || i || '@example.com' END,
       DATE '2022-01-01' + i * 3
  FROM generate_series(1, 62) i;

INSERT INTO products
SELECT i, 'Product ' || i, 5 + (i * 37 % 100)
  FROM generate_series(1, 40) i;

-- 200 orders; customer of order i: 1 + (i - 1) % 62 (so 61 and 62 hold orders
-- 61, 62, 123, 124, 185 and 186: six orders). Status: 9 old orders outside today's list.
INSERT INTO orders
SELECT i, 1 + (i - 1) % 62,
       CASE WHEN i IN (3, 17, 29, 44, 58, 71) THEN 'returned'
            WHEN i IN (9, 36, 90) THEN 'Shipped'
            WHEN i % 10 = 0 THEN 'cancelled'
            WHEN i > 180 THEN 'placed'
            WHEN i % 3 = 0 THEN 'shipped'
            ELSE 'delivered' END,
       DATE '2023-01-01' + i
  FROM generate_series(1, 200) i;

-- Two lines per order (400): product 1 + (2i + line) % 38, products 1..38 only; then
-- 5 lines point at products 41 (3) and 42 (2), deleted from the catalogue long ago.
INSERT INTO order_lines
SELECT o, l, 1 + (2 * o + l) % 38, 1 + (o + l) % 4
  FROM generate_series(1, 200) o, generate_series(1, 2) l;
UPDATE order_lines SET product_id = 41 WHERE (order_id, line_no) IN ((5, 1), (6, 2), (7, 1));
UPDATE order_lines SET product_id = 42 WHERE (order_id, line_no) IN ((8, 1), (9, 2));

-- 180 payments of the current system: orders 21..200, ids 1..180.
INSERT INTO payments
SELECT o - 20, o, 10 + (o * 13 % 90), DATE '2023-01-01' + o + 1
  FROM generate_series(21, 200) o;

-- 20 legacy payments, for orders 1..20: ids 1 and 2 collide with current ones, orders
-- 18, 19 and 20 came without an id; the others are 9001..9015.
INSERT INTO payments_legacy
SELECT CASE WHEN o <= 2 THEN o WHEN o >= 18 THEN NULL ELSE 9000 + o - 2 END,
       o, 10 + (o * 13 % 90), DATE '2023-01-01' + o + 1
  FROM generate_series(1, 20) o;

-- The purge, then the rules added over what was already there (NOT VALID: checked only for
-- new and updated rows).
DELETE FROM customers WHERE id IN (61, 62);
ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers NOT VALID;
ALTER TABLE orders ADD CONSTRAINT orders_status_check
    CHECK (status IN ('placed', 'shipped', 'delivered', 'cancelled')) NOT VALID;
COMMIT;

-- Statistics now, so that every load profiles the same way (autovacuum would analyze at a
-- moment of its choosing).
ANALYZE shop.customers, shop.products, shop.orders, shop.order_lines, shop.payments, shop.payments_legacy;
