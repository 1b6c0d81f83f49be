-- cartridge_version() reports the extension, the server and every linked library.
CREATE EXTENSION cartridge;
SELECT key FROM jsonb_object_keys(cartridge_version()) AS key ORDER BY key;
SELECT cartridge_version()->>'extension' AS extension,
       cartridge_version()->>'server' = current_setting('server_version') AS server_matches,
       cartridge_version()->>'libcurl' ~ '^\d+\.\d+' AS libcurl_ok,
       cartridge_version()->>'libarchive' ~ '^libarchive \d' AS libarchive_ok;
-- the state schema exists and belongs to the extension
SELECT nspname FROM pg_namespace n JOIN pg_depend d ON d.objid = n.oid AND d.deptype = 'e'
 WHERE nspname = 'cartridge';
-- a typo in a cartridge.* setting is reported
SET cartridge.no_such_setting = 'x';

DROP EXTENSION cartridge;
