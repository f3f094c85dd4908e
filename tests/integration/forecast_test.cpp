// The forecast's pieces on the example project's store (issue 19, in progress): the permits read as known at
// the month agree with the status of that month, and the pipeline's expected flows add up.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "aggregate/status.hpp"
#include "forecast/expectation.hpp"
#include "forecast/model.hpp"
#include "forecast/backtest.hpp"
#include "forecast/forecast.hpp"
#include "forecast/forecast_output.hpp"
#include "forecast/plans.hpp"
#include "config/config.hpp"
#include "sqlite/database.hpp"
#include "sqlite/gpkg_functions.hpp"
#include "forecast/trend.hpp"
#include "store/feature_source.hpp"
#include "store/store.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace bostad::test {
namespace {

/// The example project's store of two months, read in one snapshot by every test.
class ForecastOnTheExample : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = std::make_unique<TempDir>();
        make_example_store(s_dir->path().string(), {"2026-09", "2026-10"});
        s_store = store::open(s_dir->file("ex/bostad.gpkg"), {store::Access::read_only, {}, {}});
        s_snapshot = s_store->read_snapshot();
    }
    static void TearDownTestSuite() {
        s_snapshot.reset();
        s_store.reset();
        s_dir.reset();
    }
    static inline std::unique_ptr<TempDir> s_dir;
    static inline std::unique_ptr<store::Store> s_store;
    static inline std::unique_ptr<store::ReadSnapshot> s_snapshot;
};

TEST_F(ForecastOnTheExample, ThePipelineReadAtTheMonthIsTheStatusPipelineAndFlowsOut) {
    const Month month(2026, 10);
    const forecast::History h = forecast::read_history(s_store->features(), &s_store->status(), month, 12, std::string("distrikt"), {});
    ASSERT_GT(h.permits.size(), 100u);

    aggregate::StatusRequest req;
    req.month = month;
    req.area_set = "distrikt";
    const aggregate::StatusResult status = aggregate::compute_status(s_store->status(), req);
    // The dwellings of the permits in each stage, as the forecast reads them, are the status's.
    std::array<std::int64_t, 3> in_stage{};
    const forecast::MonthIndex at = month.index();
    std::size_t placed = 0, in_pipeline = 0;
    for (const auto& p : h.permits) {
        const bool live = p.known.state == PipelineState::applied || p.known.state == PipelineState::granted ||
                          p.known.state == PipelineState::started;
        if (!live) continue;
        ++in_pipeline;
        const auto pos = forecast::position_of(p.known, at);
        if (!pos) continue;
        ++placed;
        in_stage[static_cast<std::size_t>(pos->stage)] += p.dwellings.value_or(0);
    }
    EXPECT_EQ(placed, in_pipeline) << "every permit in the pipeline has the month it entered its stage";
    EXPECT_EQ(in_stage[0], status.total.dwellings[Figure::applied]);
    EXPECT_EQ(in_stage[1], status.total.dwellings[Figure::granted]);
    EXPECT_EQ(in_stage[2], status.total.dwellings[Figure::started]);

    const forecast::Hazards hazards = forecast::fit(h);
    const int months = 120;
    const forecast::PipelineExpectation e = forecast::expect_pipeline(h, hazards, months);
    double started = 0, completed = 0;
    for (std::size_t t = 0; t < static_cast<std::size_t>(months); ++t) {
        started += e.total.total_started(t);
        completed += e.total.total_completed(t);
    }
    const double live = static_cast<double>(in_stage[0] + in_stage[1] + in_stage[2]);
    EXPECT_GT(completed, 0.3 * live) << "most of the pipeline is built within ten years";
    EXPECT_LE(completed, live + 1e-6) << "nothing completes twice";
    EXPECT_LE(started, static_cast<double>(in_stage[0] + in_stage[1]) + 1e-6) << "only permits not started yet start";
}

TEST_F(ForecastOnTheExample, TheTrendOfApplicationsIsTheWeightedMeanOfTheStatusMonthlyApplications) {
    // Read without plans: the trend takes every new permit.
    const Month month(2026, 10);
    const forecast::History h = forecast::read_history(s_store->features(), nullptr, month, 12, std::string("distrikt"), {});
    const forecast::Trend trend = forecast::estimate_trend(h);
    std::map<std::string, double> level;
    for (std::size_t g = 0; g < h.groups.size(); ++g) {
        level[h.groups.at(g).municipality] += trend.levels.at(g)[static_cast<std::size_t>(forecast::Stage::applied)].dwellings;
    }
    aggregate::StatusRequest req;
    req.month = month;
    req.series_months = forecast::k_trend_months;
    const aggregate::StatusResult status = aggregate::compute_status(s_store->status(), req);
    ASSERT_EQ(status.municipalities.size(), 2u);
    for (const auto& m : status.municipalities) {
        // The example's history is longer than the window: every month of it is observed.
        ASSERT_EQ(m.series.size(), static_cast<std::size_t>(forecast::k_trend_months));
        double sum = 0, weights = 0;
        for (std::size_t i = 0; i < m.series.size(); ++i) {
            const double w = std::exp2(-static_cast<double>(m.series.size() - 1 - i) / forecast::k_trend_half_life);
            sum += w * static_cast<double>(m.series[i][Figure::applied_in_month]);
            weights += w;
        }
        EXPECT_GT(sum, 0) << m.code;
        EXPECT_NEAR(level[m.code], sum / weights, 1e-6 * sum) << m.code;
    }
}

TEST_F(ForecastOnTheExample, PlansInForceAreTheStatusPlansAndThePointForecastAddsUp) {
    const Month month(2026, 10);
    const forecast::History h = forecast::read_history(s_store->features(), &s_store->status(), month, 12, std::string("distrikt"), {});
    aggregate::StatusRequest req;
    req.month = month;
    req.area_set = "distrikt";
    const auto listed = aggregate::list_plans(s_store->status(), req);
    ASSERT_GT(listed.size(), 5u);
    ASSERT_EQ(h.plans.size(), listed.size());
    double capacity = 0, listed_capacity = 0;
    for (const auto& p : h.plans) capacity += p.capacity;
    for (const auto& p : listed) listed_capacity += static_cast<double>(p.capacity.value_or(0));
    EXPECT_DOUBLE_EQ(capacity, listed_capacity);
    const auto in_plans = std::count_if(h.permits.begin(), h.permits.end(), [](const forecast::ReadPermit& p) { return p.plan >= 0; });
    EXPECT_GT(in_plans, 20) << "the example's permits are built in its plans";
    const auto areas = s_store->features().areas("distrikt");
    EXPECT_EQ(h.areas.size(), areas.size()) << "every area of the set, with permits or not";

    const forecast::Hazards hazards = forecast::fit(h);
    const int months = 120;
    forecast::PipelineExpectation e = forecast::expect_pipeline(h, hazards, months);
    const forecast::PlanApplications apps =
        forecast::plan_applications(h, forecast::estimate_absorption(h), {}, months);
    forecast::add_plans(e, h, hazards, apps);
    forecast::add_trend(e, h, hazards, forecast::estimate_trend(h));
    double applied = 0, unused = 0, completed = 0;
    for (const auto& m : apps.monthly) applied = std::accumulate(m.begin(), m.end(), applied);
    for (const double u : forecast::unused_capacity(h)) unused += u;
    EXPECT_GT(applied, 0) << "plans with unused capacity are applied for";
    EXPECT_LE(applied, unused + 1e-6) << "never more than is left";
    for (std::size_t t = 0; t < static_cast<std::size_t>(months); ++t) {
        completed += e.total.completed[static_cast<std::size_t>(forecast::Source::plans)][t];
    }
    EXPECT_LE(completed, applied + 1e-6);
    // The example's building goes on at a steady pace: the next year's completions are of the last year's order.
    req.series_months = 12;
    double last_year = 0, next_year = 0;
    for (const auto& m : aggregate::compute_status(s_store->status(), req).municipalities) {
        for (const auto& c : m.series) last_year += static_cast<double>(c[Figure::completed_in_month]);
    }
    for (std::size_t t = 0; t < 12; ++t) next_year += e.total.total_completed(t);
    EXPECT_GT(next_year, 0.5 * last_year) << next_year << " against " << last_year;
    EXPECT_LT(next_year, 2.0 * last_year) << next_year << " against " << last_year;
    for (std::size_t src = 0; src < forecast::k_sources; ++src) {
        for (std::size_t t = 0; t < static_cast<std::size_t>(months); t += 7) {
            double by_area = e.unassigned.completed[src][t], by_kommun = 0;
            for (const auto& a : e.areas) by_area += a.completed[src][t];
            for (const auto& [code, m] : e.municipalities) by_kommun += m.completed[src][t];
            EXPECT_NEAR(by_area, e.total.completed[src][t], 1e-9) << src << " " << t;
            EXPECT_NEAR(by_kommun, e.total.completed[src][t], 1e-9) << src << " " << t;
        }
    }
}

/// The forecast of the example from 2026-10, three years on, with the project's config.
forecast::Forecast example_forecast(store::Store& store, const config::Config& config, Month month = Month(2026, 10)) {
    forecast::ForecastRequest req;
    req.month = month;
    req.area_set = "distrikt";
    req.config = &config;
    req.draws = 400;
    return forecast::make_forecast(store.features(), store.status(), req);
}

TEST_F(ForecastOnTheExample, EveryExpectedFigureAddsUpAndLiesInItsInterval) {
    const config::Config config = config::load(s_dir->file("ex/bostad.toml"));
    const forecast::Forecast f = example_forecast(*s_store, config);
    ASSERT_EQ(f.spans.size(), 4u);
    EXPECT_EQ(f.spans[0].label(), "2026-11..2026-12");
    EXPECT_EQ(f.spans[3].label(), "2029");
    ASSERT_EQ(f.municipalities.size(), 2u);
    EXPECT_GT(f.areas.size(), 20u);
    for (std::size_t span = 0; span < f.spans.size(); ++span) {
        for (const bool completed : {false, true}) {
            const auto band = [&](const forecast::UnitForecast& u) { return completed ? u.completed.at(span) : u.started.at(span); };
            for (std::size_t src = 0; src < forecast::k_sources; ++src) {
                double areas = band(f.unassigned).by_source[src], kommuner = 0;
                for (const auto& a : f.areas) areas += band(a).by_source[src];
                for (const auto& m : f.municipalities) kommuner += band(m).by_source[src];
                EXPECT_NEAR(areas, band(f.total).by_source[src], 1e-6) << span << " " << src;
                EXPECT_NEAR(kommuner, band(f.total).by_source[src], 1e-6) << span << " " << src;
            }
            for (const auto* u : {&f.total, &f.municipalities[0], &f.municipalities[1]}) {
                EXPECT_LE(band(*u).low, band(*u).expected) << u->id << " " << span;
                EXPECT_GE(band(*u).high, band(*u).expected) << u->id << " " << span;
                EXPECT_GT(band(*u).high, band(*u).low) << u->id << " " << span;
            }
            for (const auto& a : f.areas) EXPECT_LE(band(a).low, band(a).high) << a.id;
        }
    }
    double from_plans = 0;
    for (const auto& b : f.total.completed) from_plans += b.by_source[static_cast<std::size_t>(forecast::Source::plans)];
    EXPECT_GT(from_plans, 0);
    ASSERT_EQ(f.targets.size(), 2u) << "the example's two targets run to 2030";
    for (const auto& t : f.targets) {
        EXPECT_GE(t.probability, 0);
        EXPECT_LE(t.probability, 1);
        EXPECT_GT(t.completed_so_far, 0);
        EXPECT_GT(t.expected_by_end, static_cast<double>(t.completed_so_far));
        EXPECT_NEAR(t.expected_shortfall > 0, t.probability < 1, 0) << "a shortfall in some draw means not every draw reaches it";
    }
}

TEST_F(ForecastOnTheExample, TheSameStoreAndMonthGiveTheSameNumbers) {
    const config::Config config = config::load(s_dir->file("ex/bostad.toml"));
    const auto a = forecast::forecast_json(example_forecast(*s_store, config)).dump();
    const auto b = forecast::forecast_json(example_forecast(*s_store, config)).dump();
    EXPECT_EQ(a, b);
    const auto other = forecast::forecast_json(example_forecast(*s_store, config, Month(2026, 9))).dump();
    EXPECT_NE(a, other);
}

TEST_F(ForecastOnTheExample, AMonthBeforeAnyDataGivesZeros) {
    const config::Config config = config::load(s_dir->file("ex/bostad.toml"));
    const forecast::Forecast f = example_forecast(*s_store, config, Month(1990, 6));
    ASSERT_FALSE(f.spans.empty());
    for (const auto& b : f.total.completed) {
        EXPECT_EQ(b.expected, 0);
        EXPECT_EQ(b.high, 0);
    }
    ASSERT_EQ(f.municipalities.size(), 2u) << "the project's kommuner, with zeros";
    for (const auto& t : f.targets) EXPECT_EQ(t.probability, 0);
}

TEST_F(ForecastOnTheExample, AStoreWithoutPlansInForceForecastsWithoutThem) {
    TempDir dir;
    const std::string copy = dir.file("no-plans.gpkg");
    std::filesystem::copy_file(s_dir->file("ex/bostad.gpkg"), copy);
    {
        sqlite::Database db(copy, sqlite::OpenMode::read_write);
        sqlite::register_gpkg_functions(db); // the R-tree's triggers
        db.exec("UPDATE plans SET legal_date = NULL");
    }
    const auto store = store::open(copy, {store::Access::read_only, {}, {}});
    const auto snapshot = store->read_snapshot();
    const config::Config config = config::load(s_dir->file("ex/bostad.toml"));
    const forecast::Forecast f = example_forecast(*store, config);
    double from_plans = 0, from_trend = 0;
    for (const auto& b : f.total.completed) {
        from_plans += b.by_source[static_cast<std::size_t>(forecast::Source::plans)];
        from_trend += b.by_source[static_cast<std::size_t>(forecast::Source::trend)];
    }
    EXPECT_EQ(from_plans, 0);
    EXPECT_GT(from_trend, 0) << "every new permit is the trend's";
}

TEST_F(ForecastOnTheExample, TheBacktestsOutcomesAreTheStatusCompletionsAndItsJsonHasTheAgreedShape) {
    const config::Config config = config::load(s_dir->file("ex/bostad.toml"));
    forecast::BacktestRequest req;
    req.from = Month(2024, 1);
    req.to = Month(2024, 6);
    req.horizon = 12;
    req.scope.area_set = "distrikt";
    req.scope.config = &config;
    req.scope.draws = 200;
    const forecast::Backtest b = forecast::run_backtest(s_store->features(), s_store->status(), req);
    EXPECT_EQ(b.origins, 6);
    ASSERT_EQ(b.municipalities.size(), 2u);
    // The completions of each kommun in the horizon after each origin are what the status counts month by month.
    aggregate::StatusRequest status;
    status.month = Month(2025, 6);
    status.series_months = 18;
    for (const auto& m : aggregate::compute_status(s_store->status(), status).municipalities) {
        const auto& unit = *std::find_if(b.municipalities.begin(), b.municipalities.end(), [&](const auto& u) { return u.id == m.code; });
        for (std::size_t o = 0; o < unit.outcomes.size(); ++o) {
            double completed = 0; // series[0] is 2024-01; origin o's horizon is months o + 1 … o + 12
            for (std::size_t t = o + 1; t <= o + 12; ++t) completed += static_cast<double>(m.series.at(t)[Figure::completed_in_month]);
            EXPECT_DOUBLE_EQ(unit.outcomes[o].actual, completed) << m.code << " " << unit.outcomes[o].origin.str();
        }
    }
    const nlohmann::json j = forecast::backtest_json(b)["backtest"];
    EXPECT_EQ(j["from"], "2024-01");
    EXPECT_EQ(j["to"], "2024-06");
    EXPECT_EQ(j["horizon_months"], 12);
    EXPECT_EQ(j["origins"], 6);
    for (const char* k : {"forecast", "last_12_months", "mean_36_months"}) EXPECT_TRUE(j["mae"][k].is_number()) << k;
    EXPECT_TRUE(j["coverage_80"].is_number());
    EXPECT_TRUE(j["by_municipality"].contains("1290"));
    EXPECT_TRUE(j["by_area"].contains("1290-01"));
    EXPECT_TRUE(j["by_area"].contains("unassigned"));
    double sum = 0;
    for (const auto& m : b.municipalities) {
        for (const auto& o : m.outcomes) sum += std::abs(o.expected - o.actual);
    }
    EXPECT_NEAR(b.mae.forecast, sum / 12, 1e-9) << "the mean over all (origin, kommun) pairs";
}

} // namespace
} // namespace bostad::test
