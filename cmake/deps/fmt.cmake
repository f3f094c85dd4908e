# fmt: message formatting (GCC 12 has no std::format).
find_package(fmt 9 CONFIG REQUIRED)
