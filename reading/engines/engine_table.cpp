// The one symbol the engines' module exports (engines.h); everything else in it is
// hidden (reading/engines/CMakeLists.txt).
#include "module_functions.h"

extern "C" __attribute__((visibility("default"))) const congvan::engines::EngineTable* congvan_engine_table() {
    static const congvan::engines::EngineTable table{congvan::engines::kEnginesAbi, congvan::engines::tesseract_version,
                                                     congvan::engines::make_text_engine, congvan::engines::digit_scores};
    return &table;
}
