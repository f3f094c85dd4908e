#pragma once
// bostad's own reader for delimited text (CSV) as case systems export it: UTF-8 with or without BOM (or the
// mapping's encoding), ',' ';' tab or '|' separators detected from the header, quoted values with
// doubled quotes and line breaks, CRLF or LF. Every value is text; the converter reads numbers with the
// mapping's decimal separator. A .prj beside the file gives its CRS. Several times faster than OGR's CSV
// driver on large files, and it reports rows that are cut short instead of guessing.

#include <string>
#include <vector>

#include "core/row_source.hpp"

namespace bostad::ingest {

class CsvReader final : public RowSource {
public:
    CsvReader(const std::string& path, const SourceOptions& options);

    const std::string& path() const override { return m_path; }
    std::string format() const override { return "CSV"; }
    const std::vector<std::string>& field_names() const override { return m_names; }
    const std::vector<ValueType>& field_types() const override { return m_types; }
    const std::string& crs_wkt() const override { return m_crs_wkt; }
    const std::string& crs_name() const override { return m_crs_name; }
    bool has_geometry() const override { return false; }
    std::optional<std::int64_t> fast_count() const override { return m_count; }
    bool next(SourceRow& row) override;

    char separator() const { return m_sep; }

private:
    /// Splits the record starting at m_pos into `out`; false at the end of the text.
    bool read_record(std::vector<std::optional<std::string>>& out, std::vector<std::string>& notes);

    std::string m_path;
    std::string m_text;
    std::size_t m_pos = 0;
    char m_sep = ',';
    std::optional<std::string> m_encoding;
    std::vector<std::string> m_names;
    std::vector<ValueType> m_types;
    std::string m_crs_wkt;
    std::string m_crs_name;
    std::int64_t m_count = 0;
    std::int64_t m_number = 0;
};

} // namespace bostad::ingest
