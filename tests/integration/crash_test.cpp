// One ingest is one transaction: killed with SIGKILL anywhere, it leaves the store as it was before, or
// (once committed) as it is after, and the store passes its integrity checks.
#include <csignal>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <filesystem>
#include <random>
#include <thread>

#include <gtest/gtest.h>

#include "support/files.hpp"
#include "support/process.hpp"
#include "support/store_probe.hpp"
#include "support/temp_dir.hpp"

namespace bostad::test {
namespace {

namespace fs = std::filesystem;

/// A delivery of `n` permits (a few of them bad) in EPSG:3008, as a CSV.
void write_delivery(const std::string& path, int n, int month) {
    std::string text = "case_id,municipality,house_type,dwellings,applied_date,granted_date,x,y\n";
    std::mt19937 rng(static_cast<unsigned>(n + month));
    std::uniform_real_distribution<double> ex(175000, 200000);
    std::uniform_real_distribution<double> ny(6190000, 6235000);
    for (int i = 0; i < n; ++i) {
        const bool granted = (i + month) % 3 == 0;
        const bool bad = i % 997 == 0;
        text += "BN 2024-" + std::to_string(100000 + i) + ",1290,småhus,1,2024-01-10," +
                (granted ? "2024-0" + std::to_string(month) + "-15" : "") + "," + std::to_string(ex(rng)) + "," +
                (bad ? "6" : std::to_string(ny(rng))) + "\n";
    }
    write_file(path, text);
}

class CrashSafety : public ::testing::Test {
protected:
    void SetUp() override {
        base = dir.file("base.gpkg");
        make_store(base);
        write_delivery(dir.file("m1.csv"), 3000, 1);
        write_delivery(dir.file("m2.csv"), 3000, 2);
        ASSERT_EQ(ingest(base, "m1.csv").exit_code, 0);
        before = dump_store(base, true);
        const std::string done = copy("done.gpkg");
        ASSERT_EQ(ingest(done, "m2.csv").exit_code, 0);
        after = dump_store(done, true);
        ASSERT_NE(before, after);
    }
    ProcessResult ingest(const std::string& store, const std::string& file, std::map<std::string, std::string> env = {}) {
        ProcessOptions o;
        o.env_extra = std::move(env);
        return run_bostad({"ingest", dir.file(file), "--kind", "permits", "--crs", "EPSG:3008", "--full-snapshot",
                           "--municipality", "1290", "--db", store},
                          o);
    }
    std::string copy(const std::string& name) {
        fs::copy_file(base, dir.file(name), fs::copy_options::overwrite_existing);
        return dir.file(name);
    }

    TempDir dir;
    std::string base;
    std::string before;
    std::string after;
};

TEST_F(CrashSafety, KilledAtEveryStepLeavesBeforeOrAfter) {
    const std::vector<std::pair<std::string, bool>> points = {
        {"ingest.run_started", false}, {"ingest.rows_written", false}, {"ingest.rejects_written", false},
        {"ingest.index_built", false}, {"ingest.before_commit", false}, {"ingest.after_commit", true}};
    for (const auto& [point, committed] : points) {
        const std::string store = copy("crash.gpkg");
        const auto r = ingest(store, "m2.csv", {{"BOSTAD_CRASH_AT", point}});
        EXPECT_EQ(r.signal, SIGKILL) << point << ": " << r.err;
        EXPECT_EQ(check_store(store), "ok") << point;
        EXPECT_TRUE(dump_store(store, true) == (committed ? after : before)) << point;
        EXPECT_EQ(validate_gpkg(store), "") << point;
    }
}

TEST_F(CrashSafety, KilledAtRandomMomentsLeavesBeforeOrAfter) {
    // A larger delivery, killed from outside after a delay: wherever it happens to be.
    write_delivery(dir.file("big.csv"), 60000, 3);
    const std::string done = copy("big-done.gpkg");
    const auto start = std::chrono::steady_clock::now();
    ASSERT_EQ(ingest(done, "big.csv").exit_code, 0);
    const auto full_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    const std::string big_after = dump_store(done, true);
    int killed = 0;
    // Moments spread over the time a whole ingest takes here, until 15 kills landed during an ingest (the
    // machine's load changes how long it takes, so some attempts may come too late).
    for (int i = 0; i < 40 && killed < 15; ++i) {
        const auto delay_ms = static_cast<int>(static_cast<double>(full_ms) * (0.02 + 0.9 * (i % 20) / 20.0));
        const std::string store = copy("random.gpkg");
        fs::remove(store + "-journal");
        const pid_t pid = ::fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            const int null = ::open("/dev/null", O_WRONLY);
            ::dup2(null, 1);
            ::dup2(null, 2);
            const std::string exe = BOSTAD_EXE;
            const std::string file = dir.file("big.csv");
            ::execl(exe.c_str(), exe.c_str(), "ingest", file.c_str(), "--kind", "permits", "--crs", "EPSG:3008",
                    "--full-snapshot", "--municipality", "1290", "--db", store.c_str(), "--quiet",
                    static_cast<char*>(nullptr));
            ::_exit(127);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        killed += WIFSIGNALED(status) ? 1 : 0;
        EXPECT_EQ(check_store(store), "ok") << "killed after " << delay_ms << " ms";
        const std::string state = dump_store(store, true);
        EXPECT_TRUE(state == before || state == big_after) << "killed after " << delay_ms << " ms";
    }
    EXPECT_GE(killed, 15) << "most kills must land during the ingest for this test to mean something (" << full_ms << " ms)";
}

} // namespace
} // namespace bostad::test
