-- bostad store, schema version 4: plan areas from SS 637040 and dwelling capacity.

-- The format a plan came in ("SS 637040", "GPKG", "ESRI Shapefile", ...).
ALTER TABLE plans ADD COLUMN source_format TEXT;
-- Dwellings estimated from building rights, how, and the planner's override from the config.
-- The capacity a plan counts for is capacity_override, else planned_dwellings, else capacity_estimate.
ALTER TABLE plans ADD COLUMN capacity_estimate DOUBLE;
ALTER TABLE plans ADD COLUMN capacity_method TEXT;
ALTER TABLE plans ADD COLUMN capacity_override INTEGER CHECK (capacity_override >= 0);
ALTER TABLE plans ADD COLUMN capacity_note TEXT;

-- The areas (DP_Omrade) of a plan read from SS 637040, with the regulations that apply to each.
CREATE TABLE plan_areas (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  geom MULTIPOLYGON,
  plan_fid INTEGER NOT NULL REFERENCES plans(fid) ON DELETE CASCADE,
  area_key TEXT NOT NULL,          -- the area's id in its file
  uses TEXT,                       -- användningsbestämmelser: "B Bostäder; C"
  use_codes TEXT,                  -- their codes: "DP_KM_B,DP_KM_C"
  residential BOOLEAN NOT NULL DEFAULT 0,
  regulations TEXT,                -- JSON array of every regulation that applies to the area
  area_m2 DOUBLE,
  capacity_estimate DOUBLE,
  capacity_method TEXT,
  geometry_repair TEXT,
  CONSTRAINT uk_plan_areas UNIQUE (plan_fid, area_key)
);

INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES
  ('plan_areas', 'features', 'plan_areas', 'areas of plans read from SS 637040, with their regulations', 3006);
INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m) VALUES
  ('plan_areas', 'geom', 'MULTIPOLYGON', 3006, 0, 0);
