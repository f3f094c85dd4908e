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
    nlohmann::json history = nlohmann::json::object();
    for (const auto& [year, n] : u.completed_by_year) history[std::to_string(year)] = rounded(n);
    return {{"started", started}, {"completed", completed}, {"completed_by_year", history}};
}

std::string band_text(const Band& b) { return fmt::format("{:.0f} ({:.0f}–{:.0f})", b.expected, b.low, b.high); }

void print_unit(std::ostream& out, const Forecast& f, std::string_view label, const UnitForecast& u) {
    out << fmt::format("{:<32}", label);
    for (std::size_t i = 0; i < f.spans.size(); ++i) {
        out << fmt::format(" {:>17} {:>17}", band_text(u.started[i]), band_text(u.completed[i]));
    }
    out << "\n";
}

nlohmann::json errors_json(const Errors& e) {
    return {{"forecast", rounded(e.forecast)}, {"last_12_months", rounded(e.last_12_months)}, {"mean_36_months", rounded(e.mean_36_months)}};
}

nlohmann::json share_json(const std::optional<double>& share) {
    return share ? nlohmann::json(std::round(*share * 1000) / 1000) : nlohmann::json();
}

nlohmann::json unit_backtest_json(const UnitBacktest& u) {
    nlohmann::json outcomes = nlohmann::json::array();
    for (const Outcome& o : u.outcomes) {
        outcomes.push_back({{"origin", o.origin.str()}, {"expected", rounded(o.expected)}, {"low", rounded(o.low)}, {"high", rounded(o.high)},
                            {"actual", rounded(o.actual)}, {"last_12_months", rounded(o.last_12_months)},
                            {"mean_36_months", rounded(o.mean_36_months)}, {"active", o.active}});
    }
    return {{"name", u.name}, {"municipality", u.municipality}, {"mae", errors_json(u.mae())}, {"coverage_80", share_json(u.coverage())},
            {"outcomes", outcomes}};
}

std::string unit_key(const UnitBacktest& u) { return u.id.empty() ? "unassigned" : u.id; }

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

nlohmann::json backtest_json(const Backtest& b) {
    nlohmann::json kommuner = nlohmann::json::object(), areas = nlohmann::json::object();
    for (const UnitBacktest& m : b.municipalities) kommuner[m.id] = unit_backtest_json(m);
    for (const UnitBacktest& a : b.areas) areas[unit_key(a)] = unit_backtest_json(a);
    return {{"backtest",
             {{"from", b.from.str()},
              {"to", b.to.str()},
              {"horizon_months", b.horizon},
              {"origins", b.origins},
              {"figure", "completed dwellings"},
              {"mae", errors_json(b.mae)},
              {"coverage_80", share_json(b.coverage_80)},
              {"coverage_pairs", b.coverage_pairs},
              {"by_municipality", kommuner},
              {"by_area", areas}}}};
}

std::vector<std::vector<std::string>> backtest_csv_rows(const Backtest& b) {
    std::vector<std::vector<std::string>> rows{{"level", "id", "name", "municipality", "origin", "first", "last", "expected", "low_80",
                                                "high_80", "actual", "last_12_months", "mean_36_months", "active"}};
    const auto add = [&](std::string_view level, const UnitBacktest& u) {
        for (const Outcome& o : u.outcomes) {
            rows.push_back({std::string(level), u.id, u.name, u.municipality, o.origin.str(), o.origin.plus(1).str(),
                            o.origin.plus(b.horizon).str(), fmt::format("{:.1f}", o.expected), fmt::format("{:.1f}", o.low),
                            fmt::format("{:.1f}", o.high), fmt::format("{:.1f}", o.actual), fmt::format("{:.1f}", o.last_12_months),
                            fmt::format("{:.1f}", o.mean_36_months), o.active ? "1" : "0"});
        }
    };
    for (const UnitBacktest& m : b.municipalities) add("municipality", m);
    for (const UnitBacktest& a : b.areas) add(a.id.empty() ? "unassigned" : "area", a);
    return rows;
}

void print_backtest(std::ostream& out, const Backtest& b) {
    out << fmt::format("Backtest of completed dwellings over {} months from each of {} origins, {}..{}\n\n", b.horizon, b.origins,
                       b.from.str(), b.to.str());
    out << fmt::format("mean absolute error per kommun and origin: forecast {:.1f}, last 12 months {:.1f}, mean of 36 months {:.1f}\n",
                       b.mae.forecast, b.mae.last_12_months, b.mae.mean_36_months);
    if (b.coverage_80) {
        out << fmt::format("outcomes inside the 80 % interval: {:.0f} % of {} (origin, area) pairs\n", *b.coverage_80 * 100, b.coverage_pairs);
    }
    out << fmt::format("\n{:<28} {:>10} {:>10} {:>10} {:>9}\n", "", "forecast", "last 12", "mean 36", "in 80 %");
    const auto row = [&](const std::string& label, const UnitBacktest& u) {
        const Errors e = u.mae();
        const auto c = u.coverage();
        out << fmt::format("{:<28} {:>10.1f} {:>10.1f} {:>10.1f} {:>9}\n", label.substr(0, 28), e.forecast, e.last_12_months,
                           e.mean_36_months, c ? fmt::format("{:.0f} %", *c * 100) : "–");
    };
    for (const UnitBacktest& m : b.municipalities) row(fmt::format("{} {}", m.id, m.name), m);
    if (!b.areas.empty()) out << "per area:\n";
    for (const UnitBacktest& a : b.areas) row(a.id.empty() ? "(no area)" : fmt::format("{} {}", a.id, a.name), a);
}

} // namespace bostad::forecast
