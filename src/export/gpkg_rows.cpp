#include "export/gpkg_rows.hpp"

#include <fmt/format.h>

#include "core/crash_point.hpp"
#include "core/error.hpp"

namespace bostad::exports {

GpkgPointRows::GpkgPointRows(sqlite::Database& gpkg, const LayerSpec& layer, std::int32_t srs_id)
    : m_gpkg(gpkg), m_table(layer.table), m_srs_id(srs_id), m_fields(layer.fields.size()) {
    if (layer.geometry != gdal::GeometryKind::point) throw InternalError(fmt::format("{}: not a point layer", m_table));
    // GDAL's triggers that keep gpkg_ogr_contents.feature_count would run for every row: off, and back in finish().
    auto triggers = m_gpkg.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?1 "
                                   "AND name LIKE 'trigger_%_feature_count_%'");
    triggers.bind(1, m_table);
    std::vector<std::string> names;
    while (triggers.step()) {
        names.push_back(triggers.column_text(0));
        m_triggers.push_back(triggers.column_text(1));
    }
    for (const auto& name : names) m_gpkg.exec("DROP TRIGGER " + sqlite::quote_identifier(name));
    std::string columns = "geom", params = "?1";
    for (std::size_t i = 0; i < layer.fields.size(); ++i) {
        columns += ", " + sqlite::quote_identifier(layer.fields[i].name);
        params += fmt::format(", ?{}", i + 2);
    }
    m_insert.emplace(m_gpkg.prepare(fmt::format("INSERT INTO {} ({}) VALUES ({})", sqlite::quote_identifier(m_table), columns, params)));
}

void GpkgPointRows::add(const std::vector<gdal::FieldValue>& values, std::span<const std::uint8_t> wkb) {
    crash_point("write.feature");
    sqlite::Statement& st = *m_insert;
    st.reset();
    // The WKB as given, in a blob as GDAL writes it (no envelope for a point). The values are bound without a
    // copy: they outlive the statement's run below.
    const std::vector<std::uint8_t> blob = wkb.empty() ? std::vector<std::uint8_t>{} : gpkg_blob_from_wkb(wkb, m_srs_id);
    if (blob.empty()) st.bind(1, nullptr);
    else st.bind_unowned(1, std::span<const std::uint8_t>(blob));
    if (const auto e = wkb.empty() ? std::nullopt : wkb_envelope(wkb)) m_extent ? m_extent->expand(*e) : void(m_extent = e);
    for (std::size_t i = 0; i < m_fields; ++i) {
        const int at = static_cast<int>(i) + 2;
        if (i >= values.size()) {
            st.bind(at, nullptr);
        } else if (const auto* s = std::get_if<std::string>(&values[i])) {
            st.bind_unowned(at, std::string_view(*s));
        } else if (const auto* n = std::get_if<std::int64_t>(&values[i])) {
            st.bind(at, *n);
        } else if (const auto* d = std::get_if<double>(&values[i])) {
            st.bind(at, *d);
        } else {
            st.bind(at, nullptr);
        }
    }
    st.run();
    ++m_count;
}

void GpkgPointRows::finish() {
    m_insert.reset();
    if (m_extent) {
        m_gpkg.prepare("UPDATE gpkg_contents SET min_x = ?2, min_y = ?3, max_x = ?4, max_y = ?5 WHERE table_name = ?1")
            .bind_all(m_table, m_extent->min_x, m_extent->min_y, m_extent->max_x, m_extent->max_y)
            .run();
    }
    m_gpkg.prepare("UPDATE gpkg_ogr_contents SET feature_count = (SELECT count(*) FROM " + sqlite::quote_identifier(m_table) +
                   ") WHERE table_name = ?1")
        .bind(1, m_table)
        .run();
    for (const auto& sql : m_triggers) m_gpkg.exec(sql);
    m_triggers.clear();
}

} // namespace bostad::exports
