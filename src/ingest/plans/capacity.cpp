#include "ingest/plans/capacity.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/text.hpp"

namespace bostad::ingest {
namespace {

enum class RightKind { none, footprint_m2, footprint_percent, gross_m2, plot_ratio, height, storeys };

bool has(const std::string& lower, std::string_view word) { return lower.find(word) != std::string::npos; }

RightKind kind_of(const std::string& code) {
    const std::string c = lower_sv(code);
    if (has(c, "byggnadsarea")) return has(c, "procent") ? RightKind::footprint_percent : RightKind::footprint_m2;
    if (has(c, "bruttoarea")) return has(c, "kvm") ? RightKind::gross_m2 : RightKind::plot_ratio;
    if (has(c, "exploateringstal") || has(c, "etal")) return RightKind::plot_ratio;
    if (has(c, "vaning")) return RightKind::storeys;
    if (has(c, "nockhojd") || has(c, "byggnadshojd") || has(c, "totalhojd")) return RightKind::height;
    return RightKind::none;
}

std::string m2(double v) { return fmt::format("{:.0f} m²", v); }

/// More storeys than any Swedish building has: a regulated value beyond is a typo (or a hostile file).
constexpr double k_max_floors = 100;

/// Whole storeys from a regulated value (or a height ÷ storey height): rounded down, within 1 … k_max_floors.
int whole_floors(double v) { return static_cast<int>(std::isfinite(v) ? std::clamp(std::floor(v), 1.0, k_max_floors) : 1.0); }

} // namespace

bool is_building_right(const std::string& code) { return kind_of(code) != RightKind::none; }

CapacityEstimate estimate_capacity(double land_m2, const std::vector<BuildingRight>& rights, const CapacitySettings& s) {
    std::optional<double> storeys, height, footprint_m2, footprint_percent, gross_m2, plot_ratio;
    const auto keep = [](std::optional<double>& slot, double v, bool sum) { slot = slot ? (sum ? *slot + v : std::max(*slot, v)) : v; };
    for (const auto& r : rights) {
        switch (kind_of(r.code)) {
        case RightKind::storeys: keep(storeys, r.value, false); break;
        case RightKind::height: keep(height, r.value, false); break;
        case RightKind::footprint_m2: keep(footprint_m2, r.value, true); break;
        case RightKind::footprint_percent: keep(footprint_percent, r.value, false); break;
        case RightKind::gross_m2: keep(gross_m2, r.value, true); break;
        case RightKind::plot_ratio: keep(plot_ratio, r.value, false); break;
        case RightKind::none: break;
        }
    }
    int floors = s.default_floors;
    std::string floors_text = fmt::format("{} storeys (default)", floors);
    if (storeys) {
        floors = whole_floors(*storeys);
        floors_text = fmt::format("{} storeys (våningsantal)", floors);
    } else if (height) {
        floors = whole_floors(*height / s.storey_height);
        floors_text = fmt::format("{} storeys (height {:g} m ÷ {:g} m)", floors, *height, s.storey_height);
    }
    double gross = 0;
    std::string gross_text;
    if (gross_m2) {
        gross = *gross_m2;
        gross_text = fmt::format("bruttoarea {}", m2(gross));
    } else if (plot_ratio) {
        gross = *plot_ratio * land_m2;
        gross_text = fmt::format("exploateringstal {:g} × land {} = {} BTA", *plot_ratio, m2(land_m2), m2(gross));
    } else if (footprint_m2) {
        gross = *footprint_m2 * floors;
        gross_text = fmt::format("byggnadsarea {} × {} = {} BTA", m2(*footprint_m2), floors_text, m2(gross));
    } else if (footprint_percent) {
        gross = *footprint_percent / 100.0 * land_m2 * floors;
        gross_text = fmt::format("byggnadsarea {:g} % of land {} × {} = {} BTA", *footprint_percent, m2(land_m2), floors_text, m2(gross));
    } else {
        gross = s.default_site_coverage * land_m2 * floors;
        gross_text = fmt::format("no building right regulated: {:g} % of land {} × {} = {} BTA", s.default_site_coverage * 100,
                                 m2(land_m2), floors_text, m2(gross));
    }
    const bool multi = floors >= s.multi_dwelling_from_floors;
    const double size = multi ? s.dwelling_size_flerbostadshus : s.dwelling_size_smahus;
    CapacityEstimate out;
    out.dwellings = std::floor(gross / size);
    out.method = fmt::format("{} ÷ {} per dwelling ({}) = {:.0f} dwellings", gross_text, m2(size),
                             multi ? "flerbostadshus" : "småhus", out.dwellings);
    return out;
}

} // namespace bostad::ingest
