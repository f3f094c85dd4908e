#include "ingest/check/row_checker.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "config/config.hpp"
#include "core/text.hpp"
#include "sweden/kommuner.hpp"

namespace bostad::ingest {
namespace {

const std::string k_no_municipality = "0000";

/// Puts a checked geometry into its record.
template <typename Record>
void take_geometry(Record& r, CheckedGeometry& geom) {
    if constexpr (std::is_same_v<Record, PermitRecord>) {
        r.x = geom.x;
        r.y = geom.y;
        r.footprint = std::move(geom.footprint);
        r.footprint_repair = geom.repair;
    } else {
        r.geom = std::move(geom.wkb);
        r.geometry_repair = geom.repair;
    }
}

} // namespace

RowChecker::RowChecker(const CheckSettings& settings)
    : m_settings(settings),
      m_geometry(settings.crs_wkt, settings.crs_label, settings.crs_epsg, settings.max_repair_area_change,
                 settings.outlines ? settings.outlines : sweden::Outlines::built_in(), settings.boundary_tolerance_m) {}

const MunicipalityExtent& RowChecker::extent(const std::string& code) {
    auto it = m_extents.find(code);
    if (it == m_extents.end()) {
        it = m_extents.emplace(code, extent_of(m_geometry.locator().outlines(), code, m_settings.boundary_tolerance_m)).first;
    }
    return it->second;
}

GeometryResult RowChecker::locate_only(DataKind kind, const GeometryInput& input, const MunicipalityExtent& area) {
    if (const auto* xy = std::get_if<XyInput>(&input)) return m_geometry.check_point(xy->x, xy->y, area);
    if (const auto* wkt = std::get_if<WktInput>(&input)) return m_geometry.check_wkt(kind, wkt->text, area);
    if (const auto* wkb = std::get_if<WkbInput>(&input)) return m_geometry.check(kind, wkb->wkb, area);
    return {};
}

void RowChecker::place_area(AreaRecord& area, BlockResult<AreaRecord>& out) {
    sweden::Locator& locator = m_geometry.locator();
    const auto shares = locator.shares(area.geom);
    if (shares.empty()) return; // in no kommun (at sea): it stays without one
    const std::string& code = locator.outlines().all()[shares.front().first].code;
    area.municipality = code;
    std::string split;
    if (shares.size() > 1 && shares[1].second >= k_split_share) {
        std::vector<std::string> parts;
        for (const auto& [i, share] : shares) {
            if (share >= 0.005) parts.push_back(fmt::format("{} {:.0f} %", sweden::label(locator.outlines().all()[i].code), share * 100));
        }
        split = fmt::format("area '{}' lies in {}: placed in the first", area.area_id, join(parts, ", "));
    }
    out.placed.emplace_back(code, std::move(split));
}

std::string RowChecker::raw_json(const SourceRow& row, const ConvertSettings& settings) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (int i : settings.bound) {
        const auto idx = static_cast<std::size_t>(i);
        const auto& v = row.values[idx];
        j[escape_invalid_utf8(settings.source_names[idx])] = v ? nlohmann::ordered_json(escape_invalid_utf8(*v)) : nullptr;
    }
    return j.dump();
}

template <typename Record, typename ConvertFn>
void RowChecker::check_rows(const std::vector<SourceRow>& rows, std::uint32_t file, BlockResult<Record>& out,
                            ConvertFn convert) {
    const ConvertSettings& s = m_settings.convert;
    const DataKind kind = s.kind;
    // Points from coordinate columns are transformed together: one call to PROJ per block.
    struct PendingPoint {
        std::size_t row;
        std::size_t accepted;
    };
    std::vector<PendingPoint> pending;
    std::vector<GeometryChecker::PointInput> points;
    const auto reject = [&](const SourceRow& row, Problem problem, const std::string& municipality, const std::string& key,
                            GeometryResult& g) {
        if (!row.notes.empty()) problem.message += fmt::format(" (reading: {})", join(row.notes, "; "));
        out.rejected.push_back({RowOrigin{file, row.number, row.fid}, std::move(problem), raw_json(row, s), municipality,
                                key, map_geometry(g), g.raw_wkt.empty() ? std::nullopt : std::optional(g.raw_wkt)});
    };
    out.accepted.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const SourceRow& row = rows[i];
        const std::uint64_t digest =
            m_settings.digest_context != 0 ? row_digest(m_settings.digest_context, row, m_settings.digest_columns) : 0;
        if (digest != 0 && m_settings.known) {
            if (const store::RowDigest* stored = m_settings.known->find(digest)) {
                out.recognized.push_back({stored});
                continue;
            }
        }
        Converted<Record> c = convert(row, s);
        if (c.skip) {
            out.skipped.push_back({RowOrigin{file, row.number, row.fid}, std::move(c.skip->reason), std::move(c.key),
                                   std::move(c.skip->message)});
            continue;
        }
        if (m_settings.track_seen && !c.key.empty() && !c.municipality.empty()) out.seen.push_back(entity_key(c.municipality, c.key));
        GeometryResult g;
        const MunicipalityExtent& area = extent(c.municipality.empty() ? k_no_municipality : c.municipality);
        if (c.problem) {
            // Rejected for its values: its location, when readable, still shows it on a map.
            g = locate_only(kind, c.geometry, area);
            reject(row, std::move(*c.problem), c.municipality, c.key, g);
            continue;
        }
        if (const auto* xy = std::get_if<XyInput>(&c.geometry)) {
            points.push_back({xy->x, xy->y, &area});
            pending.push_back({i, out.accepted.size()});
            out.accepted.push_back({std::move(*c.record), RowOrigin{file, row.number, row.fid}, 1, digest});
            continue;
        }
        if (const auto* wkt = std::get_if<WktInput>(&c.geometry)) {
            g = m_geometry.check_wkt(kind, wkt->text, area);
        } else if (const auto* wkb = std::get_if<WkbInput>(&c.geometry)) {
            g = m_geometry.check(kind, wkb->wkb, area);
        } else {
            g.problem = Problem{Reason::missing_geometry, "geometry", "the row has no geometry and no coordinates"};
        }
        if (g.problem) {
            reject(row, std::move(*g.problem), c.municipality, c.key, g);
            continue;
        }
        take_geometry(*c.record, *g.ok);
        if (g.ok->repair) ++out.repaired;
        if (g.ok->near_border) out.near_border.push_back(fmt::format("row {}: {}", row.number, *g.ok->near_border));
        if constexpr (std::is_same_v<Record, AreaRecord>) {
            if (!c.record->municipality) place_area(*c.record, out);
        }
        out.accepted.push_back({std::move(*c.record), RowOrigin{file, row.number, row.fid}, 1, digest});
    }
    if (pending.empty()) return;
    auto results = m_geometry.check_points(points);
    std::vector<bool> gone(out.accepted.size(), false);
    bool any_gone = false;
    for (std::size_t k = 0; k < pending.size(); ++k) {
        GeometryResult& g = results[k];
        Candidate<Record>& candidate = out.accepted[pending[k].accepted];
        if (g.problem) {
            const auto [municipality, key] = [&] {
                if constexpr (std::is_same_v<Record, PermitRecord>) return std::pair{candidate.record.municipality, candidate.record.id};
                else if constexpr (std::is_same_v<Record, PlanRecord>) return std::pair{candidate.record.municipality, candidate.record.plan_id};
                else return std::pair{candidate.record.municipality.value_or(""), candidate.record.area_id};
            }();
            reject(rows[pending[k].row], std::move(*g.problem), municipality, key, g);
            gone[pending[k].accepted] = true;
            any_gone = true;
            continue;
        }
        if (g.ok->near_border) out.near_border.push_back(fmt::format("row {}: {}", rows[pending[k].row].number, *g.ok->near_border));
        take_geometry(candidate.record, *g.ok);
    }
    if (!any_gone) return;
    std::vector<Candidate<Record>> kept;
    kept.reserve(out.accepted.size());
    for (std::size_t k = 0; k < out.accepted.size(); ++k) {
        if (!gone[k]) kept.push_back(std::move(out.accepted[k]));
    }
    out.accepted = std::move(kept);
}

void RowChecker::check(const std::vector<SourceRow>& rows, std::uint32_t file, BlockResult<PermitRecord>& out) {
    check_rows(rows, file, out, convert_permit);
}
void RowChecker::check(const std::vector<SourceRow>& rows, std::uint32_t file, BlockResult<PlanRecord>& out) {
    check_rows(rows, file, out, convert_plan);
}
void RowChecker::check(const std::vector<SourceRow>& rows, std::uint32_t file, BlockResult<AreaRecord>& out) {
    check_rows(rows, file, out, convert_area);
}

} // namespace bostad::ingest
