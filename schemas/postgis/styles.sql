-- What QGIS shows when a planner connects to the PostGIS store: a view of the permits with their stage as
-- of today (the pipeline rules of src/core/pipeline.hpp, with today as D), and QGIS's own layer_styles
-- table in the public schema (the definition QGIS 3 creates itself), where bostad keeps the export's
-- styles as the default styles of the store's layers, under the real database and schema names.
-- Run by `bostad init`/`copy` when they create a store, in the store's schema (search_path), and again by
-- every ingest, which refreshes the styles' categories.

CREATE OR REPLACE VIEW permit_stages AS
SELECT fid, geom, municipality, case_id, property, house_type, tenure, dwellings, dwellings_removed, stage,
       CASE stage WHEN 'applied' THEN 1 WHEN 'granted' THEN 2 WHEN 'started' THEN 3 WHEN 'completed' THEN 4
                  WHEN 'refused' THEN 5 WHEN 'withdrawn' THEN 6 WHEN 'lapsed' THEN 7 END AS stage_order,
       applied_date, granted_date, started_date, completed_date, refused_date, withdrawn_date
FROM (
  SELECT p.*,
         CASE WHEN refused_date <= current_date THEN 'refused'
              WHEN withdrawn_date <= current_date THEN 'withdrawn'
              WHEN completed_date <= current_date THEN 'completed'
              WHEN started_date <= current_date THEN 'started'
              -- the 2 years of PBL 9 kap. 43 § ran out before today (29 February + 2 years = 28 February)
              WHEN (granted_date + interval '2 years')::date < current_date THEN 'lapsed'
              WHEN granted_date <= current_date THEN 'granted'
              WHEN applied_date <= current_date THEN 'applied'
         END AS stage
  FROM permits p
  WHERE missing_since_run IS NULL
) s
WHERE stage IS NOT NULL;

CREATE TABLE IF NOT EXISTS public.layer_styles (
  id serial PRIMARY KEY,
  f_table_catalog varchar,
  f_table_schema varchar,
  f_table_name varchar,
  f_geometry_column varchar,
  stylename text,
  styleqml xml,
  stylesld xml,
  useasdefault boolean,
  description text,
  owner varchar(63) DEFAULT CURRENT_USER,
  ui xml,
  update_time timestamp DEFAULT CURRENT_TIMESTAMP,
  type varchar
);
