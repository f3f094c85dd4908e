#pragma once
// Values between records and SQLite columns: dates as ISO text, codes as their canonical text, geometries
// as GeoPackage blobs in EPSG:3006.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/domain.hpp"
#include "sqlite/database.hpp"

namespace bostad::store::gpkg {

std::optional<Date> date_column(const sqlite::Statement& st, int col);

template <typename E>
std::optional<std::string> code_text(const std::optional<E>& v) {
    if (!v) return std::nullopt;
    return std::string(code(*v));
}

template <typename E>
std::optional<E> code_column(const sqlite::Statement& st, int col, std::span<const Code<E>> list) {
    const auto t = st.column_optional_text(col);
    return t ? from_code(list, *t) : std::nullopt;
}

/// A GeoPackage blob (EPSG:3006) of the WKB.
std::vector<std::uint8_t> blob(std::span<const std::uint8_t> wkb);
/// The WKB inside a GeoPackage blob column; empty when NULL.
std::vector<std::uint8_t> wkb_column(const sqlite::Statement& st, int col);

} // namespace bostad::store::gpkg
