// Ingest, export and report of the example project killed (SIGKILL) at many points of their run: at every
// kind of crash point they pass and at points spread evenly over all of them (every row written, every
// feature, every sheet and file). After each kill the store passes its integrity checks and equals its state
// before or after, and the output is whole or absent; the next run cleans up what the killed one left.
#include <csignal>
#include <algorithm>
#include <filesystem>
#include <set>

#include <gtest/gtest.h>

#include "support/example_months.hpp"
#include "support/files.hpp"
#include "support/process.hpp"
#include "support/store_probe.hpp"
#include "support/temp_dir.hpp"

namespace bostad::test {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t k_kills = 24;

/// The crash points a run of `args` passes, in order.
std::vector<std::string> trace_points(const std::vector<std::string>& args, ProcessOptions o, const std::string& trace) {
    fs::remove(trace);
    o.env_extra["BOSTAD_CRASH_TRACE"] = trace;
    const ProcessResult r = run_bostad(args, o);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::vector<std::string> points;
    std::istringstream in(read_file(trace));
    for (std::string line; std::getline(in, line);) points.push_back(line);
    return points;
}

/// Which passes to kill at (1-based): the first pass of every kind of point, then evenly spread passes
/// until there are `want` of them.
std::vector<std::size_t> kill_passes(const std::vector<std::string>& trace, std::size_t want) {
    std::set<std::size_t> picked;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < trace.size(); ++i) {
        if (seen.insert(trace[i]).second) picked.insert(i + 1);
    }
    for (std::size_t k = 0; picked.size() < std::min(want, trace.size()); ++k) {
        picked.insert(1 + (k * 7919) % trace.size()); // a stride prime to any trace length here
    }
    return {picked.begin(), picked.end()};
}

/// "#12 (ingest.row)", for messages.
std::string describe(std::size_t pass, const std::vector<std::string>& trace) {
    std::string out = "#";
    out += std::to_string(pass);
    out += " (";
    out += trace[pass - 1];
    out += ")";
    return out;
}

/// Names of the entries of a folder other than `keep`: what a run left beside its output.
std::vector<std::string> leftovers(const fs::path& dir, const std::set<std::string>& keep) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) {
        if (!keep.contains(e.path().filename().string())) out.push_back(e.path().filename().string());
    }
    return out;
}

/// Every file under a folder (relative names) with its bytes, except `skip_ext` files (which hold the time
/// they were made).
std::map<std::string, std::string> folder_files(const fs::path& dir, const std::set<std::string>& skip_ext) {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (!e.is_regular_file()) continue;
        const std::string rel = fs::relative(e.path(), dir).string();
        out[rel] = skip_ext.contains(e.path().extension().string()) ? "" : read_file(e.path());
    }
    return out;
}

class CrashPoints : public ExampleMonthsSuite {
protected:
    ProcessOptions killed_at(std::size_t pass) {
        ProcessOptions o = s_opts;
        std::string at = "#";
        at += std::to_string(pass);
        o.env_extra["BOSTAD_CRASH_AT"] = at;
        return o;
    }
};

TEST_F(CrashPoints, IngestKilledAtManyPointsLeavesTheStoreBeforeOrAfter) {
    const std::string before = dump_store(s_before, true);
    const std::string after = dump_store(s_after, true);
    ASSERT_NE(before, after);
    const std::string store = store_copy(s_before, "crash.gpkg");
    const std::vector<std::string> args = {"ingest", "--month", "2026-10", "-q", "--db", store};
    const auto trace = trace_points(args, s_opts, s_dir->file("ingest.trace"));
    ASSERT_EQ(dump_store(store, true), after);
    const auto passes = kill_passes(trace, k_kills);
    ASSERT_GE(passes.size(), 20U);
    int committed = 0;
    for (const std::size_t pass : passes) {
        const std::string at = describe(pass, trace);
        store_copy(s_before, "crash.gpkg");
        const ProcessResult r = run_bostad(args, killed_at(pass));
        ASSERT_EQ(r.signal, SIGKILL) << at << ": " << r.err;
        EXPECT_EQ(check_store(store), "ok") << at;
        const std::string state = dump_store(store, true);
        EXPECT_TRUE(state == before || state == after) << at;
        committed += state == after ? 1 : 0;
        // Once killed after its commit and only then, the store is as after.
        EXPECT_EQ(state == after, trace[pass - 1] == "ingest.after_commit") << at;
    }
    EXPECT_GE(committed, 1);
    // The store takes the same ingest again after every kill.
    store_copy(s_before, "crash.gpkg");
    ASSERT_EQ(run_bostad(args, killed_at(passes[passes.size() / 2])).signal, SIGKILL);
    ASSERT_EQ(run_bostad(args, s_opts).exit_code, 0);
    EXPECT_EQ(dump_store(store, true), after);
}

TEST_F(CrashPoints, ExportKilledAtManyPointsLeavesTheGeoPackageWholeOrAbsent) {
    const std::string store = store_copy(s_after, "export-store.gpkg");
    const std::string state = dump_store(store);
    const fs::path out_dir = s_dir->path() / "export-out";
    fs::create_directories(out_dir);
    const std::string target = (out_dir / "bostad-2026-10.gpkg").string();
    const std::vector<std::string> args = {"export", "--month", "2026-10", "--db", store, "--output", target};
    const auto trace = trace_points(args, s_opts, s_dir->file("export.trace"));
    const std::string features = query(target, "SELECT (SELECT count(*) FROM permits) || '/' || (SELECT count(*) FROM plans) || "
                                               "'/' || (SELECT count(*) FROM areas) || '/' || (SELECT count(*) FROM layer_styles)");
    ASSERT_EQ(validate_gpkg(target), "");
    fs::remove(target);
    const auto passes = kill_passes(trace, k_kills);
    ASSERT_GE(passes.size(), 20U);
    int whole = 0;
    for (const std::size_t pass : passes) {
        const std::string at = describe(pass, trace);
        const ProcessResult r = run_bostad(args, killed_at(pass));
        ASSERT_EQ(r.signal, SIGKILL) << at << ": " << r.err;
        EXPECT_EQ(dump_store(store), state) << at << ": export changed the store";
        EXPECT_EQ(check_store(store), "ok") << at;
        if (fs::exists(target)) {
            ++whole;
            EXPECT_EQ(trace[pass - 1], "export.committed") << at << ": the GeoPackage appeared before it was complete";
            EXPECT_EQ(validate_gpkg(target), "") << at;
            EXPECT_EQ(query(target, "SELECT (SELECT count(*) FROM permits) || '/' || (SELECT count(*) FROM plans) || '/' || "
                                    "(SELECT count(*) FROM areas) || '/' || (SELECT count(*) FROM layer_styles)"),
                      features)
                << at;
            fs::remove(target);
        }
    }
    EXPECT_EQ(whole, 1);
    // A killed run leaves its staged file; the next run for the same target removes it.
    ASSERT_EQ(run_bostad(args, killed_at(trace.size() / 2)).signal, SIGKILL);
    EXPECT_FALSE(leftovers(out_dir, {}).empty());
    ASSERT_EQ(run_bostad(args, s_opts).exit_code, 0);
    EXPECT_EQ(leftovers(out_dir, {"bostad-2026-10.gpkg"}), std::vector<std::string>{});
}

TEST_F(CrashPoints, ReportKilledAtManyPointsLeavesTheFolderWholeOrAbsent) {
    const std::string store = store_copy(s_after, "report-store.gpkg");
    const std::string state = dump_store(store);
    const fs::path out_dir = s_dir->path() / "report-out";
    fs::create_directories(out_dir);
    const fs::path target = out_dir / "rapport";
    // PDF is left out here: WeasyPrint takes seconds per run, and it is one more file written the same way.
    const std::vector<std::string> args = {"report", "--month", "2026-10", "--db", store, "--output", target.string(),
                                           "--format", "html,xlsx,csv"};
    const auto trace = trace_points(args, s_opts, s_dir->file("report.trace"));
    const auto reference = folder_files(target, {".html", ".xlsx"});
    ASSERT_GE(reference.size(), 10U);
    fs::remove_all(target);
    const auto passes = kill_passes(trace, k_kills);
    ASSERT_GE(passes.size(), 20U);
    for (const std::size_t pass : passes) {
        const std::string at = describe(pass, trace);
        const ProcessResult r = run_bostad(args, killed_at(pass));
        ASSERT_EQ(r.signal, SIGKILL) << at << ": " << r.err;
        EXPECT_EQ(dump_store(store), state) << at << ": report changed the store";
        EXPECT_FALSE(fs::exists(target)) << at << ": the report folder appeared before it was complete";
        EXPECT_EQ(check_store(store), "ok") << at;
    }
    ASSERT_EQ(run_bostad(args, killed_at(trace.size() / 2)).signal, SIGKILL);
    EXPECT_FALSE(leftovers(out_dir, {}).empty());
    ASSERT_EQ(run_bostad(args, s_opts).exit_code, 0);
    EXPECT_EQ(folder_files(target, {".html", ".xlsx"}), reference);
    EXPECT_EQ(leftovers(out_dir, {"rapport"}), std::vector<std::string>{});
}

} // namespace
} // namespace bostad::test
