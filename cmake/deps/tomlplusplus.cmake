# toml++: the project config file (bostad.toml), with line numbers for errors.
find_package(tomlplusplus 3.3 CONFIG REQUIRED)
