#pragma once
// A GeoPackage store's tables as rows of typed values (store/table_copy.hpp): read from any store file, and
// written into a new one that a copy fills.

#include <memory>
#include <optional>
#include <string>

#include "sqlite/database.hpp"
#include "store/table_copy.hpp"

namespace bostad::store::gpkg {

class GpkgTableSource final : public TableSource {
public:
    explicit GpkgTableSource(sqlite::Database& db) : m_db(db) {}
    std::int64_t read_table(const std::string& table, const std::vector<std::string>& columns, const RowCallback& row) override;

private:
    sqlite::Database& m_db;
};

/// Writes rows into a store file that is new (inside the caller's transaction); the two tables that say what
/// the store is (bostad_meta, bostad_schema_history) are replaced by the copied store's.
class GpkgTableTarget final : public TableTarget {
public:
    explicit GpkgTableTarget(sqlite::Database& db) : m_db(db) {}
    std::vector<std::string> columns(const std::string& table) override;
    void begin_table(const std::string& table, const std::vector<std::string>& columns) override;
    void put_row(std::span<const CellValue> values) override;
    void end_table() override;

private:
    sqlite::Database& m_db;
    std::optional<sqlite::Statement> m_insert;
};

} // namespace bostad::store::gpkg
