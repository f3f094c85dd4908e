#pragma once
// Rows of a point layer written into a GeoPackage with SQLite, after GDAL created the (empty) layer and closed
// the file: one prepared INSERT per row in the caller's transaction, GeoPackage blobs made here. finish() does
// what GDAL would have done at its close: the layer's extent in gpkg_contents and its feature count in
// gpkg_ogr_contents (GDAL's count triggers are taken off during the rows and put back as they were).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/gpkg_blob.hpp"
#include "export/layer_schema.hpp"
#include "export/row_sink.hpp"
#include "sqlite/database.hpp"

namespace bostad::exports {

class GpkgPointRows final : public RowSink {
public:
    /// `layer`: a point layer GDAL created in `gpkg` (columns fid, geom and the layer's fields).
    GpkgPointRows(sqlite::Database& gpkg, const LayerSpec& layer, std::int32_t srs_id);
    void add(const std::vector<gdal::FieldValue>& values, std::span<const std::uint8_t> wkb) override;
    /// The extent and the feature count; the count triggers back. Call once, after the last row.
    void finish();
    std::int64_t count() const { return m_count; }

private:
    sqlite::Database& m_gpkg;
    std::string m_table;
    std::int32_t m_srs_id;
    std::vector<std::string> m_triggers; ///< GDAL's feature count triggers, to put back
    std::optional<sqlite::Statement> m_insert;
    std::size_t m_fields = 0;
    std::optional<Envelope> m_extent;
    std::int64_t m_count = 0;
};

} // namespace bostad::exports
