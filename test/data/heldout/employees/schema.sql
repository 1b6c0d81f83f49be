-- The MySQL "employees" sample database (schema only), for Cartridge's held-out accuracy
-- evaluation (test/accuracy/heldout.py). Origin: datacharmer/test_db @ 3c7fa05e04b4c339d91a43b7029a210212d48e6c
--   employees.sql (the CREATE TABLE statements)
-- Licence: Creative Commons Attribution-Share Alike 3.0 Unported
-- (https://creativecommons.org/licenses/by-sa/3.0/); schema by Giuseppe Maxia, data originally
-- by Fusheng Wang and Carlo Zaniolo (Siemens Corporate Research). This adaptation is shared
-- under the same licence (see LICENSE.md beside this file).
-- Changes from the original: MySQL types become PostgreSQL ones (ENUM ('M','F') becomes
-- CHAR(1) with a CHECK on the same two values; UNIQUE KEY becomes UNIQUE); the tables are in
-- schema `employees`; the views and the data are left out. Table and column names, keys and
-- foreign keys are unchanged.
DROP SCHEMA IF EXISTS employees CASCADE;
CREATE SCHEMA employees;
SET search_path = employees;

CREATE TABLE employees (
    emp_no      INT             NOT NULL,
    birth_date  DATE            NOT NULL,
    first_name  VARCHAR(14)     NOT NULL,
    last_name   VARCHAR(16)     NOT NULL,
    gender      CHAR(1)         NOT NULL CHECK (gender IN ('M','F')),
    hire_date   DATE            NOT NULL,
    PRIMARY KEY (emp_no)
);

CREATE TABLE departments (
    dept_no     CHAR(4)         NOT NULL,
    dept_name   VARCHAR(40)     NOT NULL,
    PRIMARY KEY (dept_no),
    UNIQUE      (dept_name)
);

CREATE TABLE dept_manager (
   emp_no       INT             NOT NULL,
   dept_no      CHAR(4)         NOT NULL,
   from_date    DATE            NOT NULL,
   to_date      DATE            NOT NULL,
   FOREIGN KEY (emp_no)  REFERENCES employees (emp_no)    ON DELETE CASCADE,
   FOREIGN KEY (dept_no) REFERENCES departments (dept_no) ON DELETE CASCADE,
   PRIMARY KEY (emp_no,dept_no)
);

CREATE TABLE dept_emp (
    emp_no      INT             NOT NULL,
    dept_no     CHAR(4)         NOT NULL,
    from_date   DATE            NOT NULL,
    to_date     DATE            NOT NULL,
    FOREIGN KEY (emp_no)  REFERENCES employees   (emp_no)  ON DELETE CASCADE,
    FOREIGN KEY (dept_no) REFERENCES departments (dept_no) ON DELETE CASCADE,
    PRIMARY KEY (emp_no,dept_no)
);

CREATE TABLE titles (
    emp_no      INT             NOT NULL,
    title       VARCHAR(50)     NOT NULL,
    from_date   DATE            NOT NULL,
    to_date     DATE,
    FOREIGN KEY (emp_no) REFERENCES employees (emp_no) ON DELETE CASCADE,
    PRIMARY KEY (emp_no,title, from_date)
);

CREATE TABLE salaries (
    emp_no      INT             NOT NULL,
    salary      INT             NOT NULL,
    from_date   DATE            NOT NULL,
    to_date     DATE            NOT NULL,
    FOREIGN KEY (emp_no) REFERENCES employees (emp_no) ON DELETE CASCADE,
    PRIMARY KEY (emp_no, from_date)
);
