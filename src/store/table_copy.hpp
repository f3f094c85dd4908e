#pragma once
// The tables of a store as rows of typed values, the form in which `bostad copy` moves a store from any kind
// of store to any other: every table of store/schema.hpp, every row and column, with the same ids, so that
// events, assignments and quarantined rows keep pointing at the same things.

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace bostad::store {

struct GeometryValue {
    std::vector<std::uint8_t> wkb; ///< ISO WKB
    std::int32_t srid = 0;
};

/// A value: NULL, an integer (booleans as 0 and 1), a real, text (dates and times as stored in a GeoPackage:
/// ISO dates, "YYYY-MM-DDTHH:MM:SS.sssZ" times), or a geometry.
using CellValue = std::variant<std::monostate, std::int64_t, double, std::string, GeometryValue>;
using RowCallback = std::function<void(std::span<const CellValue>)>;

class TableSource {
public:
    virtual ~TableSource() = default;
    /// Calls `row` for every row of `table` with the values of `columns`, ordered by the first column.
    virtual std::int64_t read_table(const std::string& table, const std::vector<std::string>& columns,
                                    const RowCallback& row) = 0;
};

class TableTarget {
public:
    virtual ~TableTarget() = default;
    /// The target's columns of `table`, in its order.
    virtual std::vector<std::string> columns(const std::string& table) = 0;
    virtual void begin_table(const std::string& table, const std::vector<std::string>& columns) = 0;
    virtual void put_row(std::span<const CellValue> values) = 0;
    virtual void end_table() = 0;
};

struct CopiedTable {
    std::string table;
    std::int64_t rows = 0;
};

/// Copies every store table from `from` into `to`, in the order of store_tables().
std::vector<CopiedTable> copy_tables(TableSource& from, TableTarget& to);

} // namespace bostad::store
