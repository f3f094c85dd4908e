"""bostad benchmarks: each job beside a baseline measured in the same run. Run through scripts/bench."""
import argparse
import datetime
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

from osgeo import osr

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BOSTAD = os.path.join(ROOT, "build", "bostad")


def run_measured(argv):
    """Runs a command; returns (wall seconds, the child's own peak RSS in MB from wait4, its stdout)."""
    with tempfile.TemporaryFile() as out, open(os.devnull, "wb") as devnull:
        start = time.monotonic()
        pid = os.fork()
        if pid == 0:
            os.dup2(out.fileno(), 1)
            os.dup2(devnull.fileno(), 2)
            os.execv(argv[0], argv)
        _, status, usage = os.wait4(pid, 0)
        seconds = time.monotonic() - start
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"{' '.join(argv)} failed with exit code {os.waitstatus_to_exitcode(status)}")
        out.seek(0)
        return seconds, usage.ru_maxrss / 1024, out.read().decode()


def make_permits_csv(path, rows, seed=1290):
    """Permits in Kristianstad, case ids in application order, coordinates in SWEREF 99 13 30."""
    rng = random.Random(seed)
    sweref_tm = osr.SpatialReference()
    sweref_tm.ImportFromEPSG(3006)
    local = osr.SpatialReference()
    local.ImportFromEPSG(3008)
    for srs in (sweref_tm, local):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ct = osr.CoordinateTransformation(sweref_tm, local)
    points = [(rng.uniform(425000, 462000), rng.uniform(6185000, 6236000)) for _ in range(rows)]
    local_points = ct.TransformPoints(points)
    types = ["småhus", "småhus", "småhus", "flerbostadshus"]
    with open(path, "w", encoding="utf-8") as f:
        f.write("case_id,municipality,property,house_type,tenure,dwellings,applied_date,granted_date,started_date,completed_date,x,y\n")
        first = datetime.date(2015, 1, 1)
        for i, (x, y, _) in enumerate(local_points):
            applied_day = first + datetime.timedelta(days=i * 3650 // rows)
            granted_day = applied_day + datetime.timedelta(days=20 + i % 70)
            started_day = granted_day + datetime.timedelta(days=30 + i % 300)
            completed_day = started_day + datetime.timedelta(days=180 + i % 400)
            year = applied_day.year
            applied = applied_day.isoformat()
            granted = granted_day.isoformat() if i % 10 else ""
            started = started_day.isoformat() if i % 10 and i % 3 else ""
            completed = completed_day.isoformat() if i % 10 and i % 3 and i % 2 else ""
            house = types[i % 4]
            tenure = "äganderätt" if house == "småhus" else "hyresrätt"
            dwellings = 1 if house == "småhus" else 12 + i % 40
            f.write(f"BN {year}-{i:07d},1290,NÄSBY {i % 400}:{i % 97},{house},{tenure},{dwellings},"
                    f"{applied},{granted},{started},{completed},{x:.2f},{y:.2f}\n")


def bench_ingest(work, rows):
    csv = os.path.join(work, "permits.csv")
    make_permits_csv(csv, rows)
    size = os.path.getsize(csv) / 1e6
    print(f"ingest: {rows:,} permit points, CSV in EPSG:3008 ({size:.0f} MB)")

    baseline_gpkg = os.path.join(work, "ogr2ogr.gpkg")
    t_ogr, mem_ogr, _ = run_measured(["/usr/bin/ogr2ogr", "-gt", "unlimited", "-f", "GPKG", baseline_gpkg, csv,
                                      "-oo", "X_POSSIBLE_NAMES=x", "-oo", "Y_POSSIBLE_NAMES=y", "-s_srs", "EPSG:3008",
                                      "-t_srs", "EPSG:3006", "-nln", "permits"])
    store = os.path.join(work, "bostad.gpkg")
    subprocess.run([BOSTAD, "init", "--db", store], check=True, stdout=subprocess.DEVNULL)
    t_bostad, mem_bostad, out = run_measured([BOSTAD, "ingest", csv, "--kind", "permits", "--crs", "EPSG:3008",
                                              "--db", store, "--of", "json", "--quiet"])
    report = json.loads(out)[0]
    steps = ", ".join(f"{k} {v:.2f} s" for k, v in sorted(report["seconds"].items()))
    print(f"  ogr2ogr -gt unlimited (with spatial index, reprojecting) {t_ogr:7.2f} s   peak {mem_ogr:6.0f} MB")
    print(f"  bostad ingest (validation, quarantine, history, index)  {t_bostad:7.2f} s   peak {mem_bostad:6.0f} MB")
    print(f"    {report['inserted']:,} inserted, {report['rejected']:,} rejected; steps: {steps}")
    print(f"  ratio bostad / ogr2ogr: {t_bostad / t_ogr:.2f} (goal ≤ 0.25); peak memory goal ≤ 1024 MB")
    return {"rows": rows, "ogr2ogr_s": t_ogr, "bostad_s": t_bostad, "ratio": t_bostad / t_ogr,
            "bostad_peak_mb": mem_bostad, "ogr2ogr_peak_mb": mem_ogr, "steps": report["seconds"]}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep", help="keep the generated data and stores in this folder")
    args = parser.parse_args()
    work = args.keep or tempfile.mkdtemp(prefix="bostad-bench-")
    os.makedirs(work, exist_ok=True)
    try:
        results = {"ingest": bench_ingest(work, args.rows)}
        os.makedirs(os.path.join(ROOT, "build", "bench"), exist_ok=True)
        with open(os.path.join(ROOT, "build", "bench", "last.json"), "w") as f:
            json.dump(results, f, indent=2)
        print(f"results: {os.path.join('build', 'bench', 'last.json')}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
