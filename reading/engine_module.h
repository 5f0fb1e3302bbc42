// The recognition engines' module (reading/engines/engines.h), loaded once a process
// when it first recognises a page or a handwritten blank: a command that reads only
// text layers, Word drafts and text files never loads Tesseract or OpenCV.
#pragma once

#include <string>

#include "engines/engines.h"

namespace congvan {

// The module's table, loaded on the first call; LoadError naming the module's path
// and the loader's reason when it cannot be loaded.
const engines::EngineTable& engine_table();

// Where the module is looked for: $CONGVAN_ENGINES, else beside an installed binary
// (PREFIX/LIBDIR/congvan), else the build tree's.
std::string engine_module_path();

}  // namespace congvan
