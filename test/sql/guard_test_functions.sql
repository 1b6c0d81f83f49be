-- Test-only functions for the C++/PostgreSQL boundary guards. Not part of the extension's
-- API: loaded by the tests into schema cartridge_test.
CREATE SCHEMA IF NOT EXISTS cartridge_test;

CREATE OR REPLACE FUNCTION cartridge_test.throw_error(message text) RETURNS void
    LANGUAGE c AS 'cartridge', 'cartridge_test_throw_error';
CREATE OR REPLACE FUNCTION cartridge_test.throw_std(message text) RETURNS void
    LANGUAGE c AS 'cartridge', 'cartridge_test_throw_std';
CREATE OR REPLACE FUNCTION cartridge_test.error_through_frames(depth int, sql text) RETURNS int
    LANGUAGE c STRICT AS 'cartridge', 'cartridge_test_error_through_frames';
CREATE OR REPLACE FUNCTION cartridge_test.destructors_run() RETURNS int
    LANGUAGE c AS 'cartridge', 'cartridge_test_destructors_run';
CREATE OR REPLACE FUNCTION cartridge_test.backend_memory() RETURNS jsonb
    LANGUAGE c AS 'cartridge', 'cartridge_test_backend_memory';
CREATE OR REPLACE FUNCTION cartridge_test.error_inside_scope(sql text) RETURNS void
    LANGUAGE c STRICT AS 'cartridge', 'cartridge_test_error_inside_scope';
