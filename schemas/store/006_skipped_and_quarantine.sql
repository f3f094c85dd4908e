-- bostad store, schema version 6: rows a delivery holds that the project did not ask for (a mapping's keep
-- filters, kommuner outside the project) are counted per run, apart from the rejected rows; and a rejected row
-- is known again when the same source delivers it again, so the quarantine does not grow on a re-ingest.

-- read = inserted + updated + unchanged + skipped + rejected.
ALTER TABLE ingest_runs ADD COLUMN rows_skipped INTEGER NOT NULL DEFAULT 0;

-- SHA-256 (hex) of the row's kind, source file, reason, field, attributes and geometry as read: a row with the
-- same key from a later run moves to that run instead of being stored twice. NULL for rows stored before.
ALTER TABLE rejected_rows ADD COLUMN content_key TEXT;
CREATE INDEX idx_rejected_content ON rejected_rows (content_key);
