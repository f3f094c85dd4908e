// `cmake --install` of this build into a fresh prefix: the files a package would hold, and the installed
// program working from a folder outside the source tree (issue 20).
#include <filesystem>
#include <set>

#include <fmt/format.h>

#include <gtest/gtest.h>

#include "core/date.hpp"
#include "core/text.hpp"
#include "support/files.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace bostad::test {
namespace {

namespace fs = std::filesystem;

TEST(Install, PutsTheProgramManPageCompletionAndDocsInPlaceAndTheProgramRunsFromThere) {
    TempDir dir;
    const fs::path prefix = dir.path() / "prefix";
    const std::string build_dir = fs::path(BOSTAD_EXE).parent_path().string();
    const auto installed = run_process({"/usr/bin/cmake", "--install", build_dir, "--prefix", prefix.string()});
    ASSERT_EQ(installed.exit_code, 0) << installed.out << installed.err;

    std::set<std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(prefix)) {
        if (e.is_regular_file()) files.insert(fs::relative(e.path(), prefix).string());
    }
    for (const char* f : {"bin/bostad", "share/man/man1/bostad.1.gz", "share/bash-completion/completions/bostad",
                          "share/doc/bostad/README.md", "share/doc/bostad/LICENSE", "share/doc/bostad/docs/forecast.md", "share/doc/bostad/open-data/sweden-SOURCE.md"}) {
        EXPECT_TRUE(files.count(f)) << f;
    }
    for (const auto& f : files) {
        EXPECT_FALSE(f.starts_with("include/") || f.ends_with(".hpp") || f.ends_with(".a")) << f << ": not for a user";
        if (!f.starts_with("bin/") && !f.ends_with(".gz")) {
            EXPECT_EQ(read_file(prefix / f).find(BOSTAD_SOURCE_DIR), std::string::npos) << f << " names the build's source tree";
        }
    }
    EXPECT_FALSE(files.count("share/man/man1/bostad.1")) << "the man page is installed compressed only";
    const auto page = run_process({"/usr/bin/zcat", (prefix / "share/man/man1/bostad.1.gz").string()});
    ASSERT_EQ(page.exit_code, 0) << page.err;
    EXPECT_NE(page.out.find(".SS bostad forecast"), std::string::npos);
    EXPECT_EQ(page.out.find(BOSTAD_SOURCE_DIR), std::string::npos) << "the man page names the build's source tree";

    // The installed program, from a folder of its own: an example project, its store, a month, its status.
    const fs::path work = dir.path() / "elsewhere";
    fs::create_directories(work);
    ProcessOptions o;
    o.cwd = work.string();
    const std::string bostad = (prefix / "bin/bostad").string();
    ASSERT_EQ(run_process({bostad, "example", "ex"}, o).exit_code, 0);
    o.cwd = (work / "ex").string();
    ASSERT_EQ(run_process({bostad, "init", "-q"}, o).exit_code, 0);
    const auto ingest = run_process({bostad, "ingest", "--month", "2026-10", "-q"}, o);
    ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
    const auto status = run_process({bostad, "status", "--month", "2026-10"}, o);
    ASSERT_EQ(status.exit_code, 0) << status.err;
    EXPECT_NE(status.out.find("Kristianstad"), std::string::npos) << status.out;
}

/// `dpkg-deb -f DEB FIELD`.
std::string deb_field(const fs::path& deb, const char* field) {
    return run_process({"/usr/bin/dpkg-deb", "-f", deb.string(), field}).out;
}

TEST(Package, TheDebHoldsTheProgramDocsAndTimerAndDependsOnRuntimeLibrariesOnly) {
    TempDir dir;
    const std::string build_dir = fs::path(BOSTAD_EXE).parent_path().string();
    const auto packed = run_process({"/usr/bin/cpack", "-G", "DEB", "--config", build_dir + "/CPackConfig.cmake", "-B", dir.path().string()});
    ASSERT_EQ(packed.exit_code, 0) << packed.out << packed.err;
    const fs::path deb = dir.path() / "bostad_0.1.0_amd64.deb";
    ASSERT_TRUE(fs::exists(deb)) << packed.out;
    const std::string depends = deb_field(deb, "Depends");
    for (const char* lib : {"libgdal", "libgeos-c", "libproj", "libsqlite3", "libpq5", "libxlsxwriter"}) {
        EXPECT_NE(depends.find(lib), std::string::npos) << lib << " in " << depends;
    }
    for (const char* tool : {"-dev", "cmake", "ninja", "gcc ", "clang"}) EXPECT_EQ(depends.find(tool), std::string::npos) << tool << " in " << depends;
    EXPECT_NE(deb_field(deb, "Recommends").find("weasyprint"), std::string::npos);

    const std::string listing = run_process({"/usr/bin/dpkg-deb", "-c", deb.string()}).out;
    for (const char* f : {"./usr/bin/bostad", "./usr/share/man/man1/bostad.1.gz", "./usr/share/bash-completion/completions/bostad",
                          "./usr/share/doc/bostad/copyright", "./usr/lib/systemd/system/bostad-monthly.service",
                          "./usr/lib/systemd/system/bostad-monthly.timer"}) {
        EXPECT_NE(listing.find(std::string(f) + "\n"), std::string::npos) << f << "\n" << listing;
    }
    for (const char* not_for_users : {"/include/", ".hpp", ".a\n", "CMake", BOSTAD_SOURCE_DIR}) {
        EXPECT_EQ(listing.find(not_for_users), std::string::npos) << not_for_users;
    }
    // The copyright names the embedded open data's licence; the timer is persistent and off until switched on.
    const fs::path root = dir.path() / "root";
    ASSERT_EQ(run_process({"/usr/bin/dpkg-deb", "-x", deb.string(), root.string()}).exit_code, 0);
    EXPECT_NE(read_file(root / "usr/share/doc/bostad/copyright").find("CC0-1.0"), std::string::npos);
    const std::string timer = read_file(root / "usr/lib/systemd/system/bostad-monthly.timer");
    EXPECT_NE(timer.find("Persistent=true"), std::string::npos);
    EXPECT_NE(timer.find("OnCalendar=*-*-05"), std::string::npos);
    EXPECT_EQ(deb_field(deb, "Pre-Depends").find("systemd"), std::string::npos);
}

TEST(Package, TheTimersCommandLineRunsThePreviousMonthOfAnExampleForIt) {
    TempDir dir;
    const std::string service = read_file(fs::path(BOSTAD_SOURCE_DIR) / "packaging/bostad-monthly.service");
    const auto at = service.find("ExecStart=/usr/bin/bostad ");
    ASSERT_NE(at, std::string::npos) << service;
    const std::string line = service.substr(at + std::string("ExecStart=/usr/bin/bostad ").size(),
                                            service.find('\n', at) - at - std::string("ExecStart=/usr/bin/bostad ").size());
    std::vector<std::string> args;
    for (const auto& word : split(line, ' ')) args.push_back(word);
    EXPECT_EQ(args, (std::vector<std::string>{"monthly", "--previous", "--skip-existing"}));
    // The same command line in a project whose data runs to the month before today's, as the timer would run it.
    const Month previous = Month::of(today()).plus(-1);
    ProcessOptions o;
    o.cwd = dir.path().string();
    ASSERT_EQ(run_bostad({"example", "ex", "--month", previous.str()}, o).exit_code, 0);
    o.cwd = dir.file("ex");
    auto r = run_bostad(args, o);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("bostad monthly " + previous.str()), std::string::npos) << r.out;
    EXPECT_TRUE(fs::exists(dir.path() / "ex/out" / previous.str() / fmt::format("bostad-{}.gpkg", previous.str())));
    // A second start (Persistent=true catches up after a shutdown) finds the month done and leaves it be.
    r = run_bostad(args, o);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("skipped"), std::string::npos) << r.err;
}

} // namespace
} // namespace bostad::test
