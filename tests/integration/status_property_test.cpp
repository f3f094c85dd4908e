// `bostad status` against an independent computation: generated permits, plans and areas, and for several
// months every figure of every area recomputed here by brute force (a loop over every permit and rectangle,
// the rules of product.md written out from their deadlines). And conservation on the example project: for
// every key and both area sets, Σ areas + unassigned = total = Σ municipalities.
#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <random>

#include <gtest/gtest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "aggregate/status.hpp"
#include "core/date.hpp"
#include "store/store.hpp"
#include "support/files.hpp"
#include "support/process.hpp"
#include "support/store_probe.hpp"
#include "support/temp_dir.hpp"

namespace bostad::test {
namespace {

using json = nlohmann::json;

const std::vector<std::string> k_count_keys{"applied",          "granted",          "started",
                                            "completed",        "applied_in_month", "granted_in_month",
                                            "started_in_month", "completed_in_month", "completed_year_to_date",
                                            "lapsed",           "overdue",          "stalled"};

struct Rect {
    double x0, y0, x1, y1;
    bool covers(double x, double y) const { return x >= x0 && x <= x1 && y >= y0 && y <= y1; }
    double area() const { return (x1 - x0) * (y1 - y0); }
    double overlap(const Rect& o) const {
        const double w = std::min(x1, o.x1) - std::max(x0, o.x0);
        const double h = std::min(y1, o.y1) - std::max(y0, o.y0);
        return w > 0 && h > 0 ? w * h : 0;
    }
    std::string wkt() const {
        return fmt::format("\"POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))\"", x0, y0, x1, y1);
    }
};

struct Permit {
    std::string id;
    std::optional<int> dwellings = 1; ///< nullopt: unknown (a decision list)
    int removed = 0;
    std::optional<Date> applied, granted, started, completed, refused, withdrawn;
    double x = 0, y = 0;
};

struct Plan {
    std::string id;
    bool legal = false;
    Date legal_date;
    std::optional<int> dwellings;
    Rect rect;
};

struct Area {
    std::string id;
    Rect rect;
};

std::string iso(const std::optional<Date>& d) { return d ? d->iso() : ""; }

/// The rules of product.md, written from the deadlines (not from the engine's cutoffs).
enum class Stage { none, applied, granted, started, completed, out, lapsed };

bool by(const std::optional<Date>& d, Date day) { return d && !(day < *d); }

Stage stage(const Permit& p, Date day) {
    if (by(p.refused, day) || by(p.withdrawn, day)) return Stage::out;
    if (by(p.completed, day)) return Stage::completed;
    if (by(p.started, day)) return Stage::started;
    if (by(p.granted, day)) return p.granted->plus_months(24) < day ? Stage::lapsed : Stage::granted;
    if (by(p.applied, day)) return Stage::applied;
    return Stage::none;
}

using Figures = std::map<std::string, double>;

void add(Figures& f, const Permit& p, Date day, int stalled_months, int n) {
    const Stage s = stage(p, day);
    const char* key = s == Stage::applied ? "applied" : s == Stage::granted ? "granted" : s == Stage::started ? "started"
                      : s == Stage::completed ? "completed" : s == Stage::lapsed ? "lapsed" : nullptr;
    if (key) f[key] += n;
    if (s == Stage::started && p.granted->plus_months(60) < day) f["overdue"] += n;
    if (s == Stage::applied || s == Stage::granted || s == Stage::started) {
        std::optional<Date> last;
        for (const auto& d : {p.applied, p.granted, p.started}) {
            if (by(d, day) && (!last || *last < *d)) last = d;
        }
        if (!(day.plus_months(-stalled_months) < *last)) f["stalled"] += n;
    }
    const Month m = Month::of(day);
    const auto in_month = [&](const std::optional<Date>& d) { return d && Month::of(*d) == m; };
    if (in_month(p.applied)) f["applied_in_month"] += n;
    if (in_month(p.granted)) f["granted_in_month"] += n;
    if (in_month(p.started)) f["started_in_month"] += n;
    if (in_month(p.completed)) f["completed_in_month"] += n;
    if (p.completed && p.completed->year() == day.year() && !(day < *p.completed)) f["completed_year_to_date"] += n;
}

class Generated : public ::testing::Test {
protected:
    void SetUp() override {
        std::mt19937 rng(12901293);
        const auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
        const auto chance = [&](double p) { return std::bernoulli_distribution(p)(rng); };
        // A 4 × 4 grid of 1 km squares, two cells left out, ids ranked out of grid order.
        std::vector<int> ids(16);
        std::iota(ids.begin(), ids.end(), 0);
        std::shuffle(ids.begin(), ids.end(), rng);
        for (int i = 0; i < 4; ++i) {
            for (int j = 0; j < 4; ++j) {
                if ((i == 1 && j == 2) || (i == 3 && j == 0)) continue;
                const double x = 441000 + i * 1000.0;
                const double y = 6201000 + j * 1000.0;
                areas.push_back({fmt::format("A{:02}", ids[static_cast<std::size_t>(i * 4 + j)]), {x, y, x + 1000, y + 1000}});
            }
        }
        // Permits: anywhere around the grid, a fifth on grid lines, a tenth on vertices.
        const Date base = *Date::parse_iso("2018-01-01");
        for (int k = 0; k < 24000; ++k) { // enough for the status to read them in parallel parts
            Permit p;
            p.id = fmt::format("BN {}", k);
            p.dwellings = chance(0.2) ? uniform(2, 60) : 1;
            p.removed = chance(0.05) ? 1 : 0;
            p.x = 440500 + uniform(0, 50000) / 10.0;
            p.y = 6200500 + uniform(0, 50000) / 10.0;
            if (k % 5 == 0) p.x = 441000 + uniform(0, 4) * 1000.0;
            if (k % 10 == 0) p.y = 6201000 + uniform(0, 4) * 1000.0;
            p.applied = base.plus_days(uniform(0, 8 * 365));
            if (chance(0.05)) {
                p.refused = p.applied->plus_days(uniform(5, 120));
            } else if (chance(0.9)) {
                p.granted = p.applied->plus_days(uniform(0, 150));
                if (k % 97 == 0) { // leap-day grants
                    p.applied = *Date::parse_iso("2020-01-15");
                    p.granted = *Date::parse_iso("2020-02-29");
                }
                if (chance(0.04)) p.withdrawn = p.granted->plus_days(uniform(1, 400));
                else if (chance(0.75)) {
                    p.started = p.granted->plus_days(uniform(0, 800));
                    if (chance(0.75)) p.completed = p.started->plus_days(uniform(60, 2200));
                }
            }
            // Decision lists: some permits come without a dwelling count, some granted ones without their application.
            if (chance(0.04)) p.dwellings.reset();
            if (p.granted && chance(0.03)) p.applied.reset();
            permits.push_back(p);
        }
        // Plans: rectangles across cell lines and the grid's edge; some without legal force or capacity.
        for (int k = 0; k < 40; ++k) {
            Plan p;
            p.id = fmt::format("DP {}", k);
            p.legal = chance(0.8);
            p.legal_date = base.plus_days(uniform(-3000, 2500));
            if (chance(0.85)) p.dwellings = uniform(0, 300);
            const double x = 440600 + uniform(0, 4500);
            const double y = 6200600 + uniform(0, 4500);
            p.rect = {x, y, x + uniform(50, 1500), y + uniform(50, 1500)};
            plans.push_back(p);
        }
        store = dir.file("s.gpkg");
        make_store(store);
        std::string text = "area_id,name,wkt\n";
        for (const auto& a : areas) text += fmt::format("{},Area {},{}\n", a.id, a.id, a.rect.wkt());
        ingest("areas.csv", text, {"--kind", "areas", "--area-set", "grid"});
        text = "plan_id,name,status,legal_date,planned_dwellings,wkt\n";
        for (const auto& p : plans) {
            text += fmt::format("{},Plan,{},{},{},{}\n", p.id, p.legal ? "laga_kraft" : "antagen", p.legal ? p.legal_date.iso() : "",
                                p.dwellings ? std::to_string(*p.dwellings) : "", p.rect.wkt());
        }
        ingest("plans.csv", text, {"--kind", "plans"});
        text = "case_id,dwellings,dwellings_removed,applied_date,granted_date,started_date,completed_date,refused_date,withdrawn_date,x,y\n";
        for (const auto& p : permits) {
            text += fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n", p.id, p.dwellings ? std::to_string(*p.dwellings) : "", p.removed, iso(p.applied), iso(p.granted),
                                iso(p.started), iso(p.completed), iso(p.refused), iso(p.withdrawn), p.x, p.y);
        }
        ingest("permits.csv", text, {"--kind", "permits"});
    }

    void ingest(const std::string& name, const std::string& text, std::vector<std::string> extra) {
        write_file(dir.file(name), text);
        std::vector<std::string> args{"--db", store, "ingest", dir.file(name), "--crs", "EPSG:3006", "--municipality", "1290", "--strict"};
        args.insert(args.end(), extra.begin(), extra.end());
        const auto r = run_bostad(args);
        ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    }

    /// The area a permit belongs to: the covering square with the smallest id; "" for none.
    std::string area_of(const Permit& p) const {
        std::string best;
        for (const auto& a : areas) {
            if (a.rect.covers(p.x, p.y) && (best.empty() || a.id < best)) best = a.id;
        }
        return best;
    }

    /// Every area's figures ("" is the unassigned rest), recomputed by brute force.
    std::map<std::string, Figures> expected(Month month) const {
        const Date day = month.last_day();
        std::map<std::string, Figures> out;
        for (const auto& a : areas) out[a.id];
        for (const auto& p : permits) {
            Figures& f = out[area_of(p)];
            add(f, p, day, 12, p.dwellings.value_or(0));
            Figures net;
            add(net, p, day, 12, p.dwellings.value_or(0) - p.removed);
            for (const auto& [k, v] : net) f["net_" + k] += v;
            Figures unknown;
            add(unknown, p, day, 12, p.dwellings ? 0 : 1);
            for (const auto& [k, v] : unknown) f["unknown_" + k] += v;
        }
        for (const auto& plan : plans) {
            if (!plan.legal || day < plan.legal_date) continue;
            const double capacity = plan.dwellings.value_or(0);
            double used = 0;
            for (const auto& p : permits) {
                const Stage s = stage(p, day);
                if (plan.rect.covers(p.x, p.y) && (s == Stage::granted || s == Stage::started || s == Stage::completed)) {
                    used += p.dwellings.value_or(0);
                }
            }
            const double remaining = std::max(0.0, capacity - used);
            double rest = 1;
            for (const auto& a : areas) {
                const double share = a.rect.overlap(plan.rect) / plan.rect.area();
                out[a.id]["planned"] += capacity * share;
                out[a.id]["remaining_capacity"] += remaining * share;
                rest -= share;
            }
            out[""]["planned"] += capacity * rest;
            out[""]["remaining_capacity"] += remaining * rest;
        }
        return out;
    }

    TempDir dir;
    std::string store;
    std::vector<Area> areas;
    std::vector<Permit> permits;
    std::vector<Plan> plans;
};

void expect_figures(const json& got, Figures want, const std::string& where) {
    for (const auto& key : k_count_keys) {
        EXPECT_EQ(got[key].get<double>(), want[key]) << where << " " << key;
        EXPECT_EQ(got["net_" + key].get<double>(), want["net_" + key]) << where << " net_" << key;
        EXPECT_EQ(got["unknown_dwellings"][key].get<double>(), want["unknown_" + key]) << where << " unknown_dwellings " << key;
    }
    EXPECT_NEAR(got["planned"].get<double>(), want["planned"], 1e-6) << where;
    EXPECT_NEAR(got["remaining_capacity"].get<double>(), want["remaining_capacity"], 1e-6) << where;
}

TEST_F(Generated, EveryFigureMatchesABruteForceComputation) {
    for (const char* m : {"2018-01", "2020-02", "2022-03", "2024-12", "2025-07", "2026-01"}) {
        const Month month = *Month::parse(m);
        const auto r = run_bostad({"--db", store, "status", "--month", m, "--area-set", "grid", "--of", "json"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        const auto got = json::parse(r.out);
        auto want = expected(month);
        ASSERT_EQ(got["areas"].size(), areas.size());
        Figures total;
        for (const auto& a : got["areas"]) expect_figures(a, want[a["area_id"]], std::string(m) + " " + a["area_id"].get<std::string>());
        expect_figures(got["unassigned"], want[""], std::string(m) + " unassigned");
        for (const auto& [id, f] : want) {
            for (const auto& [k, v] : f) total[k] += v;
        }
        expect_figures(got["total"], total, std::string(m) + " total");
    }
}

TEST_F(Generated, AStatusCountsAnEarlierMonthInItsPassAsThatMonthsOwnStatusDoes) {
    // The report's "a year ago" comes from the status's own pass (StatusRequest::earlier), read in parallel parts
    // under the snapshot, and by a reader that shares the snapshot from another connection.
    const auto s = bostad::store::open(store, {bostad::store::Access::read_only, {}, {}});
    const auto snapshot = s->read_snapshot();
    const auto shared = s->share_snapshot();
    ASSERT_TRUE(shared) << "a GeoPackage store shares its read snapshot";
    for (const char* m : {"2019-03", "2024-12", "2026-01"}) {
        aggregate::StatusRequest req;
        req.month = *Month::parse(m);
        req.area_set = "grid";
        req.earlier = req.month.plus(-12);
        const aggregate::StatusResult both = aggregate::compute_status(s->status(), req);
        aggregate::StatusRequest then = req;
        then.month = *req.earlier;
        then.earlier.reset();
        const aggregate::StatusResult own = aggregate::compute_status(shared->status(), then);
        ASSERT_TRUE(both.earlier) << m;
        EXPECT_EQ(*both.earlier, own.total.dwellings) << m;
        EXPECT_NE(both.total.dwellings, own.total.dwellings) << m << ": a year apart, the generated pipeline moved";
        EXPECT_FALSE(own.earlier) << "not asked for";
    }
}

TEST_F(Generated, ListsNameThePermitsBehindTheCounts) {
    const Month month = *Month::parse("2024-12");
    const Date day = month.last_day();
    for (const char* list : {"lapsed", "overdue", "stalled", "new", "completed"}) {
        const auto r = run_bostad({"--db", store, "status", "--month", month.str(), "--list", list, "--of", "json"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        const auto listed = json::parse(r.out);
        std::set<std::string> got;
        for (const auto& p : listed["permits"]) got.insert(p["case_id"]);
        std::set<std::string> want;
        for (const auto& p : permits) {
            Figures f;
            add(f, p, day, 12, 1);
            const bool applied_in_month = p.applied && Month::of(*p.applied) == month;
            const std::string name = list;
            if ((name == "new" && applied_in_month) || (name == "completed" && f["completed_in_month"] > 0) ||
                (name != "new" && name != "completed" && f[name] > 0)) {
                want.insert(p.id);
            }
        }
        EXPECT_EQ(got, want) << list;
        EXPECT_FALSE(want.empty()) << list << ": the generated data should have some";
    }
}

// Conservation on the example project (both municipalities, both area sets, several months).
TEST(StatusConservation, AreasAndUnassignedAddUpToTheTotalForEveryKey) {
    TempDir dir;
    const ProcessOptions opts = make_example_project(dir.path().string());
    ASSERT_EQ(run_bostad({"init"}, opts).exit_code, 0);
    for (const char* m : {"2026-09", "2026-10"}) ASSERT_EQ(run_bostad({"ingest", "--month", m}, opts).exit_code, 0);
    const std::vector<std::string> sets{"distrikt", "kommuner"};
    ASSERT_EQ(query(dir.file("ex/bostad.gpkg"), "SELECT group_concat(name, ',') FROM (SELECT name FROM area_sets ORDER BY name)"),
              "distrikt,kommuner");
    for (const auto& set : sets) {
        for (const char* m : {"2019-06", "2025-12", "2026-10"}) {
            const auto r = run_bostad({"status", "--month", m, "--area-set", set, "--of", "json"}, opts);
            ASSERT_EQ(r.exit_code, 0) << r.err;
            const auto s = json::parse(r.out);
            const std::string where = set + " " + m;
            std::vector<std::string> keys{"planned", "remaining_capacity"};
            for (const auto& k : k_count_keys) {
                keys.push_back(k);
                keys.push_back("net_" + k);
            }
            for (const auto& k : keys) {
                double sum = s["unassigned"][k].get<double>();
                for (const auto& a : s["areas"]) sum += a[k].get<double>();
                double by_municipality = 0;
                for (const auto& mu : s["municipalities"]) by_municipality += mu[k].get<double>();
                EXPECT_NEAR(sum, s["total"][k].get<double>(), 1e-6) << where << " " << k;
                EXPECT_NEAR(by_municipality, s["total"][k].get<double>(), 1e-6) << where << " " << k;
            }
            for (const auto& k : k_count_keys) {
                std::int64_t by_type = 0;
                for (const auto& [_, c] : s["total"]["by_house_type"].items()) by_type += c[k].get<std::int64_t>();
                EXPECT_EQ(by_type, s["total"][k].get<std::int64_t>()) << where << " by_house_type " << k;
                std::int64_t by_tenure = 0;
                for (const auto& [_, c] : s["total"]["by_tenure"].items()) by_tenure += c[k].get<std::int64_t>();
                EXPECT_EQ(by_tenure, s["total"][k].get<std::int64_t>()) << where << " by_tenure " << k;
            }
            // Σ shared-out capacity = Σ plan capacity.
            const auto plans = run_bostad({"status", "--month", m, "--list", "plans", "--of", "json"}, opts);
            ASSERT_EQ(plans.exit_code, 0) << plans.err;
            const auto listed = json::parse(plans.out);
            double capacity = 0;
            for (const auto& p : listed["plans"]) capacity += p["capacity"].is_null() ? 0 : p["capacity"].get<double>();
            EXPECT_NEAR(s["total"]["planned"].get<double>(), capacity, 1e-6) << where;
            if (std::string(m) == "2026-10") {
                EXPECT_GT(capacity, 0) << where;
            }
        }
    }
    // Each permit assigned exactly once per area set, the unassigned ones included.
    EXPECT_EQ(query(dir.file("ex/bostad.gpkg"), "SELECT count(*) FROM permit_areas"),
              query(dir.file("ex/bostad.gpkg"), "SELECT 2 * count(*) FROM permits WHERE geom IS NOT NULL"));
}

} // namespace
} // namespace bostad::test
