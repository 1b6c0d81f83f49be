-- TPC-DS schema as Apache Impala declares it (with its primary and foreign keys), for
-- Cartridge's held-out accuracy evaluation (test/accuracy/heldout.py).
-- Origin: apache/impala @ b21595276c6c84161eb3194228df016f120ffc17
--   testdata/datasets/tpcds/tpcds_schema_template.sql
-- Licence: Apache-2.0 (see LICENSE.txt beside this file); the schema is the one of the TPC-DS
-- specification (tables and columns from the public specification).
-- Changes from the original: Hive types become PostgreSQL ones (int -> INTEGER, string -> TEXT,
-- decimal -> NUMERIC); key columns are NOT NULL; store_sales keeps its partition column
-- ss_sold_date_sk as an ordinary column; store_sales_unpartitioned (Impala's staging copy of
-- store_sales) is left out; the tables are in schema `tpcds`. Table and column names, primary
-- keys and foreign keys are unchanged.
DROP SCHEMA IF EXISTS tpcds CASCADE;
CREATE SCHEMA tpcds;
SET search_path = tpcds;

CREATE TABLE time_dim (
    t_time_sk                   INTEGER NOT NULL,
    t_time_id                   TEXT,
    t_time                      INTEGER,
    t_hour                      INTEGER,
    t_minute                    INTEGER,
    t_second                    INTEGER,
    t_am_pm                     TEXT,
    t_shift                     TEXT,
    t_sub_shift                 TEXT,
    t_meal_time                 TEXT,
    PRIMARY KEY (t_time_sk)
);

CREATE TABLE date_dim (
    d_date_sk                   INTEGER NOT NULL,
    d_date_id                   TEXT,
    d_date                      TEXT,
    d_month_seq                 INTEGER,
    d_week_seq                  INTEGER,
    d_quarter_seq               INTEGER,
    d_year                      INTEGER,
    d_dow                       INTEGER,
    d_moy                       INTEGER,
    d_dom                       INTEGER,
    d_qoy                       INTEGER,
    d_fy_year                   INTEGER,
    d_fy_quarter_seq            INTEGER,
    d_fy_week_seq               INTEGER,
    d_day_name                  TEXT,
    d_quarter_name              TEXT,
    d_holiday                   TEXT,
    d_weekend                   TEXT,
    d_following_holiday         TEXT,
    d_first_dom                 INTEGER,
    d_last_dom                  INTEGER,
    d_same_day_ly               INTEGER,
    d_same_day_lq               INTEGER,
    d_current_day               TEXT,
    d_current_week              TEXT,
    d_current_month             TEXT,
    d_current_quarter           TEXT,
    d_current_year              TEXT,
    PRIMARY KEY (d_date_sk)
);

CREATE TABLE reason (
    r_reason_sk                 INTEGER NOT NULL,
    r_reason_id                 TEXT,
    r_reason_desc               TEXT,
    PRIMARY KEY (r_reason_sk)
);

CREATE TABLE customer_address (
    ca_address_sk               INTEGER NOT NULL,
    ca_address_id               TEXT,
    ca_street_number            TEXT,
    ca_street_name              TEXT,
    ca_street_type              TEXT,
    ca_suite_number             TEXT,
    ca_city                     TEXT,
    ca_county                   TEXT,
    ca_state                    TEXT,
    ca_zip                      TEXT,
    ca_country                  TEXT,
    ca_gmt_offset               NUMERIC(5,2),
    ca_location_type            TEXT,
    PRIMARY KEY (ca_address_sk)
);

CREATE TABLE income_band (
    ib_income_band_sk           INTEGER NOT NULL,
    ib_lower_bound              INTEGER,
    ib_upper_bound              INTEGER,
    PRIMARY KEY (ib_income_band_sk)
);

CREATE TABLE household_demographics (
    hd_demo_sk                  INTEGER NOT NULL,
    hd_income_band_sk           INTEGER,
    hd_buy_potential            TEXT,
    hd_dep_count                INTEGER,
    hd_vehicle_count            INTEGER,
    PRIMARY KEY (hd_demo_sk)
);

CREATE TABLE customer_demographics (
    cd_demo_sk                  INTEGER NOT NULL,
    cd_gender                   TEXT,
    cd_marital_status           TEXT,
    cd_education_status         TEXT,
    cd_purchase_estimate        INTEGER,
    cd_credit_rating            TEXT,
    cd_dep_count                INTEGER,
    cd_dep_employed_count       INTEGER,
    cd_dep_college_count        INTEGER,
    PRIMARY KEY (cd_demo_sk)
);

CREATE TABLE ship_mode (
    sm_ship_mode_sk             INTEGER NOT NULL,
    sm_ship_mode_id             TEXT,
    sm_type                     TEXT,
    sm_code                     TEXT,
    sm_carrier                  TEXT,
    sm_contract                 TEXT,
    PRIMARY KEY (sm_ship_mode_sk)
);

CREATE TABLE item (
    i_item_sk                   BIGINT NOT NULL,
    i_item_id                   TEXT,
    i_rec_start_date            TEXT,
    i_rec_end_date              TEXT,
    i_item_desc                 TEXT,
    i_current_price             NUMERIC(7,2),
    i_wholesale_cost            NUMERIC(7,2),
    i_brand_id                  INTEGER,
    i_brand                     TEXT,
    i_class_id                  INTEGER,
    i_class                     TEXT,
    i_category_id               INTEGER,
    i_category                  TEXT,
    i_manufact_id               INTEGER,
    i_manufact                  TEXT,
    i_size                      TEXT,
    i_formulation               TEXT,
    i_color                     TEXT,
    i_units                     TEXT,
    i_container                 TEXT,
    i_manager_id                INTEGER,
    i_product_name              TEXT,
    PRIMARY KEY (i_item_sk)
);

CREATE TABLE warehouse (
    w_warehouse_sk              INTEGER NOT NULL,
    w_warehouse_id              TEXT,
    w_warehouse_name            TEXT,
    w_warehouse_sq_ft           INTEGER,
    w_street_number             TEXT,
    w_street_name               TEXT,
    w_street_type               TEXT,
    w_suite_number              TEXT,
    w_city                      TEXT,
    w_county                    TEXT,
    w_state                     TEXT,
    w_zip                       TEXT,
    w_country                   TEXT,
    w_gmt_offset                NUMERIC(5,2),
    PRIMARY KEY (w_warehouse_sk)
);

CREATE TABLE call_center (
    cc_call_center_sk           INTEGER NOT NULL,
    cc_call_center_id           TEXT,
    cc_rec_start_date           TEXT,
    cc_rec_end_date             TEXT,
    cc_closed_date_sk           INTEGER,
    cc_open_date_sk             INTEGER,
    cc_name                     TEXT,
    cc_class                    TEXT,
    cc_employees                INTEGER,
    cc_sq_ft                    INTEGER,
    cc_hours                    TEXT,
    cc_manager                  TEXT,
    cc_mkt_id                   INTEGER,
    cc_mkt_class                TEXT,
    cc_mkt_desc                 TEXT,
    cc_market_manager           TEXT,
    cc_division                 INTEGER,
    cc_division_name            TEXT,
    cc_company                  INTEGER,
    cc_company_name             TEXT,
    cc_street_number            TEXT,
    cc_street_name              TEXT,
    cc_street_type              TEXT,
    cc_suite_number             TEXT,
    cc_city                     TEXT,
    cc_county                   TEXT,
    cc_state                    TEXT,
    cc_zip                      TEXT,
    cc_country                  TEXT,
    cc_gmt_offset               NUMERIC(5,2),
    cc_tax_percentage           NUMERIC(5,2),
    PRIMARY KEY (cc_call_center_sk)
);

CREATE TABLE customer (
    c_customer_sk               INTEGER NOT NULL,
    c_customer_id               TEXT,
    c_current_cdemo_sk          INTEGER,
    c_current_hdemo_sk          INTEGER,
    c_current_addr_sk           INTEGER,
    c_first_shipto_date_sk      INTEGER,
    c_first_sales_date_sk       INTEGER,
    c_salutation                TEXT,
    c_first_name                TEXT,
    c_last_name                 TEXT,
    c_preferred_cust_flag       TEXT,
    c_birth_day                 INTEGER,
    c_birth_month               INTEGER,
    c_birth_year                INTEGER,
    c_birth_country             TEXT,
    c_login                     TEXT,
    c_email_address             TEXT,
    c_last_review_date_sk       TEXT,
    PRIMARY KEY (c_customer_sk)
);

CREATE TABLE promotion (
    p_promo_sk                  INTEGER NOT NULL,
    p_promo_id                  TEXT,
    p_start_date_sk             INTEGER,
    p_end_date_sk               INTEGER,
    p_item_sk                   BIGINT,
    p_cost                      NUMERIC(15,2),
    p_response_target           INTEGER,
    p_promo_name                TEXT,
    p_channel_dmail             TEXT,
    p_channel_email             TEXT,
    p_channel_catalog           TEXT,
    p_channel_tv                TEXT,
    p_channel_radio             TEXT,
    p_channel_press             TEXT,
    p_channel_event             TEXT,
    p_channel_demo              TEXT,
    p_channel_details           TEXT,
    p_purpose                   TEXT,
    p_discount_active           TEXT,
    PRIMARY KEY (p_promo_sk)
);

CREATE TABLE store (
    s_store_sk                  INTEGER NOT NULL,
    s_store_id                  TEXT,
    s_rec_start_date            TEXT,
    s_rec_end_date              TEXT,
    s_closed_date_sk            INTEGER,
    s_store_name                TEXT,
    s_number_employees          INTEGER,
    s_floor_space               INTEGER,
    s_hours                     TEXT,
    s_manager                   TEXT,
    s_market_id                 INTEGER,
    s_geography_class           TEXT,
    s_market_desc               TEXT,
    s_market_manager            TEXT,
    s_division_id               INTEGER,
    s_division_name             TEXT,
    s_company_id                INTEGER,
    s_company_name              TEXT,
    s_street_number             TEXT,
    s_street_name               TEXT,
    s_street_type               TEXT,
    s_suite_number              TEXT,
    s_city                      TEXT,
    s_county                    TEXT,
    s_state                     TEXT,
    s_zip                       TEXT,
    s_country                   TEXT,
    s_gmt_offset                NUMERIC(5,2),
    s_tax_precentage            NUMERIC(5,2),
    PRIMARY KEY (s_store_sk)
);

CREATE TABLE catalog_page (
    cp_catalog_page_sk          INTEGER NOT NULL,
    cp_catalog_page_id          TEXT,
    cp_start_date_sk            INTEGER,
    cp_end_date_sk              INTEGER,
    cp_department               TEXT,
    cp_catalog_number           INTEGER,
    cp_catalog_page_number      INTEGER,
    cp_description              TEXT,
    cp_type                     TEXT,
    PRIMARY KEY (cp_catalog_page_sk)
);

CREATE TABLE web_page (
    wp_web_page_sk              INTEGER NOT NULL,
    wp_web_page_id              TEXT,
    wp_rec_start_date           TEXT,
    wp_rec_end_date             TEXT,
    wp_creation_date_sk         INTEGER,
    wp_access_date_sk           INTEGER,
    wp_autogen_flag             TEXT,
    wp_customer_sk              INTEGER,
    wp_url                      TEXT,
    wp_type                     TEXT,
    wp_char_count               INTEGER,
    wp_link_count               INTEGER,
    wp_image_count              INTEGER,
    wp_max_ad_count             INTEGER,
    PRIMARY KEY (wp_web_page_sk)
);

CREATE TABLE web_site (
    web_site_sk                 INTEGER NOT NULL,
    web_site_id                 TEXT,
    web_rec_start_date          TEXT,
    web_rec_end_date            TEXT,
    web_name                    TEXT,
    web_open_date_sk            INTEGER,
    web_close_date_sk           INTEGER,
    web_class                   TEXT,
    web_manager                 TEXT,
    web_mkt_id                  INTEGER,
    web_mkt_class               TEXT,
    web_mkt_desc                TEXT,
    web_market_manager          TEXT,
    web_company_id              INTEGER,
    web_company_name            TEXT,
    web_street_number           TEXT,
    web_street_name             TEXT,
    web_street_type             TEXT,
    web_suite_number            TEXT,
    web_city                    TEXT,
    web_county                  TEXT,
    web_state                   TEXT,
    web_zip                     TEXT,
    web_country                 TEXT,
    web_gmt_offset              NUMERIC(5,2),
    web_tax_percentage          NUMERIC(5,2),
    PRIMARY KEY (web_site_sk)
);

CREATE TABLE inventory (
    inv_date_sk                 INTEGER NOT NULL,
    inv_item_sk                 BIGINT NOT NULL,
    inv_warehouse_sk            INTEGER NOT NULL,
    inv_quantity_on_hand        INTEGER,
    PRIMARY KEY (inv_date_sk, inv_item_sk, inv_warehouse_sk)
);

CREATE TABLE catalog_sales (
    cs_sold_date_sk             INTEGER,
    cs_sold_time_sk             INTEGER,
    cs_ship_date_sk             INTEGER,
    cs_bill_customer_sk         INTEGER,
    cs_bill_cdemo_sk            INTEGER,
    cs_bill_hdemo_sk            INTEGER,
    cs_bill_addr_sk             INTEGER,
    cs_ship_customer_sk         INTEGER,
    cs_ship_cdemo_sk            INTEGER,
    cs_ship_hdemo_sk            INTEGER,
    cs_ship_addr_sk             INTEGER,
    cs_call_center_sk           INTEGER,
    cs_catalog_page_sk          INTEGER,
    cs_ship_mode_sk             INTEGER,
    cs_warehouse_sk             INTEGER,
    cs_item_sk                  BIGINT NOT NULL,
    cs_promo_sk                 INTEGER,
    cs_order_number             BIGINT NOT NULL,
    cs_quantity                 INTEGER,
    cs_wholesale_cost           NUMERIC(7,2),
    cs_list_price               NUMERIC(7,2),
    cs_sales_price              NUMERIC(7,2),
    cs_ext_discount_amt         NUMERIC(7,2),
    cs_ext_sales_price          NUMERIC(7,2),
    cs_ext_wholesale_cost       NUMERIC(7,2),
    cs_ext_list_price           NUMERIC(7,2),
    cs_ext_tax                  NUMERIC(7,2),
    cs_coupon_amt               NUMERIC(7,2),
    cs_ext_ship_cost            NUMERIC(7,2),
    cs_net_paid                 NUMERIC(7,2),
    cs_net_paid_inc_tax         NUMERIC(7,2),
    cs_net_paid_inc_ship        NUMERIC(7,2),
    cs_net_paid_inc_ship_tax    NUMERIC(7,2),
    cs_net_profit               NUMERIC(7,2),
    PRIMARY KEY (cs_item_sk, cs_order_number)
);

CREATE TABLE catalog_returns (
    cr_returned_date_sk         INTEGER,
    cr_returned_time_sk         INTEGER,
    cr_item_sk                  BIGINT NOT NULL,
    cr_refunded_customer_sk     INTEGER,
    cr_refunded_cdemo_sk        INTEGER,
    cr_refunded_hdemo_sk        INTEGER,
    cr_refunded_addr_sk         INTEGER,
    cr_returning_customer_sk    INTEGER,
    cr_returning_cdemo_sk       INTEGER,
    cr_returning_hdemo_sk       INTEGER,
    cr_returning_addr_sk        INTEGER,
    cr_call_center_sk           INTEGER,
    cr_catalog_page_sk          INTEGER,
    cr_ship_mode_sk             INTEGER,
    cr_warehouse_sk             INTEGER,
    cr_reason_sk                INTEGER,
    cr_order_number             BIGINT NOT NULL,
    cr_return_quantity          INTEGER,
    cr_return_amount            NUMERIC(7,2),
    cr_return_tax               NUMERIC(7,2),
    cr_return_amt_inc_tax       NUMERIC(7,2),
    cr_fee                      NUMERIC(7,2),
    cr_return_ship_cost         NUMERIC(7,2),
    cr_refunded_cash            NUMERIC(7,2),
    cr_reversed_charge          NUMERIC(7,2),
    cr_store_credit             NUMERIC(7,2),
    cr_net_loss                 NUMERIC(7,2),
    PRIMARY KEY (cr_item_sk, cr_order_number)
);

CREATE TABLE store_sales (
    ss_sold_time_sk             INTEGER,
    ss_item_sk                  BIGINT NOT NULL,
    ss_customer_sk              INTEGER,
    ss_cdemo_sk                 INTEGER,
    ss_hdemo_sk                 INTEGER,
    ss_addr_sk                  INTEGER,
    ss_store_sk                 INTEGER,
    ss_promo_sk                 INTEGER,
    ss_ticket_number            BIGINT NOT NULL,
    ss_quantity                 INTEGER,
    ss_wholesale_cost           NUMERIC(7,2),
    ss_list_price               NUMERIC(7,2),
    ss_sales_price              NUMERIC(7,2),
    ss_ext_discount_amt         NUMERIC(7,2),
    ss_ext_sales_price          NUMERIC(7,2),
    ss_ext_wholesale_cost       NUMERIC(7,2),
    ss_ext_list_price           NUMERIC(7,2),
    ss_ext_tax                  NUMERIC(7,2),
    ss_coupon_amt               NUMERIC(7,2),
    ss_net_paid                 NUMERIC(7,2),
    ss_net_paid_inc_tax         NUMERIC(7,2),
    ss_net_profit               NUMERIC(7,2),
    ss_sold_date_sk             INTEGER,
    PRIMARY KEY (ss_item_sk, ss_ticket_number)
);

CREATE TABLE store_returns (
    sr_returned_date_sk         INTEGER,
    sr_return_time_sk           INTEGER,
    sr_item_sk                  BIGINT NOT NULL,
    sr_customer_sk              INTEGER,
    sr_cdemo_sk                 INTEGER,
    sr_hdemo_sk                 INTEGER,
    sr_addr_sk                  INTEGER,
    sr_store_sk                 INTEGER,
    sr_reason_sk                INTEGER,
    sr_ticket_number            BIGINT NOT NULL,
    sr_return_quantity          INTEGER,
    sr_return_amt               NUMERIC(7,2),
    sr_return_tax               NUMERIC(7,2),
    sr_return_amt_inc_tax       NUMERIC(7,2),
    sr_fee                      NUMERIC(7,2),
    sr_return_ship_cost         NUMERIC(7,2),
    sr_refunded_cash            NUMERIC(7,2),
    sr_reversed_charge          NUMERIC(7,2),
    sr_store_credit             NUMERIC(7,2),
    sr_net_loss                 NUMERIC(7,2),
    PRIMARY KEY (sr_item_sk, sr_ticket_number)
);

CREATE TABLE web_sales (
    ws_sold_date_sk             INTEGER,
    ws_sold_time_sk             INTEGER,
    ws_ship_date_sk             INTEGER,
    ws_item_sk                  BIGINT NOT NULL,
    ws_bill_customer_sk         INTEGER,
    ws_bill_cdemo_sk            INTEGER,
    ws_bill_hdemo_sk            INTEGER,
    ws_bill_addr_sk             INTEGER,
    ws_ship_customer_sk         INTEGER,
    ws_ship_cdemo_sk            INTEGER,
    ws_ship_hdemo_sk            INTEGER,
    ws_ship_addr_sk             INTEGER,
    ws_web_page_sk              INTEGER,
    ws_web_site_sk              INTEGER,
    ws_ship_mode_sk             INTEGER,
    ws_warehouse_sk             INTEGER,
    ws_promo_sk                 INTEGER,
    ws_order_number             BIGINT NOT NULL,
    ws_quantity                 INTEGER,
    ws_wholesale_cost           NUMERIC(7,2),
    ws_list_price               NUMERIC(7,2),
    ws_sales_price              NUMERIC(7,2),
    ws_ext_discount_amt         NUMERIC(7,2),
    ws_ext_sales_price          NUMERIC(7,2),
    ws_ext_wholesale_cost       NUMERIC(7,2),
    ws_ext_list_price           NUMERIC(7,2),
    ws_ext_tax                  NUMERIC(7,2),
    ws_coupon_amt               NUMERIC(7,2),
    ws_ext_ship_cost            NUMERIC(7,2),
    ws_net_paid                 NUMERIC(7,2),
    ws_net_paid_inc_tax         NUMERIC(7,2),
    ws_net_paid_inc_ship        NUMERIC(7,2),
    ws_net_paid_inc_ship_tax    NUMERIC(7,2),
    ws_net_profit               NUMERIC(7,2),
    PRIMARY KEY (ws_item_sk, ws_order_number)
);

CREATE TABLE web_returns (
    wr_returned_date_sk         INTEGER,
    wr_returned_time_sk         INTEGER,
    wr_item_sk                  BIGINT NOT NULL,
    wr_refunded_customer_sk     INTEGER,
    wr_refunded_cdemo_sk        INTEGER,
    wr_refunded_hdemo_sk        INTEGER,
    wr_refunded_addr_sk         INTEGER,
    wr_returning_customer_sk    INTEGER,
    wr_returning_cdemo_sk       INTEGER,
    wr_returning_hdemo_sk       INTEGER,
    wr_returning_addr_sk        INTEGER,
    wr_web_page_sk              INTEGER,
    wr_reason_sk                INTEGER,
    wr_order_number             BIGINT NOT NULL,
    wr_return_quantity          INTEGER,
    wr_return_amt               NUMERIC(7,2),
    wr_return_tax               NUMERIC(7,2),
    wr_return_amt_inc_tax       NUMERIC(7,2),
    wr_fee                      NUMERIC(7,2),
    wr_return_ship_cost         NUMERIC(7,2),
    wr_refunded_cash            NUMERIC(7,2),
    wr_reversed_charge          NUMERIC(7,2),
    wr_account_credit           NUMERIC(7,2),
    wr_net_loss                 NUMERIC(7,2),
    PRIMARY KEY (wr_item_sk, wr_order_number)
);

ALTER TABLE household_demographics ADD FOREIGN KEY (hd_income_band_sk) REFERENCES income_band (ib_income_band_sk);
ALTER TABLE call_center ADD FOREIGN KEY (cc_closed_date_sk) REFERENCES date_dim (d_date_sk);
ALTER TABLE call_center ADD FOREIGN KEY (cc_open_date_sk) REFERENCES date_dim (d_date_sk);
ALTER TABLE customer ADD FOREIGN KEY (c_current_addr_sk) REFERENCES customer_address (ca_address_sk);
ALTER TABLE customer ADD FOREIGN KEY (c_current_cdemo_sk) REFERENCES customer_demographics (cd_demo_sk);
ALTER TABLE customer ADD FOREIGN KEY (c_current_hdemo_sk) REFERENCES household_demographics (hd_demo_sk);
ALTER TABLE customer ADD FOREIGN KEY (c_first_sales_date_sk) REFERENCES date_dim (d_date_sk);
ALTER TABLE customer ADD FOREIGN KEY (c_first_shipto_date_sk) REFERENCES date_dim (d_date_sk);
ALTER TABLE promotion ADD FOREIGN KEY (p_start_date_sk) REFERENCES date_dim (d_date_sk);
ALTER TABLE promotion ADD FOREIGN KEY (p_end_date_sk) REFERENCES date_dim (d_date_sk);
ALTER TABLE promotion ADD FOREIGN KEY (p_item_sk) REFERENCES item (i_item_sk);
ALTER TABLE store ADD FOREIGN KEY (s_closed_date_sk) REFERENCES date_dim (d_date_sk);
ALTER TABLE catalog_page ADD FOREIGN KEY (cp_start_date_sk) REFERENCES date_dim (d_date_sk);
ALTER TABLE catalog_page ADD FOREIGN KEY (cp_end_date_sk) REFERENCES date_dim (d_date_sk);
ALTER TABLE web_page ADD FOREIGN KEY (wp_creation_date_sk) REFERENCES date_dim (d_date_sk);
ALTER TABLE web_page ADD FOREIGN KEY (wp_access_date_sk) REFERENCES date_dim (d_date_sk);
ALTER TABLE web_page ADD FOREIGN KEY (wp_customer_sk) REFERENCES customer (c_customer_sk);
ALTER TABLE web_site ADD FOREIGN KEY (web_open_date_sk) REFERENCES date_dim (d_date_sk);
ALTER TABLE web_site ADD FOREIGN KEY (web_close_date_sk) REFERENCES date_dim (d_date_sk);
ALTER TABLE inventory ADD FOREIGN KEY (inv_date_sk) REFERENCES date_dim (d_date_sk);
ALTER TABLE inventory ADD FOREIGN KEY (inv_item_sk) REFERENCES item (i_item_sk);
ALTER TABLE inventory ADD FOREIGN KEY (inv_warehouse_sk) REFERENCES warehouse (w_warehouse_sk);
ALTER TABLE catalog_sales ADD FOREIGN KEY (cs_sold_date_sk) REFERENCES date_dim (d_date_sk);
ALTER TABLE catalog_sales ADD FOREIGN KEY (cs_sold_time_sk) REFERENCES time_dim (t_time_sk);
ALTER TABLE catalog_sales ADD FOREIGN KEY (cs_ship_date_sk) REFERENCES date_dim (d_date_sk);
ALTER TABLE catalog_sales ADD FOREIGN KEY (cs_bill_customer_sk) REFERENCES customer (c_customer_sk);
ALTER TABLE catalog_sales ADD FOREIGN KEY (cs_bill_cdemo_sk) REFERENCES customer_demographics (cd_demo_sk);
ALTER TABLE catalog_sales ADD FOREIGN KEY (cs_bill_hdemo_sk) REFERENCES household_demographics (hd_demo_sk);
ALTER TABLE catalog_sales ADD FOREIGN KEY (cs_bill_addr_sk) REFERENCES customer_address (ca_address_sk);
ALTER TABLE catalog_sales ADD FOREIGN KEY (cs_ship_customer_sk) REFERENCES customer (c_customer_sk);
ALTER TABLE catalog_sales ADD FOREIGN KEY (cs_ship_cdemo_sk) REFERENCES customer_demographics (cd_demo_sk);
ALTER TABLE catalog_sales ADD FOREIGN KEY (cs_ship_hdemo_sk) REFERENCES household_demographics (hd_demo_sk);
ALTER TABLE catalog_sales ADD FOREIGN KEY (cs_ship_addr_sk) REFERENCES customer_address (ca_address_sk);
ALTER TABLE catalog_sales ADD FOREIGN KEY (cs_call_center_sk) REFERENCES call_center (cc_call_center_sk);
ALTER TABLE catalog_sales ADD FOREIGN KEY (cs_catalog_page_sk) REFERENCES catalog_page (cp_catalog_page_sk);
ALTER TABLE catalog_sales ADD FOREIGN KEY (cs_ship_mode_sk) REFERENCES ship_mode (sm_ship_mode_sk);
ALTER TABLE catalog_sales ADD FOREIGN KEY (cs_warehouse_sk) REFERENCES warehouse (w_warehouse_sk);
ALTER TABLE catalog_sales ADD FOREIGN KEY (cs_item_sk) REFERENCES item (i_item_sk);
ALTER TABLE catalog_sales ADD FOREIGN KEY (cs_promo_sk) REFERENCES promotion (p_promo_sk);
ALTER TABLE catalog_returns ADD FOREIGN KEY (cr_returned_date_sk) REFERENCES date_dim (d_date_sk);
ALTER TABLE catalog_returns ADD FOREIGN KEY (cr_returned_time_sk) REFERENCES time_dim (t_time_sk);
ALTER TABLE catalog_returns ADD FOREIGN KEY (cr_item_sk) REFERENCES item (i_item_sk);
ALTER TABLE catalog_returns ADD FOREIGN KEY (cr_refunded_customer_sk) REFERENCES customer (c_customer_sk);
ALTER TABLE catalog_returns ADD FOREIGN KEY (cr_refunded_cdemo_sk) REFERENCES customer_demographics (cd_demo_sk);
ALTER TABLE catalog_returns ADD FOREIGN KEY (cr_refunded_hdemo_sk) REFERENCES household_demographics (hd_demo_sk);
ALTER TABLE catalog_returns ADD FOREIGN KEY (cr_refunded_addr_sk) REFERENCES customer_address (ca_address_sk);
ALTER TABLE catalog_returns ADD FOREIGN KEY (cr_returning_customer_sk) REFERENCES customer (c_customer_sk);
ALTER TABLE catalog_returns ADD FOREIGN KEY (cr_returning_cdemo_sk) REFERENCES customer_demographics (cd_demo_sk);
ALTER TABLE catalog_returns ADD FOREIGN KEY (cr_returning_hdemo_sk) REFERENCES household_demographics (hd_demo_sk);
ALTER TABLE catalog_returns ADD FOREIGN KEY (cr_returning_addr_sk) REFERENCES customer_address (ca_address_sk);
ALTER TABLE catalog_returns ADD FOREIGN KEY (cr_call_center_sk) REFERENCES call_center (cc_call_center_sk);
ALTER TABLE catalog_returns ADD FOREIGN KEY (cr_catalog_page_sk) REFERENCES catalog_page (cp_catalog_page_sk);
ALTER TABLE catalog_returns ADD FOREIGN KEY (cr_ship_mode_sk) REFERENCES ship_mode (sm_ship_mode_sk);
ALTER TABLE catalog_returns ADD FOREIGN KEY (cr_warehouse_sk) REFERENCES warehouse (w_warehouse_sk);
ALTER TABLE catalog_returns ADD FOREIGN KEY (cr_reason_sk) REFERENCES reason (r_reason_sk);
ALTER TABLE catalog_returns ADD FOREIGN KEY (cr_item_sk, cr_order_number) REFERENCES catalog_sales (cs_item_sk, cs_order_number);
ALTER TABLE store_sales ADD FOREIGN KEY (ss_sold_date_sk) REFERENCES date_dim (d_date_sk);
ALTER TABLE store_sales ADD FOREIGN KEY (ss_sold_time_sk) REFERENCES time_dim (t_time_sk);
ALTER TABLE store_sales ADD FOREIGN KEY (ss_item_sk) REFERENCES item (i_item_sk);
ALTER TABLE store_sales ADD FOREIGN KEY (ss_customer_sk) REFERENCES customer (c_customer_sk);
ALTER TABLE store_sales ADD FOREIGN KEY (ss_cdemo_sk) REFERENCES customer_demographics (cd_demo_sk);
ALTER TABLE store_sales ADD FOREIGN KEY (ss_hdemo_sk) REFERENCES household_demographics (hd_demo_sk);
ALTER TABLE store_sales ADD FOREIGN KEY (ss_addr_sk) REFERENCES customer_address (ca_address_sk);
ALTER TABLE store_sales ADD FOREIGN KEY (ss_store_sk) REFERENCES store (s_store_sk);
ALTER TABLE store_sales ADD FOREIGN KEY (ss_promo_sk) REFERENCES promotion (p_promo_sk);
ALTER TABLE store_returns ADD FOREIGN KEY (sr_returned_date_sk) REFERENCES date_dim (d_date_sk);
ALTER TABLE store_returns ADD FOREIGN KEY (sr_return_time_sk) REFERENCES time_dim (t_time_sk);
ALTER TABLE store_returns ADD FOREIGN KEY (sr_item_sk) REFERENCES item (i_item_sk);
ALTER TABLE store_returns ADD FOREIGN KEY (sr_customer_sk) REFERENCES customer (c_customer_sk);
ALTER TABLE store_returns ADD FOREIGN KEY (sr_cdemo_sk) REFERENCES customer_demographics (cd_demo_sk);
ALTER TABLE store_returns ADD FOREIGN KEY (sr_hdemo_sk) REFERENCES household_demographics (hd_demo_sk);
ALTER TABLE store_returns ADD FOREIGN KEY (sr_addr_sk) REFERENCES customer_address (ca_address_sk);
ALTER TABLE store_returns ADD FOREIGN KEY (sr_store_sk) REFERENCES store (s_store_sk);
ALTER TABLE store_returns ADD FOREIGN KEY (sr_reason_sk) REFERENCES reason (r_reason_sk);
ALTER TABLE store_returns ADD FOREIGN KEY (sr_item_sk, sr_ticket_number) REFERENCES store_sales (ss_item_sk, ss_ticket_number);
ALTER TABLE web_sales ADD FOREIGN KEY (ws_sold_date_sk) REFERENCES date_dim (d_date_sk);
ALTER TABLE web_sales ADD FOREIGN KEY (ws_sold_time_sk) REFERENCES time_dim (t_time_sk);
ALTER TABLE web_sales ADD FOREIGN KEY (ws_ship_date_sk) REFERENCES date_dim (d_date_sk);
ALTER TABLE web_sales ADD FOREIGN KEY (ws_item_sk) REFERENCES item (i_item_sk);
ALTER TABLE web_sales ADD FOREIGN KEY (ws_bill_customer_sk) REFERENCES customer (c_customer_sk);
ALTER TABLE web_sales ADD FOREIGN KEY (ws_bill_cdemo_sk) REFERENCES customer_demographics (cd_demo_sk);
ALTER TABLE web_sales ADD FOREIGN KEY (ws_bill_hdemo_sk) REFERENCES household_demographics (hd_demo_sk);
ALTER TABLE web_sales ADD FOREIGN KEY (ws_bill_addr_sk) REFERENCES customer_address (ca_address_sk);
ALTER TABLE web_sales ADD FOREIGN KEY (ws_ship_customer_sk) REFERENCES customer (c_customer_sk);
ALTER TABLE web_sales ADD FOREIGN KEY (ws_ship_cdemo_sk) REFERENCES customer_demographics (cd_demo_sk);
ALTER TABLE web_sales ADD FOREIGN KEY (ws_ship_hdemo_sk) REFERENCES household_demographics (hd_demo_sk);
ALTER TABLE web_sales ADD FOREIGN KEY (ws_ship_addr_sk) REFERENCES customer_address (ca_address_sk);
ALTER TABLE web_sales ADD FOREIGN KEY (ws_web_page_sk) REFERENCES web_page (wp_web_page_sk);
ALTER TABLE web_sales ADD FOREIGN KEY (ws_web_site_sk) REFERENCES web_site (web_site_sk);
ALTER TABLE web_sales ADD FOREIGN KEY (ws_ship_mode_sk) REFERENCES ship_mode (sm_ship_mode_sk);
ALTER TABLE web_sales ADD FOREIGN KEY (ws_warehouse_sk) REFERENCES warehouse (w_warehouse_sk);
ALTER TABLE web_sales ADD FOREIGN KEY (ws_promo_sk) REFERENCES promotion (p_promo_sk);
ALTER TABLE web_returns ADD FOREIGN KEY (wr_returned_date_sk) REFERENCES date_dim (d_date_sk);
ALTER TABLE web_returns ADD FOREIGN KEY (wr_returned_time_sk) REFERENCES time_dim (t_time_sk);
ALTER TABLE web_returns ADD FOREIGN KEY (wr_item_sk) REFERENCES item (i_item_sk);
ALTER TABLE web_returns ADD FOREIGN KEY (wr_refunded_customer_sk) REFERENCES customer (c_customer_sk);
ALTER TABLE web_returns ADD FOREIGN KEY (wr_refunded_cdemo_sk) REFERENCES customer_demographics (cd_demo_sk);
ALTER TABLE web_returns ADD FOREIGN KEY (wr_refunded_hdemo_sk) REFERENCES household_demographics (hd_demo_sk);
ALTER TABLE web_returns ADD FOREIGN KEY (wr_refunded_addr_sk) REFERENCES customer_address (ca_address_sk);
ALTER TABLE web_returns ADD FOREIGN KEY (wr_returning_customer_sk) REFERENCES customer (c_customer_sk);
ALTER TABLE web_returns ADD FOREIGN KEY (wr_returning_cdemo_sk) REFERENCES customer_demographics (cd_demo_sk);
ALTER TABLE web_returns ADD FOREIGN KEY (wr_returning_hdemo_sk) REFERENCES household_demographics (hd_demo_sk);
ALTER TABLE web_returns ADD FOREIGN KEY (wr_returning_addr_sk) REFERENCES customer_address (ca_address_sk);
ALTER TABLE web_returns ADD FOREIGN KEY (wr_web_page_sk) REFERENCES web_page (wp_web_page_sk);
ALTER TABLE web_returns ADD FOREIGN KEY (wr_reason_sk) REFERENCES reason (r_reason_sk);
ALTER TABLE web_returns ADD FOREIGN KEY (wr_item_sk, wr_order_number) REFERENCES web_sales (ws_item_sk, ws_order_number);
