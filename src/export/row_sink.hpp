#pragma once
// Where an export layer's rows go: a GDAL layer (every format), or SQLite directly (the GeoPackage's permits,
// a million rows at a national scale, where GDAL's per-feature work was most of the export).

#include <cstdint>
#include <span>
#include <vector>

#include "gdal/vector_writer.hpp"

namespace bostad::exports {

class RowSink {
public:
    virtual ~RowSink() = default;
    /// One row: the values in the layer's field order, the geometry as WKB in EPSG:3006 (empty for none).
    virtual void add(const std::vector<gdal::FieldValue>& values, std::span<const std::uint8_t> wkb) = 0;
};

/// Rows through GDAL.
class LayerRows final : public RowSink {
public:
    explicit LayerRows(gdal::LayerWriter& layer) : m_layer(layer) {}
    void add(const std::vector<gdal::FieldValue>& values, std::span<const std::uint8_t> wkb) override { m_layer.add(values, wkb); }

private:
    gdal::LayerWriter& m_layer;
};

} // namespace bostad::exports
