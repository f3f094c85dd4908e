#include "store/postgis/table_rows.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "pg/connection.hpp"
#include "store/postgis/codec.hpp"
#include "store/schema.hpp"

namespace bostad::store::postgis {
namespace {

/// The expression that reads a column as the GeoPackage store holds it.
std::string select_of(const Column& c) {
    const std::string q = pg::quote_identifier(c.name);
    switch (c.kind) {
    case ColumnKind::boolean: return q + "::int";
    case ColumnKind::geometry: return fmt::format("encode(ST_AsBinary({0}, 'NDR'), 'hex'), ST_SRID({0})", q);
    case ColumnKind::timestamp: return fmt::format("to_char({} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')", q);
    case ColumnKind::integer:
    case ColumnKind::real: return q;
    case ColumnKind::text: break;
    }
    return q + "::text";
}

std::string text_of(const CellValue& v, const Column& c, const std::string& table) {
    const auto wrong = [&]() {
        return InputError(fmt::format("{}.{}: a value of the wrong type for the PostGIS store", table, c.name));
    };
    if (const auto* i = std::get_if<std::int64_t>(&v)) {
        if (c.kind == ColumnKind::boolean) return *i ? "t" : "f";
        if (c.kind == ColumnKind::geometry) throw wrong();
        return std::to_string(*i);
    }
    if (const auto* d = std::get_if<double>(&v)) {
        if (c.kind != ColumnKind::real && c.kind != ColumnKind::text) throw wrong();
        return fmt::format("{}", *d);
    }
    if (const auto* s = std::get_if<std::string>(&v)) {
        if (c.kind == ColumnKind::geometry) throw wrong();
        return *s;
    }
    const auto& g = std::get<GeometryValue>(v);
    if (c.kind != ColumnKind::geometry) throw wrong();
    return ewkb_hex(g.wkb.data(), g.wkb.size(), g.srid);
}

} // namespace

std::vector<Column> table_columns(pg::Connection& c, const std::string& table) {
    pg::Result r = c.exec("SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = $1 "
                          "AND table_name = $2 ORDER BY ordinal_position",
                          {c.schema(), table});
    std::vector<Column> out;
    for (int i = 0; i < r.rows(); ++i) {
        const std::string udt = r.text(i, 1);
        ColumnKind k = ColumnKind::text;
        if (udt == "int8" || udt == "int4" || udt == "int2") k = ColumnKind::integer;
        else if (udt == "float8" || udt == "float4") k = ColumnKind::real;
        else if (udt == "bool") k = ColumnKind::boolean;
        else if (udt == "geometry") k = ColumnKind::geometry;
        else if (udt == "timestamptz") k = ColumnKind::timestamp;
        out.push_back({r.text(i, 0), k});
    }
    if (out.empty()) throw InternalError(fmt::format("the PostGIS store has no table {}", table));
    return out;
}

std::int64_t PgTableSource::read_table(const std::string& table, const std::vector<std::string>& names, const RowCallback& row) {
    std::vector<Column> columns;
    for (const auto& c : table_columns(m_c, table)) {
        if (std::find(names.begin(), names.end(), c.name) != names.end()) columns.push_back(c);
    }
    std::vector<Column> ordered;
    for (const auto& n : names) {
        const auto it = std::find_if(columns.begin(), columns.end(), [&](const Column& c) { return c.name == n; });
        if (it == columns.end()) throw InputError(fmt::format("the PostGIS store's table {} has no column {}", table, n));
        ordered.push_back(*it);
    }
    std::string select;
    for (const auto& c : ordered) select += (select.empty() ? "" : ", ") + select_of(c);
    std::vector<CellValue> values(ordered.size());
    std::int64_t rows = 0;
    const std::string sql = fmt::format("SELECT {} FROM {} ORDER BY 1", select, pg::quote_identifier(table));
    m_c.for_each_batch(sql, {}, 20000, [&](const pg::Result& r) {
        for (int i = 0; i < r.rows(); ++i) {
            int col = 0;
            for (std::size_t v = 0; v < ordered.size(); ++v, ++col) {
                const ColumnKind kind = ordered[v].kind;
                if (r.is_null(i, col)) {
                    values[v] = std::monostate{};
                    if (kind == ColumnKind::geometry) ++col; // its SRID
                    continue;
                }
                switch (kind) {
                case ColumnKind::integer:
                case ColumnKind::boolean: values[v] = r.int64(i, col); break;
                case ColumnKind::real: values[v] = r.real(i, col); break;
                case ColumnKind::geometry:
                    values[v] = GeometryValue{from_hex(r.text(i, col)), static_cast<std::int32_t>(r.int64(i, col + 1))};
                    ++col;
                    break;
                case ColumnKind::text:
                case ColumnKind::timestamp: values[v] = r.text(i, col); break;
                }
            }
            row(values);
        }
        rows += r.rows();
    });
    return rows;
}

PgTableTarget::PgTableTarget(pg::Connection& c) : m_c(c) {
    for (const auto& table : store_tables()) {
        if (table == "bostad_meta" || table == "bostad_schema_history") continue;
        if (c.query_int(fmt::format("SELECT count(*) FROM (SELECT 1 FROM {} LIMIT 1) t", pg::quote_identifier(table))).value_or(0) >
            0) {
            throw UsageError(fmt::format("--to '{}': the store there holds data already (table {}); copy needs a new or "
                                         "empty store",
                                         c.location(), table));
        }
    }
}

std::vector<std::string> PgTableTarget::columns(const std::string& table) {
    std::vector<std::string> out;
    for (const auto& c : table_columns(m_c, table)) out.push_back(c.name);
    return out;
}

void PgTableTarget::begin_table(const std::string& table, const std::vector<std::string>& columns) {
    // The copy is the same store, elsewhere: its identity and schema history replace the new store's.
    if (table == "bostad_meta" || table == "bostad_schema_history") {
        m_c.exec_script(fmt::format("DELETE FROM {}", pg::quote_identifier(table)));
    }
    m_table = table;
    m_columns.clear();
    const auto all = table_columns(m_c, table);
    for (const auto& n : columns) {
        const auto it = std::find_if(all.begin(), all.end(), [&](const Column& c) { return c.name == n; });
        if (it == all.end()) throw InternalError(fmt::format("the PostGIS store's table {} has no column {}", table, n));
        m_columns.push_back(*it);
    }
    m_row.assign(m_columns.size(), std::nullopt);
    m_c.begin_copy(table, columns);
}

void PgTableTarget::put_row(std::span<const CellValue> values) {
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (std::holds_alternative<std::monostate>(values[i])) m_row[i] = std::nullopt;
        else m_row[i] = text_of(values[i], m_columns[i], m_table);
    }
    m_c.put_row(m_row);
}

void PgTableTarget::end_table() {
    m_c.end_copy();
    // Serial columns continue after the copied ids.
    const std::string& first = m_columns.front().name;
    const auto seq = m_c.query_text("SELECT pg_get_serial_sequence($1, $2)",
                                    {pg::quote_identifier(m_c.schema()) + "." + pg::quote_identifier(m_table), first});
    if (seq) {
        m_c.exec(fmt::format("SELECT setval($1, coalesce((SELECT max({}) FROM {}), 0) + 1, false)", pg::quote_identifier(first),
                             pg::quote_identifier(m_table)),
                 {*seq});
    }
}

} // namespace bostad::store::postgis
