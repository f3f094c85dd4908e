# `cmake --install`: the program in bin/, its man page and bash completion (written at install time by the
# installed program itself, from the same option declarations as --help), and the documentation with the
# sources and licences of the open data compiled into it. The program needs nothing else at run time: its
# styles, schemas and Sweden's kommuner are embedded.
include(GNUInstallDirs)

install(TARGETS bostad RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# Written straight into the destination (DESTDIR and prefix as given at install time), so that two installs at
# once do not share a file.
install(CODE "
  set(root \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}\")
  foreach(pair \"manual;${CMAKE_INSTALL_MANDIR}/man1/bostad.1\" \"bash-completion;${CMAKE_INSTALL_DATADIR}/bash-completion/completions/bostad\")
    list(GET pair 0 what)
    list(GET pair 1 where)
    get_filename_component(folder \"\${root}/\${where}\" DIRECTORY)
    file(MAKE_DIRECTORY \"\${folder}\")
    message(STATUS \"Writing: \${root}/\${where}\")
    execute_process(COMMAND \"$<TARGET_FILE:bostad>\" --\${what} OUTPUT_FILE \"\${root}/\${where}\" RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR \"bostad --\${what} failed (\${rc})\")
    endif()
  endforeach()
  # Man pages are installed compressed (Debian policy 12.1: gzip -9n, no name or time stamp in the file).
  set(page \"\${root}/${CMAKE_INSTALL_MANDIR}/man1/bostad.1\")
  file(REMOVE \"\${page}.gz\")
  execute_process(COMMAND gzip -9n \"\${page}\" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR \"gzip of the man page failed (\${rc})\")
  endif()
")

install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)
# The open data compiled into the program: where it comes from, its licence and vintage.
install(FILES ${PROJECT_SOURCE_DIR}/gis/sweden/SOURCE.md DESTINATION ${CMAKE_INSTALL_DOCDIR}/open-data RENAME sweden-SOURCE.md)
