#include "store/backends.hpp"

#include <array>

#include "core/error.hpp"
#include "store/gpkg/backend.hpp"
#include "store/postgis/backend.hpp"

namespace bostad::store {

std::span<const Backend> backends() {
    // One line per store; the GeoPackage takes every location the others do not (a file path).
    static const std::array<Backend, 2> all{
        postgis::backend(),
        gpkg::backend(),
    };
    return all;
}

const Backend& backend_for(std::string_view location) {
    for (const Backend& b : backends()) {
        if (b.recognises(location)) return b;
    }
    throw InternalError("no store takes every location");
}

std::unique_ptr<Store> open(const std::string& location, const OpenOptions& options) {
    return backend_for(location).open(location, options);
}

InitResult init(const std::string& location) { return backend_for(location).init(location); }

std::unique_ptr<CopyTarget> copy_target(const std::string& location, const OpenOptions& options) {
    return backend_for(location).copy_target(location, options);
}

} // namespace bostad::store
