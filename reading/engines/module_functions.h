// The engines' module's own functions, which its table lists (engine_table.cpp):
// the module's side only; the binary reaches them through the table (engines.h).
#pragma once

#include "engines.h"

namespace congvan::engines {

TextEngine* make_text_engine(const char* tessdata_dir, const char* model);
const char* tesseract_version();
bool digit_scores(const float* grey, int width, int height, DigitScores* out, std::string* error);

}  // namespace congvan::engines
