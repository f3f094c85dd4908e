#include "report/first_page.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>

#include <fmt/format.h>

namespace bostad::report {
namespace {

/// "A", "A och B", "A, B och C".
std::string listing(const std::vector<std::string>& items, Lang l) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? tr(l, " och ", " and ") : ", ";
        out += items[i];
    }
    return out;
}

/// The kommuner of the report by name.
std::string scope_name(const ReportData& d, Lang l) {
    std::vector<std::string> names;
    for (const auto& m : d.status.municipalities) names.push_back(m.name);
    return names.empty() ? tr(l, "projektets kommuner", "the project's kommuner") : listing(names, l);
}

/// The store's history reaches back to the first day of `m`.
bool history_covers(const ReportData& d, Month m) { return d.first_date && *d.first_date <= m.first_day().iso(); }

/// Completions in the month against the same month a year before, for the report's kommuner together.
std::optional<std::string> completions_against_last_year(const ReportData& d, Lang l) {
    if (d.headlines.empty()) return std::nullopt;
    const Headline& all = d.headlines.front();
    const Month before = d.request.month.plus(-12);
    if (all.series.size() < 13 || !history_covers(d, before)) return std::nullopt;
    const std::int64_t now = all.series.back().completed;
    const std::int64_t then = all.series[all.series.size() - 13].completed;
    const std::int64_t diff = now - then;
    const std::string compared =
        diff == 0 ? tr(l, fmt::format("lika många som i {}", month_name(before, l)), fmt::format("as many as in {}", month_name(before, l)))
        : diff > 0 ? tr(l, fmt::format("{} fler än i {} ({})", diff, month_name(before, l), then),
                        fmt::format("{} more than in {} ({})", diff, month_name(before, l), then))
                   : tr(l, fmt::format("{} färre än i {} ({})", -diff, month_name(before, l), then),
                        fmt::format("{} fewer than in {} ({})", -diff, month_name(before, l), then));
    return tr(l, fmt::format("I {} färdigställdes {} bostäder i {}, {}.", month_name(d.request.month, l), now, scope_name(d, l), compared),
              fmt::format("In {}, {} dwellings were completed in {}, {}.", month_name(d.request.month, l), now, scope_name(d, l), compared));
}

/// How far a kommun is behind (or ahead of) its first target's straight path: "796 efter".
std::string standing(const aggregate::TargetProgress& t, Lang l) {
    const auto behind = static_cast<std::int64_t>(std::llround(t.expected_by_now - static_cast<double>(t.completed_since_from)));
    return behind > 0 ? tr(l, fmt::format("{} efter", behind), fmt::format("{} behind", behind))
           : behind < 0 ? tr(l, fmt::format("{} före", -behind), fmt::format("{} ahead", -behind))
                        : tr(l, "i fas", "on it");
}

/// Each kommun's year so far, and its completions since its first target's start against the straight path;
/// for more than two kommuner with targets, one sentence of where each stands.
std::vector<std::string> targets(const ReportData& d, Lang l) {
    std::vector<const aggregate::MunicipalityStatus*> with;
    for (const auto& m : d.status.municipalities) {
        if (!m.targets.empty()) with.push_back(&m);
    }
    if (with.size() > 2) {
        std::vector<std::string> each;
        for (const auto* m : with) each.push_back(fmt::format("{} {}", m->name, standing(m->targets.front(), l)));
        return {tr(l, fmt::format("Mot sina måls raka linjer ligger {}.", listing(each, l)),
                   fmt::format("Against their targets' straight paths: {}.", listing(each, l)))};
    }
    std::vector<std::string> out;
    for (const auto* mp : with) {
        const auto& m = *mp;
        const auto& t = m.targets.front();
        const auto expected = static_cast<std::int64_t>(std::llround(t.expected_by_now));
        out.push_back(tr(l,
                         fmt::format("{} har i år färdigställt {} bostäder; sedan {} är det {} mot målet {} till och med {}, "
                                     "vars raka linje låg på {} vid månadens slut: {}.",
                                     m.name, m.figures.dwellings[Figure::completed_year_to_date], month_name(t.from, l),
                                     t.completed_since_from, t.dwellings, month_name(t.to, l), expected, standing(t, l)),
                         fmt::format("{} has completed {} dwellings this year; since {} it has completed {} towards its target "
                                     "of {} by {}, whose straight path stood at {} at the month's end: {}.",
                                     m.name, m.figures.dwellings[Figure::completed_year_to_date], month_name(t.from, l),
                                     t.completed_since_from, t.dwellings, month_name(t.to, l), expected, standing(t, l))));
    }
    return out;
}

/// What the forecast expects of each kommun's first running target, and the chance of reaching it.
std::optional<std::string> forecast_targets(const ReportData& d, Lang l) {
    if (!d.forecast || d.forecast->targets.empty()) return std::nullopt;
    std::vector<std::string> parts;
    std::vector<std::string> seen;
    for (const auto& t : d.forecast->targets) {
        if (std::find(seen.begin(), seen.end(), t.municipality) != seen.end()) continue;
        seen.push_back(t.municipality);
        const std::string name = d.forecast->name_of(t.municipality);
        const auto expected = static_cast<std::int64_t>(std::llround(t.expected_by_end));
        const auto chance = static_cast<std::int64_t>(std::llround(t.probability * 100));
        parts.push_back(tr(l, fmt::format("{} {} av målets {} bostäder till {} ({} % sannolikhet att nå målet)", name, expected, t.dwellings,
                                          month_name(t.to, l), chance),
                           fmt::format("{} {} of its target's {} dwellings by {} (a {} % chance of reaching it)", name, expected, t.dwellings,
                                       month_name(t.to, l), chance)));
    }
    return tr(l, fmt::format("Enligt prognosen väntas {} vara färdigställda.", listing(parts, l)),
              fmt::format("By the forecast, {} are expected to be completed.", listing(parts, l)));
}

/// The stage of the pipeline (applied, granted, started) that changed most in the last 12 months.
std::optional<std::string> pipeline_change(const ReportData& d, Lang l) {
    const Month before = d.request.month.plus(-12);
    if (!d.status.earlier || !history_covers(d, before)) return std::nullopt;
    struct Stage {
        Figure figure;
        std::string_view sv, en;
    };
    constexpr std::array<Stage, 3> stages{{{Figure::applied, "ansökta", "applied for"},
                                           {Figure::granted, "beviljade", "granted"},
                                           {Figure::started, "påbörjade", "started"}}};
    const Stage* most = nullptr;
    std::int64_t change = 0;
    for (const auto& s : stages) {
        const std::int64_t c = d.status.total.dwellings[s.figure] - (*d.status.earlier)[s.figure];
        if (!most || std::llabs(c) > std::llabs(change)) most = &s, change = c;
    }
    const std::int64_t now = d.status.total.dwellings[most->figure];
    const std::int64_t then = (*d.status.earlier)[most->figure];
    if (change == 0) {
        return tr(l, fmt::format("Pipelinen är oförändrad sedan {}: lika många bostäder ansökta, beviljade och påbörjade.", month_name(before, l)),
                  fmt::format("The pipeline is unchanged since {}: as many dwellings applied for, granted and started.", month_name(before, l)));
    }
    return tr(l,
              fmt::format("Pipelinen {} mest i skedet {}: {} bostäder vid månadens slut mot {} i {} ({:+}).",
                          change > 0 ? "växer" : "krymper", most->sv, now, then, month_name(before, l), change),
              fmt::format("The pipeline {} most at the stage {}: {} dwellings at the month's end against {} in {} ({:+}).",
                          change > 0 ? "grows" : "shrinks", most->en, now, then, month_name(before, l), change));
}

/// The areas with the most stalled dwellings, at most three.
std::optional<std::string> stalled_areas(const ReportData& d, Lang l) {
    std::vector<const aggregate::AreaStatus*> areas;
    for (const auto& a : d.status.areas) {
        if (a.figures.dwellings[Figure::stalled] > 0) areas.push_back(&a);
    }
    if (areas.empty()) return std::nullopt;
    std::stable_sort(areas.begin(), areas.end(), [](const auto* a, const auto* b) {
        return a->figures.dwellings[Figure::stalled] > b->figures.dwellings[Figure::stalled];
    });
    std::vector<std::string> named;
    for (std::size_t i = 0; i < std::min<std::size_t>(3, areas.size()); ++i) {
        named.push_back(fmt::format("{} ({})", areas[i]->name.empty() ? areas[i]->area_id : areas[i]->name,
                                    areas[i]->figures.dwellings[Figure::stalled]));
    }
    return tr(l, fmt::format("Flest stillastående bostäder finns i {}.", listing(named, l)),
              fmt::format("The most stalled dwellings are in {}.", listing(named, l)));
}

/// Plans whose genomförandetid ends within 12 months with capacity left.
std::optional<std::string> plans_ending(const ReportData& d, Lang l) {
    if (d.plans_ending.empty()) return std::nullopt;
    std::int64_t remaining = 0;
    std::vector<std::string> ids;
    for (const auto& p : d.plans_ending) {
        remaining += p.remaining;
        if (ids.size() < 3) ids.push_back(p.plan_id);
    }
    const std::size_t n = d.plans_ending.size();
    const std::string which = listing(ids, l) + (n > ids.size() ? tr(l, " med flera", " and others") : "");
    return tr(l,
              fmt::format("{} {} med sammanlagt {} bostäder outnyttjad kapacitet får sin genomförandetid slut inom 12 månader ({}).",
                          n, n == 1 ? "detaljplan" : "detaljplaner", remaining, which),
              fmt::format("{} {} with {} dwellings of unused capacity in all reach the end of their implementation period within "
                          "12 months ({}).",
                          n, n == 1 ? "plan" : "plans", remaining, which));
}

/// Permits in the pipeline whose dwellings the deliveries do not give.
std::optional<std::string> unknown_dwellings(const ReportData& d, Lang l) {
    std::int64_t n = 0;
    for (const auto& f : figure_defs()) {
        if (f.group == FigureGroup::stage) n += d.status.total.unknown_dwellings[f.id];
    }
    if (n == 0) return std::nullopt;
    return tr(l, fmt::format("{} bygglov saknar antal bostäder i leveranserna och räknas här som 0 bostäder.", n),
              fmt::format("{} permits have no dwelling count in the deliveries and count as 0 dwellings here.", n));
}

} // namespace

std::string month_name(Month m, Lang l) {
    static constexpr std::array<std::string_view, 12> sv{"januari", "februari", "mars",      "april",   "maj",      "juni",
                                                         "juli",    "augusti",  "september", "oktober", "november", "december"};
    static constexpr std::array<std::string_view, 12> en{"January", "February", "March",     "April",   "May",      "June",
                                                         "July",    "August",   "September", "October", "November", "December"};
    const auto i = static_cast<std::size_t>(m.month() - 1);
    return fmt::format("{} {}", l == Lang::sv ? sv[i] : en[i], m.year());
}

std::vector<std::string> first_page_sentences(const ReportData& d, Lang l) {
    std::vector<std::string> out;
    if (auto s = completions_against_last_year(d, l)) out.push_back(std::move(*s));
    for (auto& s : targets(d, l)) out.push_back(std::move(s));
    for (auto* make : {&forecast_targets, &pipeline_change, &stalled_areas, &plans_ending, &unknown_dwellings}) {
        if (out.size() >= 6) break;
        if (auto s = make(d, l)) out.push_back(std::move(*s));
    }
    return out;
}

} // namespace bostad::report
