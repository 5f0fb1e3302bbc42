// The libraries and the OCR model a build reads documents with: part of what makes
// two runs comparable, so `congvan --version` says them.
#pragma once

#include <string>

namespace congvan {

// "Tesseract 5.3.0 (model Vietnamese in /usr/share/…), Leptonica 1.82.0, Poppler 22.12.0"
std::string library_versions();

}  // namespace congvan
