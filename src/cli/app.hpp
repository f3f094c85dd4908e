#pragma once
// The bostad command line: global options, the command registry, parsing, and the mapping of errors to
// the documented exit codes. `main` is a single call to run().

#include <iosfwd>
#include <string>
#include <vector>

namespace bostad::cli {

/// Runs `bostad ARGS...` (args without the program name). Never throws; returns the exit code.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) noexcept;

/// "bostad 0.1.0 (store schema 2; GDAL ..., GEOS ..., PROJ ..., SQLite ...)"
std::string version_text();

} // namespace bostad::cli
