# Writes OUT, a C++ file holding each file of FILES (corpus data, the report's
# templates) under its path relative to ROOT (or to GENERATED, for a file made from
# one of ROOT's at build time), so that the binary needs nothing from
# the source tree: FUNCTION(name), declared in HEADER, returns a file's bytes.
set(body "#include \"${HEADER}\"\n#include <map>\n\nnamespace congvan {\n\nstd::string_view ${FUNCTION}(const std::string& name) {\n    static const std::map<std::string, std::string_view> files = {\n")
string(REPLACE "," ";" FILES "${FILES}")
foreach(f ${FILES})
  if(GENERATED AND f MATCHES "^${GENERATED}/")
    file(RELATIVE_PATH rel "${GENERATED}" "${f}")
  else()
    file(RELATIVE_PATH rel "${ROOT}" "${f}")
  endif()
  file(READ "${f}" text)
  string(APPEND body "        {\"${rel}\", R\"congvan_data(${text})congvan_data\"},\n")
endforeach()
string(APPEND body "    };\n    auto it = files.find(name);\n    return it == files.end() ? std::string_view() : it->second;\n}\n\n}  // namespace congvan\n")
file(WRITE "${OUT}.tmp" "${body}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
