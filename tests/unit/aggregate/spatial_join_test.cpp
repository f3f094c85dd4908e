// The spatial joins of the status: one area per point with the boundary rule, every plan per point, and the
// shares of plans in areas; checked by hand on small cases and against a brute-force loop on random data.
#include <random>

#include <gtest/gtest.h>

#include "aggregate/spatial_join.hpp"
#include "geos/ops.hpp"

namespace bostad::aggregate {
namespace {

/// An axis-parallel rectangle as WKB.
std::vector<std::uint8_t> box(double x0, double y0, double x1, double y1) {
    const geos::Context ctx;
    return ctx.to_wkb(geos::make_polygon(ctx, {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}).get());
}

std::vector<std::uint8_t> wkb(const std::string& wkt) {
    const geos::Context ctx;
    return ctx.to_wkb(ctx.from_wkt(wkt).get());
}

/// Four unit squares meeting at (1, 1), ranked a < b < c < d: a lower left, b lower right, c upper left,
/// d upper right; listed out of rank order so that the rule, not the order, decides.
std::vector<PolygonItem> four_squares() {
    return {{4, "d", box(1, 1, 2, 2)}, {2, "b", box(1, 0, 2, 1)}, {3, "c", box(0, 1, 1, 2)}, {1, "a", box(0, 0, 1, 1)}};
}

std::string rank_of(const std::vector<PolygonItem>& polys, int index) { return index < 0 ? "-" : polys[static_cast<std::size_t>(index)].rank; }

TEST(AssignPoints, InteriorOutsideEdgesAndVertices) {
    const auto polys = four_squares();
    const std::vector<PointItem> points{
        {1, 0.5, 0.5}, // inside a
        {2, 1.5, 1.5}, // inside d
        {3, 1.0, 1.0}, // the vertex all four share → a (smallest rank)
        {4, 1.0, 1.5}, // the edge of c and d → c
        {5, 1.5, 1.0}, // the edge of b and d → b
        {6, 2.0, 1.5}, // the outer edge of d only → d
        {7, 2.0, 2.0}, // the outer corner of d → d
        {8, 2.5, 0.5}, // outside every square
        {9, -1e-9, 0.5}, // just outside a
    };
    const auto got = assign_points(points, polys);
    std::vector<std::string> ranks;
    for (const int i : got) ranks.push_back(rank_of(polys, i));
    EXPECT_EQ(ranks, (std::vector<std::string>{"a", "d", "a", "c", "b", "d", "d", "-", "-"}));
}

TEST(AssignPoints, HolesAndMultiPolygons) {
    const std::vector<PolygonItem> polys{
        {1, "ring", wkb("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (4 4, 6 4, 6 6, 4 6, 4 4))")},
        {2, "islands", wkb("MULTIPOLYGON (((20 0, 21 0, 21 1, 20 1, 20 0)), ((30 0, 31 0, 31 1, 30 1, 30 0)))")},
    };
    const std::vector<PointItem> points{{1, 5, 5}, {2, 4, 5}, {3, 2, 2}, {4, 30.5, 0.5}, {5, 25, 0.5}};
    const auto got = assign_points(points, polys);
    EXPECT_EQ(got, (std::vector<int>{-1, 0, 0, 1, -1})) << "the hole is outside; its boundary belongs to the ring";
}

TEST(AssignPoints, NoPolygonsOrNoPoints) {
    EXPECT_EQ(assign_points({{1, 0, 0}}, {}), std::vector<int>{-1});
    EXPECT_TRUE(assign_points({}, four_squares()).empty());
}

TEST(PointsInPolygons, EveryCoveringPolygonIsListed) {
    const std::vector<PolygonItem> plans{{10, "p", box(0, 0, 2, 2)}, {11, "q", box(1, 1, 3, 3)}};
    const std::vector<PointItem> points{{1, 0.5, 0.5}, {2, 1.5, 1.5}, {3, 2, 2}, {4, 5, 5}};
    const auto got = points_in_polygons(points, plans);
    const std::vector<std::pair<std::size_t, std::size_t>> want{{0, 0}, {1, 0}, {1, 1}, {2, 0}, {2, 1}};
    EXPECT_EQ(got, want);
}

double share_of(const std::vector<Share>& shares, std::size_t part, int area) {
    double s = 0;
    for (const auto& x : shares) {
        if (x.part == part && x.area == area) s += x.share;
    }
    return s;
}

TEST(AreaShares, APlanAcrossTwoDistrictsAndPartlyOutside) {
    const std::vector<PolygonItem> areas{{1, "west", box(0, 0, 10, 10)}, {2, "east", box(10, 0, 20, 10)}};
    const std::vector<PolygonItem> plans{
        {100, "across", box(8, 2, 12, 4)},      // half in each
        {101, "inside", box(1, 1, 2, 2)},       // all in west
        {102, "spilling", box(18, 0, 22, 10)},  // half in east, half in no area
        {103, "outside", box(30, 30, 31, 31)},  // in no area
    };
    const auto shares = area_shares(plans, areas);
    EXPECT_NEAR(share_of(shares, 0, 0), 0.5, 1e-12);
    EXPECT_NEAR(share_of(shares, 0, 1), 0.5, 1e-12);
    EXPECT_DOUBLE_EQ(share_of(shares, 0, -1), 0.0);
    EXPECT_DOUBLE_EQ(share_of(shares, 1, 0), 1.0);
    EXPECT_DOUBLE_EQ(share_of(shares, 1, -1), 0.0) << "no rest row for a plan wholly in areas";
    EXPECT_NEAR(share_of(shares, 2, 1), 0.5, 1e-12);
    EXPECT_NEAR(share_of(shares, 2, -1), 0.5, 1e-12);
    EXPECT_DOUBLE_EQ(share_of(shares, 3, -1), 1.0);
}

TEST(AreaShares, OverlappingAreasNeverCountTwice) {
    const std::vector<PolygonItem> areas{{1, "a", box(0, 0, 10, 10)}, {2, "b", box(5, 0, 15, 10)}};
    const std::vector<PolygonItem> plans{{100, "p", box(4, 0, 6, 10)}};
    const auto shares = area_shares(plans, areas);
    EXPECT_NEAR(share_of(shares, 0, 0) + share_of(shares, 0, 1), 1.0, 1e-12);
    EXPECT_NEAR(share_of(shares, 0, 0), 2.0 / 3.0, 1e-12) << "a holds 2 of the 3 overlapping units";
}

// Random data against a brute-force loop that knows nothing of grids, threads or GEOS: a grid of squares,
// points placed anywhere including exactly on the lines, and the rule written out plainly.
TEST(AssignPoints, MatchesABruteForceLoopOnRandomData) {
    std::mt19937 rng(1290);
    constexpr int n = 6;
    constexpr double size = 100;
    std::vector<PolygonItem> squares;
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < n; ++j) {
            if ((i * 7 + j) % 11 == 3) continue; // some cells are no area
            const double x = i * size;
            const double y = j * size;
            squares.push_back({static_cast<std::int64_t>(squares.size()), std::to_string(1000 + (i * 13 + j * 5) % 97) + "-" + std::to_string(i * n + j),
                               box(x, y, x + size, y + size)});
        }
    }
    std::uniform_real_distribution<double> coord(-20, n * size + 20);
    std::uniform_int_distribution<int> line(0, n);
    std::vector<PointItem> points;
    for (int k = 0; k < 20000; ++k) {
        double x = coord(rng);
        double y = coord(rng);
        if (k % 5 == 0) x = line(rng) * size; // on a vertical line
        if (k % 7 == 0) y = line(rng) * size; // on a horizontal line (with the above: on vertices)
        points.push_back({k, x, y});
    }
    const auto got = assign_points(points, squares);
    const auto pairs = points_in_polygons(points, squares);
    std::size_t pair_at = 0;
    for (std::size_t k = 0; k < points.size(); ++k) {
        int want = -1;
        std::vector<std::size_t> covering;
        for (std::size_t s = 0; s < squares.size(); ++s) {
            const auto& sq = squares[s];
            // The square's corner from its cell number (in the name), not from its WKB.
            const int cell = std::stoi(sq.rank.substr(sq.rank.find('-') + 1));
            const double sx = (cell / n) * size;
            const double sy = (cell % n) * size;
            const auto& p = points[k];
            if (p.x >= sx && p.x <= sx + size && p.y >= sy && p.y <= sy + size) {
                covering.push_back(s);
                if (want < 0 || sq.rank < squares[static_cast<std::size_t>(want)].rank) want = static_cast<int>(s);
            }
        }
        ASSERT_EQ(got[k], want) << "point " << points[k].x << " " << points[k].y;
        for (const std::size_t s : covering) {
            ASSERT_LT(pair_at, pairs.size());
            ASSERT_EQ(pairs[pair_at], std::make_pair(k, s));
            ++pair_at;
        }
    }
    EXPECT_EQ(pair_at, pairs.size());
}

} // namespace
} // namespace bostad::aggregate
