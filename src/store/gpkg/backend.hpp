#pragma once
// The GeoPackage store as a backend of the seam (store/backends.hpp): it takes every location that no other
// store claims, as a file path.

#include "store/backends.hpp"

namespace bostad::store::gpkg {

Backend backend();

} // namespace bostad::store::gpkg
