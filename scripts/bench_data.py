"""Deterministic inputs for scripts/bench.py: permits (CSV in EPSG:3008), districts and plans (GeoPackage, EPSG:3006).

Each maker writes under a temporary name and renames it into place, so a cached file is always complete.
Bump VERSION when a generator changes: it is part of the cached file names.
"""
import datetime
import math
import os
import random

from osgeo import gdal, ogr, osr

VERSION = 2
# Where the generated permits lie, in EPSG:3006 (Kristianstad's part of the two municipalities' box).
PERMIT_EXTENT = (425000, 6185000, 462000, 6236000)
# The districts' seeds cover the permits with a 1 km margin; their outer boundary wanders half a cell further out.
DISTRICT_EXTENT = (424000, 6184000, 463000, 6237000)


def cached(folder, stem, maker, *args):
    """Path of folder/stem (the name carries VERSION); calls maker(temporary path, *args) first when it is missing."""
    base, ext = os.path.splitext(stem)
    path = os.path.join(folder, f"{base}-v{VERSION}{ext}")
    if not os.path.exists(path):
        os.makedirs(folder, exist_ok=True)
        partial = path + ".partial" + ext
        if os.path.exists(partial):
            os.remove(partial)
        maker(partial, *args)
        os.replace(partial, path)
    return path


def sweref_srs(epsg):
    """A SWEREF 99 spatial reference with traditional GIS axis order (easting, northing)."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def kommun_outline(code):
    """A kommun's outline as bostad has it built in (gis/sweden/kommuner.csv, EPSG:3006)."""
    import csv
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "gis", "sweden", "kommuner.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["code"] == code:
                return ogr.CreateGeometryFromWkt(row["wkt"])
    raise SystemExit(f"bench_data: no kommun {code} in gis/sweden/kommuner.csv")


def make_permits_csv(path, rows, seed=1290):
    """Permits in Kristianstad (uniform inside its outline), case ids in application order, coordinates in
    SWEREF 99 13 30."""
    rng = random.Random(seed)
    ct = osr.CoordinateTransformation(sweref_srs(3006), sweref_srs(3008))
    x0, y0, x1, y1 = PERMIT_EXTENT
    kristianstad = kommun_outline("1290")
    points = []
    point = ogr.Geometry(ogr.wkbPoint)
    while len(points) < rows:
        x, y = rng.uniform(x0, x1), rng.uniform(y0, y1)
        point.SetPoint_2D(0, x, y)
        if kristianstad.Contains(point):
            points.append((x, y))
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


def delaunay(points):
    """Delaunay triangles of points (GEOS through OGR), as counter-clockwise index triples."""
    multipoint = ogr.Geometry(ogr.wkbMultiPoint)
    for x, y in points:
        p = ogr.Geometry(ogr.wkbPoint)
        p.AddPoint_2D(x, y)
        multipoint.AddGeometry(p)
    index = {p: i for i, p in enumerate(points)}  # GEOS keeps the input coordinates bit for bit
    triangles = []
    collection = multipoint.DelaunayTriangulation()
    for k in range(collection.GetGeometryCount()):
        ring = collection.GetGeometryRef(k).GetGeometryRef(0)
        a, b, c = (index[(ring.GetX(j), ring.GetY(j))] for j in range(3))
        (ax, ay), (bx, by), (cx, cy) = points[a], points[b], points[c]
        triangles.append((a, b, c) if (bx - ax) * (cy - ay) - (by - ay) * (cx - ax) > 0 else (a, c, b))
    return triangles


def circumcentre(p, q, r):
    """The centre of the circle through three points: the Voronoi vertex of their triangle."""
    (ax, ay), (bx, by), (cx, cy) = p, q, r
    d = 2 * (ax * (by - cy) + bx * (cy - ay) + cx * (ay - by))
    a2, b2, c2 = ax * ax + ay * ay, bx * bx + by * by, cx * cx + cy * cy
    return ((a2 * (by - cy) + b2 * (cy - ay) + c2 * (ay - by)) / d,
            (a2 * (cx - bx) + b2 * (ax - cx) + c2 * (bx - ax)) / d)


def voronoi_rings(seeds, frame):
    """The Voronoi cell of every seed (the frame points only close off the outer cells).

    Returns, per seed, its cell as a counter-clockwise list of (triangle, neighbour): the cell's vertex is the
    circumcentre of that Delaunay triangle, and the edge from it to the next vertex borders that neighbour.
    """
    points = seeds + frame
    triangles = delaunay(points)
    fans = [dict() for _ in seeds]  # per seed: the triangle's first other corner -> (its second corner, triangle)
    for t, (a, b, c) in enumerate(triangles):
        for s, u, v in ((a, b, c), (b, c, a), (c, a, b)):
            if s < len(seeds):
                fans[s][u] = (v, t)
    rings = []
    for fan in fans:
        start = next(iter(fan))
        ring, corner = [], start
        while True:
            corner, t = fan[corner]
            ring.append((t, corner))
            if corner == start:
                break
        rings.append(ring)
    centres = [circumcentre(*(points[i] for i in tri)) for tri in triangles]
    return rings, centres


def wiggle(p, q, step, rng, straight):
    """Points strictly between p and q, every ≈step metres, displaced sideways by a smooth curve of a few
    harmonics (at most 6 % of the edge length) plus a little noise, zero at both ends; in line when straight.
    Draws as many random numbers either way, so straightening one edge leaves every other edge as it was."""
    length = math.dist(p, q)
    n = max(1, round(length / step))
    weights = [rng.uniform(-1, 1) for _ in range(4)]
    noise = [rng.uniform(-0.25, 0.25) * step for _ in range(1, n)]
    if n == 1:
        return []
    nx, ny = (p[1] - q[1]) / length, (q[0] - p[0]) / length
    scale = 0.06 * length / sum(abs(w) for w in weights)
    points = []
    for k in range(1, n):
        t = k / n
        curve = scale * sum(w * math.sin((h + 1) * math.pi * t) for h, w in enumerate(weights))
        side = 0 if straight else math.sin(math.pi * t) * (curve + noise[k - 1])
        points.append((p[0] + t * (q[0] - p[0]) + side * nx, p[1] + t * (q[1] - p[1]) + side * ny))
    return points


def district_polygons(rings, centres, step, straight_edges, rng):
    """The districts as OGR polygons. Each shared edge is made once and reused, reversed, by the neighbour, so
    neighbours share the exact same boundary vertices: no gaps, no overlaps."""
    edges = {}
    polygons = []
    for s, ring in enumerate(rings):
        coordinates = []
        for k, (t, neighbour) in enumerate(ring):
            t_next = ring[(k + 1) % len(ring)][0]
            key = (min(s, neighbour), max(s, neighbour))
            if key not in edges:
                edges[key] = (t, wiggle(centres[t], centres[t_next], step, rng, key in straight_edges))
            first, between = edges[key]
            coordinates.append(centres[t])
            coordinates.extend(between if first == t else reversed(between))
        coordinates.append(coordinates[0])
        polygons.append(ogr.CreateGeometryFromWkt(
            "POLYGON((" + ",".join(f"{x!r} {y!r}" for x, y in coordinates) + "))"))
    return polygons


def frame_points(extent, spacing):
    """Points every spacing metres around extent, spacing/2 outside it."""
    x0, y0, x1, y1 = extent[0] - spacing / 2, extent[1] - spacing / 2, extent[2] + spacing / 2, extent[3] + spacing / 2
    nx, ny = math.ceil((x1 - x0) / spacing), math.ceil((y1 - y0) / spacing)
    bottom_top = [(x0 + i * (x1 - x0) / nx, y) for i in range(nx + 1) for y in (y0, y1)]
    sides = [(x, y0 + j * (y1 - y0) / ny) for j in range(1, ny) for x in (x0, x1)]
    return bottom_top + sides


def make_districts(path, count, vertices, seed=2000):
    """count districts tiling DISTRICT_EXTENT (plus a ragged margin): Voronoi cells of random seeds whose edges
    wander like real boundaries, ≈vertices vertices per district on average. Layer 'districts': area_id, name."""
    rng = random.Random(seed)
    x0, y0, x1, y1 = DISTRICT_EXTENT
    seeds = [(rng.uniform(x0, x1), rng.uniform(y0, y1)) for _ in range(count)]
    rings, centres = voronoi_rings(seeds, frame_points(DISTRICT_EXTENT, math.sqrt((x1 - x0) * (y1 - y0) / count)))
    perimeter = sum(math.dist(centres[t], centres[ring[(k + 1) % len(ring)][0]])
                    for ring in rings for k, (t, _) in enumerate(ring))
    step = perimeter / (vertices * count)
    straight = set()
    while True:  # straighten the edges of any district whose wiggles cross (rare: a very sharp corner)
        polygons = district_polygons(rings, centres, step, straight, random.Random(seed + 1))
        gdal.PushErrorHandler("CPLQuietErrorHandler")  # IsValid would print each self-intersection
        invalid = [s for s, poly in enumerate(polygons) if not poly.IsValid()]
        gdal.PopErrorHandler()
        if not invalid:
            break
        straight.update((min(s, n), max(s, n)) for s in invalid for _, n in rings[s])
    check_tiling(polygons)
    write_polygons(path, "districts", polygons,
                   [("area_id", ogr.OFTString), ("name", ogr.OFTString)],
                   [(f"D{s + 1:04d}", f"Distrikt {s + 1}") for s in range(count)])


def check_tiling(polygons):
    """Fails unless the polygons' union is one polygon without holes whose area is the sum of theirs."""
    union = ogr.Geometry(ogr.wkbMultiPolygon)
    for poly in polygons:
        union.AddGeometry(poly)
    union = union.UnionCascaded()
    total = sum(poly.GetArea() for poly in polygons)
    if union.GetGeometryType() != ogr.wkbPolygon or union.GetGeometryCount() != 1 or \
            abs(union.GetArea() - total) > 1e-9 * total:
        raise RuntimeError("generated districts overlap or leave holes")


def make_plans(path, count, seed=5000):
    """count detailed plans with legal force in PERMIT_EXTENT: star-shaped polygons 100-800 m across, legal
    force 2000-2025, 5-200 planned dwellings. Layer 'plans' with the canonical plan fields."""
    rng = random.Random(seed)
    x0, y0, x1, y1 = PERMIT_EXTENT
    polygons, rows = [], []
    for i in range(count):
        cx, cy, radius = rng.uniform(x0, x1), rng.uniform(y0, y1), rng.uniform(50, 400)
        corners = rng.randint(6, 24)
        ring = []
        for k in range(corners):  # corners in angular order around the centre: the ring cannot cross itself
            a, r = 2 * math.pi * (k + rng.uniform(0, 0.8)) / corners, radius * rng.uniform(0.6, 1)
            ring.append((cx + r * math.cos(a), cy + r * math.sin(a)))
        ring.append(ring[0])
        polygons.append(ogr.CreateGeometryFromWkt("POLYGON((" + ",".join(f"{x!r} {y!r}" for x, y in ring) + "))"))
        adopted = datetime.date(2000, 1, 1) + datetime.timedelta(days=rng.randrange(9100))
        legal = adopted + datetime.timedelta(days=rng.randint(21, 60))
        rows.append((f"DP BENCH-{i + 1:05d}", "1290", f"Detaljplan {i + 1}", "laga_kraft", adopted.isoformat(),
                     legal.isoformat(), rng.randint(5, 200)))
    fields = [("plan_id", ogr.OFTString), ("municipality", ogr.OFTString), ("name", ogr.OFTString),
              ("status", ogr.OFTString), ("adopted_date", ogr.OFTString), ("legal_date", ogr.OFTString),
              ("planned_dwellings", ogr.OFTInteger)]
    write_polygons(path, "plans", polygons, fields, rows)


def write_polygons(path, layer_name, polygons, fields, rows):
    """Writes one polygon layer in EPSG:3006 to a new GeoPackage: fields are (name, OGR type), rows their values."""
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = ds.CreateLayer(layer_name, sweref_srs(3006), ogr.wkbPolygon)
    for name, kind in fields:
        layer.CreateField(ogr.FieldDefn(name, kind))
    layer.StartTransaction()
    for poly, values in zip(polygons, rows):
        feature = ogr.Feature(layer.GetLayerDefn())
        for (name, _), value in zip(fields, values):
            feature.SetField(name, value)
        feature.SetGeometry(poly)
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    ds = None


def mean_vertices(path):
    """The mean number of vertices of the polygons of a single-layer file (closing vertex not counted)."""
    ds = ogr.Open(path)
    counts = [f.GetGeometryRef().GetGeometryRef(0).GetPointCount() - 1 for f in ds.GetLayer(0)]
    return sum(counts) / len(counts)
