-- Cartridge 0.4.0 -> 0.5.0: cartridge_test_provider, to check an AI provider's settings.
-- Ends with the objects a fresh install of 0.5.0 creates (test/e2e/test_upgrade.py
-- compares them).
\echo Use "ALTER EXTENSION cartridge UPDATE TO '0.5.0'" to load this file. \quit

CREATE FUNCTION @extschema@.cartridge_test_provider(provider text, model text DEFAULT NULL)
    RETURNS jsonb
    LANGUAGE c VOLATILE
    SET search_path = pg_catalog, pg_temp
    AS 'MODULE_PATHNAME', 'cartridge_test_provider';
COMMENT ON FUNCTION @extschema@.cartridge_test_provider(text, text) IS
    'One minimal request to an AI provider: ok, model, latency_ms, http_status, error';
