#include "forecast/forecast_output.hpp"

#include <cmath>

#include <fmt/format.h>

namespace bostad::forecast {
namespace {

/// Dwellings to one decimal: the forecast is no more precise, and the outputs stay readable.
double rounded(double x) { return std::round(x * 10) / 10; }

nlohmann::json band_json(const Band& b, const Span& span) {
    nlohmann::json by = nlohmann::json::object();
    for (std::size_t s = 0; s < k_sources; ++s) by[source_key(static_cast<Source>(s))] = rounded(b.by_source[s]);
    return {{"span", span.label()},
            {"first", span.first.str()},
            {"last", span.last.str()},
            {"expected", rounded(b.expected)},
            {"low", rounded(b.low)},
            {"high", rounded(b.high)},
            {"by_source", by},
            {"permits_without_dwellings", rounded(b.unknown_permits)}};
}

nlohmann::json unit_json(const Forecast& f, const UnitForecast& u) {
    nlohmann::json started = nlohmann::json::array(), completed = nlohmann::json::array();
    for (std::size_t i = 0; i < f.spans.size(); ++i) {
        started.push_back(band_json(u.started.at(i), f.spans[i]));
        completed.push_back(band_json(u.completed.at(i), f.spans[i]));
    }
    return {{"started", started}, {"completed", completed}};
}

std::string band_text(const Band& b) { return fmt::format("{:.0f} ({:.0f}–{:.0f})", b.expected, b.low, b.high); }

void print_unit(std::ostream& out, const Forecast& f, std::string_view label, const UnitForecast& u) {
    out << fmt::format("{:<32}", label);
    for (std::size_t i = 0; i < f.spans.size(); ++i) {
        out << fmt::format(" {:>17} {:>17}", band_text(u.started[i]), band_text(u.completed[i]));
    }
    out << "\n";
}

} // namespace

const char* source_key(Source s) {
    switch (s) {
    case Source::applied: return "applied";
    case Source::granted: return "granted";
    case Source::started: return "started";
    case Source::plans: return "plans";
    case Source::trend: return "trend";
    }
    return "";
}

nlohmann::json forecast_json(const Forecast& f) {
    nlohmann::json spans = nlohmann::json::array();
    for (const Span& s : f.spans) spans.push_back(s.label());
    nlohmann::json kommuner = nlohmann::json::array(), areas = nlohmann::json::array(), targets = nlohmann::json::array();
    for (const UnitForecast& m : f.municipalities) {
        nlohmann::json j = unit_json(f, m);
        j["code"] = m.id;
        j["name"] = m.name;
        kommuner.push_back(j);
    }
    for (const UnitForecast& a : f.areas) {
        nlohmann::json j = unit_json(f, a);
        j["area_id"] = a.id;
        j["name"] = a.name;
        j["municipality"] = a.municipality;
        areas.push_back(j);
    }
    for (const TargetOutlook& t : f.targets) {
        targets.push_back({{"municipality", t.municipality},
                           {"description", t.description},
                           {"from", t.from.str()},
                           {"to", t.to.str()},
                           {"dwellings", t.dwellings},
                           {"completed_so_far", t.completed_so_far},
                           {"expected_by_end", rounded(t.expected_by_end)},
                           {"probability", std::round(t.probability * 1000) / 1000},
                           {"expected_shortfall", rounded(t.expected_shortfall)}});
    }
    return {{"forecast",
             {{"month", f.month.str()},
              {"area_set", f.area_set ? nlohmann::json(*f.area_set) : nlohmann::json()},
              {"interval", 0.8},
              {"draws", f.draws},
              {"seed", fmt::format("{:016x}", f.seed)},
              {"spans", spans},
              {"total", unit_json(f, f.total)},
              {"municipalities", kommuner},
              {"unassigned", unit_json(f, f.unassigned)},
              {"areas", areas},
              {"targets", targets},
              {"notes", f.notes}}}};
}

std::vector<std::vector<std::string>> forecast_csv_rows(const Forecast& f) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> header{"level", "id", "name", "municipality", "span", "first", "last", "figure", "expected", "low_80", "high_80"};
    for (std::size_t s = 0; s < k_sources; ++s) header.push_back(std::string("from_") + source_key(static_cast<Source>(s)));
    header.emplace_back("permits_without_dwellings");
    rows.push_back(header);
    const auto add = [&](std::string_view level, const UnitForecast& u) {
        for (std::size_t i = 0; i < f.spans.size(); ++i) {
            for (const bool completed : {false, true}) {
                const Band& b = completed ? u.completed[i] : u.started[i];
                std::vector<std::string> r{std::string(level), u.id, u.name, u.municipality, f.spans[i].label(), f.spans[i].first.str(),
                                           f.spans[i].last.str(), completed ? "completed" : "started", fmt::format("{:.1f}", b.expected),
                                           fmt::format("{:.1f}", b.low), fmt::format("{:.1f}", b.high)};
                for (const double x : b.by_source) r.push_back(fmt::format("{:.1f}", x));
                r.push_back(fmt::format("{:.1f}", b.unknown_permits));
                rows.push_back(std::move(r));
            }
        }
    };
    add("total", f.total);
    for (const UnitForecast& m : f.municipalities) add("municipality", m);
    add("unassigned", f.unassigned);
    for (const UnitForecast& a : f.areas) add("area", a);
    return rows;
}

void print_forecast(std::ostream& out, const Forecast& f) {
    out << fmt::format("Forecast from {} — expected dwellings started and completed, 80 % interval in brackets ({} draws)\n\n",
                       f.month.str(), f.draws);
    out << fmt::format("{:<32}", "");
    for (const Span& s : f.spans) out << fmt::format(" {:>35}", s.label());
    out << "\n" << fmt::format("{:<32}", "");
    for (std::size_t i = 0; i < f.spans.size(); ++i) out << fmt::format(" {:>17} {:>17}", "started", "completed");
    out << "\n";
    print_unit(out, f, "total", f.total);
    for (const UnitForecast& m : f.municipalities) print_unit(out, f, fmt::format("{} {}", m.id, m.name), m);
    if (!f.areas.empty()) {
        out << fmt::format("\nper area of '{}':\n", f.area_set.value_or(""));
        for (const UnitForecast& a : f.areas) print_unit(out, f, fmt::format("{} {}", a.id, a.name).substr(0, 32), a);
        print_unit(out, f, "(no area)", f.unassigned);
    }
    out << "\nwhere the completions come from (expected, all spans):\n";
    for (std::size_t s = 0; s < k_sources; ++s) {
        double sum = 0;
        for (const Band& b : f.total.completed) sum += b.by_source[s];
        out << fmt::format("  {:<8} {:>8.0f}\n", source_key(static_cast<Source>(s)), sum);
    }
    double unknown = 0;
    for (const Band& b : f.total.completed) unknown += b.unknown_permits;
    if (unknown > 0) out << fmt::format("  and {:.0f} permits without a dwelling count, not in the dwellings\n", unknown);
    if (!f.targets.empty()) out << "\ntargets:\n";
    for (const TargetOutlook& t : f.targets) {
        out << fmt::format("  {} {} dwellings completed {}..{}{}: {} so far, {:.0f} expected by the end; chance of reaching it "
                           "{:.0f} %, expected shortfall {:.0f}\n",
                           t.municipality, t.dwellings, t.from.str(), t.to.str(), t.description.empty() ? "" : " (" + t.description + ")",
                           t.completed_so_far, t.expected_by_end, t.probability * 100, t.expected_shortfall);
    }
    for (const std::string& n : f.notes) out << "note: " << n << "\n";
}

} // namespace bostad::forecast
