// Where a header's typed anchor ("ngày", "tháng", "Số:") ends and the handwriting
// that touches it begins (docs/handwriting.md, "An anchor's box takes in
// handwriting"): OCR boxes the two as one word. And where the number's typed slash
// is, whose box OCR lets the handwritten digit before it take.
#include <leptonica/allheaders.h>

#include <algorithm>
#include <cassert>
#include <optional>
#include <vector>

#include "handwriting.h"
#include "text/normalize.h"

namespace congvan {

namespace {

constexpr double kSlashLean[2] = {0.25, 0.6};  // a typed slash's lean: pixels right for each pixel up
constexpr int kSlashWidth = 3;                 // feet along its lean: one or two only graze other ink
constexpr double kSlashInk = 0.9;              // of its pixel rows inked along it

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

// Dark pixels of the page in [x0, x1] × [y0, y1], clipped to the page.
int dark_pixels(Pix* grey, int x0, int x1, int y0, int y1) {
    int dark = 0;
    for (int y = std::max(0, y0); y <= std::min(y1, pixGetHeight(grey) - 1); ++y)
        for (int x = std::max(0, x0); x <= std::min(x1, pixGetWidth(grey) - 1); ++x) {
            l_uint32 v = 255;
            pixGetPixel(grey, x, y, &v);
            dark += v < 128;
        }
    return dark;
}

// Columns of the page between y0 and y1 with at most one dark pixel: paper.
bool paper_column(Pix* grey, int x, int y0, int y1) { return dark_pixels(grey, x, x, y0, y1 - 1) <= 1; }

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

// The share of a straight line's pixel rows, from (x, bottom) leaning `lean` pixels
// right for each pixel up to `top`, that have ink within a pixel of it.
double ink_along(Pix* grey, int x, double lean, int top, int bottom) {
    int rows = 0, inked = 0;
    for (int y = top; y <= bottom; ++y, ++rows) {
        int cx = x + static_cast<int>(lean * (bottom - y) + 0.5);
        for (int dx = -1; dx <= 1; ++dx) {
            l_uint32 v = 255;
            if (cx + dx >= 0 && cx + dx < pixGetWidth(grey)) pixGetPixel(grey, cx + dx, y, &v);
            if (v < 128) {
                ++inked;
                break;
            }
        }
    }
    return rows ? static_cast<double>(inked) / rows : 0;
}

// A stroke along a lean: the feet [left, right] of the lines inked along it.
struct Stroke {
    int left = 0, right = -1;
    double lean = 0;
    int width() const { return right - left + 1; }
    // Where it crosses the band's middle row: the same at every lean it passes.
    double middle(int height) const { return (left + right) / 2.0 + lean * height / 2.0; }
};

// The strokes of this lean whose feet lie in [from, to], right to left.
std::vector<Stroke> strokes_along(Pix* grey, int from, int to, double lean, int top, int bottom) {
    std::vector<Stroke> out;
    for (int x = to; x >= from; --x) {
        if (ink_along(grey, x, lean, top, bottom) < kSlashInk) continue;
        Stroke s{x, x, lean};
        while (s.left > 0 && ink_along(grey, s.left - 1, lean, top, bottom) >= kSlashInk) --s.left;
        out.push_back(s);
        x = s.left;
    }
    return out;
}

// The typed letters' height between x0 and x1: the longest run of pixel rows of the
// box with ink there (a rule above the line or a seal's edge is apart from it).
std::pair<int, int> typed_rows(Pix* grey, int x0, int x1, int y0, int y1) {
    y0 = std::max(0, y0), y1 = std::min(y1, pixGetHeight(grey) - 1);
    std::pair<int, int> best{y0, y0 - 1};
    for (int y = y0, start = y0; y <= y1 + 1; ++y) {
        if (y <= y1 && dark_pixels(grey, x0, x1, y, y) >= 2) continue;  // a row of the run
        if (y - start > best.second - best.first + 1) best = {start, y - 1};
        start = y + 1;
    }
    return best;
}

}  // namespace

std::optional<SlashEdge> typed_slash(Pix* grey, const WordRow& row, std::size_t word, std::size_t code_at, double points_per_pixel) {
    assert(grey);
    if (word >= row.size() || pixGetDepth(grey) != 8) return std::nullopt;
    const PlacedWord& w = row[word];
    double lw = letter_width(row, points_per_pixel);
    if (lw <= 0 || w.symbol_x.size() != to_u32(w.text).size() || code_at >= w.symbol_x.size()) return std::nullopt;
    // OCR's boxes for the slash and the code's first letter overlap or leave a gap
    // (measured: either may begin a letter's width early): the slash ends at the
    // later of the slash's end and the letter's start.
    double code_x = w.symbol_x[code_at].first / points_per_pixel;
    if (code_at > 0) code_x = std::max(code_x, w.symbol_x[code_at - 1].second / points_per_pixel);
    // The middle of the code letters' height: the word's box may be taller (a rule,
    // the handwriting), and a slash reaches a little above and below the letters.
    auto [y0, y1] = typed_rows(grey, static_cast<int>(code_x), static_cast<int>(w.bbox.x1 / points_per_pixel),
                               static_cast<int>(w.bbox.y0 / points_per_pixel), static_cast<int>(w.bbox.y1 / points_per_pixel));
    int top = y0 + (y1 - y0) / 5, bottom = y1 - (y1 - y0) / 5, height = bottom - top;
    if (height < 6) return std::nullopt;
    // The strokes of every lean from upright to a slash's, whose tops stay left of
    // the code. Right to left, a stroke (the lines crossing the middle row within two
    // pixels of each other) is taken at the lean along which it is widest; the first
    // that leans as a slash does is the slash, an upright (the code letter's stem,
    // where OCR's box begins late) is passed over.
    std::vector<Stroke> strokes;
    for (double lean = 0; lean <= kSlashLean[1] + 1e-9; lean += 0.02) {
        int to = static_cast<int>(code_x + 0.15 * lw - lean * height), from = static_cast<int>(code_x - 2.5 * lw);
        for (const auto& s : strokes_along(grey, std::max(0, from), to, lean, top, bottom)) strokes.push_back(s);
    }
    std::sort(strokes.begin(), strokes.end(), [&](const Stroke& a, const Stroke& b) { return a.middle(height) > b.middle(height); });
    for (std::size_t i = 0; i < strokes.size();) {
        std::size_t end = i + 1;
        while (end < strokes.size() && strokes[end].middle(height) >= strokes[end - 1].middle(height) - 2) ++end;
        auto widest = std::max_element(strokes.begin() + static_cast<std::ptrdiff_t>(i), strokes.begin() + static_cast<std::ptrdiff_t>(end),
                                       [](const Stroke& a, const Stroke& b) { return a.width() < b.width(); });
        if (widest->lean >= kSlashLean[0] && widest->width() >= kSlashWidth)
            return SlashEdge{static_cast<double>(widest->left), static_cast<double>(bottom), widest->lean};
        i = end;
    }
    return std::nullopt;
}

std::optional<double> anchor_typed_edge(Pix* grey, const WordRow& row, std::size_t anchor, std::string_view typed, double points_per_pixel,
                                        bool blank_after) {
    assert(grey);
    if (anchor >= row.size()) return std::nullopt;
    return typed_edge(grey, row[anchor], typed, letter_width(row, points_per_pixel), points_per_pixel, blank_after);
}

}  // namespace congvan
