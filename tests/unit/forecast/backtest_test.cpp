// The backtest on generated histories whose truth is known: a steady one (are the 80 % intervals honest?) and
// one with a boom (does the forecast beat the naive forecasts when the past stops being the future?).
#include <gtest/gtest.h>

#include <random>

#include <fmt/format.h>

#include "core/date.hpp"
#include "core/error.hpp"
#include "forecast/backtest.hpp"
#include "store/feature_source.hpp"
#include "support/permits_only.hpp"
#include "store/status_source.hpp"

namespace bostad::forecast {
namespace {

/// A store of generated permits in four areas of one kommun, read through the store's two seams.
class Generated final : public test::PermitsOnly, public store::StatusSource {
public:
    struct Row {
        std::string case_id, area;
        std::int64_t dwellings = 1;
        std::string applied, granted, started, completed, refused;
    };

    /// Applications per month from `applications(month)`; each granted within 1–3 months (9 in 10; else
    /// refused), started after a wait of mean 4 months (lapsed after 24), completed 6 + a wait of mean 6
    /// months after its start. Nothing after `data_end` has happened yet.
    template <typename Rate>
    Generated(Month first, Month data_end, Rate applications, std::uint64_t seed) {
        std::mt19937_64 rng(seed);
        std::uniform_real_distribution<double> u(0, 1);
        const auto date = [&](Month m) { return m <= data_end ? fmt_date(m) : std::string(); };
        const auto wait = [&](double p) {
            int k = 0;
            while (u(rng) > p) ++k;
            return k;
        };
        int n = 0;
        for (Month m = first; m <= data_end; m = m.plus(1)) {
            const int count = std::poisson_distribution<int>(applications(m))(rng);
            for (int i = 0; i < count; ++i) {
                Row r;
                r.case_id = fmt::format("BN {}", ++n);
                r.area = fmt::format("A{}", 1 + static_cast<int>(u(rng) * 4));
                r.dwellings = u(rng) < 0.6 ? 1 : 2 + static_cast<std::int64_t>(u(rng) * 5);
                r.applied = date(m);
                if (u(rng) < 0.1) {
                    r.refused = date(m.plus(2));
                } else {
                    const Month granted = m.plus(1 + static_cast<int>(u(rng) * 3));
                    r.granted = date(granted);
                    const int to_start = wait(0.25);
                    if (to_start < 24 && !r.granted.empty()) {
                        const Month started = granted.plus(to_start);
                        r.started = date(started);
                        if (!r.started.empty()) r.completed = date(started.plus(6 + wait(1.0 / 6)));
                    }
                }
                m_rows.push_back(std::move(r));
            }
        }
    }

    // FeatureSource: the permits
    using test::PermitsOnly::areas;
    void permits(const store::PermitQuery& q, const std::function<void(const store::PermitFeature&)>& each) override {
        const auto opt = [](const std::string& s) { return s.empty() ? std::nullopt : std::optional<std::string_view>(s); };
        for (const Row& r : m_rows) {
            store::PermitFeature f;
            f.municipality = "1290";
            f.case_id = r.case_id;
            f.house_type = "småhus";
            f.dwellings = r.dwellings;
            f.dates.applied = opt(r.applied);
            f.dates.granted = opt(r.granted);
            f.dates.started = opt(r.started);
            f.dates.completed = opt(r.completed);
            f.dates.refused = opt(r.refused);
            if (q.area_set) f.area_id = r.area;
            each(f);
        }
    }

    // StatusSource
    std::vector<std::string> area_set_names() override { return {"g"}; }
    std::optional<std::int64_t> find_area_set(const std::string& name) override {
        return name == "g" ? std::optional<std::int64_t>(1) : std::nullopt;
    }
    std::vector<store::AreaRow> areas(std::int64_t) override {
        return {{1, "A1", "A1", "1290"}, {2, "A2", "A2", "1290"}, {3, "A3", "A3", "1290"}, {4, "A4", "A4", "1290"}};
    }
    store::PermitTally scan_permits(const store::ScanRequest&) override { throw std::logic_error("not used"); }
    std::vector<std::vector<store::ListedPermit>> list_permits(const store::ListRequest&) override { throw std::logic_error("not used"); }
    std::unordered_map<std::int64_t, store::LegalPlan> legal_plans(const std::optional<std::string>&, const Cutoffs<std::string_view>&,
                                                                   const std::vector<std::int32_t>*) override {
        return {};
    }
    std::vector<store::PlanShare> plan_shares(std::int64_t, const std::unordered_map<std::int64_t, std::size_t>&) override { return {}; }

private:
    static std::string fmt_date(Month m) { return fmt::format("{}-15", m.str()); }
    std::vector<Row> m_rows;
};

BacktestRequest request(Month from, Month to) {
    BacktestRequest r;
    r.from = from;
    r.to = to;
    r.scope.area_set = "g";
    r.scope.draws = 300;
    return r;
}

TEST(Backtest, OnASteadyHistoryTheIntervalsHoldMostOutcomesButNotAll) {
    Generated store(Month(2012, 1), Month(2026, 11), [](Month) { return 12.0; }, 20261207);
    const Backtest b = run_backtest(store, store, request(Month(2021, 1), Month(2024, 12)));
    EXPECT_EQ(b.origins, 48);
    ASSERT_TRUE(b.coverage_80);
    EXPECT_EQ(b.coverage_pairs, 48 * 4) << "four areas, every origin; nothing in no area";
    EXPECT_GE(*b.coverage_80, 0.65) << "intervals too narrow";
    EXPECT_LE(*b.coverage_80, 0.95) << "intervals too wide";
    ASSERT_EQ(b.municipalities.size(), 1u);
    EXPECT_EQ(b.municipalities[0].outcomes.size(), 48u);
}

TEST(Backtest, AfterABoomTheForecastBeatsBothNaiveForecasts) {
    // Applications double for 2022, then fall to half their old level.
    const auto boom = [](Month m) { return m.year() < 2022 ? 10.0 : m.year() == 2022 ? 20.0 : 5.0; };
    Generated store(Month(2012, 1), Month(2026, 11), boom, 1290);
    const Backtest b = run_backtest(store, store, request(Month(2022, 6), Month(2024, 6)));
    EXPECT_EQ(b.origins, 25);
    EXPECT_LT(b.mae.forecast, b.mae.last_12_months);
    EXPECT_LT(b.mae.forecast, b.mae.mean_36_months);
}

TEST(Backtest, TheOutcomeIsWhatTheStoreRecordsInTheHorizon) {
    Generated store(Month(2018, 1), Month(2026, 11), [](Month) { return 6.0; }, 7);
    BacktestRequest r = request(Month(2023, 3), Month(2023, 3));
    r.horizon = 6;
    const Backtest b = run_backtest(store, store, r);
    double completed = 0, last_12 = 0;
    store.permits({std::nullopt, false}, [&](const store::PermitFeature& p) {
        if (!p.dates.completed) return;
        if (*p.dates.completed >= "2023-04-01" && *p.dates.completed <= "2023-09-30") completed += static_cast<double>(*p.dwellings);
        if (*p.dates.completed >= "2022-04-01" && *p.dates.completed <= "2023-03-31") last_12 += static_cast<double>(*p.dwellings);
    });
    ASSERT_EQ(b.municipalities.size(), 1u);
    const Outcome& o = b.municipalities[0].outcomes.at(0);
    EXPECT_DOUBLE_EQ(o.actual, completed);
    EXPECT_DOUBLE_EQ(o.last_12_months, last_12 * 6 / 12);
    EXPECT_GT(o.expected, 0);
}

TEST(Backtest, ARangeThatIsEmptyOrWhoseOutcomeHasNotComeIsRefused) {
    Generated store(Month(2020, 1), Month(2026, 11), [](Month) { return 1.0; }, 1);
    EXPECT_THROW(run_backtest(store, store, request(Month(2024, 6), Month(2024, 1))), UsageError);
    EXPECT_THROW(run_backtest(store, store, request(Month(2026, 1), Month(2026, 6))), UsageError);
}

} // namespace
} // namespace bostad::forecast
