#pragma once
// The PostGIS store as a backend of the seam (store/backends.hpp): it takes the locations GDAL writes for
// PostgreSQL, PG:"dbname=... host=... active_schema=...".

#include "store/backends.hpp"

namespace bostad::store::postgis {

Backend backend();

} // namespace bostad::store::postgis
