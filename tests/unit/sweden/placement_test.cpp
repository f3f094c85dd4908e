#include <gtest/gtest.h>

#include <string>

#include "sweden/placement.hpp"
#include "sweden/outlines.hpp"

namespace bostad::sweden {
namespace {

// Points in EPSG:3006 against SCB's generalised outlines.
constexpr double k_hassleholm_x = 422767, k_hassleholm_y = 6224172;  // central Hässleholm (E 13.7566, N 56.1563)
constexpr double k_kristianstad_x = 445500, k_kristianstad_y = 6209000;
constexpr double k_border_x = 436000, k_border_y = 6216000;           // in Hässleholm's outline, 0.4 km from Kristianstad's
constexpr double k_sea_x = 462000, k_sea_y = 6195000;                 // Hanöbukten: 4.7 km from Kristianstad, 15.2 km from Bromölla

class BoundaryCheck : public ::testing::Test {
protected:
    Locator locator{Outlines::built_in()};
    Placement at(const std::string& code, double x, double y, double tolerance = k_default_tolerance_m) {
        return place(locator, code, x, y, tolerance);
    }
};

TEST_F(BoundaryCheck, AcceptsAPointInsideItsKommun) {
    EXPECT_EQ(at("1290", k_kristianstad_x, k_kristianstad_y).verdict, Placement::Verdict::inside);
    EXPECT_EQ(at("1293", k_hassleholm_x, k_hassleholm_y).verdict, Placement::Verdict::inside);
    EXPECT_EQ(at("1293", k_border_x, k_border_y).verdict, Placement::Verdict::inside);
}

TEST_F(BoundaryCheck, RejectsAPointDeepInsideANeighbourNamingIt) {
    const Placement p = at("1290", k_hassleholm_x, k_hassleholm_y);
    EXPECT_EQ(p.verdict, Placement::Verdict::wrong);
    EXPECT_EQ(p.message, "lies in Hässleholm (1293), 13.7 km inside its boundary");
    // The other way round too, and from far away.
    EXPECT_EQ(at("1293", k_kristianstad_x, k_kristianstad_y).verdict, Placement::Verdict::wrong);
    EXPECT_EQ(at("0180", k_kristianstad_x, k_kristianstad_y).verdict, Placement::Verdict::wrong);
}

TEST_F(BoundaryCheck, RejectsAPointAtTheEdgeOfAKommunFarAway) {
    // Central Stockholm (E 18.07, N 59.33) lies less than the tolerance inside Stockholm's generalised outline,
    // but some 430 km from Hässleholm: not a border case.
    const Placement p = at("1293", 674648, 6580825);
    EXPECT_EQ(p.verdict, Placement::Verdict::wrong);
    EXPECT_NE(p.message.find("lies in Stockholm (0180)"), std::string::npos) << p.message;
    EXPECT_NE(p.message.find("km from Hässleholm (1293)"), std::string::npos) << p.message;
}

TEST_F(BoundaryCheck, FlagsAPointJustOverTheBorder) {
    const Placement p = at("1290", k_border_x, k_border_y);
    EXPECT_EQ(p.verdict, Placement::Verdict::near_border);
    EXPECT_EQ(p.message, "lies in Hässleholm (1293), 0.4 km inside its boundary");
    // With exact boundaries and a small tolerance the same point is wrong.
    EXPECT_EQ(at("1290", k_border_x, k_border_y, 100).verdict, Placement::Verdict::wrong);
}

TEST_F(BoundaryCheck, JudgesAPointOutsideEveryKommunByWhatIsNearest) {
    // At sea off Åhus: Kristianstad is the nearest kommun; nothing else within the tolerance.
    EXPECT_EQ(at("1290", k_sea_x, k_sea_y).verdict, Placement::Verdict::inside);
    // Labelled Bromölla, 10.5 km farther than Kristianstad: wrong, saying both distances.
    const Placement p = at("1272", k_sea_x, k_sea_y);
    EXPECT_EQ(p.verdict, Placement::Verdict::wrong);
    EXPECT_EQ(p.message, "lies outside every kommun, 15.2 km from Bromölla (1272) and 4.7 km from Kristianstad (1290)");
    // With a tolerance above the difference it is accepted, and flagged: Kristianstad is within it.
    EXPECT_EQ(at("1272", k_sea_x, k_sea_y, 12000).verdict, Placement::Verdict::near_border);
}

TEST_F(BoundaryCheck, DoesNotJudgeAKommunWithoutAnOutline) {
    EXPECT_EQ(at("9999", k_kristianstad_x, k_kristianstad_y).verdict, Placement::Verdict::inside);
}

TEST(Outlines, AProjectsOwnReplaceTheBuiltIn) {
    const auto built_in = Outlines::built_in();
    ASSERT_EQ(built_in->all().size(), 290u);
    EXPECT_TRUE(built_in->find("1290")->built_in);
    // A square around Kristianstad town as the project's own outline of 1290.
    const std::vector<std::uint8_t> square = [] {
        geos::Context ctx;
        const auto g = ctx.from_wkt("MULTIPOLYGON (((440000 6205000, 450000 6205000, 450000 6215000, 440000 6215000, 440000 6205000)))");
        return ctx.to_wkb(g.get());
    }();
    const auto own = Outlines::with({{"1290", square, {}, false}});
    EXPECT_EQ(own->all().size(), 290u);
    EXPECT_FALSE(own->find("1290")->built_in);
    EXPECT_TRUE(own->find("1293")->built_in);
    EXPECT_DOUBLE_EQ(own->find("1290")->envelope.min_x, 440000);
    Locator locator(own);
    EXPECT_EQ(locator.containing(k_kristianstad_x, k_kristianstad_y), own->index("1290"));
    EXPECT_EQ(locator.containing(455600, 6198000), std::nullopt); // Åhus: outside the square, in no outline now
}

TEST(Outlines, ShareOutAPolygonByArea) {
    Locator locator(Outlines::built_in());
    geos::Context ctx;
    // 2 km × 2 km around a point 0.4 km inside Hässleholm: most in Hässleholm, some in Kristianstad.
    const auto g = ctx.from_wkt("POLYGON ((435000 6215000, 437000 6215000, 437000 6217000, 435000 6217000, 435000 6215000))");
    const auto shares = locator.shares(ctx.to_wkb(g.get()));
    ASSERT_EQ(shares.size(), 2u);
    EXPECT_EQ(locator.outlines().all()[shares[0].first].code, "1293");
    EXPECT_EQ(locator.outlines().all()[shares[1].first].code, "1290");
    EXPECT_GT(shares[0].second, shares[1].second);
    EXPECT_NEAR(shares[0].second + shares[1].second, 1.0, 1e-9);
}

} // namespace
} // namespace bostad::sweden
