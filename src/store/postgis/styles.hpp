#pragma once
// The export's QGIS styles as the default styles of a PostGIS store's layers (schemas/postgis/styles.sql):
// permit_stages (permits by their stage today), plans by status, areas by municipality. Written into QGIS's
// public.layer_styles under the real database (f_table_catalog) and schema names, so that QGIS connected to
// the database draws the layers as the exported GeoPackage does.

#include <string>
#include <utility>
#include <vector>

namespace bostad::pg {
class Connection;
}

namespace bostad::store::postgis {

/// (Re)creates the view and the styles; `municipalities` are (code, name) pairs for the categories. Run
/// inside the caller's transaction.
void write_styles(pg::Connection& c, const std::vector<std::pair<std::string, std::string>>& municipalities);

/// The municipalities of the store's areas and permits, named from `names` (code → name) where known.
std::vector<std::pair<std::string, std::string>> store_municipalities(pg::Connection& c,
                                                                      const std::vector<std::pair<std::string, std::string>>& names);

} // namespace bostad::store::postgis
