-- Oracle Sample Schemas, Sales History (SH), for Cartridge's held-out accuracy evaluation
-- (test/accuracy/heldout.py). Origin: oracle-samples/db-sample-schemas @ 6660bad68c07bd143430ace58565b3f727e17263
--   sales_history/sh_create.sql
-- Licence: MIT (see LICENSE.txt beside this file).
-- Changes from the original: Oracle types become PostgreSQL ones (VARCHAR2 -> VARCHAR,
-- NUMBER -> NUMERIC, DATE stays DATE); the tables are in schema `sh`; the range partitioning
-- of sales and costs, the views, materialized views, indexes and comments are left out.
-- Table and column names, keys and foreign keys are unchanged.
DROP SCHEMA IF EXISTS sh CASCADE;
CREATE SCHEMA sh;
SET search_path = sh;

CREATE TABLE countries
(
   country_id             NUMERIC         NOT NULL,
   country_iso_code       CHAR(2)        NOT NULL,
   country_name           VARCHAR(40)   NOT NULL,
   country_subregion      VARCHAR(30)   NOT NULL,
   country_subregion_id   NUMERIC         NOT NULL,
   country_region         VARCHAR(20)   NOT NULL,
   country_region_id      NUMERIC         NOT NULL,
   country_total          VARCHAR(11)   NOT NULL,
   country_total_id       NUMERIC         NOT NULL,
   CONSTRAINT countries_pk
      PRIMARY KEY (country_id)
);

CREATE TABLE customers
(
   cust_id                  NUMERIC         NOT NULL,
   cust_first_name          VARCHAR(20)   NOT NULL,
   cust_last_name           VARCHAR(40)   NOT NULL,
   cust_gender              CHAR(1)        NOT NULL,
   cust_year_of_birth       NUMERIC(4)      NOT NULL,
   cust_marital_status      VARCHAR(20),
   cust_street_address      VARCHAR(40)   NOT NULL,
   cust_postal_code         VARCHAR(10)   NOT NULL,
   cust_city                VARCHAR(30)   NOT NULL,
   cust_city_id             NUMERIC         NOT NULL,
   cust_state_province      VARCHAR(40)   NOT NULL,
   cust_state_province_id   NUMERIC         NOT NULL,
   country_id               NUMERIC         NOT NULL,
   cust_main_phone_number   VARCHAR(25)   NOT NULL,
   cust_income_level        VARCHAR(30),
   cust_credit_limit        NUMERIC,
   cust_email               VARCHAR(50),
   cust_total               VARCHAR(14)   NOT NULL,
   cust_total_id            NUMERIC         NOT NULL,
   cust_src_id              NUMERIC,
   cust_eff_from            DATE,
   cust_eff_to              DATE,
   cust_valid               VARCHAR(1),
   CONSTRAINT customers_pk
      PRIMARY KEY (cust_id),
   CONSTRAINT customers_country_fk
      FOREIGN KEY (country_id) REFERENCES countries (country_id)
);

CREATE TABLE promotions
(
   promo_id               NUMERIC(6)      NOT NULL,
   promo_name             VARCHAR(30)   NOT NULL,
   promo_subcategory      VARCHAR(30)   NOT NULL,
   promo_subcategory_id   NUMERIC         NOT NULL,
   promo_category         VARCHAR(30)   NOT NULL,
   promo_category_id      NUMERIC         NOT NULL,
   promo_cost             NUMERIC(10,2)   NOT NULL,
   promo_begin_date       DATE           NOT NULL,
   promo_end_date         DATE           NOT NULL,
   promo_total            VARCHAR(15)   NOT NULL,
   promo_total_id         NUMERIC         NOT NULL,
   CONSTRAINT promo_pk
      PRIMARY KEY (promo_id)
);

CREATE TABLE products
(
   prod_id                 NUMERIC(6)        NOT NULL,
   prod_name               VARCHAR(50)     NOT NULL,
   prod_desc               VARCHAR(4000)   NOT NULL,
   prod_subcategory        VARCHAR(50)     NOT NULL,
   prod_subcategory_id     NUMERIC           NOT NULL,
   prod_subcategory_desc   VARCHAR(2000)   NOT NULL,
   prod_category           VARCHAR(50)     NOT NULL,
   prod_category_id        NUMERIC           NOT NULL,
   prod_category_desc      VARCHAR(2000)   NOT NULL,
   prod_weight_class       NUMERIC(3)        NOT NULL,
   prod_unit_of_measure    VARCHAR(20),
   prod_pack_size          VARCHAR(30)     NOT NULL,
   supplier_id             NUMERIC(6)        NOT NULL,
   prod_status             VARCHAR(20)     NOT NULL,
   prod_list_price         NUMERIC(8,2)      NOT NULL,
   prod_min_price          NUMERIC(8,2)      NOT NULL,
   prod_total              VARCHAR(13)     NOT NULL,
   prod_total_id           NUMERIC           NOT NULL,
   prod_src_id             NUMERIC,
   prod_eff_from           DATE,
   prod_eff_to             DATE,
   prod_valid              VARCHAR(1),
   CONSTRAINT products_pk
      PRIMARY KEY (prod_id)
);

CREATE TABLE times
(
   time_id                   DATE          NOT NULL,
   day_name                  VARCHAR(9)   NOT NULL,
   day_number_in_week        NUMERIC(1)     NOT NULL,
   day_number_in_month       NUMERIC(2)     NOT NULL,
   calendar_week_number      NUMERIC(2)     NOT NULL,
   fiscal_week_number        NUMERIC(2)     NOT NULL,
   week_ending_day           DATE          NOT NULL,
   week_ending_day_id        NUMERIC        NOT NULL,
   calendar_month_number     NUMERIC(2)     NOT NULL,
   fiscal_month_number       NUMERIC(2)     NOT NULL,
   calendar_month_desc       VARCHAR(8)   NOT NULL,
   calendar_month_id         NUMERIC        NOT NULL,
   fiscal_month_desc         VARCHAR(8)   NOT NULL,
   fiscal_month_id           NUMERIC        NOT NULL,
   days_in_cal_month         NUMERIC        NOT NULL,
   days_in_fis_month         NUMERIC        NOT NULL,
   end_of_cal_month          DATE          NOT NULL,
   end_of_fis_month          DATE          NOT NULL,
   calendar_month_name       VARCHAR(9)   NOT NULL,
   fiscal_month_name         VARCHAR(9)   NOT NULL,
   calendar_quarter_desc     CHAR(7)       NOT NULL,
   calendar_quarter_id       NUMERIC        NOT NULL,
   fiscal_quarter_desc       CHAR(7)       NOT NULL,
   fiscal_quarter_id         NUMERIC        NOT NULL,
   days_in_cal_quarter       NUMERIC        NOT NULL,
   days_in_fis_quarter       NUMERIC        NOT NULL,
   end_of_cal_quarter        DATE          NOT NULL,
   end_of_fis_quarter        DATE          NOT NULL,
   calendar_quarter_number   NUMERIC(1)     NOT NULL,
   fiscal_quarter_number     NUMERIC(1)     NOT NULL,
   calendar_year             NUMERIC(4)     NOT NULL,
   calendar_year_id          NUMERIC        NOT NULL,
   fiscal_year               NUMERIC(4)     NOT NULL,
   fiscal_year_id            NUMERIC        NOT NULL,
   days_in_cal_year          NUMERIC        NOT NULL,
   days_in_fis_year          NUMERIC        NOT NULL,
   end_of_cal_year           DATE          NOT NULL,
   end_of_fis_year           DATE          NOT NULL,
   CONSTRAINT times_pk
      PRIMARY KEY (time_id)
);

CREATE TABLE channels
(
   channel_id         NUMERIC         NOT NULL,
   channel_desc       VARCHAR(20)   NOT NULL,
   channel_class      VARCHAR(20)   NOT NULL,
   channel_class_id   NUMERIC         NOT NULL,
   channel_total      VARCHAR(13)   NOT NULL,
   channel_total_id   NUMERIC         NOT NULL,
   CONSTRAINT channels_pk
      PRIMARY KEY (channel_id)
);

CREATE TABLE sales
(
   prod_id         NUMERIC(6)      NOT NULL,
   cust_id         NUMERIC         NOT NULL,
   time_id         DATE           NOT NULL,
   channel_id      NUMERIC(1)      NOT NULL,
   promo_id        NUMERIC(6)      NOT NULL,
   quantity_sold   NUMERIC(3)      NOT NULL,
   amount_sold     NUMERIC(10,2)   NOT NULL,
   CONSTRAINT sales_promo_fk
      FOREIGN KEY (promo_id)   REFERENCES promotions (promo_id),
   CONSTRAINT sales_customer_fk
      FOREIGN KEY (cust_id)    REFERENCES customers (cust_id),
   CONSTRAINT sales_product_fk
      FOREIGN KEY (prod_id)    REFERENCES products (prod_id),
   CONSTRAINT sales_channel_fk
      FOREIGN KEY (channel_id) REFERENCES channels (channel_id),
   CONSTRAINT sales_time_fk
      FOREIGN KEY (time_id) REFERENCES times (time_id)
);

CREATE TABLE costs
(
   prod_id      NUMERIC         NOT NULL,
   time_id      DATE           NOT NULL,
   promo_id     NUMERIC         NOT NULL,
   channel_id   NUMERIC         NOT NULL,
   unit_cost    NUMERIC(10,2)   NOT NULL,
   unit_price   NUMERIC(10,2)   NOT NULL,
   CONSTRAINT costs_promo_fk
      FOREIGN KEY (promo_id)   REFERENCES promotions (promo_id),
   CONSTRAINT costs_product_fk
      FOREIGN KEY (prod_id)    REFERENCES products (prod_id),
   CONSTRAINT costs_time_fk
      FOREIGN KEY (time_id)    REFERENCES times (time_id),
   CONSTRAINT costs_channel_fk
      FOREIGN KEY (channel_id) REFERENCES channels (channel_id)
);

CREATE TABLE supplementary_demographics
(
   cust_id                   NUMERIC           NOT NULL,
   education                 VARCHAR(21),
   occupation                VARCHAR(21),
   household_size            VARCHAR(21),
   yrs_residence             NUMERIC,
   affinity_card             NUMERIC(10),
   cricket                   NUMERIC(10),
   baseball                  NUMERIC(10),
   tennis                    NUMERIC(10),
   soccer                    NUMERIC(10),
   golf                      NUMERIC(10),
   unknown                   NUMERIC(10),
   misc                      NUMERIC(10),
   comments                  VARCHAR(4000),
   CONSTRAINT supp_demo_pk
      PRIMARY KEY (cust_id)
);
