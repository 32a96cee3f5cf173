# cabinet_embed(TARGET NAME FILES ... SYMBOL sym) generates a C++ source that holds the given
# files as byte arrays, so that the binary carries its migrations and API description and
# runs from any directory.
function(cabinet_embed out_var)
  cmake_parse_arguments(ARG "" "SYMBOL;BASE" "FILES" ${ARGN})
  set(out ${CMAKE_CURRENT_BINARY_DIR}/embedded_${ARG_SYMBOL}.cpp)
  # A ';' would split the list in the generated shell command: pass it '|'-separated.
  string(REPLACE ";" "|" files_arg "${ARG_FILES}")
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DSYMBOL=${ARG_SYMBOL} -DBASE=${ARG_BASE}
            "-DFILES=${files_arg}" -P ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
    DEPENDS ${ARG_FILES} ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
    COMMENT "Embedding ${ARG_SYMBOL}"
    VERBATIM)
  set(${out_var} ${out} PARENT_SCOPE)
endfunction()
