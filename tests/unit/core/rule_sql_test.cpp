// The SQL that core/rule_sql.cpp writes from the pipeline's rules against the C++ that interprets them, case by
// case: thousands of generated permits around the cutoff days, at the ends of 30 months, in SQLite (the
// PostGIS suite does the same in PostgreSQL). A rule changed on one side only fails here.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "core/figures.hpp"
#include "core/rule_sql.hpp"
#include "sqlite/database.hpp"
#include "support/random_permits.hpp"

namespace bostad {
namespace {

constexpr const char* k_columns[] = {"applied_date", "granted_date", "started_date", "completed_date", "refused_date",
                                     "withdrawn_date"};

SqlNames literal_names(const Cutoffs<Date>& c) {
    SqlNames n;
    for (std::size_t i = 0; i < 6; ++i) {
        n.dates[i] = k_columns[i];
        n.earliest[i] = fmt::format("CASE WHEN year_only & {} THEN substr({}, 1, 4) || '-01-01' ELSE {} END", 1u << i,
                                    k_columns[i], k_columns[i]);
        n.days[i] = fmt::format("'{}'", c.at(static_cast<Day>(i)).iso());
    }
    n.state = "state";
    return n;
}

class RuleSql : public ::testing::Test {
protected:
    void SetUp() override {
        const Month first(2023, 11);
        cutoffs = test::month_cutoffs(first, 30, 12);
        std::vector<Date> edges;
        for (const auto& c : cutoffs) {
            for (std::size_t d = 0; d < 6; ++d) edges.push_back(c.at(static_cast<Day>(d)));
        }
        permits = test::random_permits(4000, edges, 12901293);
        // Every fifth permit has one date delivered as a year alone: its year's last day, and its bit.
        for (std::size_t i = 0; i < permits.size(); i += 5) {
            const auto s = k_stage_dates[(i / 5) % k_stage_dates.size()];
            auto& d = permits[i].at(s);
            if (!d) continue;
            d = Date::from_ymd(d->year(), 12, 31);
            permits[i].year_only = static_cast<std::uint8_t>(1u << static_cast<unsigned>(s));
        }
        db.exec("CREATE TABLE permits (id INTEGER PRIMARY KEY, applied_date TEXT, granted_date TEXT, started_date TEXT, "
                "completed_date TEXT, refused_date TEXT, withdrawn_date TEXT, year_only INTEGER)");
        auto insert = db.prepare("INSERT INTO permits VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        std::int64_t id = 0;
        for (const auto& p : permits) {
            insert.reset();
            insert.bind(1, id++);
            for (const StageDate d : k_stage_dates) {
                const auto& v = p.at(d);
                insert.bind(static_cast<int>(d) + 2, v ? std::optional<std::string>(v->iso()) : std::nullopt);
            }
            insert.bind(8, static_cast<std::int64_t>(p.year_only));
            insert.run();
        }
    }

    /// Every permit's value of `condition` (over its dates and `state`) at the cutoffs, in id order.
    std::vector<std::int64_t> sql_values(const Cutoffs<Date>& c, const std::string& condition) {
        const SqlNames n = literal_names(c);
        auto st = db.prepare(fmt::format("SELECT CASE WHEN {} THEN 1 ELSE 0 END FROM (SELECT *, {} AS state FROM permits) "
                                         "ORDER BY id",
                                         condition, state_sql(n)));
        std::vector<std::int64_t> out;
        while (st.step()) out.push_back(st.column_int64(0));
        return out;
    }

    sqlite::Database db{":memory:", sqlite::OpenMode::create};
    std::vector<Cutoffs<Date>> cutoffs;
    std::vector<StageDates<Date>> permits;
};

TEST_F(RuleSql, TheStateExpressionIsStateAt) {
    for (const auto& c : cutoffs) {
        const SqlNames n = literal_names(c);
        auto st = db.prepare(fmt::format("SELECT {} FROM permits ORDER BY id", state_sql(n)));
        std::size_t i = 0;
        std::map<PipelineState, int> seen;
        while (st.step()) {
            const PipelineState expected = state_at(permits[i], c);
            ++seen[expected];
            ASSERT_EQ(st.column_int64(0), static_cast<int>(expected)) << "permit " << i << " at " << c.day.iso();
            ++i;
        }
        ASSERT_EQ(i, permits.size());
        if (c.day == cutoffs.back().day) {
            EXPECT_EQ(seen.size(), 8u) << "the permits reach every state";
        }
    }
}

TEST_F(RuleSql, EveryFigureCountsTheSamePermits) {
    for (const auto& f : figure_defs()) {
        std::int64_t counted = 0;
        for (const auto& c : cutoffs) {
            const auto sql = sql_values(c, rule_sql(f.rule, literal_names(c)));
            ASSERT_EQ(sql.size(), permits.size());
            for (std::size_t i = 0; i < permits.size(); ++i) {
                const bool expected = holds(f.rule, permits[i], c, state_at(permits[i], c));
                ASSERT_EQ(sql[i], expected ? 1 : 0) << f.key << ", permit " << i << " at " << c.day.iso();
                counted += expected;
            }
        }
        EXPECT_GT(counted, 0) << f.key << " counts no generated permit: the test would not see a difference";
    }
}

TEST_F(RuleSql, RulesOfEveryShapeAgree) {
    // Shapes no figure uses today, so that a new figure of any shape is covered: a window with a start on the
    // latest activity, a window on a date with a state.
    const Rule shapes[] = {
        k_uses_capacity,
        {0, RuleDate::latest_activity, Day::stalled, Day::end},
        {state_bits({PipelineState::granted, PipelineState::lapsed}), RuleDate::granted, Day::year_start, Day::end},
        {0, RuleDate::started, std::nullopt, Day::month_start},
        {},
    };
    for (const Rule& r : shapes) {
        for (const auto& c : cutoffs) {
            const auto sql = sql_values(c, rule_sql(r, literal_names(c)));
            for (std::size_t i = 0; i < permits.size(); ++i) {
                ASSERT_EQ(sql[i], holds(r, permits[i], c, state_at(permits[i], c)) ? 1 : 0)
                    << rule_sql(r, literal_names(c)) << ", permit " << i << " at " << c.day.iso();
            }
        }
    }
}

} // namespace
} // namespace bostad
