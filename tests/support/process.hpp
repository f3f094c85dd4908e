#pragma once
// Runs a program without a shell (fork/exec), capturing its exit code, stdout and stderr.

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
};

struct ProcessOptions {
    std::string cwd;                              ///< empty: the current folder
    std::map<std::string, std::string> env_extra; ///< added to the inherited environment
    std::optional<std::string> stdin_text;
};

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options = {});

/// Runs the built bostad executable with `args`.
ProcessResult run_bostad(const std::vector<std::string>& args, const ProcessOptions& options = {});

/// Generates the example project into DIR/ex, creates its store and ingests `months` with its config;
/// returns the options to run bostad in it. Fails the calling test on error.
ProcessOptions make_example_store(const std::string& dir, const std::vector<std::string>& months);

/// Debian's python3 (the one python3-gdal and python3-qgis belong to).
inline const char* k_debian_python = "/usr/bin/python3";

} // namespace bostad::test
