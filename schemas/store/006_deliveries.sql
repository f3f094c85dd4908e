-- bostad store, schema version 6 (real deliveries): rows a delivery holds that the project did not ask for (a
-- mapping's keep filters, kommuner outside the project) are counted per run, apart from the rejected rows; a
-- rejected row is known again when the same source delivers it again, so the quarantine does not grow on a
-- re-ingest; a permit's dwellings may be unknown; a date may be a year alone; and unchanged rows are recognised
-- by the digest of what was delivered.

-- read = inserted + updated + unchanged + skipped + rejected.
ALTER TABLE ingest_runs ADD COLUMN rows_skipped INTEGER NOT NULL DEFAULT 0;

-- SHA-256 (hex) of the row's kind, source file, reason, field, attributes and geometry as read: a row with the
-- same key from a later run moves to that run instead of being stored twice. NULL for rows stored before.
ALTER TABLE rejected_rows ADD COLUMN content_key TEXT;
CREATE INDEX idx_rejected_content ON rejected_rows (content_key);
-- The case_id, plan_id or area_id of a rejected row as far as it could be read, so that `bostad history` finds a
-- case that is only in the quarantine. NULL for rows stored before.
ALTER TABLE rejected_rows ADD COLUMN entity_key TEXT;
CREATE INDEX idx_rejected_key ON rejected_rows (entity_key);

-- A permit's dwellings may be unknown (a decision list without dwelling counts): NULL, never 0; a value a
-- mapping assumes (its [defaults]) is marked on the row; and a permit is identified by its kommun, case_id and the
-- mapping's other key fields. SQLite cannot
-- drop a NOT NULL constraint, so the table is built again with the same columns and rows (foreign keys are
-- not enforced on bostad's connections, so nothing cascades); its R-tree is rebuilt after the migration.
DROP TABLE IF EXISTS rtree_permits_geom;
DELETE FROM gpkg_extensions WHERE table_name = 'permits' AND extension_name = 'gpkg_rtree_index';
CREATE TABLE permits_v6 (
  fid INTEGER PRIMARY KEY NOT NULL,
  geom POINT,
  municipality TEXT NOT NULL,
  case_id TEXT NOT NULL,
  property TEXT,
  house_type TEXT,
  tenure TEXT,
  dwellings INTEGER CHECK (dwellings >= 0), -- NULL: unknown
  dwellings_removed INTEGER NOT NULL DEFAULT 0 CHECK (dwellings_removed >= 0),
  applied_date DATE,
  granted_date DATE,
  started_date DATE,
  completed_date DATE,
  refused_date DATE,
  withdrawn_date DATE,
  first_run INTEGER NOT NULL REFERENCES ingest_runs(id),
  last_changed_run INTEGER NOT NULL REFERENCES ingest_runs(id),
  last_seen_run INTEGER NOT NULL REFERENCES ingest_runs(id),
  missing_since_run INTEGER REFERENCES ingest_runs(id),
  assumed TEXT, -- the fields whose value came from the mapping's [defaults], comma-separated (NULL: none)
  -- The date fields delivered as a year alone (date format YYYY), comma-separated (NULL: none); such a date holds
  -- the year's last day and counts in no month (docs/fields.md).
  year_only TEXT,
  -- The mapping's other key fields (key = ["case_id", "property"]: one diarienummer, several properties), joined by
  -- " | "; '' for the default key.
  key_extra TEXT NOT NULL DEFAULT '',
  CONSTRAINT uk_permits_case UNIQUE (municipality, case_id, key_extra)
);
INSERT INTO permits_v6 (fid, geom, municipality, case_id, property, house_type, tenure, dwellings, dwellings_removed,
  applied_date, granted_date, started_date, completed_date, refused_date, withdrawn_date, first_run, last_changed_run,
  last_seen_run, missing_since_run)
SELECT fid, geom, municipality, case_id, property, house_type, tenure, dwellings, dwellings_removed,
  applied_date, granted_date, started_date, completed_date, refused_date, withdrawn_date, first_run, last_changed_run,
  last_seen_run, missing_since_run FROM permits;
DROP TABLE permits;
ALTER TABLE permits_v6 RENAME TO permits;

-- A plan's dates may be years alone too.
ALTER TABLE plans ADD COLUMN year_only TEXT;

-- The digest of the delivered row each stored permit and plan equals (ingest/read/row_digest.hpp), so that a
-- re-ingest recognises an unchanged row without decoding it again. A cache, not data: a row without a digest is
-- decoded and compared as before, and `bostad copy` leaves the digests behind.
-- A row flagged missing has none (it is decoded when it reappears).
-- The row's kommun and key (permit_id or plan_id) let an ingest match a recognised row against decoded ones
-- without loading the stored rows.
CREATE TABLE permit_digests (fid INTEGER PRIMARY KEY, digest INTEGER NOT NULL, municipality TEXT NOT NULL, key TEXT NOT NULL);
CREATE TABLE plan_digests (fid INTEGER PRIMARY KEY, digest INTEGER NOT NULL, municipality TEXT NOT NULL, key TEXT NOT NULL);
