#pragma once
// Reads one layer of any OGR vector source as plain rows: text values, the geometry as ISO WKB in the
// source CRS, and what GDAL said while reading each feature. Opening explains every refusal (missing file,
// folder, not a GIS file, several layers without --layer).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class GDALDataset;
class OGRLayer;

namespace bostad::gdal {

enum class ValueType { text, number, date };

struct ReaderOptions {
    std::optional<std::string> layer;
    std::optional<std::string> encoding;  ///< used when the file does not say (Shapefile without .cpg; CSV)
    std::optional<char> csv_separator;    ///< otherwise GDAL detects ',' ';' or tab
};

struct ReadRow {
    std::int64_t number = 0; ///< 1-based position in the layer
    std::int64_t fid = -1;   ///< the source's feature id, -1 when it has none
    std::vector<std::optional<std::string>> values; ///< per field; nullopt for NULL or unset
    std::vector<std::uint8_t> wkb;                  ///< empty when the feature has no geometry
    std::vector<std::string> notes;                 ///< GDAL's warnings while reading this feature
};

struct DatasetDeleter {
    void operator()(GDALDataset* ds) const noexcept;
};

class VectorReader {
public:
    VectorReader(const std::string& path, const ReaderOptions& options);
    VectorReader(const VectorReader&) = delete;
    VectorReader& operator=(const VectorReader&) = delete;
    ~VectorReader();

    const std::string& path() const { return m_path; }
    std::string driver() const;
    std::string layer_name() const;
    const std::vector<std::string>& field_names() const { return m_names; }
    const std::vector<ValueType>& field_types() const { return m_types; }
    /// The layer's CRS as WKT, empty when it has none.
    const std::string& crs_wkt() const { return m_crs_wkt; }
    /// "EPSG:3008" when the CRS is identified, else a short name.
    const std::string& crs_name() const { return m_crs_name; }
    /// The feature count when the driver knows it without reading the file.
    std::optional<std::int64_t> fast_count() const;

    /// Reads the next feature into `row`; false at the end.
    bool next(ReadRow& row);

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
