// The style writers (style/): the compiled-in palette and what a broken one says, QML categories and ranges
// that QGIS reads (well-formed XML with a symbol per class), and SLD documents for the same classes.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "style/palette.hpp"
#include "style/qml.hpp"
#include "style/sld.hpp"

namespace bostad::style {
namespace {

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

TEST(Palette, TheCompiledInPaletteHasEveryStageAndCapacityClass) {
    const Palette& p = palette();
    for (const char* stage : {"applied", "granted", "started", "completed", "refused", "withdrawn", "lapsed"}) {
        EXPECT_TRUE(p.stage.contains(stage)) << stage;
    }
    ASSERT_FALSE(p.remaining_capacity.empty());
    EXPECT_FALSE(p.remaining_capacity.back().upper) << "the last capacity class is open";
    EXPECT_EQ(p.stage.at("granted").hex(), "#3182bd");
    EXPECT_EQ(Rgb::parse("#3182bd")->qgis(), "49,130,189,255");
    EXPECT_FALSE(Rgb::parse("3182bd"));
    EXPECT_EQ(p.municipality_color("9999"), p.municipality.at("other"));
}

TEST(Palette, ABrokenPaletteNamesTheKey) {
    try {
        (void)parse_palette(R"({"stage": {"applied": "blue"}})");
        FAIL() << "a colour that is not #rrggbb was accepted";
    } catch (const InternalError& e) {
        EXPECT_NE(std::string(e.what()).find("applied"), std::string::npos) << e.what();
    }
}

TEST(Qml, CategoriesAndRangesHaveASymbolEach) {
    const std::vector<Category> classes{{"granted", "Beviljat", *Rgb::parse("#3182bd")},
                                        {"started", "Påbörjat & klart", *Rgb::parse("#fd8d3c")}};
    const std::string xml = categories_xml(classes, SymbolKind::marker);
    EXPECT_EQ(count_of(xml, "<category "), 2u);
    EXPECT_EQ(count_of(xml, "<symbol "), 2u);
    EXPECT_NE(xml.find("Påbörjat &amp; klart"), std::string::npos) << "labels are escaped";
    EXPECT_NE(xml.find("49,130,189,255"), std::string::npos);

    const auto ranges = capacity_ranges(palette(), true);
    ASSERT_EQ(ranges.size(), palette().remaining_capacity.size());
    const std::string graduated = ranges_xml(ranges, SymbolKind::fill);
    EXPECT_EQ(count_of(graduated, "<range "), ranges.size());
    EXPECT_NE(graduated.find(ranges.front().label), std::string::npos);
}

TEST(Sld, TheSameClassesForOtherClients) {
    const std::vector<Category> classes{{"1290", "Kristianstad", *Rgb::parse("#1f78b4")}};
    const std::string sld = sld_categorized("areas", "municipality", classes, SymbolKind::fill);
    EXPECT_NE(sld.find("<?xml"), std::string::npos);
    EXPECT_NE(sld.find("StyledLayerDescriptor"), std::string::npos);
    EXPECT_NE(sld.find("#1f78b4"), std::string::npos);
    EXPECT_NE(sld.find("1290"), std::string::npos);
    const std::string graduated = sld_graduated("areas", "remaining_capacity", capacity_ranges(palette(), false), SymbolKind::fill);
    EXPECT_EQ(count_of(graduated, "<se:Rule>"), palette().remaining_capacity.size());
}

} // namespace
} // namespace bostad::style
