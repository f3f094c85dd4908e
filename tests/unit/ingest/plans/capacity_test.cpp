#include <cmath>

#include <gtest/gtest.h>

#include "ingest/plans/capacity.hpp"

namespace bostad::ingest {
namespace {

const CapacitySettings k_defaults;

TEST(Capacity, FootprintTimesStoreysFromHeight) {
    // 2 000 m² byggnadsarea, nockhöjd 10 m → 3 storeys → 6 000 m² BTA → flerbostadshus at 90 m².
    const auto e = estimate_capacity(12000, {{"DP_KM_Eg_Omfatt_Byggnadsarea_Kvm", 2000}, {"DP_KM_Eg_Utform_Nockhojd_Meter", 10}}, k_defaults);
    EXPECT_DOUBLE_EQ(e.dwellings, 66);
    EXPECT_NE(e.method.find("byggnadsarea 2000 m² × 3 storeys (height 10 m ÷ 3 m) = 6000 m² BTA"), std::string::npos) << e.method;
    EXPECT_NE(e.method.find("flerbostadshus"), std::string::npos);
}

TEST(Capacity, RegulatedStoreysWinOverHeight) {
    const auto e = estimate_capacity(5000, {{"DP_KM_Eg_Omfatt_Byggnadsarea_Kvm", 600}, {"DP_KM_Eg_Utform_Nockhojd_Meter", 12},
                                            {"DP_KM_Eg_Utform_Vaningsantal", 2}},
                                     k_defaults);
    // 600 × 2 = 1 200 m² BTA, two storeys → småhus at 150 m² → 8 dwellings.
    EXPECT_DOUBLE_EQ(e.dwellings, 8);
    EXPECT_NE(e.method.find("2 storeys (våningsantal)"), std::string::npos) << e.method;
    EXPECT_NE(e.method.find("småhus"), std::string::npos);
}

TEST(Capacity, AbsurdStoreysOrHeightsAreCappedAt100Storeys) {
    // A fuzzer's nockhöjd of 4e84 m once overflowed the storeys' integer; 100 storeys is more than any Swedish building.
    const auto tall = estimate_capacity(1000, {{"DP_KM_Eg_Omfatt_Byggnadsarea_Kvm", 100}, {"DP_KM_Eg_Utform_Nockhojd_Meter", 4e84}}, k_defaults);
    EXPECT_NE(tall.method.find("100 storeys"), std::string::npos) << tall.method;
    EXPECT_DOUBLE_EQ(tall.dwellings, std::floor(100.0 * 100 / 90));
    const auto many = estimate_capacity(1000, {{"DP_KM_Eg_Omfatt_Byggnadsarea_Kvm", 100}, {"DP_KM_Eg_Utform_Vaningsantal", 1e30}}, k_defaults);
    EXPECT_NE(many.method.find("100 storeys (våningsantal)"), std::string::npos) << many.method;
    const auto none = estimate_capacity(1000, {{"DP_KM_Eg_Omfatt_Byggnadsarea_Kvm", 100}, {"DP_KM_Eg_Utform_Vaningsantal", -5}}, k_defaults);
    EXPECT_NE(none.method.find("1 storeys (våningsantal)"), std::string::npos) << none.method;
}

TEST(Capacity, GrossAreaAndPlotRatio) {
    EXPECT_DOUBLE_EQ(estimate_capacity(9999, {{"DP_KM_Eg_Omfatt_Bruttoarea_Kvm", 4500}}, k_defaults).dwellings, 30); // 4500 ÷ 150 (2 storeys)
    const auto ratio = estimate_capacity(10000, {{"DP_KM_Eg_Omfatt_Exploateringstal", 0.6}, {"DP_KM_Eg_Utform_Vaningsantal", 4}}, k_defaults);
    EXPECT_DOUBLE_EQ(ratio.dwellings, 66); // 0.6 × 10 000 = 6 000 m² ÷ 90
    EXPECT_NE(ratio.method.find("exploateringstal 0.6 × land 10000 m²"), std::string::npos) << ratio.method;
}

TEST(Capacity, FootprintInPercentOfTheLand) {
    // 30 % of 4 000 m² × 2 storeys (default) = 2 400 m² ÷ 150 = 16.
    EXPECT_DOUBLE_EQ(estimate_capacity(4000, {{"DP_KM_Eg_Omfatt_Byggnadsarea_Procent", 30}}, k_defaults).dwellings, 16);
}

TEST(Capacity, NothingRegulatedUsesTheDefaults) {
    const auto e = estimate_capacity(6000, {}, k_defaults);
    EXPECT_DOUBLE_EQ(e.dwellings, 20); // 25 % × 6 000 × 2 = 3 000 ÷ 150
    EXPECT_NE(e.method.find("no building right regulated"), std::string::npos);
    CapacitySettings dense = k_defaults;
    dense.default_floors = 4;
    dense.dwelling_size_flerbostadshus = 75;
    EXPECT_DOUBLE_EQ(estimate_capacity(6000, {}, dense).dwellings, 80); // 25 % × 6 000 × 4 = 6 000 ÷ 75
}

TEST(Capacity, OnlyBuildingRightsCount) {
    EXPECT_TRUE(is_building_right("DP_KM_Eg_Omfatt_Byggnadsarea_Kvm"));
    EXPECT_TRUE(is_building_right("DP_KM_Eg_Utform_Nockhojd_Meter"));
    EXPECT_FALSE(is_building_right("DP_KM_Eg_Omfatt_Prickmark"));
    EXPECT_FALSE(is_building_right("DP_KM_Ad_Markres_Underjord"));
}

} // namespace
} // namespace bostad::ingest
