#include "report/svg.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_set>

#include <fmt/format.h>

#include "core/domain.hpp"
#include "core/gpkg_blob.hpp"
#include "core/markup.hpp"
#include "style/palette.hpp"
#include "style/qml.hpp"

namespace bostad::report {
namespace {

constexpr double k_map_width = 640;
constexpr double k_map_height = 480;
/// More dots than this per map are thinned (an SVG of 100 000s of circles is too heavy for a report; 5 000 dots
/// of 2.2 pixels already cover a map of 640 × 480).
constexpr std::size_t k_max_map_points = 5000;
constexpr double k_axis_font = 10;

/// The width of text at a font size, at most: DejaVu Sans's digits and hyphen are 0.64 em wide or less.
double text_width(std::string_view text, double font_size) { return static_cast<double>(text.size()) * font_size * 0.64; }

/// EPSG:3006 metres to SVG pixels, keeping the aspect ratio.
struct Frame {
    Envelope env;
    double scale = 1;
    double off_x = 0, off_y = 0;

    Frame(Envelope e, double width, double height) : env(e) {
        const double w = std::max(env.max_x - env.min_x, 1.0), h = std::max(env.max_y - env.min_y, 1.0);
        scale = std::min(width / w, height / h);
        off_x = (width - w * scale) / 2;
        off_y = (height - h * scale) / 2;
    }
    double x(double e) const { return off_x + (e - env.min_x) * scale; }
    double y(double n) const { return off_y + (env.max_y - n) * scale; }
    /// What the map shows, in EPSG:3006: the envelope and the margins that keep its aspect.
    Envelope visible(double width, double height) const {
        return {env.min_x - off_x / scale, env.min_x + (width - off_x) / scale, env.max_y - (height - off_y) / scale,
                env.max_y + off_y / scale};
    }
};

bool overlaps(const Envelope& a, const Envelope& b) {
    return a.min_x <= b.max_x && b.min_x <= a.max_x && a.min_y <= b.max_y && b.min_y <= a.max_y;
}

/// A scale bar of a round length (1, 2 or 5 × 10^n km) of some 60–150 pixels.
double scale_bar_km(double pixels_per_metre) {
    double km = 1;
    for (double step : {1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0}) {
        km = step;
        if (step * 1000 * pixels_per_metre >= 60) break;
    }
    return km;
}

/// The tätorter to name: the largest in view whose labels do not run into a label already placed.
std::string place_labels(const std::vector<MapPlace>& places, const Frame& f, const Envelope& view, std::size_t most) {
    struct Box {
        double x0, y0, x1, y1;
    };
    std::vector<Box> taken;
    std::string out;
    for (const auto& p : places) {
        if (taken.size() >= most) break;
        if (!view.contains(p.x, p.y)) continue;
        const double x = f.x(p.x), y = f.y(p.y);
        const Box b{x - 2, y - 12, x + 6 + 6.2 * static_cast<double>(p.name.size()), y + 3};
        const bool clash = std::any_of(taken.begin(), taken.end(), [&](const Box& t) {
            return b.x0 < t.x1 && t.x0 < b.x1 && b.y0 < t.y1 && t.y0 < b.y1;
        });
        if (clash || b.x1 > k_map_width) continue;
        taken.push_back(b);
        out += fmt::format("<circle cx=\"{0:.1f}\" cy=\"{1:.1f}\" r=\"1.8\" fill=\"#222\"/><text x=\"{2:.1f}\" y=\"{3:.1f}\" "
                           "font-size=\"10\" fill=\"#222\" stroke=\"#fff\" stroke-width=\"2.5\" paint-order=\"stroke\">{4}</text>",
                           x, y, x + 4, y - 3, xml_escape(p.name));
    }
    return out;
}

/// A polygon as an SVG path at the map's scale: a vertex closer than a pixel to the last one drawn is left out,
/// and a ring smaller than that whole (invisible) too — a district of 300 vertices becomes a few dozen, the same
/// on paper, and the PDF is made in a fraction of the time.
std::string path_of(const std::vector<std::uint8_t>& wkb, const Frame& f) {
    constexpr double k_min_step = 1.0; // pixels
    const auto paths = wkb_paths(wkb);
    if (!paths) return {};
    std::string d;
    std::string ring_d;
    for (const auto& ring : *paths) {
        ring_d.clear();
        std::size_t drawn = 0;
        double last_x = 0, last_y = 0;
        for (std::size_t i = 0; i < ring.size(); ++i) {
            const double x = f.x(ring[i].first), y = f.y(ring[i].second);
            if (drawn > 0 && std::hypot(x - last_x, y - last_y) < k_min_step) continue;
            ring_d += fmt::format("{}{:.1f},{:.1f}", drawn == 0 ? "M" : "L", x, y);
            last_x = x;
            last_y = y;
            ++drawn;
        }
        if (drawn >= 3) d += ring_d + "Z";
    }
    return d;
}

style::Rgb capacity_color(double remaining) {
    const auto& classes = style::palette().remaining_capacity;
    for (const auto& c : classes) {
        if (!c.upper || remaining <= *c.upper) return c.color;
    }
    return classes.back().color;
}

std::string legend_item(double x, double y, const std::string& color, const std::string& label, bool dot) {
    const std::string mark = dot ? fmt::format("<circle cx=\"{:.0f}\" cy=\"{:.0f}\" r=\"4\" fill=\"{}\" stroke=\"#333\" stroke-width=\"0.5\"/>", x + 5, y - 4, color)
                                 : fmt::format("<rect x=\"{:.0f}\" y=\"{:.0f}\" width=\"10\" height=\"10\" fill=\"{}\" stroke=\"#666\" stroke-width=\"0.5\"/>", x, y - 9, color);
    return mark + fmt::format("<text x=\"{:.0f}\" y=\"{:.0f}\" font-size=\"11\">{}</text>", x + 14, y, xml_escape(label));
}

std::string label_of(Stage s, Lang lang) {
    for (const auto& c : stage_codes()) {
        if (c.value == s) return std::string(lang == Lang::sv ? c.sv : c.en);
    }
    return {};
}

} // namespace

std::string svg_map(const ReportData& d, const std::string& municipality, Lang lang) {
    const auto wanted = [&](const std::string& m) { return municipality.empty() || m == municipality; };
    // Framed on the report's kommuner (or the one of this map) and their areas.
    std::optional<Envelope> env;
    for (const auto& o : d.outlines) {
        if (!o.neighbour && wanted(o.code)) env ? env->expand(o.envelope) : void(env = o.envelope);
    }
    for (const auto& a : d.areas) {
        if (!wanted(a.municipality)) continue;
        if (const auto e = wkb_envelope(a.wkb)) env ? env->expand(*e) : void(env = e);
    }
    const double legend_width = 170;
    std::string svg = fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" viewBox=\"0 0 {} {}\" role=\"img\">",
                                  k_map_width + legend_width, k_map_height);
    if (!env) {
        return svg + fmt::format("<text x=\"20\" y=\"40\">{}</text></svg>", tr(lang, "Inga områden att visa", "No areas to show"));
    }
    const double pad = std::max(env->max_x - env->min_x, env->max_y - env->min_y) * 0.03;
    const Frame f(Envelope{env->min_x - pad, env->max_x + pad, env->min_y - pad, env->max_y + pad}, k_map_width, k_map_height);
    const Envelope view = f.visible(k_map_width, k_map_height);
    // An inner svg clips what reaches beyond the map (neighbours, labels) at its edge.
    svg += fmt::format("<svg x=\"0\" y=\"0\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\">", k_map_width, k_map_height);
    // The kommuner around, faintly, so that a reader knows where the map lies.
    for (const auto& o : d.outlines) {
        if ((o.neighbour || !wanted(o.code)) && overlaps(o.envelope, view)) {
            svg += fmt::format("<path d=\"{}\" fill=\"#f2f2f2\" stroke=\"#b5b5b5\" stroke-width=\"0.8\" fill-rule=\"evenodd\"/>",
                               path_of(o.wkb, f));
        }
    }
    for (const auto& a : d.areas) {
        if (!wanted(a.municipality)) continue;
        svg += fmt::format("<path d=\"{}\" fill=\"{}\" fill-rule=\"evenodd\" stroke=\"#5a5a5a\" stroke-width=\"0.6\"><title>{}</title></path>",
                           path_of(a.wkb, f), capacity_color(a.remaining_capacity).hex(),
                           xml_escape(fmt::format("{} {}: {:.0f}", a.area_id, a.name, a.remaining_capacity)));
    }
    const auto& pal = style::palette();
    for (const auto& o : d.outlines) {
        if (o.neighbour || !wanted(o.code)) continue;
        svg += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\" fill-rule=\"evenodd\"/>", path_of(o.wkb, f),
                           pal.municipality_color(o.code).hex());
    }
    // The completed first, the live pipeline on top. A region with very many permits is thinned to every
    // k-th dot (deterministic), and the legend says so: the map shows where, the tables say how many.
    std::size_t in_map = 0;
    for (const auto& p : d.permits) {
        if (wanted(p.municipality) && env->contains(p.x, p.y)) ++in_map;
    }
    // Dots of one stage that fall on the same pixel are drawn once (they would print as one).
    std::vector<std::pair<const char*, std::vector<std::pair<double, double>>>> dots_of;
    std::size_t dots = 0;
    for (const char* stage : {"completed", "started", "granted", "applied"}) {
        std::unordered_set<std::uint64_t> pixels;
        std::vector<std::pair<double, double>> at;
        for (const auto& p : d.permits) {
            if (p.stage != stage || !wanted(p.municipality) || !env->contains(p.x, p.y)) continue;
            const double x = f.x(p.x), y = f.y(p.y);
            const auto pixel = (static_cast<std::uint64_t>(std::lround(x) + 1) << 32) | static_cast<std::uint64_t>(std::lround(y) + 1);
            if (pixels.insert(pixel).second) at.emplace_back(x, y);
        }
        dots += at.size();
        dots_of.emplace_back(stage, std::move(at));
    }
    const std::size_t stride = dots > k_max_map_points ? (dots + k_max_map_points - 1) / k_max_map_points : 1;
    for (const auto& [stage, at] : dots_of) {
        std::string circles;
        for (std::size_t i = 0; i < at.size(); i += stride) {
            circles += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2.2\"/>", at[i].first, at[i].second);
        }
        svg += fmt::format("<g fill=\"{}\" stroke=\"#333\" stroke-width=\"0.3\">{}</g>", pal.stage.at(stage).hex(), circles);
    }
    svg += place_labels(d.places, f, view, municipality.empty() ? 10 : 8);
    svg += "</svg>";
    double y = 20;
    const double x = k_map_width + 10;
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" font-weight=\"bold\">{}</text>", x, y,
                       xml_escape(tr(lang, "Outnyttjad kapacitet", "Unused capacity")));
    for (const auto& r : style::capacity_ranges(pal, lang == Lang::sv)) {
        y += 16;
        svg += legend_item(x, y, r.color.hex(), r.label, false);
    }
    y += 26;
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" font-weight=\"bold\">{}</text>", x, y, xml_escape(tr(lang, "Bygglov", "Permits")));
    for (const Stage s : {Stage::applied, Stage::granted, Stage::started, Stage::completed}) {
        y += 16;
        std::string label = label_of(s, lang);
        if (s == Stage::completed) label += tr(lang, " (12 mån)", " (12 months)");
        svg += legend_item(x, y, pal.stage.at(std::string(code(s))).hex(), label, true);
    }
    if (stride > 1) {
        y += 18;
        // Two lines: the legend is 170 pixels wide.
        svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\">{}</text>", x, y,
                           xml_escape(lang == Lang::sv ? fmt::format("{} bygglov i {} punkter,", in_map, dots)
                                                       : fmt::format("{} permits at {} points,", in_map, dots)));
        y += 13;
        svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\">{}</text>", x, y,
                           xml_escape(lang == Lang::sv ? fmt::format("var {}:e visas", stride) : fmt::format("every {}th shown", stride)));
    }
    // A scale bar of a round length.
    const double km = scale_bar_km(f.scale);
    const double bar = km * 1000 * f.scale;
    svg += fmt::format("<g stroke=\"#000\" stroke-width=\"1.5\"><line x1=\"10\" y1=\"{0:.0f}\" x2=\"{1:.0f}\" y2=\"{0:.0f}\"/></g>"
                       "<text x=\"10\" y=\"{2:.0f}\" font-size=\"11\">{3:g} km</text>",
                       k_map_height - 12, 10 + bar, k_map_height - 18, km);
    return svg + "</svg>";
}

std::string svg_chart(const Headline& h, Lang lang) {
    const double width = 760, height = 300, left = 50, right = 60, top = 20, bottom = 40;
    const double plot_w = width - left - right, plot_h = height - top - bottom;
    std::int64_t max_bar = 1;
    for (const auto& m : h.series) max_bar = std::max({max_bar, m.started, m.completed});
    const auto& pal = style::palette();
    std::string svg = fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\">", width, height);
    svg += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#333\"/>", left, top + plot_h, left + plot_w);
    const double slot = plot_w / static_cast<double>(std::max<std::size_t>(h.series.size(), 1));
    const auto bar_y = [&](std::int64_t v) { return top + plot_h - static_cast<double>(v) / static_cast<double>(max_bar) * plot_h; };
    double label_end = 0; // where the last month label ends
    for (std::size_t i = 0; i < h.series.size(); ++i) {
        const auto& m = h.series[i];
        const double x0 = left + static_cast<double>(i) * slot;
        svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"><title>{} {}: {}</title></rect>",
                           x0 + slot * 0.1, bar_y(m.started), slot * 0.38, top + plot_h - bar_y(m.started), pal.stage.at("started").hex(),
                           m.month.str(), xml_escape(tr(lang, "påbörjade", "started")), m.started);
        svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"><title>{} {}: {}</title></rect>",
                           x0 + slot * 0.5, bar_y(m.completed), slot * 0.38, top + plot_h - bar_y(m.completed),
                           pal.stage.at("completed").hex(), m.month.str(), xml_escape(tr(lang, "färdigställda", "completed")), m.completed);
        // The first month and the quarters, each only where it clears the label before it.
        if ((i == 0 || m.month.month() % 3 == 1) && x0 >= label_end) {
            svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"{}\">{}</text>", x0, top + plot_h + 14, k_axis_font, m.month.str());
            label_end = x0 + text_width(m.month.str(), k_axis_font) + k_axis_font * 0.5;
        }
    }
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"end\">{}</text>", left - 4, top + 8, max_bar);
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"end\">0</text>", left - 4, top + plot_h);
    // Cumulative completions from the target's start (or from the first month shown) and the target path.
    if (!h.targets.empty() && !h.series.empty()) {
        const auto& t = h.targets.front();
        const double span = static_cast<double>((t.to.year() - t.from.year()) * 12 + t.to.month() - t.from.month() + 1);
        // The completions before the first month shown count too: the line starts at what was done by then.
        std::int64_t shown = 0;
        for (const auto& m : h.series) {
            if (m.month >= t.from) shown += m.completed;
        }
        double cumulative = static_cast<double>(t.completed_since_from - shown);
        std::string done, path;
        double max_cum = std::max(static_cast<double>(t.completed_since_from), 1.0);
        std::vector<double> cum, target;
        for (const auto& m : h.series) {
            if (m.month >= t.from) cumulative += static_cast<double>(m.completed);
            const double months = static_cast<double>((m.month.year() - t.from.year()) * 12 + m.month.month() - t.from.month() + 1);
            const double expected = std::clamp(months / span, 0.0, 1.0) * static_cast<double>(t.dwellings);
            cum.push_back(m.month >= t.from ? cumulative : 0);
            target.push_back(expected);
            max_cum = std::max({max_cum, cumulative, expected});
        }
        const auto line_y = [&](double v) { return top + plot_h - v / max_cum * plot_h; };
        for (std::size_t i = 0; i < cum.size(); ++i) {
            const double x = left + (static_cast<double>(i) + 0.5) * slot;
            done += fmt::format("{}{:.1f},{:.1f}", i == 0 ? "M" : "L", x, line_y(cum[i]));
            path += fmt::format("{}{:.1f},{:.1f}", i == 0 ? "M" : "L", x, line_y(target[i]));
        }
        svg += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"#555\" stroke-width=\"1.5\" stroke-dasharray=\"5,4\"/>", path);
        svg += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\"/>", done, pal.stage.at("completed").hex());
        svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\">{:.0f}</text>", left + plot_w + 4, top + 8, max_cum);
    }
    const double ly = height - 8;
    svg += legend_item(left, ly, pal.stage.at("started").hex(), tr(lang, "påbörjade", "started"), false);
    svg += legend_item(left + 110, ly, pal.stage.at("completed").hex(), tr(lang, "färdigställda", "completed"), false);
    if (!h.targets.empty()) {
        svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\">{}</text>", left + 240, ly,
                           xml_escape(tr(lang, "linje: färdigställda sedan målets start; streckad: målets raka linje",
                                         "line: completed since the target's start; dashed: the target's straight path")));
    }
    return svg + "</svg>";
}

std::string svg_forecast(const forecast::Forecast& f, const std::string& code, Lang lang) {
    const forecast::UnitForecast* u = &f.total;
    for (const auto& m : f.municipalities) {
        if (m.id == code) u = &m;
    }
    const forecast::TargetOutlook* target = nullptr;
    for (const auto& t : f.targets) {
        if (!code.empty() && t.municipality == code && !target) target = &t;
    }
    // One column per year: the history's years, then each span of the forecast (the first may be the rest of
    // the month's own year, which then stands on what that year has done so far).
    struct Column {
        std::string label;
        double done = 0;                   ///< completed as the store knows it
        std::optional<forecast::Band> ahead; ///< the forecast
        int year = 0;
    };
    std::vector<Column> columns;
    for (const auto& [year, n] : u->completed_by_year) columns.push_back({std::to_string(year), n, std::nullopt, year});
    for (std::size_t i = 0; i < f.spans.size(); ++i) {
        const auto& span = f.spans[i];
        if (!columns.empty() && columns.back().year == span.first.year()) {
            columns.back().ahead = u->completed[i];
        } else {
            columns.push_back({std::to_string(span.first.year()), 0, u->completed[i], span.first.year()});
        }
    }
    const double width = 760, height = 280, left = 50, right = 20, top = 20, bottom = 40;
    const double plot_w = width - left - right, plot_h = height - top - bottom;
    double max_y = 1;
    for (const auto& c : columns) max_y = std::max(max_y, c.done + (c.ahead ? std::max(c.ahead->high, c.ahead->expected) : 0.0));
    const double pace = target ? static_cast<double>(target->dwellings) * 12 / static_cast<double>(target->to.minus(target->from) + 1) : 0;
    max_y = std::max(max_y, pace) * 1.05;
    const auto& pal = style::palette();
    const std::string done_color = pal.stage.at("completed").hex();
    const auto y_of = [&](double v) { return top + plot_h - v / max_y * plot_h; };
    std::string svg = fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"forecast-chart\" viewBox=\"0 0 {} {}\" role=\"img\">", width, height);
    svg += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#333\"/>", left, top + plot_h, left + plot_w);
    const double slot = plot_w / static_cast<double>(std::max<std::size_t>(columns.size(), 1));
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const Column& c = columns[i];
        const double x = left + static_cast<double>(i) * slot + slot * 0.2, w = slot * 0.6;
        if (c.done > 0) {
            svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"><title>{} {}: {:.0f}</title></rect>", x,
                               y_of(c.done), w, top + plot_h - y_of(c.done), done_color, c.label, xml_escape(tr(lang, "färdigställda", "completed")),
                               c.done);
        }
        if (c.ahead) {
            const double base = c.done;
            svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\" fill-opacity=\"0.35\" stroke=\"{}\">"
                               "<title>{} {}: {:.0f} ({:.0f}–{:.0f})</title></rect>",
                               x, y_of(base + c.ahead->expected), w, y_of(base) - y_of(base + c.ahead->expected), done_color, done_color, c.label,
                               xml_escape(tr(lang, "prognos", "forecast")), c.ahead->expected, c.ahead->low, c.ahead->high);
            const double mid = x + w / 2;
            svg += fmt::format("<path d=\"M{0:.1f},{1:.1f}L{0:.1f},{2:.1f}M{3:.1f},{1:.1f}L{4:.1f},{1:.1f}M{3:.1f},{2:.1f}L{4:.1f},{2:.1f}\" "
                               "stroke=\"#333\" stroke-width=\"1\"/>",
                               mid, y_of(base + c.ahead->low), y_of(base + c.ahead->high), mid - w / 6, mid + w / 6);
        }
        svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"{}\" text-anchor=\"middle\">{}</text>", x + w / 2, top + plot_h + 14,
                           k_axis_font, c.label);
    }
    if (target) {
        // The target's pace over the columns of its years.
        std::size_t first = columns.size(), last = 0;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (columns[i].year >= target->from.year() && columns[i].year <= target->to.year()) first = std::min(first, i), last = i;
        }
        if (first < columns.size()) {
            svg += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#555\" stroke-width=\"1.5\" "
                               "stroke-dasharray=\"5,4\"/>",
                               left + static_cast<double>(first) * slot, y_of(pace), left + static_cast<double>(last + 1) * slot, y_of(pace));
        }
    }
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"end\">{:.0f}</text>", left - 4, top + 8, max_y);
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"end\">0</text>", left - 4, top + plot_h);
    const double ly = height - 8;
    svg += legend_item(left, ly, done_color, tr(lang, "färdigställda", "completed"), false);
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\">{}</text>", left + 120, ly,
                       xml_escape(target ? tr(lang, "ljus: prognos med 80 % intervall; streckad: målets takt per år",
                                              "light: forecast with 80 % interval; dashed: the target's pace per year")
                                         : tr(lang, "ljus: prognos med 80 % intervall", "light: forecast with 80 % interval")));
    return svg + "</svg>";
}

using FunnelStep = std::pair<std::string, std::pair<double, std::string>>;

/// A stage of the funnel: its figure's label and count, in its stage's colour.
FunnelStep stage_step(const Counts& c, Figure f, Lang lang) {
    const FigureDef& d = figure_def(f);
    return {tr(lang, d.sv, d.en), {static_cast<double>(c[f]), style::palette().stage.at(std::string(d.key)).hex()}};
}

std::string svg_funnel(const Headline& h, Lang lang) {
    const auto& c = h.figures.dwellings;
    const auto& pal = style::palette();
    const FunnelStep steps[] = {
        {tr(lang, "Outnyttjad plankapacitet", "Unused plan capacity"), {h.figures.remaining_capacity, pal.plan_status.at("laga_kraft").hex()}},
        stage_step(c, Figure::applied, lang),
        stage_step(c, Figure::granted, lang),
        stage_step(c, Figure::started, lang),
        {tr(lang, "Färdigställda 12 mån", "Completed, 12 months"), {static_cast<double>(h.completed_12m), pal.stage.at("completed").hex()}},
    };
    double max_v = 1;
    for (const auto& s : steps) max_v = std::max(max_v, s.second.first);
    const double width = 560, label_w = 190, bar_w = width - label_w - 60, row_h = 26;
    std::string svg = fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"funnel\" viewBox=\"0 0 {} {}\" role=\"img\">", width,
                                  row_h * 5 + 10);
    double y = 5;
    for (const auto& [label, value] : steps) {
        const double w = value.first / max_v * bar_w;
        svg += fmt::format("<text x=\"0\" y=\"{:.0f}\" font-size=\"12\">{}</text>", y + 16, xml_escape(label));
        svg += fmt::format("<rect x=\"{}\" y=\"{:.0f}\" width=\"{:.1f}\" height=\"18\" fill=\"{}\"/>", label_w, y + 2, std::max(w, 1.0), value.second);
        svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.0f}\" font-size=\"12\">{:.0f}</text>", label_w + std::max(w, 1.0) + 6, y + 16, value.first);
        y += row_h;
    }
    return svg + "</svg>";
}

} // namespace bostad::report
