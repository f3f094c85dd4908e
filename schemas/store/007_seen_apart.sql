-- bostad store, schema version 7 (seen apart): the run that last delivered a permit or plan again is kept in a
-- narrow table beside it. A re-ingest that finds a million permits unchanged sets their last_seen_run; in the wide
-- permits row that rewrote the whole table (and its journal), in a table of two integers it rewrites a twentieth.
-- Every permit and plan has one row here (written with the row; a row flagged missing keeps its last run).

CREATE TABLE permit_seen (
  fid INTEGER PRIMARY KEY REFERENCES permits(fid),
  last_seen_run INTEGER NOT NULL REFERENCES ingest_runs(id)
);
INSERT INTO permit_seen (fid, last_seen_run) SELECT fid, last_seen_run FROM permits;
ALTER TABLE permits DROP COLUMN last_seen_run;

CREATE TABLE plan_seen (
  fid INTEGER PRIMARY KEY REFERENCES plans(fid),
  last_seen_run INTEGER NOT NULL REFERENCES ingest_runs(id)
);
INSERT INTO plan_seen (fid, last_seen_run) SELECT fid, last_seen_run FROM plans;
ALTER TABLE plans DROP COLUMN last_seen_run;
