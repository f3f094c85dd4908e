# The fuzz targets as a library: linked into the libFuzzer executables (BOSTAD_FUZZ builds) and into the
# test suite, which replays the seed and regression corpora through them.
add_library(bostad_fuzz_targets STATIC
  ${CMAKE_CURRENT_LIST_DIR}/support.cpp
  ${CMAKE_CURRENT_LIST_DIR}/values_target.cpp
  ${CMAKE_CURRENT_LIST_DIR}/attribute_rows_target.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ss637040_target.cpp
  ${CMAKE_CURRENT_LIST_DIR}/config_target.cpp)
target_include_directories(bostad_fuzz_targets PUBLIC ${CMAKE_CURRENT_LIST_DIR}/..)
target_link_libraries(bostad_fuzz_targets PUBLIC bostad_lib PRIVATE bostad_warnings)
