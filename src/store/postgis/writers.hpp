#pragma once
// The PostGIS store's writers behind its ingest target (ingest_target.hpp), one file each, and the values they
// share: records' fields as text parameters and back, geometries as EWKB, the assignment queue.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/date.hpp"
#include "core/domain.hpp"
#include "core/gpkg_blob.hpp"
#include "core/records.hpp"
#include "pg/connection.hpp"
#include "store/ingest_target.hpp"
#include "store/postgis/assignment_store.hpp"
#include "store/postgis/codec.hpp"

namespace bostad::store::postgis {

std::unique_ptr<store::PermitWriter> make_permit_writer(pg::Connection& c);
std::unique_ptr<store::PlanWriter> make_plan_writer(pg::Connection& c);
std::unique_ptr<store::AreaSetWriter> make_area_set_writer(pg::Connection& c);
std::unique_ptr<store::RunRecorder> make_run_recorder(pg::Connection& c);
/// Keys and indexes of `table` dropped now and built again at finish() (for a bulk load into an empty table).
std::unique_ptr<store::BulkWrite> make_deferred_indexes(pg::Connection& c, const std::string& table);

inline constexpr std::int32_t k_srid = 3006;

inline pg::Param text_of(const std::optional<std::string>& v) { return v; }
inline pg::Param text_of(const std::optional<Date>& d) {
    if (!d) return std::nullopt;
    return d->iso();
}
inline pg::Param text_of(const std::optional<std::int64_t>& v) {
    if (!v) return std::nullopt;
    return std::to_string(*v);
}
inline pg::Param text_of(const std::optional<double>& v) {
    if (!v) return std::nullopt;
    return fmt::format("{}", *v);
}
template <typename E>
inline pg::Param code_of(const std::optional<E>& v) {
    if (!v) return std::nullopt;
    return std::string(code(*v));
}
inline pg::Param geometry_of(const std::vector<std::uint8_t>& wkb) {
    if (wkb.empty()) return std::nullopt;
    return ewkb_hex(wkb.data(), wkb.size(), k_srid);
}
inline pg::Param point_of(double x, double y) {
    const auto wkb = wkb_point(x, y);
    return ewkb_hex(wkb.data(), wkb.size(), k_srid);
}

inline std::optional<Date> date_at(const pg::Result& r, int row, int col) {
    if (r.is_null(row, col)) return std::nullopt;
    return Date::parse_iso(r.text(row, col));
}
template <typename E>
inline std::optional<E> code_at(const pg::Result& r, int row, int col, std::span<const Code<E>> list) {
    if (r.is_null(row, col)) return std::nullopt;
    return from_code(list, r.text(row, col));
}
inline std::vector<std::uint8_t> wkb_at(const pg::Result& r, int row, int col) {
    if (r.is_null(row, col)) return {};
    return from_hex(r.text(row, col));
}

inline std::string wkb_sql(const char* column) { return fmt::format("encode(ST_AsBinary({}, 'NDR'), 'hex')", column); }

/// Queues rows for assignment: one marker for a bulk load, else each row.
inline void queue(pg::Connection& c, const char* kind, const std::vector<std::int64_t>& fids) {
    constexpr std::size_t k_all_from = 50000;
    if (fids.empty()) return;
    if (std::string_view(kind) == "permit" && fids.size() >= k_all_from) {
        // Marked with the transaction's id, so that two bulk loads at once never wait on each other's marker.
        c.exec("INSERT INTO assignment_queue (kind, fid) VALUES ('all_permits', txid_current()) ON CONFLICT DO NOTHING");
        return;
    }
    c.exec("INSERT INTO assignment_queue (kind, fid) SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING",
           {std::string(kind), int_array(fids)});
}

/// The point and the 16 attribute columns, after what `out` holds already.
inline void append_permit(pg::Params& out, const PermitRecord& p) {
    for (pg::Param v : {point_of(p.x, p.y), pg::Param(p.municipality), pg::Param(p.case_id), text_of(p.property),
                        code_of(p.house_type), code_of(p.tenure),
                        p.dwellings ? pg::Param(std::to_string(*p.dwellings)) : pg::Param(),
                        pg::Param(std::to_string(p.dwellings_removed)), text_of(p.applied), text_of(p.granted),
                        text_of(p.started), text_of(p.completed), text_of(p.refused), text_of(p.withdrawn),
                        text_of(p.assumed), pg::Param(p.key_extra), text_of(p.year_only)}) {
        out.push_back(std::move(v));
    }
}

} // namespace bostad::store::postgis
