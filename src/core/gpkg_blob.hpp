#pragma once
// GeoPackage geometry blobs (GeoPackage 1.3, clause 2.1.3): a "GP" header with SRS id and envelope,
// followed by ISO WKB. Pure C++ so that the store, the SQL functions and the tests share one codec.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace bostad {

struct Envelope {
    double min_x = 0;
    double max_x = 0;
    double min_y = 0;
    double max_y = 0;

    void expand(double x, double y);
    void expand(const Envelope& other);
    /// Boundary included.
    bool contains(double x, double y) const { return x >= min_x && x <= max_x && y >= min_y && y <= max_y; }
};

struct GpkgHeader {
    std::int32_t srs_id = 0;
    bool empty = false;
    std::optional<Envelope> envelope; ///< XY part of the envelope, when the header carries one
    std::size_t wkb_offset = 0;       ///< where the WKB starts
};

/// Envelope of a WKB geometry (2D, Z, M, ZM; either byte order); nullopt when empty (no finite
/// coordinate) or malformed.
std::optional<Envelope> wkb_envelope(std::span<const std::uint8_t> wkb);

/// A GeoPackage blob of a 2D point (8-byte header without envelope, then 21 bytes of WKB), on the stack.
std::array<std::uint8_t, 29> gpkg_point_blob(double x, double y, std::int32_t srs_id);

/// ISO WKB of a 2D point, little-endian.
std::vector<std::uint8_t> wkb_point(double x, double y);

/// The coordinates of every line string and polygon ring of a WKB geometry (points are left out), for
/// drawing; nullopt when the WKB is malformed.
std::optional<std::vector<std::vector<std::pair<double, double>>>> wkb_paths(std::span<const std::uint8_t> wkb);

/// True when every coordinate of the WKB geometry is finite (POINT EMPTY's NaN pair excepted);
/// false also when the WKB is malformed.
bool wkb_all_finite(std::span<const std::uint8_t> wkb);

/// Wraps WKB into a GeoPackage blob with an XY envelope (none for points, as the spec allows).
std::vector<std::uint8_t> gpkg_blob_from_wkb(std::span<const std::uint8_t> wkb, std::int32_t srs_id);

/// Parses the header; nullopt when the blob is not a GeoPackage geometry.
std::optional<GpkgHeader> parse_gpkg_header(std::span<const std::uint8_t> blob);

/// The WKB part of a blob; empty span when the blob is not a GeoPackage geometry.
std::span<const std::uint8_t> gpkg_blob_wkb(std::span<const std::uint8_t> blob);

/// Envelope from the header, or computed from the WKB when the header has none; nullopt when empty/invalid.
std::optional<Envelope> gpkg_blob_envelope(std::span<const std::uint8_t> blob);

} // namespace bostad
