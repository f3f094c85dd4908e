# SQLite: the embedded store is a GeoPackage written directly with bound parameters.
find_package(SQLite3 3.38 REQUIRED)
