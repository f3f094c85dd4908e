#pragma once
// Values between bostad and PostgreSQL's text forms: integers, bigint[] parameters, hex bytes, hex EWKB geometries.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bostad::store::postgis {

/// An integer from PostgreSQL's text form (COPY out); 0 for text that is not one.
std::int64_t int_of(std::string_view text);

/// "{1,2,3}": a bigint[] parameter.
std::string int_array(const std::vector<std::int64_t>& ids);

/// Bytes from PostgreSQL's hex text ("\\x0102…" or "0102…"); IoError for text that is not hex.
std::vector<std::uint8_t> from_hex(std::string_view text);
/// The same into `out` (whose memory is reused).
void from_hex(std::string_view text, std::vector<std::uint8_t>& out);

/// An ISO WKB geometry as hex EWKB with the SRID set, the form PostGIS reads from text.
std::string ewkb_hex(const std::uint8_t* wkb, std::size_t size, std::int32_t srid);

/// A 2D point as EWKB with the SRID set (little-endian), the binary form PostGIS reads.
std::array<char, 25> point_ewkb(double x, double y, std::int32_t srid);

/// Appends a 2D point as hex EWKB with the SRID set (the same text ewkb_hex writes for its WKB), without
/// building the WKB first: for bulk loads.
void append_point_ewkb_hex(std::string& out, double x, double y, std::int32_t srid);

} // namespace bostad::store::postgis
