// Where a header's typed anchor ("ngày", "tháng", "Số:") ends and the handwriting
// that touches it begins (docs/handwriting.md, "An anchor's box takes in
// handwriting"): OCR boxes the two as one word.
#include <leptonica/allheaders.h>

#include <algorithm>
#include <cassert>
#include <optional>
#include <vector>

#include "handwriting.h"
#include "normalize.h"

namespace congvan {

namespace {

// A typed text's width in letters: punctuation is narrow.
double typed_units(const std::u32string& u) {
    double n = 0;
    for (char32_t c : u) n += (c == U':' || c == U',' || c == U'.' || c == U';') ? 0.4 : 1.0;
    return n;
}

// How wide a typed letter is on the row, in pixels: the median over its words of
// three or more code points that Tesseract read well.
double letter_width(const WordRow& row, double ppp) {
    std::vector<double> widths;
    for (const auto& w : row) {
        auto u = to_u32(w.text);
        if (u.size() >= 3 && w.confidence >= 80) widths.push_back((w.bbox.x1 - w.bbox.x0) / ppp / typed_units(u));
    }
    if (widths.size() < 2) return 0;
    std::nth_element(widths.begin(), widths.begin() + static_cast<std::ptrdiff_t>(widths.size() / 2), widths.end());
    return widths[widths.size() / 2];
}

// Columns of the page between y0 and y1 with at most one dark pixel: paper.
bool paper_column(Pix* grey, int x, int y0, int y1) {
    int dark = 0;
    for (int y = std::max(0, y0); y < std::min(y1, pixGetHeight(grey)); ++y) {
        l_uint32 v = 255;
        pixGetPixel(grey, x, y, &v);
        dark += v < 128;
    }
    return dark <= 1;
}

// Where an anchor's typed letters end (`after_it`: the blank follows the anchor) or
// begin (the blank precedes it), in pixels. OCR's word box takes in handwriting that
// touches the typed word ("ngày28" boxed as one "ngày"); a box over a third wider
// than its letters on this row is cut at the widest run of paper near where its
// letters should end, or there (docs/handwriting.md).
std::optional<double> typed_edge(Pix* grey, const PlacedWord& w, std::string_view typed, double lw, double ppp, bool after_it) {
    double x0 = w.bbox.x0 / ppp, x1 = w.bbox.x1 / ppp, expected = lw * typed_units(to_u32(typed));
    if (pixGetDepth(grey) != 8 || lw <= 0 || x1 - x0 <= expected * 1.3) return std::nullopt;
    double edge = after_it ? x0 + expected : x1 - expected;
    int from = static_cast<int>(edge - 0.3 * lw), to = static_cast<int>(edge + 0.3 * lw);
    int y0 = static_cast<int>(w.bbox.y0 / ppp), y1 = static_cast<int>(w.bbox.y1 / ppp);
    int best_len = 0, best_mid = static_cast<int>(edge);
    for (int x = std::max(0, from), run = 0; x <= std::min(to, pixGetWidth(grey) - 1); ++x) {
        run = paper_column(grey, x, y0, y1) ? run + 1 : 0;
        if (run > best_len) best_len = run, best_mid = x - run / 2;
    }
    return static_cast<double>(best_mid);
}

}  // namespace

std::optional<double> anchor_typed_edge(Pix* grey, const WordRow& row, std::size_t anchor, std::string_view typed, double points_per_pixel,
                                        bool blank_after) {
    assert(grey);
    if (anchor >= row.size()) return std::nullopt;
    return typed_edge(grey, row[anchor], typed, letter_width(row, points_per_pixel), points_per_pixel, blank_after);
}

}  // namespace congvan
