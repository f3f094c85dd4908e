# GEOS (C API, reentrant): validity, MakeValid, prepared point-in-polygon, Voronoi, overlay.
find_package(GEOS 3.11 CONFIG REQUIRED)
