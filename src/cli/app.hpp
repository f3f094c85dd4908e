#pragma once
// The bostad command line: global options, the command registry, parsing, and the mapping of errors to
// the documented exit codes. `main` is a single call to run().

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/command.hpp"

namespace bostad::cli {

/// A parsed command line: the command chosen, its options filled in (Command::options()), nothing run yet.
struct Parsed {
    std::vector<std::unique_ptr<Command>> commands; ///< owns the chosen one
    Command* command = nullptr;
    GlobalOptions globals;
    /// Set when parsing alone answered (--help, --version) or refused (a usage error, said on `err`).
    std::optional<ExitCode> done;
};

/// Parses `bostad ARGS...` (args without the program name) without running anything: help and version go to
/// `out`, usage errors to `err` (with `done` set).
Parsed parse_arguments(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// Runs `bostad ARGS...`. Never throws; returns the exit code.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) noexcept;

/// "bostad 0.1.0 (store schema 2; GDAL ..., GEOS ..., PROJ ..., SQLite ...)"
std::string version_text();

} // namespace bostad::cli
