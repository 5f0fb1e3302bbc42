// Tesseract, one engine per thread: created on the thread's first page and reused
// for every page after it (initialising an engine costs more than a page).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "document.h"
#include "layout.h"
#include "pix.h"

struct Pix;

namespace congvan {

// Where the Vietnamese models are: $TESSDATA_PREFIX, else Debian's path.
std::string tessdata_dir();
// The model read there: the script model `Vietnamese`, else `vie`.
std::string tessdata_model(const std::string& dir);

using Deadline = std::optional<std::chrono::steady_clock::time_point>;

// The grey image Tesseract (and the digit reader) reads: a colour page loses its
// red first (seals, the signing service's emblem), the ink stays.
PixPtr ink_grey(Pix* image);

// Whether an image has a dark pixel at all. A page without one (the blank back of a
// scanned sheet) has nothing to read: Tesseract is not started for it, which is
// most of the time of a long scan with blank pages.
bool has_ink(Pix* image);
// Words of an image, one row per Tesseract text line, boxes in page points.
std::vector<WordRow> recognize_words(Pix* image, double points_per_pixel, const Deadline& deadline = std::nullopt);

// Lines of an 8-bit grey (or any-depth) image. Pixel boxes are scaled by
// points_per_pixel into page points. The image is deskewed first. Past the
// deadline Tesseract is stopped and LoadError thrown.
std::vector<Line> recognize_lines(Pix* image, double points_per_pixel, const Deadline& deadline = std::nullopt);

// Starts this thread's engine now (it is otherwise started on the first page): a
// process that forks a child per document starts it once, and every child
// inherits it ready (isolation/isolation.h).
void prepare_ocr_engine();

// Throws LoadError when the deadline has passed.
void check_deadline(const Deadline& deadline);

}  // namespace congvan
