#pragma once
// Runs an external program (WeasyPrint for the PDF) without a shell: argv as given, output captured in a
// log file. User text never reaches a shell.

#include <filesystem>
#include <string>
#include <vector>

namespace bostad {

struct ProgramRun {
    int exit_code = -1; ///< -1 when it could not start or was killed
    std::string output; ///< stdout and stderr together
};

/// Runs argv[0] (an absolute path) with the arguments; `log` receives the output while it runs.
ProgramRun run_program(const std::vector<std::string>& argv, const std::filesystem::path& log);

} // namespace bostad
