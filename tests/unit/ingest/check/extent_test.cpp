#include <gtest/gtest.h>

#include <string>

#include "gdal/srs.hpp"
#include "ingest/check/extent.hpp"

namespace bostad::ingest {
namespace {

// Town centres in EPSG:3006.
constexpr double k_kristianstad_x = 445500;
constexpr double k_kristianstad_y = 6209000;
constexpr double k_hassleholm_x = 424200;
constexpr double k_hassleholm_y = 6224000;

MunicipalityExtent extent(const std::string& code, double margin = 1000) {
    return extent_of(*sweden::Outlines::built_in(), code, margin);
}

TEST(Extent, IsTheBoxOfTheKommunsOutlineWithAMargin) {
    const MunicipalityExtent k = extent("1290");
    EXPECT_EQ(k.code, "1290");
    EXPECT_EQ(k.label, "Kristianstad (1290)");
    EXPECT_TRUE(k.outlined);
    EXPECT_TRUE(k.box.contains(k_kristianstad_x, k_kristianstad_y));
    EXPECT_TRUE(k.box.contains(455600, 6198000)); // Åhus
    EXPECT_FALSE(k.box.contains(374000, 6164000)); // Malmö
    EXPECT_FALSE(k.box.contains(674000, 6580000)); // Stockholm
    EXPECT_FALSE(k.box.contains(k_kristianstad_y, k_kristianstad_x)); // swapped axes
    // A box, not the outline: the boxes of neighbours overlap, and Hässleholm town lies inside Kristianstad's
    // box (the outline judges it: sweden/placement_test.cpp).
    EXPECT_LT(k.box.max_x - k.box.min_x, 50000);
    EXPECT_LT(k.box.max_y - k.box.min_y, 65000);
    const MunicipalityExtent wide = extent("1290", 5000);
    EXPECT_DOUBLE_EQ(wide.box.max_x - wide.box.min_x, k.box.max_x - k.box.min_x + 8000);

    const MunicipalityExtent h = extent("1293");
    EXPECT_EQ(h.label, "Hässleholm (1293)");
    EXPECT_TRUE(h.box.contains(k_hassleholm_x, k_hassleholm_y));
    EXPECT_FALSE(h.box.contains(k_kristianstad_x, k_kristianstad_y));
    EXPECT_FALSE(h.box.contains(374000, 6164000));

    const MunicipalityExtent kiruna = extent("2584");
    EXPECT_EQ(kiruna.label, "Kiruna (2584)");
    EXPECT_TRUE(kiruna.box.contains(719600, 7536000));
    EXPECT_FALSE(kiruna.box.contains(674000, 6580000));
}

TEST(Extent, WithoutAKommunIsAllOfSweden) {
    for (const std::string code : {"", "0000", "9999"}) {
        const MunicipalityExtent s = extent(code);
        EXPECT_FALSE(s.outlined);
        EXPECT_NE(s.label.find("Sweden"), std::string::npos) << s.label;
        EXPECT_TRUE(s.box.contains(674000, 6580000));  // Stockholm
        EXPECT_TRUE(s.box.contains(374000, 6164000));  // Malmö
        EXPECT_TRUE(s.box.contains(719600, 7536000));  // Kiruna
        EXPECT_FALSE(s.box.contains(6580000, 674000)); // swapped axes
        EXPECT_FALSE(s.box.contains(0, 0));
    }
}

TEST(Extent, GuessesTheCrsOfRawCoordinates) {
    const CrsGuesser guess(extent("1290"));
    EXPECT_EQ(guess.looks_like(k_kristianstad_x, k_kristianstad_y), 3006);
    EXPECT_EQ(guess.looks_like(188230, 6210120), 3008);

    double x = k_kristianstad_x;
    double y = k_kristianstad_y;
    ASSERT_TRUE(gdal::Transformer(3006, 3021).transform(x, y));
    EXPECT_GT(x, 1300000); // RT90's false easting is 1 500 000
    EXPECT_EQ(guess.looks_like(x, y), 3021);

    EXPECT_EQ(guess.looks_like(14.15, 56.03), 4326);
    EXPECT_FALSE(guess.looks_like(0, 0));
    EXPECT_FALSE(guess.looks_like(56.03, 14.15));                          // swapped longitude and latitude
    EXPECT_FALSE(guess.looks_like(k_kristianstad_y, k_kristianstad_x));   // swapped easting and northing
    EXPECT_FALSE(guess.looks_like(674000, 6580000));                      // Stockholm: not in 1290 in any CRS
}

TEST(Extent, GuessesEveryCandidateCrsAtTheCornersOfTheBox) {
    const MunicipalityExtent k = extent("1290");
    const CrsGuesser guess(k);
    for (const int epsg : {3008, 3021, 4326}) {
        const gdal::Transformer t(gdal::k_store_epsg, epsg);
        // Points just inside the corners of the 3006 box, transformed to the candidate CRS.
        for (const double fx : {0.01, 0.99}) {
            for (const double fy : {0.01, 0.99}) {
                double x = k.box.min_x + fx * (k.box.max_x - k.box.min_x);
                double y = k.box.min_y + fy * (k.box.max_y - k.box.min_y);
                ASSERT_TRUE(t.transform(x, y));
                EXPECT_EQ(guess.looks_like(x, y), epsg) << epsg << " at " << fx << ", " << fy;
            }
        }
    }
}

TEST(Extent, LabelsCandidateCrs) {
    EXPECT_EQ(crs_label(3006), "EPSG:3006 (SWEREF 99 TM)");
    EXPECT_EQ(crs_label(3008), "EPSG:3008 (SWEREF 99 13 30)");
    EXPECT_EQ(crs_label(3021), "EPSG:3021 (RT90 2.5 gon V)");
    EXPECT_EQ(crs_label(4326), "EPSG:4326 (WGS 84)");
    EXPECT_EQ(crs_label(3011), "EPSG:3011");
}

} // namespace
} // namespace bostad::ingest
