#include "store/table_copy.hpp"

#include "store/schema.hpp"

namespace bostad::store {

std::vector<CopiedTable> copy_tables(TableSource& from, TableTarget& to) {
    std::vector<CopiedTable> out;
    for (const auto& table : store_tables()) {
        const std::vector<std::string> columns = to.columns(table);
        to.begin_table(table, columns);
        const std::int64_t rows = from.read_table(table, columns, [&](std::span<const CellValue> row) { to.put_row(row); });
        to.end_table();
        out.push_back({table, rows});
    }
    return out;
}

} // namespace bostad::store
