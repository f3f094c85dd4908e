"""bostad benchmarks: each job beside baselines measured in the same run. Run through scripts/bench.

ingest  N permits from a CSV in EPSG:3008 into a fresh store, against ogr2ogr loading the same CSV; then the
        same file again, unchanged, against that first ingest.
status  the permits assigned to 2,000 districts and `bostad status --month`, against the same per-district
        counts by SpatiaLite's SpatialIndex and by PostGIS ST_Intersects (when installed); then export and report
        of the month, and `bostad monthly` of a project whose permits source is the same national-scale snapshot.
postgis the ingest and status benchmarks again with a PostGIS store (a throwaway server), beside the
        GeoPackage store in the same run, against ogr2ogr loading the CSV into PostgreSQL; checks that both
        stores give the same status.
"""
import argparse
import collections
import datetime
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

from bench_baselines import QUERY_RUNS, ThrowawayPostgres, find_postgis, postgis_counts, spatialite_counts
from bench_data import cached, make_districts, make_permits_csv, make_plans, mean_vertices

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BOSTAD = os.path.join(ROOT, "build", "bostad")
DISTRICTS, DISTRICT_VERTICES, PLANS = 2000, 300, 5000
AREA_SET = "districts"
STATUS_MONTH = "2026-10"
STATUS_RUNS = 3
# A point exactly on a shared boundary lies in one district for bostad and in both for ST_Intersects; more
# permits counted differently than this is a wrong count, not a boundary case.
MAX_COUNT_DIFFERENCE = 10

Measured = collections.namedtuple("Measured", "seconds peak_mb stdout stderr")


def run_measured(argv):
    """Runs a command; returns its wall seconds, its own peak RSS in MB (from wait4), its stdout and stderr.
    Exits with the command's stderr when it fails."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        pid = os.fork()
        if pid == 0:
            os.dup2(out.fileno(), 1)
            os.dup2(err.fileno(), 2)
            try:
                os.execv(argv[0], argv)
            finally:
                os._exit(127)
        _, status, usage = os.wait4(pid, 0)
        seconds = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"{' '.join(argv)} failed with exit code {code}\n{stderr}")
    return Measured(seconds, usage.ru_maxrss / 1024, stdout, stderr)


def fresh(work, name):
    """work/name, removed first when a kept folder still holds it from an earlier run."""
    path = os.path.join(work, name)
    if os.path.exists(path):
        os.remove(path)
    return path


def bench_ingest(work, csv, rows):
    """bostad ingest of the permits CSV into a fresh store, against ogr2ogr loading it into a GeoPackage."""
    size = os.path.getsize(csv) / 1e6
    print(f"ingest: {rows:,} permit points, CSV in EPSG:3008 ({size:.0f} MB)")
    baseline_gpkg = fresh(work, "ogr2ogr.gpkg")
    ogr = run_measured(["/usr/bin/ogr2ogr", "-gt", "unlimited", "-f", "GPKG", baseline_gpkg, csv,
                        "-oo", "X_POSSIBLE_NAMES=x", "-oo", "Y_POSSIBLE_NAMES=y", "-s_srs", "EPSG:3008",
                        "-t_srs", "EPSG:3006", "-nln", "permits"])
    store = fresh(work, "ingest.gpkg")
    subprocess.run([BOSTAD, "init", "--db", store], check=True, stdout=subprocess.DEVNULL)
    bostad = run_measured([BOSTAD, "ingest", csv, "--kind", "permits", "--crs", "EPSG:3008",
                           "--db", store, "--of", "json", "--quiet"])
    report = json.loads(bostad.stdout)[0]
    steps = ", ".join(f"{k} {v:.2f} s" for k, v in sorted(report["seconds"].items()))
    ratio = bostad.seconds / ogr.seconds
    print(f"  ogr2ogr -gt unlimited (with spatial index, reprojecting) {ogr.seconds:7.2f} s   peak {ogr.peak_mb:6.0f} MB")
    print(f"  bostad ingest (validation, quarantine, history, index)  {bostad.seconds:7.2f} s   peak {bostad.peak_mb:6.0f} MB")
    print(f"    {report['inserted']:,} inserted, {report['rejected']:,} rejected; steps: {steps}")
    print(f"  ratio bostad / ogr2ogr: {ratio:.2f} (goal ≤ 0.25); peak memory goal ≤ 1024 MB")
    again = bench_reingest(store, csv, bostad.seconds)
    return {"rows": rows, "ogr2ogr_s": ogr.seconds, "bostad_s": bostad.seconds, "ratio": ratio,
            "bostad_peak_mb": bostad.peak_mb, "ogr2ogr_peak_mb": ogr.peak_mb, "steps": report["seconds"],
            "reingest": again}


def bench_reingest(store, csv, first_s):
    """The same file ingested again, unchanged, without and with --full-snapshot, against its first ingest
    (issue 18: ≤ 0.5 × the first, peak ≤ 1 GB)."""
    out = {}
    for name, extra in (("unchanged", []), ("unchanged_full_snapshot", ["--full-snapshot"])):
        run = run_measured([BOSTAD, "ingest", csv, "--kind", "permits", "--crs", "EPSG:3008", "--db", store, "--of", "json",
                            "--quiet", *extra])
        report = json.loads(run.stdout)[0]
        if report["unchanged"] != report["read"] - report["rejected"] - report["skipped"]:
            sys.exit(f"the re-ingest changed rows: {report}")
        ratio = run.seconds / first_s
        steps = ", ".join(f"{k} {v:.2f} s" for k, v in sorted(report["seconds"].items()))
        label = "again, unchanged" + (" (--full-snapshot)" if extra else "")
        print(f"  bostad ingest {label:<34} {run.seconds:7.2f} s   peak {run.peak_mb:6.0f} MB   "
              f"/ first ingest {ratio:.2f} {ratio_goal(ratio, 0.5)}; peak {'met' if run.peak_mb <= 1024 else 'MISSED'}")
        print(f"    {report['recognized']:,} rows recognised without decoding; steps: {steps}")
        out[name] = {"seconds": run.seconds, "ratio": ratio, "peak_mb": run.peak_mb, "recognized": report["recognized"],
                     "steps": report["seconds"]}
    return out


def bostad_ingest(store, path, kind, *options):
    """Ingests one file into the store; returns the Measured run (its stderr holds the assignment note)."""
    return run_measured([BOSTAD, "--db", store, "ingest", path, "--kind", kind, "--of", "json", *options])


def assignment_seconds(stderr):
    """The seconds in bostad's note 'assigned N permits to the areas of K area sets in S s; permits to plans and
    M plans to the areas in T s' (S: the permits to the districts; T: the plans' shares), and the note itself."""
    match = re.search(r"assigned \d+ permits to the areas of \d+ area sets in ([\d.]+) s; "
                      r"permits to plans and \d+ plans to the areas in ([\d.]+) s", stderr)
    if not match:
        sys.exit(f"bostad ingest printed no assignment note on stderr:\n{stderr}")
    return float(match.group(1)), float(match.group(2)), match.group(0)


def bostad_counts(store):
    """Permits per area of AREA_SET as bostad's assignment stored them (permit_areas); None counts those in none."""
    conn = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        return dict(conn.execute(
            "SELECT a.area_id, count(*) FROM permit_areas pa JOIN area_sets s ON s.id = pa.area_set_id "
            "LEFT JOIN areas a ON a.fid = pa.area_fid WHERE s.name = ? GROUP BY a.area_id", (AREA_SET,)))
    finally:
        conn.close()


def count_differences(reference, other):
    """(districts whose counts differ, permits counted differently) between two {area_id: count}."""
    ids = (set(reference) | set(other)) - {None}
    differences = [abs(reference.get(i, 0) - other.get(i, 0)) for i in ids]
    return sum(1 for d in differences if d), sum(differences)


def agreement(name, reference, other):
    """One line on how a baseline's counts compare with bostad's; exits when they differ by more than boundary cases."""
    districts, permits = count_differences(reference, other)
    if permits > MAX_COUNT_DIFFERENCE:
        sys.exit(f"{name} counts {permits:,} permits differently from bostad in {districts:,} districts")
    if districts == 0:
        return f"{name} agrees with bostad in every district"
    return f"{name} differs in {districts} districts by {permits} permits (points on shared boundaries)"


def ratio_goal(ratio, limit):
    """'goal ≤ limit: met' or '... MISSED'."""
    return f"(goal ≤ {limit}: {'met' if ratio <= limit else 'MISSED'})"


def goal(seconds, limit):
    """'goal ≤ limit s: met' or '... MISSED'."""
    return f"goal ≤ {limit} s: {'met' if seconds <= limit else 'MISSED'}"


def run_bostad(store, csv, plans, districts):
    """Loads a fresh store (permits, plans, then the districts, whose ingest assigns the permits to them) and runs
    the monthly status STATUS_RUNS times; returns the three ingest runs and the status runs."""
    subprocess.run([BOSTAD, "init", "--db", store], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    loads = [bostad_ingest(store, csv, "permits", "--crs", "EPSG:3008", "--quiet"),
             bostad_ingest(store, plans, "plans", "--quiet"),
             bostad_ingest(store, districts, "areas", "--area-set", AREA_SET)]
    status_argv = [BOSTAD, "--db", store, "status", "--month", STATUS_MONTH, "--area-set", AREA_SET, "--of", "json"]
    status_runs = [run_measured(status_argv) for _ in range(STATUS_RUNS)]
    areas = len(json.loads(status_runs[0].stdout)["areas"])
    if areas != DISTRICTS:
        sys.exit(f"bostad status listed {areas} areas, not {DISTRICTS}")
    return loads, status_runs


def bench_status(work, data, csv, rows):
    """Assignment of the permits to the districts and the monthly status, against SpatiaLite and PostGIS."""
    districts = cached(data, f"districts-{DISTRICTS}.gpkg", make_districts, DISTRICTS, DISTRICT_VERTICES)
    plans = cached(data, f"plans-{PLANS}.gpkg", make_plans, PLANS)
    vertices = mean_vertices(districts)
    print(f"status: {rows:,} permits, {DISTRICTS:,} districts ({vertices:.0f} vertices on average), {PLANS:,} plans")
    store = fresh(work, "status.gpkg")
    loads, status_runs = run_bostad(store, csv, plans, districts)
    assign_s, shares_s, note = assignment_seconds(loads[-1].stderr)
    status_s = min(r.seconds for r in status_runs)
    counts = bostad_counts(store)
    spatialite_s, spatialite = spatialite_counts(fresh(work, "spatialite.sqlite"), store, AREA_SET)
    postgis = postgis_counts(store, AREA_SET)

    print("  bostad ingest (not measured here): " + ", ".join(
        f"{kind} {run.seconds:.2f} s" for kind, run in zip(("permits", "plans", "districts"), loads)))
    print(f"  bostad: assign the permits to the districts (in the districts ingest)  {assign_s:6.2f} s   "
          f"{goal(assign_s, 1.5)}")
    print(f"  bostad: permits to plans, {PLANS:,} plans shared out (same ingest)       {shares_s:6.2f} s")
    print(f"    stderr: {note}")
    print(f"  bostad status --month {STATUS_MONTH} --of json, whole process (best of {STATUS_RUNS}) "
          f"{status_s:6.2f} s   {goal(status_s, 1)}")
    print("    runs: " + ", ".join(f"{r.seconds:.2f} s" for r in status_runs) +
          f"; peak {max(r.peak_mb for r in status_runs):.0f} MB")
    print(f"  SpatiaLite SpatialIndex + ST_Intersects, query only (best of {QUERY_RUNS})  {spatialite_s:6.2f} s")
    if postgis:
        print(f"  PostGIS ST_Intersects + GiST, query by psql \\timing (best of {QUERY_RUNS})   {postgis[0]:6.2f} s")
    else:
        print("  PostGIS: not installed, skipped")
    ratios = {"spatialite": assign_s / spatialite_s, "postgis": assign_s / postgis[0] if postgis else None}
    print(f"  ratio bostad assignment / SpatiaLite: {ratios['spatialite']:.2f}" +
          (f", / PostGIS: {ratios['postgis']:.2f}" if postgis else "") + " (goal < 1: faster than both)")
    in_districts = {area: n for area, n in counts.items() if area is not None}
    print(f"  counts: {sum(in_districts.values()):,} permits in {len(in_districts):,} districts, "
          f"{counts.get(None, 0):,} in none; {agreement('SpatiaLite', counts, spatialite)}" +
          (f"; {agreement('PostGIS', counts, postgis[1])}" if postgis else ""))
    export = bench_export(work, store)
    report = bench_report(work, store, status_s)
    monthly = bench_monthly(work, csv, plans, districts)
    return {"export": export, "report": report, "monthly": monthly, "permits": rows, "districts": DISTRICTS, "district_vertices_mean": vertices, "plans": PLANS,
            "assign_s": assign_s, "plan_shares_s": shares_s, "status_s": status_s, "status_runs_s": [r.seconds for r in status_runs],
            "spatialite_s": spatialite_s, "postgis_s": postgis[0] if postgis else None,
            "ratio_spatialite": ratios["spatialite"], "ratio_postgis": ratios["postgis"],
            "ingest_s": {"permits": loads[0].seconds, "plans": loads[1].seconds, "districts": loads[2].seconds}}


def bench_export(work, store):
    """bostad export of the status store (every layer styled, the project embedded) against ogr2ogr copying the
    same three big layers (permits, plans, areas) into a new GeoPackage."""
    out = fresh(work, "export.gpkg")
    bostad = run_measured([BOSTAD, "--db", store, "export", "--month", STATUS_MONTH, "--area-set", AREA_SET, "-o", out,
                           "--quiet"])
    copy = fresh(work, "ogr2ogr-export.gpkg")
    ogr = run_measured(["/usr/bin/ogr2ogr", "-gt", "unlimited", "-f", "GPKG", copy, store, "permits", "plans", "areas"])
    ratio = bostad.seconds / ogr.seconds
    print(f"  bostad export --month {STATUS_MONTH} (7 layers, styles, project)        {bostad.seconds:6.2f} s   "
          f"peak {bostad.peak_mb:.0f} MB")
    print(f"  ogr2ogr copying permits, plans and areas to a GeoPackage                {ogr.seconds:6.2f} s   "
          f"ratio {ratio:.2f} {ratio_goal(ratio, 0.25)}")
    return {"bostad_s": bostad.seconds, "ogr2ogr_s": ogr.seconds, "ratio": ratio, "bostad_peak_mb": bostad.peak_mb}


def bench_report(work, store, status_s):
    """bostad report of the status store against the best `bostad status` of the same month (issue 18: without
    the PDF ≤ 5 × status at ≤ 1 GB; with it ≤ 30 s)."""
    runs = {}
    for name, formats in (("report", "html,xlsx,csv"), ("report_pdf", "pdf")):
        out = os.path.join(work, name)
        shutil.rmtree(out, ignore_errors=True)
        runs[name] = run_measured([BOSTAD, "--db", store, "report", "--month", STATUS_MONTH, "--area-set", AREA_SET, "-o", out,
                                   "--format", formats, "--quiet"])
    ratio = runs["report"].seconds / status_s
    print(f"  bostad report --month {STATUS_MONTH} --format html,xlsx,csv              {runs['report'].seconds:6.2f} s   "
          f"peak {runs['report'].peak_mb:.0f} MB   / status {ratio:.2f} {ratio_goal(ratio, 5)}")
    print(f"  bostad report --month {STATUS_MONTH} --format pdf                        {runs['report_pdf'].seconds:6.2f} s   "
          f"peak {runs['report_pdf'].peak_mb:.0f} MB   {goal(runs['report_pdf'].seconds, 30)}")
    return {"report_s": runs["report"].seconds, "report_peak_mb": runs["report"].peak_mb, "ratio_to_status": ratio,
            "pdf_s": runs["report_pdf"].seconds, "pdf_peak_mb": runs["report_pdf"].peak_mb}


MONTHLY_CONFIG = """[store]
db = "bostad.gpkg"

[[municipality]]
code = "1290"

[[source]]
name = "permits"
kind = "permits"
files = ["{permits}"]
crs = "EPSG:3008"
full_snapshot = true

[[source]]
name = "plans"
kind = "plans"
files = ["{plans}"]

[[area_set]]
name = "{area_set}"
files = ["{districts}"]

[report]
area_set = "{area_set}"
formats = ["html", "xlsx", "csv"]
output_dir = "out"
"""


def bench_monthly(work, permits, plans, districts):
    """`bostad monthly` of a project whose permits source is the national-scale snapshot: the first month (a new
    store) and the next month with the same snapshot again, each with the total and each step's time as
    monthly prints them (issue 18)."""
    project = os.path.join(work, "monthly")
    shutil.rmtree(project, ignore_errors=True)
    os.makedirs(project)
    with open(os.path.join(project, "bostad.toml"), "w", encoding="utf-8") as f:
        f.write(MONTHLY_CONFIG.format(permits=permits, plans=plans, districts=districts, area_set=AREA_SET))
    out = {}
    for month in ("2026-09", STATUS_MONTH):
        cwd = os.getcwd()
        os.chdir(project)
        try:
            run = run_measured([BOSTAD, "monthly", "--month", month])
        finally:
            os.chdir(cwd)
        took = re.search(r"took ([0-9.]+) s: (.*)", run.stdout)
        steps = took.group(2) if took else "?"
        print(f"  bostad monthly --month {month} (full snapshot, report html/xlsx/csv)  {run.seconds:6.2f} s   "
              f"peak {run.peak_mb:.0f} MB   steps: {steps}")
        out[month] = {"seconds": run.seconds, "peak_mb": run.peak_mb, "steps": steps}
    return out


def export_seconds(work, store, name):
    """Wall seconds of `bostad export` of the month (every layer, styles, project) from a store, and the file."""
    out = fresh(work, name)
    run = run_measured([BOSTAD, "--db", store, "export", "--month", STATUS_MONTH, "--area-set", AREA_SET, "-o", out, "--quiet"])
    return run.seconds, out


def same_layers(a, b):
    """True when two exports hold the same rows in every layer (the files differ in their timestamps)."""
    tables = ["areas", "municipalities", "permits", "plans", "rejected_points", "rejected_lines", "rejected_polygons"]
    with sqlite3.connect(a) as x, sqlite3.connect(b) as y:
        for t in tables:
            query = f'SELECT * FROM "{t}" ORDER BY fid'
            if x.execute(query).fetchall() != y.execute(query).fetchall():
                return False
    return True


def bench_postgis(work, data, csv, rows):
    """The ingest, the status and the export on a PostGIS store in a throwaway server, beside the GeoPackage
    store; each against its goal (issue 15): ingest ≤ 1.5 × ogr2ogr loading the CSV into PostgreSQL with its GiST
    index, status and export ≤ 1.5 × the same on the GeoPackage store."""
    bindir = find_postgis()
    if bindir is None:
        print("postgis: PostgreSQL with PostGIS is not installed (scripts/setup installs it); skipped")
        return None
    districts = cached(data, f"districts-{DISTRICTS}.gpkg", make_districts, DISTRICTS, DISTRICT_VERTICES)
    plans = cached(data, f"plans-{PLANS}.gpkg", make_plans, PLANS)
    print(f"postgis: {rows:,} permits, {DISTRICTS:,} districts, {PLANS:,} plans; the GeoPackage store beside it")
    gpkg = fresh(work, "postgis-side.gpkg")
    gpkg_loads, gpkg_status = run_bostad(gpkg, csv, plans, districts)
    gpkg_export_s, gpkg_export = export_seconds(work, gpkg, "postgis-side-export.gpkg")
    with ThrowawayPostgres(bindir) as server:
        store = server.dsn + " active_schema=bostad"
        # The ingest against ogr2ogr, best of two each (alternating), as the machine is noisy.
        ogr_runs, first_loads = [], []
        for attempt in range(2):
            ogr_runs.append(run_measured(["/usr/bin/ogr2ogr", "-gt", "unlimited", "-f", "PostgreSQL", server.dsn, csv,
                                          "-oo", "X_POSSIBLE_NAMES=x", "-oo", "Y_POSSIBLE_NAMES=y", "-s_srs", "EPSG:3008",
                                          "-t_srs", "EPSG:3006", "-nln", f"ogr_permits_{attempt}", "-lco", "SPATIAL_INDEX=GIST"]))
            trial = server.dsn + f" active_schema=trial_{attempt}"
            subprocess.run([BOSTAD, "init", "--db", trial], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            first_loads.append(bostad_ingest(trial, csv, "permits", "--crs", "EPSG:3008", "--quiet"))
        ogr = min(ogr_runs, key=lambda r: r.seconds)
        # The same file again into the last trial store: every row recognised by its digest (issue 18).
        again = bostad_ingest(trial, csv, "permits", "--crs", "EPSG:3008", "--quiet")
        again_report = json.loads(again.stdout)[0]
        if again_report["unchanged"] != again_report["read"] - again_report["rejected"] - again_report["skipped"]:
            sys.exit(f"the PostGIS re-ingest changed rows: {again_report}")
        pg_loads, pg_status = run_bostad(store, csv, plans, districts)
        pg_ingest = min(first_loads, key=lambda r: r.seconds)
        pg_export_s, pg_export = export_seconds(work, store, "postgis-export.gpkg")
        assign_s, shares_s, _ = assignment_seconds(pg_loads[-1].stderr)
        gpkg_assign_s, gpkg_shares_s, _ = assignment_seconds(gpkg_loads[-1].stderr)
    same = pg_status[0].stdout == gpkg_status[0].stdout
    same_export = same_layers(gpkg_export, pg_export)
    best = {"gpkg": min(r.seconds for r in gpkg_status), "pg": min(r.seconds for r in pg_status)}
    ratios = {"ingest": pg_ingest.seconds / ogr.seconds, "status": best["pg"] / best["gpkg"],
              "export": pg_export_s / gpkg_export_s}
    print(f"  ogr2ogr -gt unlimited CSV → PostgreSQL with a GiST index (best of 2) {ogr.seconds:7.2f} s")
    print(f"  bostad ingest of the permits (PostGIS best of 2): GeoPackage {gpkg_loads[0].seconds:7.2f} s   PostGIS {pg_ingest.seconds:7.2f} s"
          f"   PostGIS / ogr2ogr {ratios['ingest']:.2f} {ratio_goal(ratios['ingest'], 1.5)}")
    again_ratio = again.seconds / first_loads[-1].seconds
    print(f"  bostad ingest again, unchanged (PostGIS)          {again.seconds:7.2f} s   peak {again.peak_mb:6.0f} MB   "
          f"/ its first ingest {again_ratio:.2f} {ratio_goal(again_ratio, 0.5)}; "
          f"{again_report['recognized']:,} rows recognised without decoding")
    print(f"  assignment to the districts:    GeoPackage {gpkg_assign_s:7.2f} s   PostGIS {assign_s:7.2f} s")
    print(f"  plans shared out:               GeoPackage {gpkg_shares_s:7.2f} s   PostGIS {shares_s:7.2f} s")
    print(f"  bostad status (best of {STATUS_RUNS}):        GeoPackage {best['gpkg']:7.2f} s   PostGIS {best['pg']:7.2f} s"
          f"   PostGIS / GeoPackage {ratios['status']:.2f} {ratio_goal(ratios['status'], 1.5)}")
    print(f"  bostad export of the month:     GeoPackage {gpkg_export_s:7.2f} s   PostGIS {pg_export_s:7.2f} s"
          f"   PostGIS / GeoPackage {ratios['export']:.2f} {ratio_goal(ratios['export'], 1.5)}")
    print(f"  status --of json of both stores: {'identical' if same else 'DIFFERENT'}; "
          f"export layers: {'identical' if same_export else 'DIFFERENT'}")
    if not same:
        sys.exit("the PostGIS store's status differs from the GeoPackage store's")
    if not same_export:
        sys.exit("the PostGIS store's export differs from the GeoPackage store's")
    return {"permits": rows, "ogr2ogr_pg_s": ogr.seconds,
            "ingest_s": {"gpkg": gpkg_loads[0].seconds, "postgis": pg_ingest.seconds,
                         "postgis_runs": [r.seconds for r in first_loads],
                         "ogr2ogr_runs": [r.seconds for r in ogr_runs],
                         "postgis_again": again.seconds, "postgis_again_ratio": again_ratio,
                         "postgis_again_recognized": again_report["recognized"]},
            "assign_s": {"gpkg": gpkg_assign_s, "postgis": assign_s},
            "status_s": best, "status_identical": same,
            "export_s": {"gpkg": gpkg_export_s, "postgis": pg_export_s}, "export_identical": same_export,
            "ratios": ratios}


def save_results(results):
    """Merges this run's results into build/bench/last.json (a benchmark not run keeps its last figures)."""
    path = os.path.join(ROOT, "build", "bench", "last.json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    merged = {}
    if os.path.exists(path):
        with open(path) as f:
            merged = json.load(f)
    merged.update(results)
    with open(path, "w") as f:
        json.dump(merged, f, indent=2)
    return os.path.relpath(path, ROOT)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=["ingest", "status", "postgis"], help="run one benchmark (default: all)")
    parser.add_argument("--rows", type=int, default=1_000_000, help="permits (default 1 000 000)")
    parser.add_argument("--data", default=os.path.join(ROOT, "build", "bench", "data"),
                        help="where the generated inputs are cached (default build/bench/data)")
    parser.add_argument("--keep", help="keep the stores and the SpatiaLite database in this folder")
    args = parser.parse_args()
    started = time.monotonic()
    work = args.keep or tempfile.mkdtemp(prefix="bostad-bench-")
    os.makedirs(work, exist_ok=True)
    try:
        csv = cached(args.data, f"permits-{args.rows}.csv", make_permits_csv, args.rows)
        print(f"inputs cached in {args.data}")
        results = {}
        if args.only in (None, "ingest"):
            results["ingest"] = bench_ingest(work, csv, args.rows)
        if args.only in (None, "status"):
            results["status"] = bench_status(work, args.data, csv, args.rows)
        if args.only in (None, "postgis"):
            results["postgis"] = bench_postgis(work, args.data, csv, args.rows)
        measured_at = datetime.datetime.now().isoformat(timespec="seconds")
        for result in results.values():
            result["measured_at"] = measured_at
        print(f"results: {save_results(results)}; the bench took {time.monotonic() - started:.0f} s")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
