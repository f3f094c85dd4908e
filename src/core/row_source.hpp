#pragma once
// A delivered file as rows: text values per field, the geometry as ISO WKB in the file's CRS, and notes on
// what went wrong reading each row. Implemented over OGR (gdal/vector_reader) and by bostad's own CSV
// reader (ingest/csv_reader).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bostad {

enum class ValueType { text, number, date };

struct SourceOptions {
    std::optional<std::string> layer;
    std::optional<std::string> encoding; ///< used when the file does not say (Shapefile without .cpg; CSV)
    std::optional<char> csv_separator;   ///< otherwise detected from the header line
};

struct SourceRow {
    std::int64_t number = 0; ///< 1-based position in the layer
    std::int64_t fid = -1;   ///< the source's feature id, -1 when it has none
    std::vector<std::optional<std::string>> values; ///< per field; nullopt for NULL or empty
    std::vector<std::uint8_t> wkb;                  ///< empty when the row has no geometry
    std::vector<std::string> notes;                 ///< what went wrong reading this row
};

class RowSource {
public:
    virtual ~RowSource() = default;
    virtual const std::string& path() const = 0;
    virtual std::string format() const = 0; ///< "CSV", "GPKG", "ESRI Shapefile", ...
    virtual const std::vector<std::string>& field_names() const = 0;
    virtual const std::vector<ValueType>& field_types() const = 0;
    /// The CRS as WKT, empty when the file has none.
    virtual const std::string& crs_wkt() const = 0;
    /// "EPSG:3008" when identified, else a short name; empty when no CRS.
    virtual const std::string& crs_name() const = 0;
    /// True when rows can carry a geometry of their own (not only attribute columns).
    virtual bool has_geometry() const = 0;
    /// How many rows there are, when known without reading them.
    virtual std::optional<std::int64_t> fast_count() const = 0;
    /// Reads the next row; false at the end.
    virtual bool next(SourceRow& row) = 0;
};

} // namespace bostad
