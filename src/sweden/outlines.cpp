#include "sweden/outlines.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "geos/ops.hpp"
#include "sweden/kommuner.hpp"

namespace bostad::sweden {
namespace {

/// How far a point lies from a box (0 inside it).
double box_distance(const Envelope& e, double x, double y) {
    const double dx = std::max({e.min_x - x, 0.0, x - e.max_x});
    const double dy = std::max({e.min_y - y, 0.0, y - e.max_y});
    return std::hypot(dx, dy);
}

std::vector<Outline> parse_built_in() {
    const geos::Context ctx;
    std::vector<Outline> out;
    for (const Kommun& k : kommuner()) {
        const geos::Geometry g = ctx.from_wkt(k.wkt);
        Outline o{k.code, ctx.to_wkb(g.get()), {}, true};
        o.envelope = wkb_envelope(o.wkb).value_or(Envelope{});
        out.push_back(std::move(o));
    }
    return out;
}

} // namespace

std::shared_ptr<const Outlines> Outlines::built_in() {
    static const std::shared_ptr<const Outlines> all = [] {
        auto o = std::make_shared<Outlines>();
        o->m_all = parse_built_in();
        return std::shared_ptr<const Outlines>(std::move(o));
    }();
    return all;
}

std::shared_ptr<const Outlines> Outlines::with(std::vector<Outline> own) {
    auto o = std::make_shared<Outlines>(*built_in());
    for (auto& mine : own) {
        const auto env = wkb_envelope(mine.wkb);
        if (!env) continue;
        mine.envelope = *env;
        mine.built_in = false;
        const auto it = std::lower_bound(o->m_all.begin(), o->m_all.end(), mine.code,
                                         [](const Outline& a, const std::string& c) { return a.code < c; });
        if (it != o->m_all.end() && it->code == mine.code) *it = std::move(mine);
        else o->m_all.insert(it, std::move(mine));
    }
    return o;
}

std::optional<std::size_t> Outlines::index(std::string_view code) const {
    const auto it = std::lower_bound(m_all.begin(), m_all.end(), code, [](const Outline& a, std::string_view c) { return a.code < c; });
    if (it == m_all.end() || it->code != code) return std::nullopt;
    return static_cast<std::size_t>(it - m_all.begin());
}

const Outline* Outlines::find(std::string_view code) const {
    const auto i = index(code);
    return i ? &m_all[*i] : nullptr;
}

Locator::Locator(std::shared_ptr<const Outlines> outlines)
    : m_outlines(std::move(outlines)), m_prepared(m_outlines->all().size()) {}

Locator::Prepared& Locator::at(std::size_t i) {
    auto& p = m_prepared[i];
    if (!p) {
        p = std::make_unique<Prepared>();
        p->geom = m_ctx.from_wkb(m_outlines->all()[i].wkb);
        p->prepared = geos::prepare(m_ctx, p->geom.get());
    }
    return *p;
}

Locator::Prepared& Locator::edge_at(std::size_t i) {
    Prepared& p = at(i);
    if (!p.edge) {
        p.edge = geos::boundary(m_ctx, p.geom.get());
        p.prepared_edge = geos::prepare(m_ctx, p.edge.get());
    }
    return p;
}

std::optional<std::size_t> Locator::containing(double x, double y, std::optional<std::size_t> first) {
    const auto all = m_outlines->all();
    const geos::Geometry point = geos::make_point(m_ctx, x, y);
    const auto inside = [&](std::size_t i) {
        return all[i].envelope.contains(x, y) && geos::prepared_covers(m_ctx, at(i).prepared.get(), point.get());
    };
    if (first && inside(*first)) return first;
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (i != first && inside(i)) return i;
    }
    return std::nullopt;
}

double Locator::distance(std::size_t i, double x, double y) {
    const geos::Geometry point = geos::make_point(m_ctx, x, y);
    return geos::prepared_distance(m_ctx, at(i).prepared.get(), point.get());
}

double Locator::depth(std::size_t i, double x, double y) {
    const geos::Geometry point = geos::make_point(m_ctx, x, y);
    return geos::prepared_distance(m_ctx, edge_at(i).prepared_edge.get(), point.get());
}

std::optional<std::pair<std::size_t, double>> Locator::nearest_other(double x, double y, std::size_t except) {
    const auto all = m_outlines->all();
    // Nearest boxes first: an outline can be no nearer than its box.
    std::vector<std::pair<double, std::size_t>> order;
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (i != except) order.emplace_back(box_distance(all[i].envelope, x, y), i);
    }
    std::sort(order.begin(), order.end());
    std::optional<std::pair<std::size_t, double>> best;
    for (const auto& [lower_bound, i] : order) {
        if (best && lower_bound >= best->second) break;
        const double d = distance(i, x, y);
        if (!best || d < best->second) best = std::pair{i, d};
    }
    return best;
}

std::vector<std::pair<std::size_t, double>> Locator::shares(std::span<const std::uint8_t> polygon) {
    std::vector<std::pair<std::size_t, double>> out;
    const auto env = wkb_envelope(polygon);
    if (!env) return out;
    const geos::Geometry g = m_ctx.from_wkb(polygon);
    const double whole = geos::area(m_ctx, g.get());
    if (whole <= 0) return out;
    const auto all = m_outlines->all();
    for (std::size_t i = 0; i < all.size(); ++i) {
        const Envelope& e = all[i].envelope;
        if (e.max_x < env->min_x || e.min_x > env->max_x || e.max_y < env->min_y || e.min_y > env->max_y) continue;
        if (!geos::prepared_intersects(m_ctx, at(i).prepared.get(), g.get())) continue;
        const geos::Geometry part = geos::intersection(m_ctx, at(i).geom.get(), g.get());
        const double a = geos::area(m_ctx, part.get());
        if (a > 0) out.emplace_back(i, a / whole);
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return out;
}

} // namespace bostad::sweden
