#include "pgstore/copy.hpp"

#include <fmt/format.h>

#include "core/gpkg_blob.hpp"
#include "pgstore/pg_store.hpp"
#include "sqlite/database.hpp"

namespace bostad::pgstore {
namespace {

enum class Kind { text, integer, real, boolean, geometry };

struct Column {
    std::string name;
    Kind kind;
};

std::vector<Column> target_columns(pg::Connection& c, const std::string& table) {
    pg::Result r = c.exec("SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = $1 "
                          "AND table_name = $2 ORDER BY ordinal_position",
                          {c.schema(), table});
    std::vector<Column> out;
    for (int i = 0; i < r.rows(); ++i) {
        const std::string udt = r.text(i, 1);
        Kind k = Kind::text;
        if (udt == "int8" || udt == "int4" || udt == "int2") k = Kind::integer;
        else if (udt == "float8" || udt == "float4") k = Kind::real;
        else if (udt == "bool") k = Kind::boolean;
        else if (udt == "geometry") k = Kind::geometry;
        out.push_back({r.text(i, 0), k});
    }
    if (out.empty()) throw InternalError(fmt::format("the PostGIS store has no table {}", table));
    return out;
}

pg::Param value(const sqlite::Statement& st, int col, Kind kind, const std::string& table, const std::string& column) {
    if (st.is_null(col)) return std::nullopt;
    switch (kind) {
    case Kind::integer: return std::to_string(st.column_int64(col));
    case Kind::real: return fmt::format("{}", st.column_double(col));
    case Kind::boolean: return st.column_int64(col) ? "t" : "f";
    case Kind::text: return st.column_text(col);
    case Kind::geometry: {
        const auto blob = st.column_blob(col);
        const auto header = parse_gpkg_header(blob);
        if (!header) {
            throw InputError(fmt::format("{}.{}: a value that is not a GeoPackage geometry; run `bostad check` on the "
                                         "source store",
                                         table, column));
        }
        const auto wkb = blob.subspan(header->wkb_offset);
        return ewkb_hex(wkb.data(), wkb.size(), header->srs_id);
    }
    }
    return std::nullopt;
}

} // namespace

std::string ewkb_hex(const std::uint8_t* wkb, std::size_t size, std::int32_t srid) {
    if (size < 5) throw InputError("a geometry of fewer than 5 bytes of WKB");
    const bool little = wkb[0] == 1;
    const auto u32 = [&](std::size_t at) {
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            const std::uint32_t b = wkb[at + static_cast<std::size_t>(little ? i : 3 - i)];
            v |= b << (8 * i);
        }
        return v;
    };
    // ISO WKB codes Z/M as +1000/+2000/+3000; EWKB as flag bits.
    std::uint32_t type = u32(1);
    std::uint32_t flags = 0x20000000; // SRID present
    const std::uint32_t dims = type / 1000;
    type %= 1000;
    if (dims == 1 || dims == 3) flags |= 0x80000000; // Z
    if (dims == 2 || dims == 3) flags |= 0x40000000; // M
    const std::uint32_t ewkb_type = type | flags;
    std::string out;
    out.reserve(2 * size + 16);
    const auto hex_byte = [&out](std::uint8_t b) {
        constexpr const char* digits = "0123456789ABCDEF";
        out += digits[b >> 4];
        out += digits[b & 15];
    };
    const auto hex_u32 = [&](std::uint32_t v) {
        for (int i = 0; i < 4; ++i) hex_byte(static_cast<std::uint8_t>(v >> (8 * (little ? i : 3 - i))));
    };
    hex_byte(wkb[0]);
    hex_u32(ewkb_type);
    hex_u32(static_cast<std::uint32_t>(srid));
    // The nested geometries of a collection keep their ISO type codes, which PostGIS reads too.
    for (std::size_t i = 5; i < size; ++i) hex_byte(wkb[i]);
    return out;
}

std::vector<CopiedTable> copy_store(sqlite::Database& from, PgStore& to) {
    pg::Connection& c = to.conn();
    for (const auto& table : store_tables()) {
        if (table == "bostad_meta" || table == "bostad_schema_history") continue;
        if (c.query_int(fmt::format("SELECT count(*) FROM (SELECT 1 FROM {} LIMIT 1) t", pg::quote_identifier(table)))
                .value_or(0) > 0) {
            throw UsageError(fmt::format("--to '{}': the store there holds data already (table {}); copy needs a new or "
                                         "empty store",
                                         c.location(), table));
        }
    }
    // The source's identity and history replace the new store's: the copy is the same store, elsewhere.
    c.exec_script("DELETE FROM bostad_meta; DELETE FROM bostad_schema_history");
    std::vector<CopiedTable> out;
    for (const auto& table : store_tables()) {
        const std::vector<Column> columns = target_columns(c, table);
        std::string list;
        std::vector<std::string> names;
        for (const auto& col : columns) {
            list += (list.empty() ? "" : ", ") + sqlite::quote_identifier(col.name);
            names.push_back(col.name);
        }
        auto st = from.prepare(fmt::format("SELECT {} FROM {} ORDER BY 1", list, sqlite::quote_identifier(table)));
        c.begin_copy(table, names);
        std::int64_t rows = 0;
        std::vector<pg::Param> row(columns.size());
        while (st.step()) {
            for (std::size_t i = 0; i < columns.size(); ++i) {
                row[i] = value(st, static_cast<int>(i), columns[i].kind, table, columns[i].name);
            }
            c.put_row(row);
            ++rows;
        }
        c.end_copy();
        // Serial columns continue after the copied ids.
        const auto seq = c.query_text("SELECT pg_get_serial_sequence($1, $2)",
                                      {pg::quote_identifier(c.schema()) + "." + pg::quote_identifier(table), names.front()});
        if (seq) {
            c.exec(fmt::format("SELECT setval($1, coalesce((SELECT max({}) FROM {}), 0) + 1, false)",
                               pg::quote_identifier(names.front()), pg::quote_identifier(table)),
                   {*seq});
        }
        out.push_back({table, rows});
    }
    to.mark_written();
    return out;
}

} // namespace bostad::pgstore
