# ASan + UBSan for every project target when BOSTAD_SANITIZE is on (CI runs the tests this way too).
if(BOSTAD_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
