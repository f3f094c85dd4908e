#pragma once
// What a GeoPackage store holds (store/summary.hpp), for `bostad check`.

#include "store/summary.hpp"

namespace bostad::store::gpkg {

class StoreFile;

StoreSummary summarize(StoreFile& store, int last_runs);

} // namespace bostad::store::gpkg
