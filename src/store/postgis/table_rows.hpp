#pragma once
// A PostGIS store's tables as rows of typed values (store/table_copy.hpp): read in the caller's snapshot
// through a cursor, and written with COPY into a store that holds no data yet, in the caller's transaction.
// Geometries travel as EWKB in their SRID, numbers exactly (shortest round-trip text), booleans as booleans,
// times in the GeoPackage store's text form.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/table_copy.hpp"

namespace bostad::pg {
class Connection;
}

namespace bostad::store::postgis {

/// How a column is read and written: by the type PostgreSQL gives it.
enum class ColumnKind { text, integer, real, boolean, geometry, timestamp };

struct Column {
    std::string name;
    ColumnKind kind;
};

/// The columns of a table of the store's schema, in their order.
std::vector<Column> table_columns(pg::Connection& c, const std::string& table);

class PgTableSource final : public TableSource {
public:
    explicit PgTableSource(pg::Connection& c) : m_c(c) {}
    std::int64_t read_table(const std::string& table, const std::vector<std::string>& columns, const RowCallback& row) override;

private:
    pg::Connection& m_c;
};

/// COPY into the tables of a store without data (UsageError otherwise, naming the table); bostad_meta and
/// bostad_schema_history are replaced by the copied store's, serial ids continue after the copied ones.
class PgTableTarget final : public TableTarget {
public:
    explicit PgTableTarget(pg::Connection& c);
    std::vector<std::string> columns(const std::string& table) override;
    void begin_table(const std::string& table, const std::vector<std::string>& columns) override;
    void put_row(std::span<const CellValue> values) override;
    void end_table() override;

private:
    pg::Connection& m_c;
    std::string m_table;
    std::vector<Column> m_columns;
    std::vector<std::optional<std::string>> m_row;
};

} // namespace bostad::store::postgis
