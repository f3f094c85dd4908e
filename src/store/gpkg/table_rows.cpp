#include "store/gpkg/table_rows.hpp"

#include <fmt/format.h>

#include "core/gpkg_blob.hpp"

namespace bostad::store::gpkg {

std::int64_t GpkgTableSource::read_table(const std::string& table, const std::vector<std::string>& columns,
                                         const RowCallback& row) {
    std::string list;
    for (const auto& c : columns) list += (list.empty() ? "" : ", ") + sqlite::quote_identifier(c);
    auto st = m_db.prepare(fmt::format("SELECT {} FROM {} ORDER BY 1", list, sqlite::quote_identifier(table)));
    std::vector<CellValue> values(columns.size());
    std::int64_t rows = 0;
    while (st.step()) {
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const int col = static_cast<int>(i);
            switch (st.column_type(col)) {
            case sqlite::ColumnType::null: values[i] = std::monostate{}; break;
            case sqlite::ColumnType::integer: values[i] = st.column_int64(col); break;
            case sqlite::ColumnType::real: values[i] = st.column_double(col); break;
            case sqlite::ColumnType::text: values[i] = st.column_text(col); break;
            case sqlite::ColumnType::blob: {
                const auto blob = st.column_blob(col);
                const auto header = parse_gpkg_header(blob);
                if (!header) {
                    throw InputError(fmt::format("{}.{}: a value that is not a GeoPackage geometry; run `bostad check` on the "
                                                 "source store",
                                                 table, columns[i]));
                }
                const auto wkb = blob.subspan(header->wkb_offset);
                values[i] = GeometryValue{{wkb.begin(), wkb.end()}, header->srs_id};
                break;
            }
            }
        }
        row(values);
        ++rows;
    }
    return rows;
}

std::vector<std::string> GpkgTableTarget::columns(const std::string& table) {
    std::vector<std::string> out;
    auto st = m_db.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid");
    st.bind(1, table);
    while (st.step()) out.push_back(st.column_text(0));
    if (out.empty()) throw InternalError(fmt::format("the GeoPackage store has no table {}", table));
    return out;
}

void GpkgTableTarget::begin_table(const std::string& table, const std::vector<std::string>& columns) {
    // The copy is the same store, elsewhere: its identity and schema history replace the new file's.
    if (table == "bostad_meta" || table == "bostad_schema_history") {
        m_db.exec(fmt::format("DELETE FROM {}", sqlite::quote_identifier(table)));
    }
    std::string names, marks;
    for (const auto& c : columns) {
        names += (names.empty() ? "" : ", ") + sqlite::quote_identifier(c);
        marks += marks.empty() ? "?" : ", ?";
    }
    m_insert.emplace(m_db.prepare(fmt::format("INSERT INTO {} ({}) VALUES ({})", sqlite::quote_identifier(table), names, marks)));
}

void GpkgTableTarget::put_row(std::span<const CellValue> values) {
    m_insert->reset();
    for (std::size_t i = 0; i < values.size(); ++i) {
        const int at = static_cast<int>(i) + 1;
        std::visit(
            [&](const auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, std::monostate>) m_insert->bind(at, nullptr);
                else if constexpr (std::is_same_v<T, GeometryValue>) {
                    m_insert->bind(at, std::span<const std::uint8_t>(gpkg_blob_from_wkb(v.wkb, v.srid)));
                } else {
                    m_insert->bind(at, v);
                }
            },
            values[i]);
    }
    m_insert->run();
}

void GpkgTableTarget::end_table() { m_insert.reset(); }

} // namespace bostad::store::gpkg
