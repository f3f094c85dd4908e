"""Baselines for scripts/bench.py: permits per district counted by SpatiaLite and by PostGIS.

Both load the permits and districts from a bostad store, so that all three count the very same points and
polygons. Loading is not measured; each query runs QUERY_RUNS times and the best time is kept.
"""
import glob
import os
import pwd
import re
import shutil
import sqlite3
import subprocess
import tempfile
import time

QUERY_RUNS = 3
PERMITS_SQL = "SELECT geom FROM permits"
DISTRICTS_SQL = ("SELECT a.geom, a.area_id FROM areas a JOIN area_sets s ON s.id = a.area_set_id "
                 "WHERE s.name = '{area_set}'")
SPATIALITE_COUNT_SQL = """
SELECT d.area_id, count(*) FROM districts d JOIN permits p
  ON p.ROWID IN (SELECT ROWID FROM SpatialIndex WHERE f_table_name = 'permits' AND search_frame = d.geom)
 AND ST_Intersects(d.geom, p.geom)
GROUP BY d.area_id"""
POSTGIS_COUNT_SQL = ("SELECT d.area_id, count(*) FROM districts d JOIN permits p ON ST_Intersects(d.geom, p.geom) "
                     "GROUP BY d.area_id")


def copy_from_store(store, area_set, destination, create_options, layer_options=()):
    """Copies the store's permits (points) and the districts of area_set to destination with ogr2ogr."""
    for i, (name, sql) in enumerate((("districts", DISTRICTS_SQL.format(area_set=area_set)),
                                     ("permits", PERMITS_SQL))):
        options = create_options if i == 0 else ["-update"]
        subprocess.run(["ogr2ogr", "-gt", "unlimited", *options, destination, store, "-sql", sql, "-nln", name,
                        "-lco", "GEOMETRY_NAME=geom", *layer_options], check=True)


def spatialite_counts(db, store, area_set):
    """Permits per district by SpatiaLite's SpatialIndex and ST_Intersects, in a new database db:
    (best query seconds, {area_id: count})."""
    copy_from_store(store, area_set, db, ["-f", "SQLite", "-dsco", "SPATIALITE=YES"])
    conn = sqlite3.connect(db)
    try:
        conn.enable_load_extension(True)
        try:
            conn.load_extension("mod_spatialite")
        except sqlite3.OperationalError as error:
            raise RuntimeError("the SpatiaLite baseline needs Debian's libsqlite3-mod-spatialite") from error
        times = []
        for _ in range(QUERY_RUNS):
            start = time.perf_counter()
            counts = dict(conn.execute(SPATIALITE_COUNT_SQL).fetchall())
            times.append(time.perf_counter() - start)
    finally:
        conn.close()
    return min(times), counts


def find_postgis():
    """The bin folder of the newest PostgreSQL that has PostGIS installed, or None."""
    for initdb in sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True):
        version = initdb.split("/")[4]
        if os.path.exists(f"/usr/share/postgresql/{version}/extension/postgis.control"):
            return os.path.dirname(initdb)
    return None


class ThrowawayPostgres:
    """A PostgreSQL server in a fresh temporary folder, reachable only by its Unix socket there; removed on exit.

    initdb refuses to run as root, so as root the server runs as the 'postgres' account."""
    PORT = "5432"  # the socket lives in our own folder, so the usual port cannot clash

    def __init__(self, bindir):
        self.bindir = bindir
        self.folder = tempfile.mkdtemp(prefix="bostad-bench-pg-")
        self.data = os.path.join(self.folder, "data")
        self.log = os.path.join(self.folder, "server.log")
        self.as_server_user = []
        if os.geteuid() == 0:
            os.chown(self.folder, pwd.getpwnam("postgres").pw_uid, -1)
            self.as_server_user = ["runuser", "-u", "postgres", "--"]
        self.dsn = f"PG:host={self.folder} port={self.PORT} user=postgres dbname=postgres"

    def __enter__(self):
        try:
            self.server_command("initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "-E", "UTF8",
                                "--locale=C.UTF-8")
            self.server_command("pg_ctl", "-D", self.data, "-l", self.log, "-w", "start", "-o",
                                f"-c listen_addresses='' -k {self.folder} -p {self.PORT} -c fsync=off")
        except RuntimeError:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc):
        try:
            if os.path.exists(os.path.join(self.data, "postmaster.pid")):
                self.server_command("pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def server_command(self, program, *args):
        """Runs a server program of bindir (as the server's account); fails with its output and the server log."""
        run = subprocess.run([*self.as_server_user, os.path.join(self.bindir, program), *args],
                             capture_output=True, text=True)
        if run.returncode != 0:
            log = ""
            if os.path.exists(self.log):
                with open(self.log) as f:
                    log = f.read()[-2000:]
            raise RuntimeError(f"PostgreSQL {program} failed with exit code {run.returncode}:\n"
                               f"{run.stdout}{run.stderr}{log}")

    def psql(self, *commands):
        """Runs commands in one psql session; returns its output (unaligned, tuples only, '|' between fields)."""
        argv = [os.path.join(self.bindir, "psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                "-h", self.folder, "-p", self.PORT, "-U", "postgres", "-d", "postgres"]
        for command in commands:
            argv += ["-c", command]
        return subprocess.run(argv, check=True, capture_output=True, text=True).stdout


def postgis_counts(store, area_set):
    """Permits per district by PostGIS ST_Intersects with GiST indexes, in a throwaway server:
    (best query seconds as psql's \\timing reports them, {area_id: count}); None when PostGIS is not installed."""
    bindir = find_postgis()
    if bindir is None:
        return None
    with ThrowawayPostgres(bindir) as pg:
        pg.psql("CREATE EXTENSION postgis")
        copy_from_store(store, area_set, pg.dsn, ["-f", "PostgreSQL"], ["-lco", "SPATIAL_INDEX=NONE"])
        pg.psql("CREATE INDEX ON permits USING gist (geom)", "CREATE INDEX ON districts USING gist (geom)",
                "VACUUM ANALYZE")
        out = pg.psql("\\timing on", *[POSTGIS_COUNT_SQL] * QUERY_RUNS)
    times = [float(ms) / 1000 for ms in re.findall(r"^Time: ([\d.]+) ms", out, re.MULTILINE)]
    counts = {}
    for line in out.splitlines():
        if "|" in line:
            area_id, count = line.split("|")
            counts[area_id] = int(count)
    return min(times), counts
