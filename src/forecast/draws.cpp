#include "forecast/draws.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numeric>
#include <random>
#include <tuple>

#include "core/parallel.hpp"
#include "forecast/chain.hpp"

namespace bostad::forecast {
namespace {

using Cdf = std::vector<double>;

/// SplitMix64 (Steele, Lea and Flood 2014): a small, fast generator of 64-bit numbers, ample for drawing
/// paths (a draw needs hundreds of millions of numbers at a national scale), the same on every platform.
class SplitMix64 {
public:
    using result_type = std::uint64_t;
    explicit SplitMix64(std::uint64_t seed) : m_state(seed) {}
    static constexpr result_type min() { return 0; }
    static constexpr result_type max() { return ~result_type{0}; }
    result_type operator()() {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    /// A uniform number in [0, 1): the top 53 bits.
    double uniform() { return static_cast<double>((*this)() >> 11) * 0x1.0p-53; }

private:
    std::uint64_t m_state;
};

/// Draw `index`'s own generator: every draw its own stream, so that the draws are the same however many
/// threads make them.
SplitMix64 generator_of(std::uint64_t seed, std::size_t index) {
    SplitMix64 seeder(seed ^ (static_cast<std::uint64_t>(index) * 0xd1b54a32d192ed03ULL));
    return SplitMix64(seeder());
}

Cdf cumulative(const std::vector<double>& p) {
    Cdf c(p.size());
    std::partial_sum(p.begin(), p.end(), c.begin());
    return c;
}

/// The month (offset) the event happens in for a uniform draw `u`, or -1 when it does not within the months.
int sample(const Cdf& cdf, double u) {
    const auto it = std::upper_bound(cdf.begin(), cdf.end(), u);
    return it == cdf.end() ? -1 : static_cast<int>(it - cdf.begin());
}

/// The distributions of a permit's next start and completion, carried forward once per group, stage and months
/// in it.
class Paths {
public:
    Paths(const Hazards& hazards, int months) : m_hazards(hazards), m_months(months) {}

    /// Of a permit in `stage` (applied or granted): the month it starts in.
    const Cdf& start(std::size_t group, Stage stage, int months_in) { return cdf(group, stage, months_in).first; }
    /// Of a permit started with `months_in` months in the stage (0: it starts in the first month): the month it
    /// completes in.
    const Cdf& completion(std::size_t group, int months_in) { return cdf(group, Stage::started, months_in).second; }

private:
    const std::pair<Cdf, Cdf>& cdf(std::size_t group, Stage stage, int months_in) {
        const auto key = std::tuple{group, stage, std::clamp(months_in, 0, k_tail)};
        auto it = m_cache.find(key);
        if (it == m_cache.end()) {
            const Flow f = flow_of(m_hazards, group, stage, months_in, m_months);
            it = m_cache.emplace(key, std::pair{cumulative(f.started), cumulative(f.completed)}).first;
        }
        return it->second;
    }

    const Hazards& m_hazards;
    int m_months;
    std::map<std::tuple<std::size_t, Stage, int>, std::pair<Cdf, Cdf>> m_cache;
};

/// A permit whose path is drawn: the distribution of its start (none when started already) and of its
/// completion after its start (or, started already, from now), its units and its dwellings.
struct Live {
    const Cdf* start;
    const Cdf* completion;
    std::array<std::size_t, 3> units;
    double dwellings;
};

/// One draw's bookkeeping: adds a permit's dwellings to its units in the span of the month its event falls in.
class Draw {
public:
    Draw(DrawnSums& sums, const DrawRequest& request, std::size_t index) : m_sums(sums), m_request(request), m_index(index) {}

    void add(std::vector<float>& figure, const std::array<std::size_t, 3>& units, int month, double dwellings) {
        if (month < 0 || month >= static_cast<int>(m_request.span_of_month.size())) return;
        const int span = m_request.span_of_month[static_cast<std::size_t>(month)];
        if (span < 0) return;
        for (const std::size_t u : units) m_sums.at(figure, u, static_cast<std::size_t>(span), m_index) += static_cast<float>(dwellings);
    }

    /// A permit's start (unless it has started) and completion, drawn from its distributions, the months
    /// counted from `entered` (its first month in the stage it is in).
    void follow(SplitMix64& rng, const Live& p, int entered) {
        int started_at = entered;
        if (p.start) {
            const int k = sample(*p.start, rng.uniform());
            if (k < 0) return;
            started_at = entered + k;
            add(m_sums.started, p.units, started_at, p.dwellings);
        }
        const int j = sample(*p.completion, rng.uniform());
        if (j >= 0) add(m_sums.completed, p.units, started_at + j, p.dwellings);
    }

private:
    DrawnSums& m_sums;
    const DrawRequest& m_request;
    std::size_t m_index;
};

/// A cumulative share over areas (-1: no area) to draw a new permit's area from.
struct AreaPick {
    std::vector<int> areas;
    Cdf cdf;
    explicit AreaPick(const std::vector<std::pair<int, double>>& shares) {
        double sum = 0;
        for (const auto& [area, share] : shares) {
            if (share <= 0) continue;
            sum += share;
            areas.push_back(area);
            cdf.push_back(sum);
        }
        for (double& c : cdf) c /= sum;
    }
    int pick(double u) const {
        const int i = sample(cdf, u);
        return areas.at(static_cast<std::size_t>(i < 0 ? static_cast<int>(areas.size()) - 1 : i));
    }
};

double mean_of(const std::vector<std::int64_t>& sizes) {
    if (sizes.empty()) return 1;
    return static_cast<double>(std::accumulate(sizes.begin(), sizes.end(), std::int64_t{0})) / static_cast<double>(sizes.size());
}

} // namespace

std::vector<double> DrawnSums::over(const std::vector<float>& v, std::size_t unit, std::size_t first, std::size_t last) const {
    std::vector<double> out(draws, 0.0);
    for (std::size_t span = first; span <= last && span < spans; ++span) {
        for (std::size_t d = 0; d < draws; ++d) out[d] += static_cast<double>(v[index(unit, span, d)]);
    }
    return out;
}

double DrawnSums::quantile(const std::vector<float>& v, std::size_t unit, std::size_t span, double q) const {
    return forecast::quantile(over(v, unit, span, span), q);
}

double quantile(std::vector<double> xs, double q) {
    if (xs.empty()) return 0;
    std::sort(xs.begin(), xs.end());
    const double h = std::clamp(q, 0.0, 1.0) * static_cast<double>(xs.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const std::size_t hi = std::min(lo + 1, xs.size() - 1);
    return xs[lo] + (h - static_cast<double>(lo)) * (xs[hi] - xs[lo]);
}

namespace {

/// What every draw shares, looked up once before the draws (and read only by them): the permits in the
/// pipeline with their distributions, the distributions of new permits, where new permits fall; each draw
/// writes its own sums.
class Drawer {
public:
    Drawer(const History& history, const Hazards& hazards, const Trend& trend, const PlanApplications& plans, const Units& units,
           const DrawRequest& request, DrawnSums& sums)
        : m_history(history), m_trend(trend), m_plans(plans), m_units(units), m_request(request), m_sums(sums),
          m_months(static_cast<int>(request.span_of_month.size())), m_paths(hazards, m_months) {
        for (std::size_t i = 0; i < units.municipalities.size(); ++i) m_kommun.emplace(units.municipalities[i], i);
        for (const auto& shares : trend.area_shares) m_trend_areas.emplace_back(std::vector<std::pair<int, double>>(shares.begin(), shares.end()));
        for (const ReadPlan& p : history.plans) m_plan_areas.emplace_back(p.shares());
        for (std::size_t g = 0; g < trend.sizes.size(); ++g) {
            m_new_start.push_back({&m_paths.start(g, Stage::applied, 0), &m_paths.start(g, Stage::granted, 0), nullptr});
            m_new_completion.push_back(&m_paths.completion(g, 0));
            m_mean_size.push_back(mean_of(trend.sizes[g]));
        }
        // The permits in the pipeline with a dwelling count (the others are forecast as permits, apart, without
        // an interval).
        const MonthIndex month = history.month.index();
        for (const ReadPermit& p : history.permits) {
            if (!p.dwellings) continue;
            const auto at = position_of(p.known, month);
            if (!at) continue;
            const bool started = at->stage == Stage::started;
            m_live.push_back({started ? nullptr : &m_paths.start(p.known.group, at->stage, at->months_in),
                              &m_paths.completion(p.known.group, started ? at->months_in : 0), units_of(p.known.group, p.area),
                              static_cast<double>(*p.dwellings)});
        }
    }

    /// The paths drawn per draw: about one per permit in the pipeline.
    std::size_t paths_per_draw() const { return m_live.size() + 1; }

    /// Draw `s`, from a generator of its own: the permits in the pipeline, then the trend's new permits, then the
    /// plans'.
    void one(std::size_t s) const {
        SplitMix64 rng = generator_of(m_request.seed, s);
        Draw d(m_sums, m_request, s);
        for (const Live& p : m_live) d.follow(rng, p, 0);
        for (std::size_t g = 0; g < m_trend.levels.size(); ++g) {
            const double mean = m_mean_size[g];
            double permits = 0;
            for (const Entries& e : m_trend.levels[g]) permits += e.dwellings / mean;
            if (permits <= 0) continue;
            // The level is known as well as the permits behind it: a Gamma with their effective count as shape.
            const double shape = permits * m_trend.effective_months;
            const double level = std::gamma_distribution<double>(shape, 1 / shape)(rng);
            for (std::size_t stage = 0; stage < k_stages; ++stage) {
                const double per_month = level * m_trend.levels[g][stage].dwellings / mean;
                if (per_month <= 0) continue;
                for (int t = 0; t < m_months; ++t) {
                    const int n = std::poisson_distribution<int>(per_month)(rng);
                    for (int i = 0; i < n; ++i) enter(d, rng, g, static_cast<Stage>(stage), t, m_trend_areas[g]);
                }
            }
        }
        for (std::size_t i = 0; i < m_plans.monthly.size(); ++i) {
            const auto group = m_plans.group.at(i);
            if (!group) continue;
            const double mean = m_mean_size.at(*group);
            for (int t = 0; t < m_months && t < static_cast<int>(m_plans.monthly[i].size()); ++t) {
                const double apps = m_plans.monthly[i][static_cast<std::size_t>(t)];
                if (apps <= 0) continue;
                const int n = std::poisson_distribution<int>(apps / mean)(rng);
                for (int k = 0; k < n; ++k) enter(d, rng, *group, Stage::applied, t, m_plan_areas[i]);
            }
        }
    }

private:
    std::array<std::size_t, 3> units_of(std::size_t group, int area) const {
        const std::size_t k = m_units.municipality(m_kommun.at(m_history.groups.at(group).municipality));
        return {area >= 0 ? static_cast<std::size_t>(area) : m_units.unassigned(), k, m_units.total()};
    }

    /// A new permit of `group` entering `stage` in month t: its size and area drawn, then its path.
    void enter(Draw& d, SplitMix64& rng, std::size_t group, Stage stage, int t, const AreaPick& areas) const {
        const auto& sizes = m_trend.sizes.at(group);
        const double dwellings =
            sizes.empty() ? 1.0
                          : static_cast<double>(sizes[std::min(sizes.size() - 1, static_cast<std::size_t>(rng.uniform() * static_cast<double>(sizes.size())))]);
        const Live p{m_new_start.at(group)[static_cast<std::size_t>(stage)], m_new_completion.at(group),
                     units_of(group, areas.pick(rng.uniform())), dwellings};
        if (stage == Stage::started) d.add(m_sums.started, p.units, t, dwellings); // first known by its start, in month t
        d.follow(rng, p, t);
    }

    const History& m_history;
    const Trend& m_trend;
    const PlanApplications& m_plans;
    const Units& m_units;
    const DrawRequest& m_request;
    DrawnSums& m_sums;
    int m_months;
    Paths m_paths; ///< filled here, before the draws: they only read it
    std::map<std::string, std::size_t, std::less<>> m_kommun;
    std::vector<AreaPick> m_trend_areas, m_plan_areas;
    std::vector<std::array<const Cdf*, k_stages>> m_new_start; ///< per group and stage of entry (none: started)
    std::vector<const Cdf*> m_new_completion;                  ///< per group
    std::vector<double> m_mean_size;                           ///< per group
    std::vector<Live> m_live;
};

} // namespace

DrawnSums draw(const History& history, const Hazards& hazards, const Trend& trend, const PlanApplications& plans,
               const Units& units, const DrawRequest& request) {
    DrawnSums sums;
    sums.draws = static_cast<std::size_t>(std::max(request.draws, 1));
    sums.spans = request.spans;
    sums.units = units.size();
    sums.started.assign(units.size() * sums.spans * sums.draws, 0.0F);
    sums.completed = sums.started;
    const Drawer drawer(history, hazards, trend, plans, units, request, sums);
    // Each draw adds to its own sums only: the draws are shared out over the cores when there are enough paths
    // to draw to be worth threads.
    constexpr std::size_t k_worth_threads = 2'000'000;
    in_parallel(
        sums.draws, [&drawer](std::size_t first, std::size_t last) {
            for (std::size_t s = first; s < last; ++s) drawer.one(s);
        },
        sums.draws * drawer.paths_per_draw() < k_worth_threads ? 1 : workers());
    return sums;
}

} // namespace bostad::forecast
