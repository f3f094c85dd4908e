#include "sqlite/gpkg_functions.hpp"

#include <sqlite3.h>

#include "core/gpkg_blob.hpp"
#include "sqlite/database.hpp"

namespace bostad::sqlite {
namespace {

std::span<const std::uint8_t> blob_arg(sqlite3_value* v) {
    if (sqlite3_value_type(v) != SQLITE_BLOB) return {};
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_value_blob(v));
    return {data, static_cast<std::size_t>(sqlite3_value_bytes(v))};
}

template <double Envelope::*Member>
void envelope_part(sqlite3_context* ctx, int /*argc*/, sqlite3_value** argv) {
    const auto env = gpkg_blob_envelope(blob_arg(argv[0]));
    if (env) sqlite3_result_double(ctx, (*env).*Member);
    else sqlite3_result_null(ctx);
}

void is_empty(sqlite3_context* ctx, int /*argc*/, sqlite3_value** argv) {
    const auto blob = blob_arg(argv[0]);
    if (!parse_gpkg_header(blob)) {
        sqlite3_result_null(ctx);
        return;
    }
    sqlite3_result_int(ctx, gpkg_blob_envelope(blob) ? 0 : 1);
}

void add(Database& db, const char* name, void (*fn)(sqlite3_context*, int, sqlite3_value**)) {
    const int rc = sqlite3_create_function_v2(db.handle(), name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, fn,
                                              nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) throw Error(std::string("cannot register SQL function ") + name, rc);
}

} // namespace

void register_gpkg_functions(Database& db) {
    add(db, "ST_MinX", envelope_part<&Envelope::min_x>);
    add(db, "ST_MaxX", envelope_part<&Envelope::max_x>);
    add(db, "ST_MinY", envelope_part<&Envelope::min_y>);
    add(db, "ST_MaxY", envelope_part<&Envelope::max_y>);
    add(db, "ST_IsEmpty", is_empty);
}

} // namespace bostad::sqlite
