// `cmake --install` of this build into a fresh prefix: the files a package would hold, and the installed
// program working from a folder outside the source tree (issue 20).
#include <filesystem>
#include <set>

#include <gtest/gtest.h>

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
    for (const char* f : {"bin/bostad", "share/man/man1/bostad.1", "share/bash-completion/completions/bostad",
                          "share/doc/bostad/README.md", "share/doc/bostad/LICENSE", "share/doc/bostad/docs/forecast.md", "share/doc/bostad/open-data/sweden-SOURCE.md"}) {
        EXPECT_TRUE(files.count(f)) << f;
    }
    for (const auto& f : files) {
        EXPECT_FALSE(f.starts_with("include/") || f.ends_with(".hpp") || f.ends_with(".a")) << f << ": not for a user";
        if (!f.starts_with("bin/")) {
            EXPECT_EQ(read_file(prefix / f).find(BOSTAD_SOURCE_DIR), std::string::npos) << f << " names the build's source tree";
        }
    }
    EXPECT_NE(read_file(prefix / "share/man/man1/bostad.1").find(".SS bostad forecast"), std::string::npos);

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

} // namespace
} // namespace bostad::test
