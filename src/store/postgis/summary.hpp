#pragma once
// What a PostGIS store holds, for `bostad check`, in the same form as the GeoPackage store's summary.

#include "store/summary.hpp"

namespace bostad::store::postgis {

class PgStore;

store::StoreSummary summarize(PgStore& store, int last_runs);

} // namespace bostad::store::postgis
