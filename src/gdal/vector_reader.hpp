#pragma once
// Reads one layer of any OGR vector source as plain rows: text values, the geometry as ISO WKB in the
// source CRS, and what GDAL said while reading each feature. Opening explains every refusal (missing file,
// folder, not a GIS file, several layers without --layer).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/row_source.hpp"

class GDALDataset;
class OGRLayer;

namespace bostad::gdal {

struct DatasetDeleter {
    void operator()(GDALDataset* ds) const noexcept;
};

/// Any OGR vector source (GeoPackage, Shapefile, GeoJSON, XLSX, GML, ...). GDAL's warnings while reading a
/// feature become the row's notes.
class VectorReader final : public RowSource {
public:
    VectorReader(const std::string& path, const SourceOptions& options);
    VectorReader(const VectorReader&) = delete;
    VectorReader& operator=(const VectorReader&) = delete;
    ~VectorReader() override;

    const std::string& path() const override { return m_path; }
    std::string format() const override;
    std::string layer_name() const;
    const std::vector<std::string>& field_names() const override { return m_names; }
    const std::vector<ValueType>& field_types() const override { return m_types; }
    const std::string& crs_wkt() const override { return m_crs_wkt; }
    const std::string& crs_name() const override { return m_crs_name; }
    bool has_geometry() const override;
    std::optional<std::int64_t> fast_count() const override;
    bool next(SourceRow& row) override;

private:
    std::string m_path;
    std::unique_ptr<GDALDataset, DatasetDeleter> m_ds;
    OGRLayer* m_layer = nullptr;
    std::vector<std::string> m_names;
    std::vector<ValueType> m_types;
    std::string m_crs_wkt;
    std::string m_crs_name;
    std::optional<std::string> m_recode_from; ///< encoding to convert text from, when GDAL does not
    std::int64_t m_count = 0;
};

} // namespace bostad::gdal
