-- The C++/PostgreSQL boundary: C++ exceptions become ERRORs, PostgreSQL ERRORs cross C++
-- frames with their destructors run, and repetition leaves memory flat.
CREATE EXTENSION cartridge;
\set ECHO none
\getenv abs_srcdir PG_ABS_SRCDIR
\set guard_functions :abs_srcdir '/test/sql/guard_test_functions.sql'
\i :guard_functions
\set ECHO all

-- a cartridge::Error keeps its SQLSTATE (22023) and hint; the session goes on
SELECT cartridge_test.throw_error('bad value from C++');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT 1 AS session_goes_on;

-- any std::exception becomes an internal error with its message
SELECT cartridge_test.throw_std('plain std::runtime_error');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT 2 AS session_goes_on;

-- without an error, every frame unwinds normally
SELECT cartridge_test.error_through_frames(5, 'SELECT 1');

-- a division by zero raised inside SPI, 7 C++ frames down, reaches the client as itself
-- (SQLSTATE 22012) after all 7 destructors ran
SELECT cartridge_test.error_through_frames(7, 'SELECT 1/0');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT cartridge_test.destructors_run();

-- an undefined table keeps its own SQLSTATE (42P01) and position
SELECT cartridge_test.error_through_frames(3, 'SELECT * FROM no_such_table');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT cartridge_test.destructors_run();


-- an ERROR raised inside a memory scope (and SPI) outlives both on its way to the client
SELECT cartridge_test.error_inside_scope('SELECT * FROM no_such_table');
\echo SQLSTATE :LAST_ERROR_SQLSTATE

-- 1,000 errors of each kind leave backend memory (palloc and C++ heap) flat
CREATE FUNCTION pg_temp.repeat_errors(n int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    FOR i IN 1 .. n LOOP
        BEGIN
            PERFORM cartridge_test.throw_error('again');
        EXCEPTION WHEN invalid_parameter_value THEN NULL;
        END;
        BEGIN
            PERFORM cartridge_test.error_through_frames(4, 'SELECT 1/0');
        EXCEPTION WHEN division_by_zero THEN NULL;
        END;
    END LOOP;
END $$;
SELECT pg_temp.repeat_errors(100);  -- warm up caches
SELECT cartridge_test.backend_memory() AS before \gset
SELECT pg_temp.repeat_errors(1000);
SELECT cartridge_test.backend_memory() AS after \gset
SELECT (:'after'::jsonb->>'palloc')::bigint - (:'before'::jsonb->>'palloc')::bigint < 65536 AS palloc_flat,
       (:'after'::jsonb->>'malloc')::bigint - (:'before'::jsonb->>'malloc')::bigint < 65536 AS heap_flat;

DROP SCHEMA cartridge_test CASCADE;
DROP EXTENSION cartridge;
