# Writes OUT, a C++ file holding each file of FILES (corpus data) under its path
# relative to ROOT, so that the binary needs nothing from the source tree.
set(body "#include \"extract/vocabulary.h\"\n#include <map>\n\nnamespace congvan {\n\nstd::string_view embedded_data(const std::string& name) {\n    static const std::map<std::string, std::string_view> files = {\n")
string(REPLACE "," ";" FILES "${FILES}")
foreach(f ${FILES})
  file(RELATIVE_PATH rel "${ROOT}" "${f}")
  file(READ "${f}" text)
  string(APPEND body "        {\"${rel}\", R\"congvan_data(${text})congvan_data\"},\n")
endforeach()
string(APPEND body "    };\n    auto it = files.find(name);\n    return it == files.end() ? std::string_view() : it->second;\n}\n\n}  // namespace congvan\n")
file(WRITE "${OUT}.tmp" "${body}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
