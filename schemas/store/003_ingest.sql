-- bostad store, schema version 3: what every ingest run records beyond its row counts.

-- The config source the run came from (NULL for files given on the command line).
ALTER TABLE ingest_runs ADD COLUMN source_name TEXT;
-- The CRS the coordinates were read in ("EPSG:3008"), as found in the file or given by mapping or --crs.
ALTER TABLE ingest_runs ADD COLUMN source_crs TEXT;
-- Rows that repeated an earlier row of the same run exactly; they are counted once, in rows_unchanged.
ALTER TABLE ingest_runs ADD COLUMN rows_repeated INTEGER NOT NULL DEFAULT 0;
-- JSON object: events written, cases missing from a full snapshot, cases that reappeared, dates moved back,
-- geometries repaired.
ALTER TABLE ingest_runs ADD COLUMN notes TEXT;

CREATE INDEX idx_rejected_reason ON rejected_rows (reason_code);

-- What MakeValid did to a delivered polygon, when it was allowed to repair it (as plans.geometry_repair).
ALTER TABLE permit_footprints ADD COLUMN geometry_repair TEXT;
ALTER TABLE areas ADD COLUMN geometry_repair TEXT;
