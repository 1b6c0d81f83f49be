-- cartridge_scan on the northwind sample database (test/data/northwind.sql, see test/data/README.md).
CREATE DATABASE regress_northwind;
\c regress_northwind
\set ECHO none
\getenv abs_srcdir PG_ABS_SRCDIR
\set dataset :abs_srcdir '/test/data/northwind.sql'
\set report :abs_srcdir '/test/sql/scan_report.sql'
\o /dev/null
\i :dataset
\o
RESET ALL;
CREATE EXTENSION cartridge;
\set ECHO queries
\i :report
\set ECHO all
\c contrib_regression
DROP DATABASE regress_northwind;
