-- bostad store, schema version 5: where every permit and plan lies, computed once when data changes (not at
-- every status query): the area of each area set a permit is in, the plans a permit is in, and the share of
-- each plan's area that lies in each area.

-- area_fid is NULL when the permit lies in no area of the set (it is then counted as unassigned).
CREATE TABLE permit_areas (
  area_set_id INTEGER NOT NULL REFERENCES area_sets(id) ON DELETE CASCADE,
  permit_fid INTEGER NOT NULL REFERENCES permits(fid) ON DELETE CASCADE,
  area_fid INTEGER REFERENCES areas(fid) ON DELETE CASCADE,
  PRIMARY KEY (area_set_id, permit_fid)
) WITHOUT ROWID;

CREATE TABLE permit_plans (
  plan_fid INTEGER NOT NULL REFERENCES plans(fid) ON DELETE CASCADE,
  permit_fid INTEGER NOT NULL REFERENCES permits(fid) ON DELETE CASCADE,
  PRIMARY KEY (plan_fid, permit_fid)
) WITHOUT ROWID;
CREATE INDEX idx_permit_plans_permit ON permit_plans (permit_fid);

-- The shares of a plan's area in the areas of a set; area_fid NULL is the share in no area. They add up to 1.
CREATE TABLE plan_area_shares (
  area_set_id INTEGER NOT NULL REFERENCES area_sets(id) ON DELETE CASCADE,
  plan_fid INTEGER NOT NULL REFERENCES plans(fid) ON DELETE CASCADE,
  area_fid INTEGER REFERENCES areas(fid) ON DELETE CASCADE,
  share DOUBLE NOT NULL
);
CREATE INDEX idx_plan_area_shares ON plan_area_shares (area_set_id, plan_fid);

-- What has to be (re)assigned: a permit or plan whose geometry is new or moved, a replaced area set, or
-- 'all_permits' after a bulk load. Emptied by the assignment that runs at the end of every ingest.
CREATE TABLE assignment_queue (
  kind TEXT NOT NULL CHECK (kind IN ('permit', 'plan', 'area_set', 'all_permits')),
  fid INTEGER NOT NULL,
  PRIMARY KEY (kind, fid)
) WITHOUT ROWID;

-- Stores of older versions: every permit, plan and area set is assigned at the first ingest.
INSERT INTO assignment_queue (kind, fid) SELECT 'all_permits', 0 WHERE EXISTS (SELECT 1 FROM permits);
INSERT INTO assignment_queue (kind, fid) SELECT 'plan', fid FROM plans;
INSERT INTO assignment_queue (kind, fid) SELECT 'area_set', id FROM area_sets;
