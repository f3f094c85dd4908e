#pragma once
// The only owner of GEOS handles: a reentrant context (one per thread) and geometries owned by unique_ptr
// with deleters bound to their context. GEOS errors become exceptions at this boundary.

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

struct GEOSContextHandle_HS;
struct GEOSGeom_t;
struct GEOSPrepGeom_t;

namespace bostad::geos {

std::string geos_version();

/// A GEOS failure: exit code 4 unless the caller decides the input was at fault.
class Error : public IoError {
public:
    explicit Error(const std::string& message) : IoError(message) {}
};

class Context;

struct GeometryDeleter {
    GEOSContextHandle_HS* ctx = nullptr;
    void operator()(GEOSGeom_t* g) const noexcept;
};
using Geometry = std::unique_ptr<GEOSGeom_t, GeometryDeleter>;

struct PreparedDeleter {
    GEOSContextHandle_HS* ctx = nullptr;
    void operator()(const GEOSPrepGeom_t* g) const noexcept;
};
using Prepared = std::unique_ptr<const GEOSPrepGeom_t, PreparedDeleter>;

class Context {
public:
    Context();
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;
    ~Context();

    GEOSContextHandle_HS* handle() const { return m_handle; }
    /// Wraps a raw result, throwing with `what` and GEOS's last message when it is null.
    Geometry own(GEOSGeom_t* g, std::string_view what) const;

    Geometry from_wkt(std::string_view wkt) const;
    Geometry from_wkb(std::span<const std::uint8_t> wkb) const;
    std::string to_wkt(const GEOSGeom_t* g, int decimals = 3) const;
    std::vector<std::uint8_t> to_wkb(const GEOSGeom_t* g) const;

    const std::string& last_message() const { return m_message; }

private:
    GEOSContextHandle_HS* m_handle;
    std::string m_message; // set by GEOS's error handler
};

} // namespace bostad::geos
