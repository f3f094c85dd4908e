#pragma once
// GeoPackage R-tree spatial indexes (extension gpkg_rtree_index) with the triggers of GeoPackage 1.3,
// and a bulk path for large loads: drop the triggers, write the rows, then rebuild the index in one go.

#include <string>
#include <string_view>

namespace bostad::sqlite {

class Database;

/// Creates rtree_<table>_<column>, fills it from the existing rows, adds the six maintenance triggers and
/// the gpkg_extensions row. The connection needs register_gpkg_functions().
void create_spatial_index(Database& db, std::string_view table, std::string_view column);

/// True when the table's R-tree exists.
bool has_spatial_index(Database& db, std::string_view table, std::string_view column);

/// For loads of many rows: while alive the table's R-tree triggers are gone; finish() rebuilds the index
/// from the table in bulk and restores the triggers. Meant to run inside a transaction: if finish() is never
/// reached, the rollback restores the triggers.
class BulkIndexLoad {
public:
    BulkIndexLoad(Database& db, std::string table, std::string column);
    BulkIndexLoad(const BulkIndexLoad&) = delete;
    BulkIndexLoad& operator=(const BulkIndexLoad&) = delete;
    void finish();

private:
    Database& m_db;
    std::string m_table;
    std::string m_column;
    bool m_finished = false;
};

} // namespace bostad::sqlite
