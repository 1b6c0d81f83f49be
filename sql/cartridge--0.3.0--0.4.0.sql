-- Cartridge 0.3.0 -> 0.4.0: relations.populated, so that generation can leave the tests
-- and marts of a materialized view that was never refreshed (it cannot be read) out.
-- Ends with the objects a fresh install of 0.4.0 creates (test/e2e/test_upgrade.py
-- compares them).
\echo Use "ALTER EXTENSION cartridge UPDATE TO '0.4.0'" to load this file. \quit

-- NULL for the relations of earlier scans: not recorded (generation treats them as
-- populated, as 0.3.0 did).
ALTER TABLE cartridge.relations ADD COLUMN populated boolean;
