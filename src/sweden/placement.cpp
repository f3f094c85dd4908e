#include "sweden/placement.hpp"

#include <fmt/format.h>

#include "sweden/kommuner.hpp"

namespace bostad::sweden {
namespace {

std::string km(double m) { return fmt::format("{:.1f} km", m / 1000.0); }

} // namespace

Placement place(Locator& locator, const std::string& code, double x, double y, double tolerance_m) {
    const auto own = locator.outlines().index(code);
    if (!own) return {};
    const auto in = locator.containing(x, y, own);
    if (in == own) return {};
    const auto name = [&](std::size_t i) { return label(locator.outlines().all()[i].code); };
    if (in) {
        const double depth = locator.depth(*in, x, y);
        const std::string where = fmt::format("lies in {}, {} inside its boundary", name(*in), km(depth));
        if (depth > tolerance_m) return {Placement::Verdict::wrong, where};
        // Just inside another kommun, but far from its own (near the edge of a kommun far away): wrong too.
        const double mine = locator.distance(*own, x, y);
        if (mine > tolerance_m) return {Placement::Verdict::wrong, fmt::format("{}, and {} from {}", where, km(mine), name(*own))};
        return {Placement::Verdict::near_border, where};
    }
    const double mine = locator.distance(*own, x, y);
    const auto other = locator.nearest_other(x, y, *own);
    if (!other) return {};
    const auto& [nearest, theirs] = *other;
    const std::string where = fmt::format("lies outside every kommun, {} from {} and {} from {}", km(mine), name(*own),
                                          km(theirs), name(nearest));
    if (mine - theirs > tolerance_m) return {Placement::Verdict::wrong, where};
    if (theirs < tolerance_m) return {Placement::Verdict::near_border, where};
    return {};
}

} // namespace bostad::sweden
