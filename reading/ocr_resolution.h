// The resolution pages are read at for OCR, alone in a header that C++17 code
// (scan_image.cpp, built as C++17 for qpdf's headers) can include.
#pragma once

namespace congvan {

// Rendering resolution for pages without a usable text layer.
constexpr double kOcrDpi = 300.0;
// No page is OCR'd from more pixels than an A3 page has at 300 dpi (a 10000 pt page
// would take gigabytes): a larger page is rendered at the resolution that fits.
constexpr double kMaxOcrPixels = 18e6;

}  // namespace congvan
