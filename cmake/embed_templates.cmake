# Turns the gnuplot templates DIR/<name>.gp into the C source OUT: one byte array per
# template and a table by name (src/plot_templates.h), so the frontsim binary
# draws charts from any directory without an install step.
# Usage: cmake -DDIR=plots -DOUT=plot_templates_data.c -P embed_templates.cmake
file(GLOB templates "${DIR}/*.gp")
list(SORT templates)
set(arrays "")
set(table "")
set(count 0)
foreach(t IN LISTS templates)
  get_filename_component(name "${t}" NAME_WE)
  if(NOT name MATCHES "^[A-Za-z_][A-Za-z0-9_]*$")
    message(FATAL_ERROR "${t}: a template name must be a C identifier")
  endif()
  # Bytes, not a string literal: no escaping, no length limit, UTF-8 kept as is.
  file(READ "${t}" hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  # One line of C per line of the template.
  string(REPLACE "0x0a," "0x0a,\n  " bytes "${bytes}")
  string(APPEND arrays "static const unsigned char tpl_${name}[] = {\n  ${bytes}0x00};\n\n")
  string(APPEND table "    {\"${name}\", (const char *)tpl_${name}},\n")
  math(EXPR count "${count} + 1")
endforeach()
if(count EQUAL 0)
  message(FATAL_ERROR "no gnuplot templates in ${DIR}")
endif()
file(WRITE "${OUT}.tmp"
  "/* Generated from the templates in plots/ by cmake/embed_templates.cmake; do not edit. */\n"
  "#include \"plot_templates.h\"\n\n"
  "${arrays}"
  "const fsim_plot_template fsim_plot_templates[] = {\n${table}};\n"
  "const int fsim_plot_ntemplates = ${count};\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
