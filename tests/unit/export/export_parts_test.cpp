// The parts of an export that need no store: plan status as of a month, staged outputs, templates, the
// palette, and the styles written from them.
#include <filesystem>
#include <set>

#include <gtest/gtest.h>

#include "core/domain.hpp"
#include "core/error.hpp"
#include "core/markup.hpp"
#include "core/staged_output.hpp"
#include "export/layer_rows.hpp"
#include "export/layer_schema.hpp"
#include "export/layer_styles.hpp"
#include "style/palette.hpp"
#include "style/qml.hpp"
#include "style/sld.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace bostad::test {
namespace {

namespace fs = std::filesystem;
using exports::plan_status_at;

TEST(PlanStatusAt, FollowsTheDatesNotTheStoredStatus) {
    const std::string end = "2026-10-31";
    EXPECT_EQ(plan_status_at("laga_kraft", "2020-01-10", "2020-02-15", end), "laga_kraft");
    EXPECT_EQ(plan_status_at("laga_kraft", "2026-10-05", "2026-11-02", end), "antagen") << "adopted in the month, in force later";
    EXPECT_EQ(plan_status_at("laga_kraft", "2026-11-05", "2026-12-02", end), "påbörjad") << "both dates after the month";
    EXPECT_EQ(plan_status_at("antagen", "2026-11-05", std::nullopt, end), "påbörjad");
    EXPECT_EQ(plan_status_at("samråd", std::nullopt, std::nullopt, end), "samråd");
    EXPECT_EQ(plan_status_at("laga_kraft", std::nullopt, std::nullopt, end), "laga_kraft") << "no dates: as stored";
    EXPECT_EQ(plan_status_at("granskning", std::nullopt, "2026-10-31", end), "laga_kraft") << "the last day counts";
}

TEST(StagedOutput, MovesIntoPlaceOnlyOnCommit) {
    TempDir dir;
    const fs::path target = dir.path() / "out.gpkg";
    {
        StagedOutput out(target, StagedOutput::Kind::file, false);
        write_file(out.staging(), "half");
        EXPECT_FALSE(fs::exists(target));
    }
    EXPECT_FALSE(fs::exists(target));
    EXPECT_TRUE(fs::is_empty(dir.path())) << "an uncommitted output is removed";
    {
        StagedOutput out(target, StagedOutput::Kind::file, false);
        write_file(out.staging(), "whole");
        out.commit();
    }
    EXPECT_EQ(read_file(target), "whole");
    EXPECT_THROW(StagedOutput(target, StagedOutput::Kind::file, false), UsageError);
    {
        StagedOutput out(target, StagedOutput::Kind::file, true);
        write_file(out.staging(), "new");
        out.commit();
    }
    EXPECT_EQ(read_file(target), "new");
}

TEST(StagedOutput, NeverReplacesATargetThatAppearedMeanwhile) {
    TempDir dir;
    const fs::path target = dir.path() / "out.gpkg";
    StagedOutput out(target, StagedOutput::Kind::file, false);
    write_file(out.staging(), "mine");
    write_file(target, "someone else's");
    EXPECT_THROW(out.commit(), UsageError);
    EXPECT_EQ(read_file(target), "someone else's");
}

TEST(StagedOutput, ReplacesAFolderOnlyWithOverwrite) {
    TempDir dir;
    const fs::path target = dir.path() / "csv";
    fs::create_directories(target);
    write_file(target / "old.csv", "old");
    EXPECT_THROW(StagedOutput(target, StagedOutput::Kind::folder, false), UsageError);
    {
        StagedOutput out(target, StagedOutput::Kind::folder, true);
        fs::create_directories(out.staging());
        write_file(out.staging() / "new.csv", "new");
        out.commit();
    }
    EXPECT_FALSE(fs::exists(target / "old.csv"));
    EXPECT_EQ(read_file(target / "new.csv"), "new");
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1) << "no leftovers beside it";
    EXPECT_THROW(StagedOutput(dir.path() / "no-such-folder" / "x.gpkg", StagedOutput::Kind::file, false), UsageError);
    EXPECT_THROW(StagedOutput(target, StagedOutput::Kind::file, true), UsageError) << "a folder is not a file";
}

TEST(Markup, EscapesAndFillsTemplates) {
    EXPECT_EQ(xml_escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
    EXPECT_EQ(fill_template("<a x=\"{{x}}\">{{y}}</a>", {{"x", "1"}, {"y", "två"}}, "t"), "<a x=\"1\">två</a>");
    EXPECT_THROW(fill_template("{{x}} {{z}}", {{"x", "1"}}, "t"), InternalError) << "a placeholder without a value";
    EXPECT_THROW(fill_template("{{x}}", {{"x", "1"}, {"y", "2"}}, "t"), InternalError) << "a value without a placeholder";
    EXPECT_THROW(fill_template("{{x", {}, "t"), InternalError);
}

TEST(Palette, ParsesAndRefusesBadColoursAndClasses) {
    const style::Palette& p = style::palette();
    for (const auto& c : stage_codes()) EXPECT_TRUE(p.stage.count(c.code)) << c.code;
    for (const auto& c : plan_status_codes()) EXPECT_TRUE(p.plan_status.count(c.code)) << c.code;
    EXPECT_EQ(p.municipality_color("9999"), p.municipality.at("other"));
    const style::Rgb green{0x31, 0xa3, 0x54};
    EXPECT_EQ(style::Rgb::parse("#31a354"), green);
    EXPECT_EQ(green.qgis(), "49,163,84,255");
    EXPECT_FALSE(style::Rgb::parse("31a354"));
    EXPECT_FALSE(style::Rgb::parse("#31a35g"));
    const std::string ok_maps = R"("stage": {}, "plan_status": {}, "municipality": {}, "rejected_kind": {})";
    EXPECT_NO_THROW(style::parse_palette("{" + ok_maps + R"(, "remaining_capacity": [{"upper": 1, "color": "#000000"}, {"upper": null, "color": "#ffffff"}]})"));
    EXPECT_THROW(style::parse_palette("{" + ok_maps + R"(, "remaining_capacity": [{"upper": 5, "color": "#000000"}, {"upper": 1, "color": "#ffffff"}]})"),
                 InternalError) << "classes must ascend";
    EXPECT_THROW(style::parse_palette("{" + ok_maps + R"(, "remaining_capacity": [{"upper": null, "color": "#000000"}, {"upper": 1, "color": "#ffffff"}]})"),
                 InternalError) << "only the last class is open";
    EXPECT_THROW(style::parse_palette(R"({"stage": {"applied": "blue"}})"), InternalError);
}

TEST(Styles, EveryLayerGetsAFilledStyleWithItsClasses) {
    const std::vector<std::pair<std::string, std::string>> municipalities{{"1290", "Kristianstad"}, {"1293", "Hässleholm"}};
    for (const auto& spec : exports::layer_specs()) {
        SCOPED_TRACE(spec.table);
        const auto s = exports::layer_style(spec, municipalities);
        EXPECT_EQ(s.qml.find("{{"), std::string::npos);
        EXPECT_NE(s.qml.find("type=\"" + s.renderer + "\""), std::string::npos);
        EXPECT_NE(s.sld.find("StyledLayerDescriptor"), std::string::npos);
        for (const auto& f : spec.fields) EXPECT_NE(s.qml.find("field=\"" + std::string(f.name) + "\""), std::string::npos) << f.name;
    }
    const auto permits = exports::layer_style(exports::layer_spec(exports::LayerId::permits), municipalities);
    for (const auto& c : stage_codes()) {
        EXPECT_NE(permits.qml.find("value=\"" + std::string(c.code) + "\""), std::string::npos) << c.code;
        EXPECT_NE(permits.qml.find("label=\"" + std::string(c.sv) + "\""), std::string::npos) << c.sv;
    }
    const auto areas = exports::layer_style(exports::layer_spec(exports::LayerId::areas), municipalities);
    EXPECT_EQ(areas.renderer, "graduatedSymbol");
    EXPECT_NE(areas.qml.find("attr=\"remaining_capacity\""), std::string::npos);
    // Ranges follow each other without gaps; the last one is open.
    const auto ranges = style::capacity_ranges(style::palette(), true);
    for (std::size_t i = 1; i < ranges.size(); ++i) EXPECT_EQ(ranges[i].lower, ranges[i - 1].upper);
    EXPECT_GT(ranges.back().upper, 1e9);
    const std::string sld = style::sld_graduated("areas", "remaining_capacity", ranges, style::SymbolKind::fill);
    EXPECT_NE(sld.find("PropertyIsGreaterThanOrEqualTo"), std::string::npos) << "the first class includes its lower bound";
    // Text from data (a municipality's name) is escaped.
    const auto odd = exports::layer_style(exports::layer_spec(exports::LayerId::municipalities), {{"0001", "A&B <x>"}});
    EXPECT_NE(odd.qml.find("label=\"A&amp;B &lt;x&gt;\""), std::string::npos);
}

TEST(LayerSchema, DomainsAndFieldsAreConsistent) {
    std::set<std::string> domains;
    for (const auto& d : exports::coded_domains()) domains.insert(d.name);
    for (const auto& spec : exports::layer_specs()) {
        std::set<std::string_view> names;
        for (const auto& f : spec.fields) {
            EXPECT_TRUE(names.insert(f.name).second) << spec.table << "." << f.name << " twice";
            EXPECT_FALSE(f.alias.empty()) << spec.table << "." << f.name << " has no Swedish alias";
            if (f.domain != exports::Domain::none) {
                EXPECT_TRUE(domains.count(std::string(exports::domain_name(f.domain))));
            }
        }
    }
    EXPECT_EQ(exports::stage_order("applied"), 1);
    EXPECT_EQ(exports::stage_order("completed"), 4);
    EXPECT_EQ(exports::stage_order("nonsense"), 0);
}

} // namespace
} // namespace bostad::test
