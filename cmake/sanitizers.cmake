# ASan + UBSan for every project target when BOSTAD_SANITIZE is on (CI runs the tests this way too).
if(BOSTAD_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
  # GCC 12 reports false "maybe-uninitialized" in libstdc++'s <regex> and <functional> under ASan.
  add_compile_options(-Wno-maybe-uninitialized)
endif()
