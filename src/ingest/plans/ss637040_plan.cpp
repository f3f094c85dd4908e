#include "ingest/plans/ss637040_plan.hpp"

#include <cmath>
#include <map>
#include <set>
#include <variant>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "config/config.hpp"
#include "core/date.hpp"
#include "core/domain.hpp"
#include "core/text.hpp"
#include "gdal/srs.hpp"
#include "geos/ops.hpp"
#include "ingest/map/convert.hpp"
#include "ingest/check/extent.hpp"
#include "ingest/check/geometry_check.hpp"
#include "ingest/map/values.hpp"
#include "sweden/kommuner.hpp"

namespace bostad::ingest {
namespace {

using Point = std::pair<double, double>; // (easting, northing) in the file's CRS

constexpr double k_join_tolerance = 0.001; // metres: line ends that meet

struct Segment {
    std::string line;
    std::vector<Point> points;
};

bool same_point(const Point& a, const Point& b) {
    return std::abs(a.first - b.first) <= k_join_tolerance && std::abs(a.second - b.second) <= k_join_tolerance;
}

/// Chains the oriented lines of an area into closed rings; a problem when they do not close.
std::variant<std::vector<geos::Coords>, Problem> chain_rings(std::vector<Segment> segments) {
    std::vector<geos::Coords> rings;
    std::vector<bool> used(segments.size(), false);
    for (std::size_t start = 0; start < segments.size(); ++start) {
        if (used[start]) continue;
        used[start] = true;
        geos::Coords ring(segments[start].points.begin(), segments[start].points.end());
        std::string last = segments[start].line;
        while (!same_point(ring.back(), ring.front())) {
            std::optional<std::size_t> next;
            for (std::size_t k = 0; k < segments.size() && !next; ++k) {
                if (!used[k] && same_point(segments[k].points.front(), ring.back())) next = k;
            }
            if (!next) {
                const double gap = std::hypot(ring.back().first - ring.front().first, ring.back().second - ring.front().second);
                return Problem{Reason::unclosed_boundary, "geometry",
                               fmt::format("the boundary does not close: after line {} it ends at ({:.3f}, {:.3f}), where no "
                                           "other line of the area starts ({:.3f} m from where the ring began)",
                                           last, ring.back().first, ring.back().second, gap)};
            }
            used[*next] = true;
            ring.insert(ring.end(), segments[*next].points.begin() + 1, segments[*next].points.end());
            last = segments[*next].line;
        }
        ring.back() = ring.front();
        if (ring.size() < 4) return Problem{Reason::unclosed_boundary, "geometry", fmt::format("a ring of line {} has no area", last)};
        rings.push_back(std::move(ring));
    }
    if (rings.empty()) return Problem{Reason::missing_geometry, "geometry", "the area references no boundary line"};
    return rings;
}

/// The rings as one polygonal geometry: the largest is the outline, a ring inside it a hole, others parts.
geos::Geometry polygon_of(const geos::Context& ctx, const std::vector<geos::Coords>& rings) {
    std::vector<geos::Geometry> parts;
    for (const auto& r : rings) parts.push_back(geos::make_polygon(ctx, r));
    std::sort(parts.begin(), parts.end(), [&](const geos::Geometry& a, const geos::Geometry& b) {
        return geos::area(ctx, a.get()) > geos::area(ctx, b.get());
    });
    geos::Geometry result = std::move(parts.front());
    for (std::size_t i = 1; i < parts.size(); ++i) {
        const auto prepared = geos::prepare(ctx, result.get());
        result = geos::prepared_contains(ctx, prepared.get(), parts[i].get()) ? geos::difference(ctx, result.get(), parts[i].get())
                                                                              : geos::union_of(ctx, result.get(), parts[i].get());
    }
    return result;
}

std::optional<double> number(const std::string& text) {
    std::string t(trim(text));
    if (auto v = parse_decimal(t, '.')) return v;
    return parse_decimal(t, ',');
}

/// The value of a regulation: its first numeric variable, else its index.
std::optional<double> value_of(const SsRegulation& r) {
    for (const auto& v : r.variables) {
        if (auto n = number(v.value)) return n;
    }
    return number(r.index);
}

bool is_residential(const SsRegulation& r) {
    return r.kind == SsRegulationKind::use && (r.code == "DP_KM_B" || r.code.starts_with("DP_KM_B_") || r.label == "B");
}

std::string id_of(const std::string& href) { return href.starts_with('#') ? href.substr(1) : href; }

nlohmann::json regulation_json(const SsRegulation& r) {
    static const char* const k_kinds[] = {"use", "property", "administrative"};
    nlohmann::ordered_json values = nlohmann::ordered_json::object();
    for (const auto& v : r.variables) values[v.name] = v.value;
    nlohmann::ordered_json j{{"kind", k_kinds[static_cast<int>(r.kind)]}, {"label", r.label}, {"code", r.code}};
    if (!r.detail.empty()) j["detail"] = r.detail;
    if (!r.index.empty()) j["index"] = r.index;
    if (!values.empty()) j["values"] = values;
    return j;
}

std::vector<std::uint8_t> line_wkb(const geos::Context& ctx, const SsLine& line, int epsg);

class Assembler {
public:
    Assembler(const SsDocument& doc, const SsSettings& settings) : m_doc(doc), m_s(settings) {}

    SsOutcome run();

private:
    bool lines_usable(const SsArea& area, std::vector<Segment>& segments, Problem& problem) const;
    void check_lines(const MunicipalityExtent& extent, GeometryChecker& checker);
    std::string raw_json_of(const SsArea& area) const;
    PlanAreaRecord describe(const SsArea& area, std::vector<std::uint8_t> geom, double area_m2) const;
    PlanRecord plan_record(std::vector<PlanAreaRecord> areas, const std::optional<std::vector<std::uint8_t>>& boundary);

    const SsDocument& m_doc;
    const SsSettings& m_s;
    std::string m_kommun; ///< the plan's kommun code as found (a name or former code made today's code)
    geos::Context m_ctx;
    std::map<std::string, const SsLine*> m_lines;
    std::map<std::string, Problem> m_bad_lines; ///< lines that lie elsewhere than the plan (wrong CRS)
    std::map<std::string, int> m_bad_line_crs;  ///< the CRS such a line's numbers look like
    std::optional<int> m_epsg;
    SsOutcome m_out;
};

void Assembler::check_lines(const MunicipalityExtent& extent, GeometryChecker& checker) {
    const CrsGuesser guesser(extent);
    for (const auto& [id, line] : m_lines) {
        for (const auto& [n, e] : line->points) {
            const GeometryResult g = checker.check_point(e, n, extent);
            if (!g.problem) continue;
            const auto guess = guesser.looks_like(e, n);
            std::string message = fmt::format("boundary line {} (typ {}, {} points) has coordinates such as (N {:.2f}, E {:.2f}) "
                                              "that lie outside {} in the file's {}",
                                              id, line->type, line->points.size(), n, e, extent.label, m_doc.plan.crs_name);
            if (guess && guess != m_epsg) message += fmt::format("; they look like {}", crs_label(*guess));
            m_bad_lines.emplace(id, Problem{guess && guess != m_epsg ? Reason::wrong_crs : Reason::outside_municipality,
                                            "geometry", message});
            if (guess && guess != m_epsg) m_bad_line_crs.emplace(id, *guess);
            break;
        }
    }
}

/// The line drawn in EPSG:3006, read in `epsg`, for the quarantine map.
std::vector<std::uint8_t> line_wkb(const geos::Context& ctx, const SsLine& line, int epsg) {
    std::vector<double> xs;
    std::vector<double> ys;
    for (const auto& [n, e] : line.points) {
        xs.push_back(e);
        ys.push_back(n);
    }
    std::vector<bool> ok;
    gdal::Transformer(epsg, gdal::k_store_epsg).transform_many(xs, ys, ok);
    geos::Coords coords;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        if (ok[i]) coords.emplace_back(xs[i], ys[i]);
    }
    if (coords.size() < 2) return {};
    return ctx.to_wkb(geos::make_linestring(ctx, coords).get());
}

bool Assembler::lines_usable(const SsArea& area, std::vector<Segment>& segments, Problem& problem) const {
    for (const auto& ref : area.refs) {
        if (!ref.href.starts_with('#') || ref.href.size() < 2) {
            problem = {Reason::broken_reference, "geometry",
                       fmt::format("area {}: the reference '{}' is not a link within the file (#id)", area.id, ref.href)};
            return false;
        }
        const std::string id = id_of(ref.href);
        const auto it = m_lines.find(id);
        if (it == m_lines.end()) {
            problem = {Reason::broken_reference, "geometry",
                       fmt::format("area {}: it references boundary line {}, which is not in the file", area.id, id)};
            return false;
        }
        if (const auto bad = m_bad_lines.find(id); bad != m_bad_lines.end()) {
            problem = {bad->second.reason, "geometry", fmt::format("area {} uses {}", area.id, bad->second.message)};
            return false;
        }
        if (it->second->points.size() < 2) {
            problem = {Reason::invalid_geometry, "geometry", fmt::format("area {}: boundary line {} has fewer than two points", area.id, id)};
            return false;
        }
        Segment s{id, {}};
        for (const auto& [n, e] : it->second->points) s.points.emplace_back(e, n); // the file writes northing first
        if (!ref.plus) std::reverse(s.points.begin(), s.points.end());
        segments.push_back(std::move(s));
    }
    return true;
}

std::string Assembler::raw_json_of(const SsArea& area) const {
    std::vector<std::string> refs;
    for (const auto& r : area.refs) refs.push_back((r.plus ? "+" : "-") + id_of(r.href));
    std::vector<std::string> uses;
    for (const auto& reg : m_doc.plan.regulations) {
        for (const auto& a : reg.areas) {
            if (id_of(a) == area.id) uses.push_back(reg.label.empty() ? reg.code : reg.label);
        }
    }
    return nlohmann::ordered_json{{"plan", m_doc.plan.plan_id}, {"area", area.id}, {"lines", join(refs, " ")},
                                  {"regulations", join(uses, ", ")}}
        .dump();
}

PlanAreaRecord Assembler::describe(const SsArea& area, std::vector<std::uint8_t> geom, double area_m2) const {
    PlanAreaRecord a;
    a.area_key = area.id;
    a.geom = std::move(geom);
    a.area_m2 = std::round(area_m2 * 10) / 10;
    nlohmann::json regs = nlohmann::json::array();
    std::vector<std::string> uses;
    std::vector<std::string> codes;
    std::set<std::string> residential_uses;
    const auto applies = [&](const SsRegulation& r) {
        for (const auto& h : r.areas) {
            if (id_of(h) == area.id) return true;
        }
        return false;
    };
    for (const auto& r : m_doc.plan.regulations) {
        if (!applies(r)) continue;
        regs.push_back(regulation_json(r));
        if (r.kind != SsRegulationKind::use) continue;
        uses.push_back(r.detail.empty() ? r.label : fmt::format("{} {}", r.label, r.detail));
        codes.push_back(r.code);
        if (is_residential(r)) residential_uses.insert(r.id);
    }
    a.uses = join(uses, "; ");
    a.use_codes = join(codes, ",");
    a.regulations = regs.dump();
    a.residential = !residential_uses.empty();
    if (a.residential) {
        // Building rights: property regulations of the residential use, or set on this area itself.
        std::vector<BuildingRight> rights;
        for (const auto& r : m_doc.plan.regulations) {
            if (r.kind != SsRegulationKind::property || !is_building_right(r.code)) continue;
            if (!residential_uses.contains(r.parent) && !applies(r)) continue;
            if (const auto v = value_of(r)) rights.push_back({r.code, *v});
        }
        const CapacityEstimate e = estimate_capacity(a.area_m2, rights, m_s.capacity);
        a.capacity_estimate = e.dwellings;
        a.capacity_method = e.method;
    }
    return a;
}

PlanRecord Assembler::plan_record(std::vector<PlanAreaRecord> areas, const std::optional<std::vector<std::uint8_t>>& boundary) {
    const SsPlan& p = m_doc.plan;
    PlanRecord plan;
    plan.plan_id = p.plan_id;
    plan.municipality = m_kommun;
    plan.name = p.name.empty() ? std::nullopt : std::optional(p.name);
    plan.source_format = "SS 637040";
    // A plan in the register that is not a proposal has legal force; its registration date is the nearest
    // date the standard carries.
    const bool proposal = lower_sv(p.proposal) == "true";
    plan.status = proposal ? PlanStatus::samrad : PlanStatus::laga_kraft;
    if (!proposal) plan.legal = Date::parse_iso(p.registered.substr(0, 10));
    for (const auto& r : p.regulations) {
        if (r.general && lower_sv(r.code).find("genomforande") != std::string::npos && plan.legal) {
            // PBL 4 kap. 21 §: 5 to 15 years; a value outside 0–100 years is not a genomförandetid (nor an int).
            const auto years = value_of(r);
            if (years && *years > 0 && *years <= 100) plan.implementation_end = plan.legal->plus_months(static_cast<int>(12 * *years));
        }
    }
    if (boundary) {
        plan.geom = *boundary;
    } else {
        // The plan boundary could not be built: the plan covers the union of its areas, and says so.
        std::vector<geos::Geometry> parts;
        for (const auto& a : areas) parts.push_back(m_ctx.from_wkb(a.geom));
        geos::Geometry all = geos::clone(m_ctx, parts.front().get());
        for (std::size_t i = 1; i < parts.size(); ++i) {
            all = geos::union_of(m_ctx, all.get(), parts[i].get());
        }
        plan.geom = m_ctx.to_wkb(geos::to_multipolygon(m_ctx, all.get()).get());
        plan.geometry_repair = fmt::format("the plan boundary ({}) could not be built; the plan's geometry is the union of "
                                           "its {} other areas",
                                           p.boundary, areas.size());
    }
    double estimate = 0;
    std::vector<std::string> methods;
    for (const auto& a : areas) {
        if (!a.capacity_estimate) continue;
        estimate += *a.capacity_estimate;
        methods.push_back(fmt::format("area {}: {}", a.area_key, *a.capacity_method));
    }
    plan.capacity_estimate = estimate;
    plan.capacity_method = methods.empty() ? std::string("no area with residential use (B): 0 dwellings") : join(methods, "; ");
    plan.areas = std::move(areas);
    apply_capacity_override(plan, m_s.config);
    return plan;
}

SsOutcome Assembler::run() {
    for (const auto& l : m_doc.lines) m_lines.emplace(l.id, &l);
    std::set<std::string> referenced;
    for (const auto& a : m_doc.areas) {
        for (const auto& r : a.refs) referenced.insert(id_of(r.href));
    }
    std::vector<const SsLine*> unused;
    for (const auto& l : m_doc.lines) {
        if (!referenced.contains(l.id)) unused.push_back(&l);
    }
    m_out.rows = static_cast<std::int64_t>(m_doc.areas.size() + unused.size());
    const auto reject_all = [&](const Problem& p) {
        std::int64_t row = 0;
        for (const auto& a : m_doc.areas) m_out.rejected.push_back({++row, a.id, p, raw_json_of(a), {}, std::nullopt});
        for (const SsLine* l : unused) m_out.rejected.push_back({++row, l->id, p, nlohmann::json{{"line", l->id}}.dump(), {}, std::nullopt});
    };

    m_epsg = epsg_of_plan_crs(m_doc.plan.crs_name);
    m_out.crs_label = m_epsg ? fmt::format("EPSG:{} ({})", *m_epsg, m_doc.plan.crs_name) : m_doc.plan.crs_name;
    if (!m_epsg) {
        reject_all({Reason::unknown_crs, "koordinatsystem",
                    fmt::format("koordinatsystem '{}' is not a coordinate system bostad knows (SWEREF99_TM, SWEREF99_13_30 "
                                "and the other SWEREF 99 zones, RT90_2.5_gon_V and the other RT90 zones)",
                                m_doc.plan.crs_name)});
        return std::move(m_out);
    }
    const sweden::Found kommun = sweden::find_kommun_by_text(m_doc.plan.municipality);
    if (!kommun.kommun) {
        reject_all({Reason::invalid_municipality, "kommun", fmt::format("the plan's kommun: {}", kommun.problem)});
        return std::move(m_out);
    }
    m_kommun = kommun.kommun->code;
    if (m_s.municipality && *m_s.municipality != m_kommun) {
        reject_all({Reason::municipality_mismatch, "kommun",
                    fmt::format("the plan's kommun {} is not {} as given for the file", sweden::label(m_kommun),
                                sweden::label(*m_s.municipality))});
        return std::move(m_out);
    }
    const auto outlines = m_s.outlines ? m_s.outlines : sweden::Outlines::built_in();
    const MunicipalityExtent extent = extent_of(*outlines, m_kommun, m_s.boundary_tolerance_m);
    GeometryChecker checker(gdal::srs_wkt(*m_epsg), m_out.crs_label, m_epsg, m_s.max_repair_area_change, outlines,
                            m_s.boundary_tolerance_m);
    check_lines(extent, checker);

    std::vector<PlanAreaRecord> areas;
    std::optional<std::vector<std::uint8_t>> boundary;
    std::int64_t row = 0;
    for (const auto& area : m_doc.areas) {
        ++row;
        std::vector<Segment> segments;
        Problem problem{Reason::missing_geometry, "", ""};
        std::optional<GeometryResult> g;
        if (lines_usable(area, segments, problem)) {
            auto rings = chain_rings(std::move(segments));
            if (auto* p = std::get_if<Problem>(&rings)) {
                problem = *p;
                problem.message = fmt::format("area {}: {}", area.id, p->message);
            } else {
                const auto polygon = polygon_of(m_ctx, std::get<std::vector<geos::Coords>>(rings));
                g = checker.check(DataKind::plans, m_ctx.to_wkb(polygon.get()), extent);
                if (g->problem) {
                    problem = *g->problem;
                    problem.message = fmt::format("area {}: {}", area.id, g->problem->message);
                }
            }
        }
        if (!g || g->problem) {
            m_out.rejected.push_back({row, area.id, problem, raw_json_of(area), g ? g->quarantine_wkb : std::vector<std::uint8_t>{},
                                      std::nullopt});
            continue;
        }
        if (g->ok->repair) ++m_out.repaired;
        const double area_m2 = geos::area(m_ctx, m_ctx.from_wkb(g->ok->wkb).get());
        PlanAreaRecord record = describe(area, g->ok->wkb, area_m2);
        record.geometry_repair = g->ok->repair;
        if (id_of(m_doc.plan.boundary) == area.id) boundary = record.geom;
        areas.push_back(std::move(record));
    }
    for (const SsLine* l : unused) {
        ++row;
        const auto bad = m_bad_lines.find(l->id);
        Problem p = bad != m_bad_lines.end()
                        ? Problem{bad->second.reason, "geometry",
                                  fmt::format("{}; the line bounds no area and is not used", bad->second.message)}
                        : Problem{Reason::unused_line, "geometry",
                                  fmt::format("boundary line {} (typ {}) bounds no area and is not used", l->id, l->type)};
        std::string wkt = "LINESTRING (";
        for (std::size_t i = 0; i < l->points.size(); ++i) {
            wkt += fmt::format("{}{:.4f} {:.4f}", i ? ", " : "", l->points[i].second, l->points[i].first);
        }
        // Drawn where its numbers put it: in the CRS they look like, else in the file's.
        const auto seen_as = m_bad_line_crs.find(l->id);
        auto geometry = line_wkb(m_ctx, *l, seen_as != m_bad_line_crs.end() ? seen_as->second : *m_epsg);
        m_out.rejected.push_back({row, l->id, std::move(p), nlohmann::json{{"line", l->id}, {"typ", l->type}}.dump(),
                                  std::move(geometry), wkt + ")"});
    }
    if (!areas.empty()) m_out.plan = plan_record(std::move(areas), boundary);
    return std::move(m_out);
}

} // namespace

std::optional<int> epsg_of_plan_crs(const std::string& name) {
    std::string n;
    for (char c : name) {
        if (c == ' ' || c == '.' || c == '-') n += '_';
        else n += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    static const std::map<std::string, int> k_names = {
        {"SWEREF99_TM", 3006},    {"SWEREF_99_TM", 3006},   {"SWEREF99_12_00", 3007}, {"SWEREF99_13_30", 3008},
        {"SWEREF99_15_00", 3009}, {"SWEREF99_16_30", 3010}, {"SWEREF99_18_00", 3011}, {"SWEREF99_14_15", 3012},
        {"SWEREF99_15_45", 3013}, {"SWEREF99_17_15", 3014}, {"SWEREF99_18_45", 3015}, {"SWEREF99_20_15", 3016},
        {"SWEREF99_21_45", 3017}, {"SWEREF99_23_15", 3018}, {"RT90_7_5_GON_V", 3019}, {"RT90_5_GON_V", 3020},
        {"RT90_2_5_GON_V", 3021}, {"RT90_0_GON", 3022},     {"RT90_2_5_GON_O", 3023}, {"RT90_5_GON_O", 3024}};
    std::string key = n;
    if (key.starts_with("SWEREF_99_")) key = "SWEREF99_" + key.substr(10);
    const auto it = k_names.find(key);
    if (it == k_names.end()) return std::nullopt;
    return it->second;
}

SsOutcome assemble_ss637040(const SsDocument& doc, const SsSettings& settings) {
    return Assembler(doc, settings).run();
}

} // namespace bostad::ingest
