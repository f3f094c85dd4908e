# CLI11: subcommands, option parsing and --help text.
find_package(CLI11 2.1 CONFIG REQUIRED)
