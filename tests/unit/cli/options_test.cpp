// Command lines parsed into each command's options struct, without running a command or touching a store
// (osm2pgsql's options tests): what every option fills, global options before or after the command, and what
// parsing refuses by itself.
#include <gtest/gtest.h>

#include <sstream>

#include "cli/app.hpp"
#include "cli/cmd_check.hpp"
#include "cli/cmd_copy.hpp"
#include "cli/cmd_example.hpp"
#include "cli/cmd_export.hpp"
#include "cli/cmd_history.hpp"
#include "cli/cmd_ingest.hpp"
#include "cli/cmd_monthly.hpp"
#include "cli/cmd_report.hpp"
#include "cli/cmd_status.hpp"

namespace bostad::cli {
namespace {

struct Result {
    Parsed parsed;
    std::string out, err;
};

Result parse(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    Parsed p = parse_arguments(args, out, err);
    return {std::move(p), out.str(), err.str()};
}

template <typename C>
const C& chosen(const Result& r) {
    EXPECT_FALSE(r.parsed.done) << r.err;
    const auto* c = dynamic_cast<const C*>(r.parsed.command);
    if (!c) throw std::runtime_error("another command was chosen: " + r.err);
    return *c;
}

TEST(Options, IngestFillsTheDeliveryDirectly) {
    const auto r = parse({"ingest", "a.csv", "b.csv", "--kind", "permits", "--municipality", "1290", "--crs", "EPSG:3008",
                          "--layer", "L", "--mapping", "kristianstad", "--full-snapshot", "--dry-run", "--max-repair-change",
                          "2.5", "--strict"});
    const IngestOptions& o = chosen<IngestCommand>(r).options();
    EXPECT_EQ(o.request.files, (std::vector<std::string>{"a.csv", "b.csv"}));
    EXPECT_EQ(o.kind, "permits");
    EXPECT_EQ(o.request.municipality, "1290");
    EXPECT_EQ(o.request.crs, "EPSG:3008");
    EXPECT_EQ(o.request.layer, "L");
    EXPECT_EQ(o.request.mapping, "kristianstad");
    EXPECT_TRUE(o.request.full_snapshot);
    EXPECT_TRUE(o.request.dry_run);
    EXPECT_DOUBLE_EQ(o.max_repair_percent, 2.5);
    EXPECT_TRUE(o.strict);
    EXPECT_FALSE(o.source);
}

TEST(Options, IngestFromTheConfigTakesSourceMonthAndAreaSet) {
    const auto r = parse({"ingest", "--source", "bygglov", "--month", "2026-10"});
    const IngestOptions& o = chosen<IngestCommand>(r).options();
    EXPECT_TRUE(o.request.files.empty());
    EXPECT_EQ(o.source, "bygglov");
    EXPECT_EQ(o.month, "2026-10");
    EXPECT_DOUBLE_EQ(o.max_repair_percent, 1.0) << "the default";
    const auto a = parse({"ingest", "--area-set", "distrikt", "--vintage", "2025"});
    EXPECT_EQ(chosen<IngestCommand>(a).options().request.area_set, "distrikt");
    EXPECT_EQ(chosen<IngestCommand>(a).options().request.vintage, "2025");
}

TEST(Options, GlobalOptionsGoBeforeOrAfterTheCommand) {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"--db", "s.gpkg", "--of", "csv", "status", "--month", "2026-10", "-q"},
             {"status", "--month", "2026-10", "--db", "s.gpkg", "--of", "csv", "--quiet"}}) {
        const auto r = parse(args);
        const StatusOptions& o = chosen<StatusCommand>(r).options();
        EXPECT_EQ(o.month, "2026-10");
        EXPECT_EQ(r.parsed.globals.db, "s.gpkg");
        EXPECT_EQ(r.parsed.globals.of, OutputFormat::csv);
        EXPECT_TRUE(r.parsed.globals.quiet);
        EXPECT_FALSE(r.parsed.globals.progress);
    }
}

TEST(Options, StatusExportReportAndMonthly) {
    const auto s = parse({"status", "--month", "2026-10", "--area-set", "distrikt", "--municipality", "1293", "--list", "stalled"});
    const StatusOptions& so = chosen<StatusCommand>(s).options();
    EXPECT_EQ(so.area_set, "distrikt");
    EXPECT_EQ(so.municipality, "1293");
    EXPECT_EQ(so.list, "stalled");

    const auto e = parse({"export", "--month", "2026-09", "-o", "out", "--format", "geojson", "--overwrite"});
    const ExportOptions& eo = chosen<ExportCommand>(e).options();
    EXPECT_EQ(eo.month, "2026-09");
    EXPECT_EQ(eo.output, "out");
    EXPECT_EQ(eo.format, "geojson");
    EXPECT_TRUE(eo.overwrite);
    EXPECT_EQ(chosen<ExportCommand>(parse({"export", "--month", "2026-09", "-o", "x.gpkg"})).options().format, "gpkg");

    const auto rep = parse({"report", "--month", "2026-10", "--format", "html,xlsx", "--lang", "en", "-o", "dir"});
    const ReportOptions& ro = chosen<ReportCommand>(rep).options();
    EXPECT_EQ(ro.formats, "html,xlsx");
    EXPECT_EQ(ro.lang, "en");
    EXPECT_EQ(ro.output, "dir");
    EXPECT_FALSE(ro.overwrite);

    const auto m = parse({"monthly", "--month", "2026-10", "--overwrite"});
    EXPECT_EQ(chosen<MonthlyCommand>(m).options().month, "2026-10");
    EXPECT_TRUE(chosen<MonthlyCommand>(m).options().overwrite);
}

TEST(Options, HistoryCheckCopyAndExample) {
    const auto h = parse({"history", "BN 2025-000123", "--municipality", "1290"});
    EXPECT_EQ(chosen<HistoryCommand>(h).options().key, "BN 2025-000123");
    EXPECT_EQ(chosen<HistoryCommand>(h).options().municipality, "1290");
    EXPECT_EQ(chosen<CheckCommand>(parse({"check", "--runs", "3"})).options().runs, 3);
    EXPECT_EQ(chosen<CheckCommand>(parse({"check"})).options().runs, 5) << "the default";
    const auto c = parse({"copy", "--from", "a.gpkg", "--to", "PG:dbname=x"});
    EXPECT_EQ(chosen<CopyCommand>(c).options().from, "a.gpkg");
    EXPECT_EQ(chosen<CopyCommand>(c).options().to, "PG:dbname=x");
    const auto x = parse({"example", "dir", "--seed", "7", "--month", "2025-05"});
    EXPECT_EQ(chosen<ExampleCommand>(x).options().dir, "dir");
    EXPECT_EQ(chosen<ExampleCommand>(x).options().seed, 7u);
    EXPECT_EQ(chosen<ExampleCommand>(x).options().month, "2025-05");
}

TEST(Options, ParsingAloneAnswersHelpAndVersion) {
    const auto help = parse({"status", "--help"});
    EXPECT_EQ(help.parsed.done, ExitCode::ok);
    EXPECT_NE(help.out.find("--month"), std::string::npos);
    const auto version = parse({"--version"});
    EXPECT_EQ(version.parsed.done, ExitCode::ok);
    EXPECT_NE(version.out.find("bostad "), std::string::npos);
}

TEST(Options, ParsingRefusesWhatItCanJudge) {
    struct Case {
        std::vector<std::string> args;
        std::string says;
    };
    for (const auto& c : std::vector<Case>{
             {{"status"}, "--month is required"},
             {{"export", "--month", "2026-10", "-o", "x", "--overwrit"}, "did you mean '--overwrite'?"},
             {{"ingest", "x.csv", "--kind", "permit"}, "permit not in {permits,plans,areas}"},
             {{"export", "--month", "2026-10", "-o", "x", "--of", "csv"}, "`bostad export` writes text or json"},
             {{"check", "--runs", "5000"}, "--runs"},
             {{"frobnicate"}, "unknown command 'frobnicate'"},
             {{}, "a command is required"}}) {
        const auto r = parse(c.args);
        EXPECT_EQ(r.parsed.done, ExitCode::usage) << r.err;
        EXPECT_NE(r.err.find(c.says), std::string::npos) << r.err;
        EXPECT_EQ(r.parsed.command, nullptr);
    }
}

} // namespace
} // namespace bostad::cli
