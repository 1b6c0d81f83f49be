-- Written for Cartridge's tests: identifiers and object kinds that break naive tools.
-- Mixed case, spaces, quotes, unicode, reserved words, 63-byte names; enum, domain, array,
-- identity and generated columns, collation, check constraints (IN and = ANY), composite,
-- self-referencing and cross-schema keys, exclusion constraint, partial/expression/hash
-- indexes, a partitioned table with a foreign key declared on one partition only, a view, a
-- materialized view, a foreign table, comments.
CREATE SCHEMA "Sales Dept";
CREATE SCHEMA "select";

CREATE TYPE "Sales Dept".mood AS ENUM ('happy', 'ok', 'sad');
CREATE DOMAIN "Sales Dept".positive_int AS integer CHECK (VALUE > 0);

CREATE TABLE "Sales Dept"."Customer Accounts" (
    "ID"          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    "Name"        text NOT NULL COLLATE "C",
    "e-mail"      text UNIQUE,
    status        varchar(10) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed', 'it''s')),
    tier          text CHECK (tier = ANY (ARRAY['gold', 'silver'])),
    feeling       "Sales Dept".mood,
    visits        "Sales Dept".positive_int,
    tags          text[],
    "größe"       numeric(8, 2),
    "a""b"        boolean,
    name_upper    text GENERATED ALWAYS AS (upper("Name")) STORED,
    "a_column_name_that_is_exactly_sixty_three_bytes_long_abcdefghij" integer
);
COMMENT ON TABLE "Sales Dept"."Customer Accounts" IS 'People who buy; "quoted" words';
COMMENT ON COLUMN "Sales Dept"."Customer Accounts"."e-mail" IS 'Contact address';

CREATE TABLE "select"."order" (
    id           bigserial PRIMARY KEY,
    customer_id  integer NOT NULL REFERENCES "Sales Dept"."Customer Accounts" ("ID") ON DELETE CASCADE,
    placed_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE "select".order_line (
    order_id  bigint NOT NULL REFERENCES "select"."order" (id),
    line_no   smallint NOT NULL,
    quantity  integer NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE "select".shipment (
    shipment_id  integer PRIMARY KEY,
    order_id     bigint NOT NULL,
    line_no      smallint NOT NULL,
    FOREIGN KEY (order_id, line_no) REFERENCES "select".order_line (order_id, line_no) ON UPDATE CASCADE
);

CREATE TABLE "Sales Dept".employee (
    id          integer PRIMARY KEY,
    manager_id  integer REFERENCES "Sales Dept".employee (id),
    during      tstzrange,
    EXCLUDE USING gist (during WITH &&)
);

CREATE TABLE "Sales Dept".a_table_name_that_is_exactly_sixty_three_bytes_long_abcdefghijk (
    "ID" integer PRIMARY KEY
);

CREATE TABLE "select".events (
    event_id     bigint NOT NULL,
    created_at   date NOT NULL,
    customer_id  integer,
    payload      jsonb
) PARTITION BY RANGE (created_at);
CREATE TABLE "select".events_2024 PARTITION OF "select".events
    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE "select".events_2025 PARTITION OF "select".events
    FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
-- declared on both partitions only, not on the parent: folded onto events once
ALTER TABLE "select".events_2024 ADD CONSTRAINT events_customer_fk
    FOREIGN KEY (customer_id) REFERENCES "Sales Dept"."Customer Accounts" ("ID");
ALTER TABLE "select".events_2025 ADD CONSTRAINT events_customer_fk
    FOREIGN KEY (customer_id) REFERENCES "Sales Dept"."Customer Accounts" ("ID");

CREATE INDEX order_recent ON "select"."order" (placed_at) WHERE placed_at > '2024-01-01';
CREATE INDEX customer_lower_name ON "Sales Dept"."Customer Accounts" (lower("Name"));
CREATE INDEX customer_email_hash ON "Sales Dept"."Customer Accounts" USING hash ("e-mail");

CREATE VIEW "Sales Dept"."Active Customers" AS
    SELECT "ID", "Name" FROM "Sales Dept"."Customer Accounts" WHERE status = 'active';
CREATE MATERIALIZED VIEW "select".order_totals AS
    SELECT order_id, sum(quantity) AS quantity FROM "select".order_line GROUP BY order_id;

CREATE EXTENSION IF NOT EXISTS postgres_fdw;
CREATE SERVER "remote shop" FOREIGN DATA WRAPPER postgres_fdw OPTIONS (dbname 'nowhere');
CREATE FOREIGN TABLE "select".remote_orders (id bigint, total numeric) SERVER "remote shop";

INSERT INTO "Sales Dept"."Customer Accounts" ("Name", "e-mail", tier, feeling, visits)
VALUES ('Ada', 'ada@example.com', 'gold', 'happy', 3), ('Grace', 'grace@example.com', 'silver', 'ok', 1);
INSERT INTO "select"."order" (customer_id) VALUES (1), (2);
INSERT INTO "select".order_line VALUES (1, 1, 2), (1, 2, 1), (2, 1, 5);
INSERT INTO "select".shipment VALUES (10, 1, 1);
INSERT INTO "Sales Dept".employee VALUES (1, NULL, NULL), (2, 1, NULL);
INSERT INTO "select".events VALUES (1, '2024-05-01', 1, '{}'), (2, '2025-02-01', 2, '{}');
REFRESH MATERIALIZED VIEW "select".order_totals;
