# bostad_embed(OUTPUT <file.cpp> FUNCTION <qualified name> BASE <dir> FILES <files...>)
# Generates a C++ source that defines
#   std::span<const bostad::EmbeddedFile> <FUNCTION>()
# holding each file's path (relative to BASE) and its text, so that the schema SQL, the config schema and
# the QGIS styles ship inside the binary and stay in step with the files kept in the repository.
set(BOSTAD_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed_run.cmake)

function(bostad_embed)
  cmake_parse_arguments(E "" "OUTPUT;FUNCTION;BASE" "FILES" ${ARGN})
  add_custom_command(
    OUTPUT ${E_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${E_OUTPUT} -DFUNCTION=${E_FUNCTION} -DBASE=${E_BASE}
            "-DFILES=${E_FILES}" -P ${BOSTAD_EMBED_SCRIPT}
    DEPENDS ${E_FILES} ${BOSTAD_EMBED_SCRIPT}
    COMMENT "Embedding ${E_FUNCTION}"
    VERBATIM)
endfunction()
