// The OGR owners (gdal/vector_writer.hpp, gdal/vector_reader.hpp): a layer written with fields, a coded
// domain and geometries transformed from EPSG:3006, read back as rows; refusals that name the file.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/gpkg_blob.hpp"
#include "gdal/runtime.hpp"
#include "gdal/vector_reader.hpp"
#include "gdal/vector_writer.hpp"
#include "support/temp_dir.hpp"

namespace bostad::gdal {
namespace {

TEST(GdalVectorIo, AWrittenLayerReadsBackAsRows) {
    ensure_initialized();
    test::TempDir dir;
    const std::string path = dir.file("layers.gpkg");
    {
        VectorWriter w(path, "GPKG");
        w.add_coded_domain("stage", "Skede", {{"granted", "Beviljat"}, {"started", "Påbörjat"}});
        FieldDef stage("stage");
        stage.domain = "stage";
        stage.alias = "Skede";
        LayerWriter layer = w.add_layer("permits", GeometryKind::point, 3006,
                                        {FieldDef("case_id"), stage, FieldDef("dwellings", FieldType::integer),
                                         FieldDef("granted_date", FieldType::date)});
        w.begin_transaction();
        layer.add({std::string("BN 1"), std::string("granted"), std::int64_t{4}, std::string("2026-10-05")},
                  wkb_point(445000, 6209000));
        layer.add({std::string("BN 2"), std::monostate{}, std::int64_t{1}, std::monostate{}});
        w.commit_transaction();
        EXPECT_EQ(layer.count(), 2);
        w.close();
    }
    VectorReader r(path, {});
    EXPECT_EQ(r.format(), "GPKG");
    EXPECT_EQ(r.crs_name(), "EPSG:3006");
    EXPECT_EQ(r.field_names(), (std::vector<std::string>{"case_id", "stage", "dwellings", "granted_date"}));
    SourceRow row;
    ASSERT_TRUE(r.next(row));
    EXPECT_EQ(row.values[0], "BN 1");
    EXPECT_EQ(row.values[1], "granted");
    EXPECT_EQ(row.values[2], "4");
    EXPECT_EQ(row.values[3], "2026-10-05");
    const auto env = wkb_envelope(row.wkb);
    ASSERT_TRUE(env);
    EXPECT_DOUBLE_EQ(env->min_x, 445000);
    ASSERT_TRUE(r.next(row));
    EXPECT_FALSE(row.values[1]) << "NULL reads as none";
    EXPECT_TRUE(row.wkb.empty());
    EXPECT_FALSE(r.next(row));
}

TEST(GdalVectorIo, ALayerInAnotherCrsIsTransformedOnTheWay) {
    ensure_initialized();
    test::TempDir dir;
    const std::string path = dir.file("wgs84.geojson");
    {
        VectorWriter w(path, "GeoJSON");
        LayerWriter layer = w.add_layer("p", GeometryKind::point, 4326, {FieldDef("id")}, {"RFC7946=YES"});
        layer.add({std::string("a")}, wkb_point(445000, 6209000)); // SWEREF 99 TM, central Kristianstad
        w.close();
    }
    VectorReader r(path, {});
    SourceRow row;
    ASSERT_TRUE(r.next(row));
    const auto env = wkb_envelope(row.wkb);
    ASSERT_TRUE(env);
    EXPECT_NEAR(env->min_x, 14.15, 0.1) << "longitude first (traditional GIS order)";
    EXPECT_NEAR(env->min_y, 56.03, 0.1);
}

TEST(GdalVectorIo, RefusalsNameTheFile) {
    ensure_initialized();
    test::TempDir dir;
    try {
        VectorReader r(dir.file("missing.gpkg"), {});
        FAIL() << "a missing file was opened";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("missing.gpkg"), std::string::npos) << e.what();
    }
    const std::string path = dir.file("twice.gpkg");
    { VectorWriter w(path, "GPKG"); w.close(); }
    EXPECT_THROW(VectorWriter(path, "GPKG"), UsageError) << "an existing file is never overwritten";
}

} // namespace
} // namespace bostad::gdal
