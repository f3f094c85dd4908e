#include <gtest/gtest.h>

#include "core/gpkg_blob.hpp"
#include "geos/context.hpp"

namespace bostad {
namespace {

TEST(GpkgBlob, PolygonGetsAnEnvelopeAndRoundTrips) {
    geos::Context ctx;
    const auto g = ctx.from_wkt("POLYGON((440000 6200000, 441000 6200000, 441000 6201500, 440000 6200000))");
    const auto wkb = ctx.to_wkb(g.get());
    const auto blob = gpkg_blob_from_wkb(wkb, 3006);
    const auto h = parse_gpkg_header(blob);
    ASSERT_TRUE(h);
    EXPECT_EQ(h->srs_id, 3006);
    EXPECT_FALSE(h->empty);
    ASSERT_TRUE(h->envelope);
    EXPECT_DOUBLE_EQ(h->envelope->min_x, 440000);
    EXPECT_DOUBLE_EQ(h->envelope->max_x, 441000);
    EXPECT_DOUBLE_EQ(h->envelope->min_y, 6200000);
    EXPECT_DOUBLE_EQ(h->envelope->max_y, 6201500);
    const auto back = gpkg_blob_wkb(blob);
    EXPECT_EQ(std::vector<std::uint8_t>(back.begin(), back.end()), wkb);
}

TEST(GpkgBlob, PointHasNoHeaderEnvelopeButAnEnvelopeFromWkb) {
    geos::Context ctx;
    const auto wkb = ctx.to_wkb(ctx.from_wkt("POINT(445500 6209000)").get());
    const auto blob = gpkg_blob_from_wkb(wkb, 3006);
    EXPECT_EQ(blob.size(), 8 + wkb.size());
    const auto env = gpkg_blob_envelope(blob);
    ASSERT_TRUE(env);
    EXPECT_DOUBLE_EQ(env->min_x, 445500);
    EXPECT_DOUBLE_EQ(env->max_y, 6209000);
}

TEST(GpkgBlob, EmptyGeometryIsFlagged) {
    geos::Context ctx;
    const auto wkb = ctx.to_wkb(ctx.from_wkt("MULTIPOLYGON EMPTY").get());
    const auto blob = gpkg_blob_from_wkb(wkb, 3006);
    const auto h = parse_gpkg_header(blob);
    ASSERT_TRUE(h);
    EXPECT_TRUE(h->empty);
    EXPECT_FALSE(gpkg_blob_envelope(blob));
}

TEST(GpkgBlob, MalformedInputIsRefusedNotRead) {
    const std::vector<std::uint8_t> junk{'G', 'P', 0};
    EXPECT_FALSE(parse_gpkg_header(junk));
    // A linestring claiming four billion points in a 13-byte buffer.
    const std::vector<std::uint8_t> lying{1, 2, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0};
    EXPECT_FALSE(wkb_envelope(lying));
    const std::vector<std::uint8_t> unknown_type{1, 99, 0, 0, 0};
    EXPECT_FALSE(wkb_envelope(unknown_type));
}

TEST(GpkgBlob, ReadsBigEndianAndZ) {
    geos::Context ctx;
    // POINT Z (1 2 3), big-endian ISO WKB (type 1001)
    const std::vector<std::uint8_t> wkb{0, 0, 0, 0x03, 0xE9, 0x3F, 0xF0, 0, 0, 0, 0, 0, 0, 0x40, 0, 0, 0, 0, 0, 0, 0,
                                        0x40, 0x08, 0, 0, 0, 0, 0, 0};
    const auto env = wkb_envelope(wkb);
    ASSERT_TRUE(env);
    EXPECT_DOUBLE_EQ(env->min_x, 1.0);
    EXPECT_DOUBLE_EQ(env->min_y, 2.0);
}

} // namespace
} // namespace bostad
