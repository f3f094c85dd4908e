#include "store/gpkg/codec.hpp"

#include "core/gpkg_blob.hpp"
#include "gdal/srs.hpp"

namespace bostad::store::gpkg {

std::optional<Date> date_column(const sqlite::Statement& st, int col) {
    const auto t = st.column_optional_text(col);
    return t ? Date::parse_iso(*t) : std::nullopt;
}

std::vector<std::uint8_t> blob(std::span<const std::uint8_t> wkb) { return gpkg_blob_from_wkb(wkb, gdal::k_store_epsg); }

std::vector<std::uint8_t> wkb_column(const sqlite::Statement& st, int col) {
    const auto w = gpkg_blob_wkb(st.column_blob(col));
    return {w.begin(), w.end()};
}

} // namespace bostad::store::gpkg
