-- A PostGIS store of schema version 6 brought to 7 (as schemas/store/007_seen_apart.sql for a GeoPackage): the run
-- that last delivered a permit or plan again unchanged moves into a narrow table beside it, kept only where it is
-- later than the row's last change; and the row digests a GeoPackage store has kept since version 6 (empty: the
-- next ingest decodes every row once and fills them). Applied by `bostad init --db PG:...` in one transaction.

CREATE TABLE permit_seen (
  fid bigint PRIMARY KEY,
  last_seen_run bigint NOT NULL
) WITH (fillfactor = 50); -- room to update a row where it lies (a re-ingest updates most of them)
INSERT INTO permit_seen (fid, last_seen_run) SELECT fid, last_seen_run FROM permits WHERE last_seen_run > last_changed_run;
ALTER TABLE permits DROP COLUMN last_seen_run;

CREATE TABLE plan_seen (
  fid bigint PRIMARY KEY,
  last_seen_run bigint NOT NULL
);
INSERT INTO plan_seen (fid, last_seen_run) SELECT fid, last_seen_run FROM plans WHERE last_seen_run > last_changed_run;
ALTER TABLE plans DROP COLUMN last_seen_run;

CREATE TABLE permit_digests (fid bigint PRIMARY KEY, digest bigint NOT NULL, municipality text NOT NULL, key text NOT NULL);
CREATE TABLE plan_digests (fid bigint PRIMARY KEY, digest bigint NOT NULL, municipality text NOT NULL, key text NOT NULL);
