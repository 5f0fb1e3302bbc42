#pragma once
#include <string_view>
#include <vector>

#include "document.h"
#include "ocr.h"
#include "pix.h"
#include "task_pool.h"

namespace congvan {

// Larger images are refused before decoding: 80 MP is A3 at 600 dpi.
constexpr long long kMaxImagePixels = 80'000'000;

// The `pages` (from 1) of an image scaled to at most `width_px` wide; a page that
// cannot be decoded is left out. LoadError when the image cannot be read at all.
std::vector<PageDrawing> draw_image_pages(std::string_view bytes, const std::vector<int>& pages, int width_px);

// PNG, JPEG or (multi-page) TIFF, every page OCR'd.
std::vector<Page> read_image_pages(std::string_view bytes, TaskPool* pool, const Deadline& deadline = std::nullopt);

}  // namespace congvan
