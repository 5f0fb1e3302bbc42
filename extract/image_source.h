#pragma once
#include <string_view>
#include <vector>

#include "document.h"
#include "ocr.h"
#include "task_pool.h"

namespace congvan {

// Larger images are refused before decoding: 80 MP is A3 at 600 dpi.
constexpr long long kMaxImagePixels = 80'000'000;

// PNG, JPEG or (multi-page) TIFF, every page OCR'd.
std::vector<Page> read_image_pages(std::string_view bytes, TaskPool* pool, const Deadline& deadline = std::nullopt);

}  // namespace congvan
