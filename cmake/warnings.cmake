# Compiler warnings for the project's own targets (not for dependencies).
add_library(bostad_warnings INTERFACE)
target_compile_options(bostad_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual -Wnull-dereference
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
if(BOSTAD_WERROR)
  target_compile_options(bostad_warnings INTERFACE -Werror)
endif()
