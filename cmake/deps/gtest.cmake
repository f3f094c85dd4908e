# GoogleTest: unit, integration and command-line tests.
find_package(GTest 1.12 CONFIG REQUIRED)
include(GoogleTest)
