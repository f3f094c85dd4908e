#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "forecast/reader.hpp"
#include "store/feature_source.hpp"
#include "support/permits_only.hpp"

namespace bostad::forecast {
namespace {

/// A store's permits as text rows; everything else empty.
class Permits final : public test::PermitsOnly {
public:
    struct Row {
        std::string municipality, case_id, house_type;
        std::optional<std::int64_t> dwellings;
        std::string applied, granted, started, completed; ///< "" for none
        std::string area_id;
        std::uint8_t year_only = 0;
    };
    explicit Permits(std::vector<Row> rows) : m_rows(std::move(rows)) {}

    void permits(const store::PermitQuery& q, const std::function<void(const store::PermitFeature&)>& each) override {
        const auto opt = [](const std::string& s) { return s.empty() ? std::nullopt : std::optional<std::string_view>(s); };
        for (const Row& r : m_rows) {
            store::PermitFeature f;
            f.municipality = r.municipality;
            f.case_id = r.case_id;
            f.house_type = opt(r.house_type);
            f.dwellings = r.dwellings;
            f.dates.applied = opt(r.applied);
            f.dates.granted = opt(r.granted);
            f.dates.started = opt(r.started);
            f.dates.completed = opt(r.completed);
            f.dates.year_only = r.year_only;
            if (q.area_set) f.area_id = opt(r.area_id);
            each(f);
        }
    }

private:
    std::vector<Row> m_rows;
};

constexpr MonthIndex index_of(int year, int month) { return year * 12 + month - 1; }

TEST(ForecastReader, ReadsThePermitsAsKnownAtTheEndOfTheMonth) {
    Permits store({
        {"1290", "A", "småhus", 1, "2026-01-10", "2026-03-02", "2026-11-20", "", "D1"},    // its start comes later
        {"1290", "B", "flerbostadshus", 40, "2025-05-01", "2025-06-01", "2025-09-01", "2026-10-31", "D2"},
        {"1293", "C", "", std::nullopt, "", "2026-02-01", "", "", ""},                       // a decision list
        {"1293", "D", "småhus", 1, "2026-11-01", "", "", "", "D1"},                         // not applied for yet
        {"1293", "E", "övrigt", 2, "2024-12-31", "", "", "", "D1", 1},                      // a year alone
        {"1281", "F", "småhus", 1, "2026-01-01", "", "", "", "D9"},                         // outside the project
    });
    const Month month(2026, 10);
    const History h = read_history(store, nullptr, month, 12, std::string("distrikt"), [](std::string_view m) { return m != "1281"; });
    ASSERT_EQ(h.permits.size(), 4u) << "D is not applied for at the month's end; F's kommun is not the project's";
    const ReadPermit& a = h.permits[0];
    EXPECT_EQ(a.known.state, PipelineState::granted) << "its start in November is not known at October's end";
    EXPECT_EQ(a.known.applied, index_of(2026, 1));
    EXPECT_EQ(a.known.granted, index_of(2026, 3));
    EXPECT_FALSE(a.known.started);
    EXPECT_EQ(h.areas.at(static_cast<std::size_t>(a.area)), "D1");
    EXPECT_EQ(h.permits[1].known.state, PipelineState::completed);
    EXPECT_EQ(h.permits[1].dwellings, 40);
    EXPECT_EQ(h.areas.at(static_cast<std::size_t>(h.permits[1].area)), "D2");
    const ReadPermit& c = h.permits[2];
    EXPECT_FALSE(c.dwellings) << "not delivered stays not delivered";
    EXPECT_EQ(c.area, -1);
    EXPECT_FALSE(c.known.applied);
    EXPECT_EQ(h.permits[3].known.applied, index_of(2024, 7)) << "a year alone sits in July of its year";
    ASSERT_EQ(h.groups.size(), 3u) << "1290 småhus, 1290 flerbostadshus, 1293 other";
    EXPECT_EQ(h.groups.at(a.known.group).municipality, "1290");
    EXPECT_EQ(h.groups.at(a.known.group).house_class, "småhus");
    EXPECT_EQ(h.groups.at(c.known.group).house_class, "other") << "no house type";
    EXPECT_EQ(h.permits[3].known.group, c.known.group) << "övrigt and none are one class in one kommun";
}

TEST(ForecastReader, AYearAloneIsKnownOnlyOnceItsYearHasEnded) {
    EXPECT_FALSE(known_month("2026-12-31", true, Month(2026, 10)));
    EXPECT_EQ(known_month("2025-12-31", true, Month(2026, 10)), index_of(2025, 7));
    EXPECT_EQ(known_month("2026-10-31", false, Month(2026, 10)), index_of(2026, 10));
    EXPECT_FALSE(known_month("2026-11-01", false, Month(2026, 10)));
    EXPECT_FALSE(known_month(std::nullopt, false, Month(2026, 10)));
}

} // namespace
} // namespace bostad::forecast
