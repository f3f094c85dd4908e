#pragma once
// Writes vector datasets with OGR (GeoPackage, Shapefile, ...): one owner for the dataset, layers that
// transform geometries from the store's CRS, and an explicit close that reports a failed flush.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "gdal/srs.hpp"

class GDALDataset;
class OGRLayer;

namespace bostad::gdal {

enum class FieldType { string, integer, real, date, boolean, datetime };

struct FieldDef {
    FieldDef() = default;
    FieldDef(std::string name_, FieldType type_ = FieldType::string, int width_ = 0)
        : name(std::move(name_)), type(type_), width(width_) {}

    std::string name;
    FieldType type = FieldType::string;
    int width = 0; ///< 0: the driver's default
    std::string alias;  ///< alternative name, for the drivers that keep one
    std::string domain; ///< a field domain added with VectorWriter::add_coded_domain
};

/// One value of a coded field domain: the stored code and what people read.
struct CodedValue {
    std::string code;
    std::string label;
};

/// A field value; dates are ISO text ("2026-10-31").
using FieldValue = std::variant<std::monostate, std::string, std::int64_t, double>;

enum class GeometryKind { none, point, multipoint, multilinestring, multipolygon, geometry };

class LayerWriter {
public:
    LayerWriter(OGRLayer* layer, std::string dataset_path, int source_epsg, int layer_epsg);
    LayerWriter(LayerWriter&&) noexcept;
    ~LayerWriter();

    /// Adds a feature; `wkb` is in the source CRS (EPSG:3006) and empty for no geometry.
    void add(const std::vector<FieldValue>& values, std::span<const std::uint8_t> wkb = {});
    /// Features added so far.
    std::int64_t count() const { return m_count; }
    /// Applied to every text value before it is written (e.g. formula escaping for CSV).
    void set_text_transform(std::string (*transform)(std::string_view)) { m_text_transform = transform; }

private:
    OGRLayer* m_layer;
    std::string m_path;
    std::unique_ptr<Transformer> m_transform; ///< null when source and layer CRS are the same
    std::int64_t m_count = 0;
    std::string (*m_text_transform)(std::string_view) = nullptr;
};

struct DatasetCloser {
    void operator()(GDALDataset* ds) const noexcept;
};

class VectorWriter {
public:
    /// Creates a new dataset; `path` must not exist.
    VectorWriter(const std::string& path, const std::string& driver, const std::vector<std::string>& options = {});
    VectorWriter(const VectorWriter&) = delete;
    VectorWriter& operator=(const VectorWriter&) = delete;
    ~VectorWriter();

    LayerWriter add_layer(const std::string& name, GeometryKind kind, int epsg, const std::vector<FieldDef>& fields,
                          const std::vector<std::string>& options = {});
    /// A coded field domain (GeoPackage: gpkg_data_column_constraints; QGIS shows a drop-down list).
    void add_coded_domain(const std::string& name, const std::string& description, const std::vector<CodedValue>& values);
    /// A dataset metadata item (GeoPackage: gpkg_metadata, shown by gdalinfo/ogrinfo and QGIS).
    void set_metadata_item(const std::string& key, const std::string& value);
    /// One transaction around many features (GeoPackage: otherwise every feature commits on its own).
    void begin_transaction();
    void commit_transaction();
    /// Runs SQL on the dataset (for GeoPackage: metadata, styles); no result is read.
    void execute_sql(const std::string& sql);
    /// Flushes and closes; throws IoError when the driver reports a failure.
    void close();

    GDALDataset* handle() const { return m_ds.get(); }

private:
    std::string m_path;
    std::unique_ptr<GDALDataset, DatasetCloser> m_ds;
};

} // namespace bostad::gdal
