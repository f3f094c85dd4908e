#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/merge/diff.hpp"

namespace bostad::ingest {
namespace {

PermitRecord permit() {
    PermitRecord p;
    p.municipality = "1290";
    p.case_id = "BN 2024-000123";
    p.property = "Åhus 3:45";
    p.house_type = HouseType::flerbostadshus;
    p.tenure = Tenure::hyresratt;
    p.dwellings = 24;
    p.applied = Date::from_ymd(2024, 1, 15);
    p.granted = Date::from_ymd(2024, 4, 2);
    p.x = 445500.25;
    p.y = 6209000.5;
    return p;
}

PlanRecord plan(PlanStatus status) {
    PlanRecord p;
    p.municipality = "1290";
    p.plan_id = "1290-P2024/3";
    p.name = "Kv. Näktergalen";
    p.status = status;
    p.planned_dwellings = 120;
    return p;
}

/// "field kind old → new" per change, for compact expectations.
std::vector<std::string> summary(const std::vector<FieldChange>& changes) {
    std::vector<std::string> out;
    for (const auto& c : changes) {
        out.push_back(c.field + " " + c.kind + " " + c.old_value.value_or("(none)") + " → " + c.new_value.value_or("(none)"));
    }
    return out;
}

TEST(Diff, EqualRecordsHaveNoChanges) {
    EXPECT_TRUE(compare(permit(), permit()).empty());
    EXPECT_TRUE(compare(plan(PlanStatus::antagen), plan(PlanStatus::antagen)).empty());
}

TEST(Diff, EachChangedPermitFieldIsOneChange) {
    const PermitRecord before = permit();
    PermitRecord after = before;
    after.property = "Åhus 3:46";
    after.house_type = HouseType::smahus;
    after.tenure = std::nullopt;
    after.dwellings = 20;
    after.dwellings_removed = 2;
    after.started = Date::from_ymd(2024, 9, 1);
    EXPECT_EQ(summary(compare(before, after)), (std::vector<std::string>{
                                                   "property changed Åhus 3:45 → Åhus 3:46",
                                                   "house_type changed flerbostadshus → småhus",
                                                   "tenure changed hyresrätt → (none)",
                                                   "dwellings changed 24 → 20",
                                                   "dwellings_removed changed 0 → 2",
                                                   "started_date changed (none) → 2024-09-01",
                                               }));
}

TEST(Diff, FlagsDatesThatMoveBackOrDisappear) {
    const PermitRecord before = permit();
    PermitRecord after = before;
    after.applied = Date::from_ymd(2024, 1, 10);  // earlier
    after.granted = Date::from_ymd(2024, 4, 20); // later: an ordinary change
    after.completed = Date::from_ymd(2025, 6, 30); // new
    EXPECT_EQ(summary(compare(before, after)), (std::vector<std::string>{
                                                   "applied_date date_moved_back 2024-01-15 → 2024-01-10",
                                                   "granted_date changed 2024-04-02 → 2024-04-20",
                                                   "completed_date changed (none) → 2025-06-30",
                                               }));

    PermitRecord removed = before;
    removed.granted.reset();
    removed.refused = Date::from_ymd(2024, 4, 2);
    EXPECT_EQ(summary(compare(before, removed)), (std::vector<std::string>{
                                                     "granted_date date_removed 2024-04-02 → (none)",
                                                     "refused_date changed (none) → 2024-04-02",
                                                 }));
}

TEST(Diff, LocationChangesBelowAMillimetreAreIgnored) {
    const PermitRecord before = permit();
    PermitRecord after = before;
    after.x += 0.0004;
    after.y -= 0.0009;
    EXPECT_TRUE(compare(before, after).empty());

    after = before;
    after.x += 1.0;
    const auto changes = compare(before, after);
    ASSERT_EQ(changes.size(), 1U);
    EXPECT_EQ(changes[0].field, "location");
    EXPECT_EQ(changes[0].kind, "changed");
    EXPECT_EQ(changes[0].old_value, "445500.250 6209000.500");
    EXPECT_EQ(changes[0].new_value, "445501.250 6209000.500");

    after = before;
    after.y += 0.002;
    EXPECT_EQ(summary(compare(before, after)), std::vector<std::string>{"location changed 445500.250 6209000.500 → "
                                                                         "445500.250 6209000.502"});
}

TEST(Diff, FootprintChangesCarryNoText) {
    const PermitRecord before = permit();
    PermitRecord after = before;
    after.footprint = {1, 6, 0, 0, 0};
    const auto changes = compare(before, after);
    ASSERT_EQ(changes.size(), 1U);
    EXPECT_EQ(changes[0].field, "footprint");
    EXPECT_EQ(changes[0].kind, "changed");
    EXPECT_FALSE(changes[0].old_value);
    EXPECT_FALSE(changes[0].new_value);
}

TEST(Diff, FlagsPlanStatusesThatGoBack) {
    const auto status_change = [](PlanStatus from, PlanStatus to) {
        const auto changes = compare(plan(from), plan(to));
        return changes.size() == 1 && changes[0].field == "status" ? changes[0] : FieldChange{};
    };
    const FieldChange back = status_change(PlanStatus::laga_kraft, PlanStatus::granskning);
    EXPECT_EQ(back.kind, "status_moved_back");
    EXPECT_EQ(back.old_value, "laga_kraft");
    EXPECT_EQ(back.new_value, "granskning");
    EXPECT_EQ(status_change(PlanStatus::antagen, PlanStatus::samrad).kind, "status_moved_back");
    EXPECT_EQ(status_change(PlanStatus::upphavd, PlanStatus::laga_kraft).kind, "status_moved_back");

    EXPECT_EQ(status_change(PlanStatus::samrad, PlanStatus::antagen).kind, "changed");
    EXPECT_EQ(status_change(PlanStatus::antagen, PlanStatus::laga_kraft).kind, "changed");
    // The ends of a plan come after laga kraft and are ordinary changes, also from one end to another.
    EXPECT_EQ(status_change(PlanStatus::laga_kraft, PlanStatus::upphavd).kind, "changed");
    EXPECT_EQ(status_change(PlanStatus::granskning, PlanStatus::avslutad).kind, "changed");
    EXPECT_EQ(status_change(PlanStatus::avslutad, PlanStatus::overklagad).kind, "changed");
    // An appeal turned down: the plan gains legal force after being appealed.
    EXPECT_EQ(status_change(PlanStatus::overklagad, PlanStatus::laga_kraft).kind, "changed");
}

TEST(Diff, EachChangedPlanFieldIsOneChange) {
    const PlanRecord before = plan(PlanStatus::laga_kraft);
    PlanRecord after = before;
    after.name = std::nullopt;
    after.legal = Date::from_ymd(2024, 6, 1);
    after.planned_dwellings = 140;
    after.geometry_repair = "MakeValid";
    EXPECT_EQ(summary(compare(before, after)), (std::vector<std::string>{
                                                   "name changed Kv. Näktergalen → (none)",
                                                   "legal_date changed (none) → 2024-06-01",
                                                   "planned_dwellings changed 120 → 140",
                                                   "geometry_repair changed (none) → MakeValid",
                                               }));

    PlanRecord earlier = after;
    earlier.legal = Date::from_ymd(2024, 5, 1);
    earlier.implementation_end = Date::from_ymd(2034, 5, 1);
    EXPECT_EQ(summary(compare(after, earlier)), (std::vector<std::string>{
                                                    "legal_date date_moved_back 2024-06-01 → 2024-05-01",
                                                    "implementation_end changed (none) → 2034-05-01",
                                                }));
}

} // namespace
} // namespace bostad::ingest
