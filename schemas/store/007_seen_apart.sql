-- bostad store, schema version 7 (seen apart): the run that last delivered a permit or plan again unchanged is
-- kept in a narrow table beside it. A re-ingest that finds a million permits unchanged marked each as seen in the
-- wide permits row, which rewrote the whole table and its journal; in a table of two integers it writes a
-- twentieth of that, and a first load writes nothing here.
-- The run that last delivered a row is the later of its last_changed_run and, when it has a row here, its
-- last_seen_run (a row not delivered again since its last change has none; a row flagged missing keeps its own).

CREATE TABLE permit_seen (
  fid INTEGER PRIMARY KEY REFERENCES permits(fid),
  last_seen_run INTEGER NOT NULL REFERENCES ingest_runs(id)
);
INSERT INTO permit_seen (fid, last_seen_run) SELECT fid, last_seen_run FROM permits WHERE last_seen_run > last_changed_run;
ALTER TABLE permits DROP COLUMN last_seen_run;

CREATE TABLE plan_seen (
  fid INTEGER PRIMARY KEY REFERENCES plans(fid),
  last_seen_run INTEGER NOT NULL REFERENCES ingest_runs(id)
);
INSERT INTO plan_seen (fid, last_seen_run) SELECT fid, last_seen_run FROM plans WHERE last_seen_run > last_changed_run;
ALTER TABLE plans DROP COLUMN last_seen_run;
