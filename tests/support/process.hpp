#pragma once
// Runs a program without a shell (fork/exec), capturing its exit code, stdout and stderr.

#include <sys/types.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bostad::test {

struct ProcessResult {
    int exit_code = -1; ///< -1 when killed by a signal
    int signal = 0;
    std::string out;
    std::string err;
    long max_rss_kb = 0; ///< the process's peak resident memory (run_process only)
};

struct ProcessOptions {
    std::string cwd;                              ///< empty: the current folder
    std::map<std::string, std::string> env_extra; ///< added to the inherited environment
    std::optional<std::string> stdin_text;
};

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options = {});

/// Runs the built bostad executable with `args`.
ProcessResult run_bostad(const std::vector<std::string>& args, const ProcessOptions& options = {});

/// bostad started in the background, its output going to LOG_PREFIX.out and .err; killed when it goes
/// unless waited for.
class BackgroundBostad {
public:
    BackgroundBostad(const std::vector<std::string>& args, const ProcessOptions& options, std::string log_prefix);
    BackgroundBostad(const BackgroundBostad&) = delete;
    BackgroundBostad& operator=(const BackgroundBostad&) = delete;
    ~BackgroundBostad();

    /// Waits until the process stopped itself (BOSTAD_PAUSE_AT); false if it ended or `limit` passed.
    bool wait_stopped(std::chrono::milliseconds limit);
    bool running();
    void resume();
    std::string err_so_far() const;
    ProcessResult wait();

private:
    pid_t m_pid = -1;
    std::string m_out;
    std::string m_err;
    bool m_done = false;
    ProcessResult m_result;
};

/// `bostad example ex` in `dir`: options to run bostad in the new project folder `dir/ex` (no store yet).
ProcessOptions make_example_project(const std::string& dir);

/// Generates the example project into DIR/ex, creates its store and ingests `months` with its config;
/// returns the options to run bostad in it. Fails the calling test on error.
ProcessOptions make_example_store(const std::string& dir, const std::vector<std::string>& months);

/// The example project's store before and after its second month (2026-10): DIR/ex/before.gpkg and
/// DIR/ex/after.gpkg, and the options to run bostad in DIR/ex. Throws on error.
struct ExampleMonths {
    ProcessOptions opts;
    std::string before;
    std::string after;
};
ExampleMonths make_example_months(const std::string& dir);

/// Debian's python3 (the one python3-gdal and python3-qgis belong to).
inline const char* k_debian_python = "/usr/bin/python3";

} // namespace bostad::test
