-- bostad store, schema version 2: the housing pipeline.
-- Every geometry is in EPSG:3006 (SWEREF 99 TM). Dates are ISO civil dates (DATE), times are UTC (DATETIME).
-- R-tree spatial indexes for every table in gpkg_geometry_columns are created by src/store/migrations.cpp.

-- One row per ingest that committed: what was read, from where, and what happened to every row.
-- rows_read = rows_inserted + rows_updated + rows_unchanged + rows_rejected, or the ingest rolls back.
CREATE TABLE ingest_runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  started_at DATETIME NOT NULL,
  finished_at DATETIME,
  tool_version TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('permits', 'plans', 'areas')),
  source_path TEXT NOT NULL,
  source_checksum TEXT,            -- SHA-256 of the source file(s)
  source_layer TEXT,
  mapping TEXT,
  municipality TEXT,
  area_set TEXT,
  full_snapshot BOOLEAN NOT NULL DEFAULT 0,
  rows_read INTEGER NOT NULL DEFAULT 0,
  rows_inserted INTEGER NOT NULL DEFAULT 0,
  rows_updated INTEGER NOT NULL DEFAULT 0,
  rows_unchanged INTEGER NOT NULL DEFAULT 0,
  rows_rejected INTEGER NOT NULL DEFAULT 0
);

-- Building permits (bygglov), keyed by (municipality, case_id). geom is the permit's location: the point
-- delivered, or the point on surface of a delivered footprint (kept in permit_footprints).
-- (No AUTOINCREMENT: permits are never deleted, and the sqlite_sequence bookkeeping slows bulk loads.)
CREATE TABLE permits (
  fid INTEGER PRIMARY KEY NOT NULL,
  geom POINT,
  municipality TEXT NOT NULL,
  case_id TEXT NOT NULL,
  property TEXT,
  house_type TEXT,
  tenure TEXT,
  dwellings INTEGER NOT NULL DEFAULT 0 CHECK (dwellings >= 0),
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
  missing_since_run INTEGER REFERENCES ingest_runs(id), -- set when a full snapshot no longer has the case
  CONSTRAINT uk_permits_case UNIQUE (municipality, case_id)
);

CREATE TABLE permit_footprints (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  geom MULTIPOLYGON,
  permit_fid INTEGER NOT NULL UNIQUE REFERENCES permits(fid) ON DELETE CASCADE
);

-- Detailed development plans (detaljplaner), keyed by (municipality, plan_id).
CREATE TABLE plans (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  geom MULTIPOLYGON,
  municipality TEXT NOT NULL,
  plan_id TEXT NOT NULL,
  name TEXT,
  status TEXT NOT NULL,
  adopted_date DATE,
  legal_date DATE,
  implementation_end DATE,
  planned_dwellings INTEGER CHECK (planned_dwellings >= 0),
  geometry_repair TEXT,            -- what MakeValid did, when it was allowed to repair the polygon
  first_run INTEGER NOT NULL REFERENCES ingest_runs(id),
  last_changed_run INTEGER NOT NULL REFERENCES ingest_runs(id),
  last_seen_run INTEGER NOT NULL REFERENCES ingest_runs(id),
  missing_since_run INTEGER REFERENCES ingest_runs(id),
  CONSTRAINT uk_plans_plan UNIQUE (municipality, plan_id)
);

-- Named sets of areas (districts, DeSO, tätorter, ...), each with its boundary vintage.
CREATE TABLE area_sets (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  description TEXT,
  vintage TEXT,
  loaded_run INTEGER REFERENCES ingest_runs(id)
);

CREATE TABLE areas (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  geom MULTIPOLYGON,
  area_set_id INTEGER NOT NULL REFERENCES area_sets(id) ON DELETE CASCADE,
  area_id TEXT NOT NULL,
  name TEXT,
  municipality TEXT,
  CONSTRAINT uk_areas_id UNIQUE (area_set_id, area_id)
);

-- History: one row per created case, changed field, or flag (a date moving backwards, a case missing
-- from a full snapshot). Nothing is ever deleted from here.
CREATE TABLE events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  run_id INTEGER NOT NULL REFERENCES ingest_runs(id),
  entity TEXT NOT NULL CHECK (entity IN ('permit', 'plan')),
  municipality TEXT NOT NULL,
  entity_key TEXT NOT NULL,        -- case_id or plan_id
  kind TEXT NOT NULL,              -- created | changed | date_moved_back | missing_from_snapshot | reappeared
  field TEXT,
  old_value TEXT,
  new_value TEXT,
  recorded_at DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX idx_events_entity ON events (entity, municipality, entity_key);
CREATE INDEX idx_events_run ON events (run_id);

-- Quarantine: every row an ingest could not accept, with a stable reason code and the raw attributes.
-- geom holds the row's geometry in EPSG:3006 when it could be read and transformed.
CREATE TABLE rejected_rows (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  geom GEOMETRY,
  run_id INTEGER NOT NULL REFERENCES ingest_runs(id),
  kind TEXT NOT NULL,
  municipality TEXT,
  source_file TEXT NOT NULL,
  source_row INTEGER,              -- 1-based row or feature number in the source
  source_fid TEXT,                 -- the source's own feature id, when it has one
  reason_code TEXT NOT NULL,
  field TEXT,
  message TEXT NOT NULL,
  raw_attributes TEXT NOT NULL,    -- JSON object of the row as read
  raw_geometry TEXT                -- WKT as read, when it could not be stored in geom
);
CREATE INDEX idx_rejected_run ON rejected_rows (run_id);

INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES
  ('ingest_runs', 'attributes', 'ingest_runs', 'one row per committed ingest, with row counts', NULL),
  ('permits', 'features', 'permits', 'building permits (bygglov) and their stage dates', 3006),
  ('permit_footprints', 'features', 'permit_footprints', 'building footprints delivered with permits', 3006),
  ('plans', 'features', 'plans', 'detailed development plans (detaljplaner)', 3006),
  ('area_sets', 'attributes', 'area_sets', 'named sets of areas with their vintage', NULL),
  ('areas', 'features', 'areas', 'areas of every area set', 3006),
  ('events', 'attributes', 'events', 'history of every permit and plan', NULL),
  ('rejected_rows', 'features', 'rejected_rows', 'quarantine: rows not accepted, with reasons', 3006);

INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m) VALUES
  ('permits', 'geom', 'POINT', 3006, 0, 0),
  ('permit_footprints', 'geom', 'MULTIPOLYGON', 3006, 0, 0),
  ('plans', 'geom', 'MULTIPOLYGON', 3006, 0, 0),
  ('areas', 'geom', 'MULTIPOLYGON', 3006, 0, 0),
  ('rejected_rows', 'geom', 'GEOMETRY', 3006, 0, 0);
