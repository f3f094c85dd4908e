#include "store/gpkg/permit_columns.hpp"

#include "sqlite/database.hpp"

namespace bostad::store::gpkg {

std::optional<Text> text_at(const sqlite::Statement& st, int col) { return st.column_optional_view(col); }

StageDates<Text> dates_at(const sqlite::Statement& st, int first) {
    return {text_at(st, first),     text_at(st, first + 1), text_at(st, first + 2),
            text_at(st, first + 3), text_at(st, first + 4), text_at(st, first + 5),
            year_only_bits(text_at(st, first + 6))};
}

} // namespace bostad::store::gpkg
