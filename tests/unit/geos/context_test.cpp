// The GEOS owner (geos/context.hpp, geos/ops.hpp): geometries in and out as WKT and WKB, failures that become
// exceptions naming what failed, and the operations the assignment and the export rely on.
#include <gtest/gtest.h>

#include "core/gpkg_blob.hpp"
#include "geos/context.hpp"
#include "geos/ops.hpp"

namespace bostad::geos {
namespace {

TEST(GeosContext, WkbAndWktRoundTrip) {
    const Context ctx;
    const Geometry square = ctx.from_wkt("POLYGON((0 0,10 0,10 10,0 10,0 0))");
    const auto wkb = ctx.to_wkb(square.get());
    const Geometry back = ctx.from_wkb(wkb);
    EXPECT_EQ(ctx.to_wkt(back.get(), 0), "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))");
    EXPECT_EQ(dimension(ctx, back.get()), 2);
    EXPECT_EQ(type_id(ctx, back.get()), k_polygon);
    const auto env = wkb_envelope(wkb);
    ASSERT_TRUE(env);
    EXPECT_DOUBLE_EQ(env->max_x, 10);
}

TEST(GeosContext, BadInputBecomesAnErrorThatSaysSo) {
    const Context ctx;
    try {
        (void)ctx.from_wkt("POLYGON((0 0, 1 1");
        FAIL() << "unreadable WKT was accepted";
    } catch (const Error& e) {
        EXPECT_FALSE(std::string(e.what()).empty());
    }
    const std::uint8_t truncated[] = {1, 3, 0, 0, 0, 1};
    EXPECT_THROW((void)ctx.from_wkb(truncated), Error);
}

TEST(GeosOps, UnionValidityAndPointOnSurface) {
    const Context ctx;
    std::vector<Geometry> parts;
    parts.push_back(make_polygon(ctx, {{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}));
    parts.push_back(make_polygon(ctx, {{1, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 0}}));
    const Geometry both = union_all(ctx, std::move(parts));
    EXPECT_EQ(ctx.to_wkt(both.get(), 0).rfind("POLYGON", 0), 0u) << "two neighbours dissolve into one polygon";

    const Geometry bowtie = ctx.from_wkt("POLYGON((0 0,2 2,2 0,0 2,0 0))");
    EXPECT_NE(validity_reason(ctx, bowtie.get()).find("Self-intersection"), std::string::npos);
    const Geometry repaired = make_valid_structure(ctx, bowtie.get());
    EXPECT_EQ(validity_reason(ctx, repaired.get()), "Valid Geometry");

    const Geometry inside = point_on_surface(ctx, both.get());
    EXPECT_EQ(dimension(ctx, inside.get()), 0);
}

TEST(GeosContext, OneContextPerThreadEach) {
    // Contexts are independent: an error in one leaves the other's message alone.
    const Context a;
    const Context b;
    EXPECT_THROW((void)a.from_wkt("nonsense"), Error);
    EXPECT_TRUE(b.last_message().empty());
    const Geometry p = make_point(b, 1, 2);
    EXPECT_EQ(b.to_wkt(p.get(), 0), "POINT (1 2)");
}

} // namespace
} // namespace bostad::geos
