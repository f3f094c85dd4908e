#include "pgstore/to_geopackage.hpp"

#include <fmt/format.h>

#include <cstdlib>

#include "core/gpkg_blob.hpp"
#include "pg/connection.hpp"
#include "pgstore/assignment_store.hpp"
#include "pgstore/pg_store.hpp"
#include "sqlite/database.hpp"
#include "store/store.hpp"

namespace bostad::pgstore {
namespace {

enum class Kind { text, integer, real, geometry };

struct Column {
    std::string name;
    Kind kind;
    std::string select; ///< the expression that reads it from PostgreSQL as the GeoPackage store writes it
};

std::vector<Column> columns_of(pg::Connection& c, const std::string& table) {
    pg::Result r = c.exec("SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = $1 "
                          "AND table_name = $2 ORDER BY ordinal_position",
                          {c.schema(), table});
    std::vector<Column> out;
    for (int i = 0; i < r.rows(); ++i) {
        const std::string name = r.text(i, 0);
        const std::string udt = r.text(i, 1);
        const std::string q = pg::quote_identifier(name);
        if (udt == "int8" || udt == "int4" || udt == "int2") out.push_back({name, Kind::integer, q});
        else if (udt == "bool") out.push_back({name, Kind::integer, q + "::int"});
        else if (udt == "float8" || udt == "float4") out.push_back({name, Kind::real, q});
        else if (udt == "geometry") out.push_back({name, Kind::geometry, fmt::format("encode(ST_AsBinary({}, 'NDR'), 'hex')", q)});
        else if (udt == "timestamptz") {
            out.push_back({name, Kind::text, fmt::format("to_char({}, 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')", q)});
        } else {
            out.push_back({name, Kind::text, q + "::text"});
        }
    }
    return out;
}

void bind_value(sqlite::Statement& st, int index, const pg::Result& r, int row, int col, Kind kind) {
    if (r.is_null(row, col)) {
        st.bind(index, nullptr);
        return;
    }
    switch (kind) {
    case Kind::integer: st.bind(index, r.int64(row, col)); break;
    case Kind::real: st.bind(index, r.real(row, col)); break;
    case Kind::text: st.bind(index, r.text(row, col)); break;
    case Kind::geometry: {
        const auto wkb = from_hex(r.text(row, col));
        st.bind(index, std::span<const std::uint8_t>(gpkg_blob_from_wkb(wkb, 3006)));
        break;
    }
    }
}

} // namespace

std::vector<CopiedTable> copy_to_geopackage(PgStore& from, const std::string& path) {
    pg::Connection& c = from.conn();
    store::Store::create(path);
    store::Store target = store::Store::open(path, store::Access::read_write);
    sqlite::Database& db = target.db();
    sqlite::Transaction tx(db);
    db.exec("DELETE FROM bostad_meta; DELETE FROM bostad_schema_history");
    std::vector<CopiedTable> out;
    constexpr int k_fetch = 20000;
    for (const auto& table : store_tables()) {
        const std::vector<Column> columns = columns_of(c, table);
        std::string select, names, marks;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (i) {
                select += ", ";
                names += ", ";
                marks += ", ";
            }
            select += columns[i].select;
            names += sqlite::quote_identifier(columns[i].name);
            marks += '?';
        }
        auto insert = db.prepare(fmt::format("INSERT INTO {} ({}) VALUES ({})", sqlite::quote_identifier(table), names, marks));
        c.exec(fmt::format("DECLARE bostad_rows NO SCROLL CURSOR FOR SELECT {} FROM {} ORDER BY 1", select,
                           pg::quote_identifier(table)));
        std::int64_t rows = 0;
        for (;;) {
            pg::Result r = c.exec(fmt::format("FETCH {} FROM bostad_rows", k_fetch));
            for (int row = 0; row < r.rows(); ++row) {
                insert.reset();
                for (std::size_t col = 0; col < columns.size(); ++col) {
                    bind_value(insert, static_cast<int>(col) + 1, r, row, static_cast<int>(col), columns[col].kind);
                }
                insert.run();
            }
            rows += r.rows();
            if (r.rows() < k_fetch) break;
        }
        c.exec("CLOSE bostad_rows");
        out.push_back({table, rows});
    }
    tx.commit();
    return out;
}

} // namespace bostad::pgstore
