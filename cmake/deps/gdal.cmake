# GDAL/OGR: reading every vector format, writing GeoPackage/Shapefile, coordinate transforms (via OSR).
find_package(GDAL 3.6 CONFIG REQUIRED)
