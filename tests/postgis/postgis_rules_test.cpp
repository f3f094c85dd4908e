// The pipeline's rules as PostgreSQL runs them (core/rule_sql.hpp, the SQL the PostGIS store counts with)
// against the C++ that interprets them, case by case: generated permits around the cutoff days at the ends of
// 30 months, in a table of `date` columns with the cutoffs bound as text parameters, as the store binds them.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <unistd.h>

#include "core/figures.hpp"
#include "core/rule_sql.hpp"
#include "pg/connection.hpp"
#include "support/pg_server.hpp"
#include "support/random_permits.hpp"

namespace bostad::test {
namespace {

SqlNames parameter_names() {
    constexpr const char* columns[] = {"applied_date", "granted_date", "started_date", "completed_date", "refused_date",
                                       "withdrawn_date"};
    SqlNames n;
    for (std::size_t i = 0; i < 6; ++i) {
        n.dates[i] = columns[i];
        n.days[i] = fmt::format("${}::date", i + 1);
    }
    n.state = "state";
    return n;
}

pg::Params day_params(const Cutoffs<Date>& c) {
    pg::Params out;
    for (std::size_t i = 0; i < 6; ++i) out.emplace_back(c.at(static_cast<Day>(i)).iso());
    return out;
}

TEST(PostgisRules, StateAndEveryFigureAreTheCppRules) {
    pg::Connection c = pg::Connection::open(pg_location(fmt::format("t_rules_{}", ::getpid())));
    c.exec_script(fmt::format("CREATE SCHEMA IF NOT EXISTS {}", pg::quote_identifier(c.schema())));
    c.exec_script("DROP TABLE IF EXISTS rule_permits; CREATE TABLE rule_permits (id bigint PRIMARY KEY, applied_date date, "
                  "granted_date date, started_date date, completed_date date, refused_date date, withdrawn_date date)");
    const auto cutoffs = month_cutoffs(Month(2023, 11), 30, 12);
    std::vector<Date> edges;
    for (const auto& cut : cutoffs) {
        for (std::size_t d = 0; d < 6; ++d) edges.push_back(cut.at(static_cast<Day>(d)));
    }
    const auto permits = random_permits(3000, edges, 1293);
    c.begin_copy("rule_permits", {"id", "applied_date", "granted_date", "started_date", "completed_date", "refused_date",
                                  "withdrawn_date"});
    for (std::size_t i = 0; i < permits.size(); ++i) {
        std::vector<pg::Param> row{std::to_string(i)};
        for (const StageDate d : k_stage_dates) {
            const auto& v = permits[i].at(d);
            row.push_back(v ? pg::Param(v->iso()) : std::nullopt);
        }
        c.put_row(row);
    }
    c.end_copy();

    const SqlNames n = parameter_names();
    std::string figures;
    for (const auto& f : figure_defs()) figures += fmt::format(", CASE WHEN {} THEN 1 ELSE 0 END", rule_sql(f.rule, n));
    const std::string sql = fmt::format("SELECT state{} FROM (SELECT *, {} AS state FROM rule_permits) s ORDER BY id", figures,
                                        state_sql(n));
    for (const auto& cut : cutoffs) {
        const pg::Result r = c.exec(sql, day_params(cut));
        ASSERT_EQ(r.rows(), static_cast<int>(permits.size()));
        for (int i = 0; i < r.rows(); ++i) {
            const auto& p = permits[static_cast<std::size_t>(i)];
            const PipelineState state = state_at(p, cut);
            ASSERT_EQ(r.int64(i, 0), static_cast<int>(state)) << "permit " << i << " at " << cut.day.iso();
            for (const auto& f : figure_defs()) {
                ASSERT_EQ(r.int64(i, 1 + static_cast<int>(f.id)), holds(f.rule, p, cut, state) ? 1 : 0)
                    << f.key << ", permit " << i << " at " << cut.day.iso();
            }
        }
    }
    c.exec_script(fmt::format("DROP SCHEMA {} CASCADE", pg::quote_identifier(c.schema())));
}

} // namespace
} // namespace bostad::test
