-- bostad store in PostgreSQL + PostGIS: the same tables and columns as the GeoPackage store at the schema
-- version recorded in bostad_meta (schemas/store/001-007), in PostgreSQL types. Geometries are PostGIS
-- geometries in EPSG:3006 with GiST indexes; dates are `date`, times `timestamptz`. Created by `bostad init
-- --db PG:...` (or `bostad copy`) in one transaction, in the schema named by the location's active_schema.
-- The GeoPackage container tables (gpkg_*) have no counterpart: PostGIS keeps geometry_columns itself.
-- The run columns of the bulk tables (permits, permit_seen, plans, plan_seen, events, rejected_rows: first_run,
-- last_changed_run, last_seen_run, missing_since_run, run_id) name an ingest run without a foreign key, as in the GeoPackage store
-- (which declares but does not enforce them): bostad writes each in the transaction of the run it names, and a
-- key checked per row made a bulk load of 1 000 000 permits five times slower (14 s of 16).

CREATE TABLE bostad_meta (
  id bigserial PRIMARY KEY,
  key text NOT NULL UNIQUE,
  value text NOT NULL
);

CREATE TABLE bostad_schema_history (
  id bigserial PRIMARY KEY,
  schema_version integer NOT NULL UNIQUE,
  tool_version text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ingest_runs (
  id bigserial PRIMARY KEY,
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  tool_version text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('permits', 'plans', 'areas')),
  source_path text NOT NULL,
  source_checksum text,
  source_layer text,
  mapping text,
  municipality text,
  area_set text,
  full_snapshot boolean NOT NULL DEFAULT false,
  rows_read bigint NOT NULL DEFAULT 0,
  rows_inserted bigint NOT NULL DEFAULT 0,
  rows_updated bigint NOT NULL DEFAULT 0,
  rows_unchanged bigint NOT NULL DEFAULT 0,
  rows_rejected bigint NOT NULL DEFAULT 0,
  source_name text,
  source_crs text,
  rows_repeated bigint NOT NULL DEFAULT 0,
  notes text,
  rows_skipped bigint NOT NULL DEFAULT 0 -- read = inserted + updated + unchanged + skipped + rejected
);

CREATE TABLE permits (
  fid bigserial PRIMARY KEY,
  geom geometry(Point, 3006),
  municipality text NOT NULL,
  case_id text NOT NULL,
  property text,
  house_type text,
  tenure text,
  dwellings bigint CHECK (dwellings >= 0), -- NULL: unknown (a delivery without dwelling counts)
  dwellings_removed bigint NOT NULL DEFAULT 0 CHECK (dwellings_removed >= 0),
  applied_date date,
  granted_date date,
  started_date date,
  completed_date date,
  refused_date date,
  withdrawn_date date,
  first_run bigint NOT NULL,
  last_changed_run bigint NOT NULL,
  missing_since_run bigint,
  assumed text, -- the fields whose value came from the mapping's [defaults], comma-separated
  year_only text, -- the date fields delivered as a year alone (YYYY; the date holds the year's last day), comma-separated
  key_extra text NOT NULL DEFAULT '', -- the mapping's other key fields, joined by ' | ' (schemas/store/006)
  CONSTRAINT uk_permits_case UNIQUE (municipality, case_id, key_extra)
);
CREATE INDEX permits_geom_gist ON permits USING gist (geom);

-- The run that last delivered a permit again unchanged, apart from the wide row (schemas/store/007: the run that
-- last delivered it is the later of this and last_changed_run): a re-ingest of a million unchanged permits writes
-- these narrow rows, not new versions of the permits. fid is a permit's, without a foreign key for the same reason
-- as the run columns.
CREATE TABLE permit_seen (
  fid bigint PRIMARY KEY,
  last_seen_run bigint NOT NULL
) WITH (fillfactor = 50); -- room to update a row where it lies (a re-ingest updates most of them)

CREATE TABLE permit_footprints (
  fid bigserial PRIMARY KEY,
  geom geometry(MultiPolygon, 3006),
  permit_fid bigint NOT NULL UNIQUE REFERENCES permits(fid) ON DELETE CASCADE,
  geometry_repair text
);
CREATE INDEX permit_footprints_geom_gist ON permit_footprints USING gist (geom);

CREATE TABLE plans (
  fid bigserial PRIMARY KEY,
  geom geometry(MultiPolygon, 3006),
  municipality text NOT NULL,
  plan_id text NOT NULL,
  name text,
  status text NOT NULL,
  adopted_date date,
  legal_date date,
  implementation_end date,
  planned_dwellings bigint CHECK (planned_dwellings >= 0),
  geometry_repair text,
  first_run bigint NOT NULL,
  last_changed_run bigint NOT NULL,
  missing_since_run bigint,
  source_format text,
  capacity_estimate double precision,
  capacity_method text,
  capacity_override bigint CHECK (capacity_override >= 0),
  capacity_note text,
  year_only text, -- as permits.year_only
  CONSTRAINT uk_plans_plan UNIQUE (municipality, plan_id)
);
CREATE INDEX plans_geom_gist ON plans USING gist (geom);

CREATE TABLE plan_seen (
  fid bigint PRIMARY KEY, -- a plan's, as permit_seen.fid
  last_seen_run bigint NOT NULL
);

-- The digest of the delivered row each stored permit and plan equals (as schemas/store/006 for a GeoPackage), so
-- that a re-ingest recognises an unchanged row without decoding it. A cache, not data: `copy` leaves it behind,
-- and a row without a digest is decoded and compared. A row flagged missing has none.
CREATE TABLE permit_digests (fid bigint PRIMARY KEY, digest bigint NOT NULL, municipality text NOT NULL, key text NOT NULL);
CREATE TABLE plan_digests (fid bigint PRIMARY KEY, digest bigint NOT NULL, municipality text NOT NULL, key text NOT NULL);

CREATE TABLE plan_areas (
  fid bigserial PRIMARY KEY,
  geom geometry(MultiPolygon, 3006),
  plan_fid bigint NOT NULL REFERENCES plans(fid) ON DELETE CASCADE,
  area_key text NOT NULL,
  uses text,
  use_codes text,
  residential boolean NOT NULL DEFAULT false,
  regulations text,
  area_m2 double precision,
  capacity_estimate double precision,
  capacity_method text,
  geometry_repair text,
  CONSTRAINT uk_plan_areas UNIQUE (plan_fid, area_key)
);
CREATE INDEX plan_areas_geom_gist ON plan_areas USING gist (geom);

CREATE TABLE area_sets (
  id bigserial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  description text,
  vintage text,
  loaded_run bigint REFERENCES ingest_runs(id)
);

CREATE TABLE areas (
  fid bigserial PRIMARY KEY,
  geom geometry(MultiPolygon, 3006),
  area_set_id bigint NOT NULL REFERENCES area_sets(id) ON DELETE CASCADE,
  area_id text NOT NULL,
  name text,
  municipality text,
  geometry_repair text,
  CONSTRAINT uk_areas_id UNIQUE (area_set_id, area_id)
);
CREATE INDEX areas_geom_gist ON areas USING gist (geom);

CREATE TABLE events (
  id bigserial PRIMARY KEY,
  run_id bigint NOT NULL,
  entity text NOT NULL CHECK (entity IN ('permit', 'plan')),
  municipality text NOT NULL,
  entity_key text NOT NULL,
  kind text NOT NULL,
  field text,
  old_value text,
  new_value text,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_events_entity ON events (entity, municipality, entity_key);
CREATE INDEX idx_events_run ON events (run_id);

CREATE TABLE rejected_rows (
  fid bigserial PRIMARY KEY,
  geom geometry(Geometry, 3006),
  run_id bigint NOT NULL,
  kind text NOT NULL,
  municipality text,
  source_file text NOT NULL,
  source_row bigint,
  source_fid text,
  reason_code text NOT NULL,
  field text,
  message text NOT NULL,
  raw_attributes text NOT NULL,
  raw_geometry text,
  content_key text, -- the same row from the same source moves to its latest run (schemas/store/006)
  entity_key text -- case_id, plan_id or area_id as far as it could be read
);
CREATE INDEX idx_rejected_run ON rejected_rows (run_id);
CREATE INDEX idx_rejected_content ON rejected_rows (content_key);
CREATE INDEX idx_rejected_key ON rejected_rows (entity_key);
CREATE INDEX idx_rejected_reason ON rejected_rows (reason_code);
CREATE INDEX rejected_rows_geom_gist ON rejected_rows USING gist (geom);

-- The assignments (permit → area, permit → plan, plan shares of areas) are derived data that bostad
-- rebuilds itself (deleting what a replaced area set or a moved permit leaves), as in the GeoPackage store;
-- they carry no foreign keys, which would cost a lookup per row on every bulk reassignment.
CREATE TABLE permit_areas (
  area_set_id bigint NOT NULL,
  permit_fid bigint NOT NULL,
  area_fid bigint,
  PRIMARY KEY (area_set_id, permit_fid)
);

CREATE TABLE permit_plans (
  plan_fid bigint NOT NULL,
  permit_fid bigint NOT NULL,
  PRIMARY KEY (plan_fid, permit_fid)
);
CREATE INDEX idx_permit_plans_permit ON permit_plans (permit_fid);

CREATE TABLE plan_area_shares (
  area_set_id bigint NOT NULL,
  plan_fid bigint NOT NULL,
  area_fid bigint,
  share double precision NOT NULL
);
CREATE INDEX idx_plan_area_shares ON plan_area_shares (area_set_id, plan_fid);

CREATE TABLE assignment_queue (
  kind text NOT NULL CHECK (kind IN ('permit', 'plan', 'area_set', 'all_permits')),
  fid bigint NOT NULL,
  PRIMARY KEY (kind, fid)
);
