-- The report the dataset scan tests print (sql/scan_<dataset>.sql): what cartridge_scan
-- stored, in a stable order. Expects the dataset loaded and the extension created.
SELECT cartridge_scan() AS scan_id \gset
SELECT database_name, schemas, stats - 'timings_ms' AS stats FROM cartridge.scans WHERE id = :scan_id;
SELECT schema_name, table_name, kind, row_estimate, analyzed, can_select, comment
  FROM cartridge.relations WHERE scan_id = :scan_id ORDER BY 1, 2;
SELECT table_name,
       string_agg(format('%s %s%s%s', column_name, data_type,
                         CASE WHEN NOT is_nullable THEN ' not null' ELSE '' END,
                         CASE WHEN column_default IS NOT NULL THEN ' default ' || column_default ELSE '' END),
                  ', ' ORDER BY ordinal) AS columns
  FROM cartridge.columns WHERE scan_id = :scan_id GROUP BY 1 ORDER BY 1;
SELECT table_name, constraint_name, constraint_type, columns, ref_table, ref_columns, on_delete, accepted_values
  FROM cartridge.constraints WHERE scan_id = :scan_id ORDER BY 1, 2;
SELECT table_name, index_name, method, is_unique, is_primary, columns
  FROM cartridge.indexes WHERE scan_id = :scan_id ORDER BY 1, 2;
SELECT from_table, from_columns, to_table, to_columns, source, constraint_name, confidence, cardinality
  FROM cartridge.relationships WHERE scan_id = :scan_id ORDER BY 1, 2, 3;
-- row estimates once the tables are analyzed
ANALYZE;
SELECT cartridge_scan() AS scan_id \gset
SELECT count(*) FILTER (WHERE analyzed) AS analyzed, count(*) FILTER (WHERE row_estimate > 0) AS with_rows
  FROM cartridge.relations WHERE scan_id = :scan_id;
-- the JSON document holds the same relations, columns and relationships
SELECT jsonb_array_length(doc->'relations') AS relations,
       (SELECT sum(jsonb_array_length(r->'columns')) FROM jsonb_array_elements(doc->'relations') r) AS columns,
       jsonb_array_length(doc->'relationships') AS relationships
  FROM cartridge_scan_json(:scan_id) AS doc;
