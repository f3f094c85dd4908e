# `cmake --install`: the program in bin/, its man page and bash completion (written at install time by the
# installed program itself, from the same option declarations as --help), and the documentation with the
# sources and licences of the open data compiled into it. The program needs nothing else at run time: its
# styles, schemas and Sweden's kommuner are embedded.
include(GNUInstallDirs)

install(TARGETS bostad RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

set(BOSTAD_GENERATED_DOCS ${CMAKE_BINARY_DIR}/install-generated)
install(CODE "
  file(MAKE_DIRECTORY \"${BOSTAD_GENERATED_DOCS}\")
  foreach(what manual bash-completion)
    execute_process(COMMAND \"$<TARGET_FILE:bostad>\" --\${what}
                    OUTPUT_FILE \"${BOSTAD_GENERATED_DOCS}/bostad.\${what}\" RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR \"bostad --\${what} failed (\${rc})\")
    endif()
  endforeach()
")
install(FILES ${BOSTAD_GENERATED_DOCS}/bostad.manual DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 RENAME bostad.1)
install(FILES ${BOSTAD_GENERATED_DOCS}/bostad.bash-completion DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME bostad)

install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)
# The open data compiled into the program: where it comes from, its licence and vintage.
install(FILES ${PROJECT_SOURCE_DIR}/gis/sweden/SOURCE.md DESTINATION ${CMAKE_INSTALL_DOCDIR}/open-data RENAME sweden-SOURCE.md)
