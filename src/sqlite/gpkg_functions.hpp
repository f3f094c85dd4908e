#pragma once
// The SQL functions that GeoPackage R-tree triggers call (ST_MinX, ST_MaxX, ST_MinY, ST_MaxY, ST_IsEmpty),
// so that bostad can write geometry columns over a plain SQLite connection.

namespace bostad::sqlite {

class Database;

void register_gpkg_functions(Database& db);

} // namespace bostad::sqlite
