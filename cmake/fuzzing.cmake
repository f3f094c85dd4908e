# libFuzzer harnesses (tests/fuzz) when BOSTAD_FUZZ is on: clang only. Every project target is built with
# coverage instrumentation for the fuzzer (fuzzer-no-link) and with ASan + UBSan; the harness executables
# link libFuzzer's main. scripts/fuzz configures such a build in build-fuzz/.
if(BOSTAD_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "BOSTAD_FUZZ needs clang (CXX=clang++-14); ${CMAKE_CXX_COMPILER_ID} has no libFuzzer")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer -gline-tables-only)
  add_link_options(-fsanitize=address,undefined)
endif()
