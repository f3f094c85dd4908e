#pragma once
// GeoPackage R-tree spatial indexes (extension gpkg_rtree_index) with the triggers of GeoPackage 1.3.

#include <string_view>

namespace bostad::sqlite {
class Database;
}

namespace bostad::store {

/// Creates rtree_<table>_<column>, fills it from the existing rows, adds the six maintenance triggers and
/// the gpkg_extensions row. The connection needs register_gpkg_functions().
void create_spatial_index(sqlite::Database& db, std::string_view table, std::string_view column);

/// True when the table's R-tree exists.
bool has_spatial_index(sqlite::Database& db, std::string_view table, std::string_view column);

} // namespace bostad::store
