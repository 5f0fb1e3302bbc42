// The digit reader for handwritten numbers and days (docs/handwriting.md): a small
// convolutional network with CTC, trained in this repository by
// tools/train_digits.sh and shipped as corpus/models/digits.onnx, run with
// OpenCV's dnn module. Tesseract has no handwriting model and its word confidence
// is no guide on handwriting, so a blank's digits are read again by this reader.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "document.h"
#include "layout.h"

struct Pix;

namespace congvan {

// The reader's probability at which it is sure of a reading (docs/handwriting.md).
constexpr double kReaderSure = 0.9;

// The n best digit strings of a crop (any depth; ink dark on light), best first.
// The model is loaded once per process, on first use.
std::vector<ReadCandidate> read_digits(Pix* crop, std::size_t n = 5);

// The n best strings from per-column class probabilities (CTC: class 0 is the
// blank, class d + 1 the digit d), by prefix beam search. `columns` rows of 11.
std::vector<ReadCandidate> ctc_best(const std::vector<std::vector<float>>& columns, std::size_t n);

// The n best strings of a model that joins `readers` readers (tools/handwriting/
// ensemble.py): `scores` are the model's output, readers x 11 classes x `columns`
// logits, row-major. A string's probability is the mean of the readers'.
std::vector<ReadCandidate> merged_readings(const float* scores, int readers, int columns, std::size_t n);

}  // namespace congvan

namespace congvan {

// Reads again, with the digit reader, the blanks a Decree 30 header leaves for the
// hand: the number after "Số:" up to the symbol's "/", the day between "ngày" and
// "tháng", the month between "tháng" and "năm" (docs/handwriting.md). `rows` are
// Tesseract's words of the page `grey` (boxes in points); a blank's words become
// one word holding the reader's best reading, its readings and a confidence that
// is the reader's, not Tesseract's.
// `colour`, when the page has colour, tells a ballpoint's blue ink.
void read_handwritten_blanks(Pix* grey, double points_per_pixel, std::vector<WordRow>& rows, Pix* colour = nullptr);

// The row with every word that holds a date's anchor ("ngày", "tháng", "năm") and
// more cut at the anchor: OCR glues handwriting to the typed word ("ngàylttháng",
// "4†tháng"). Each piece gets the share of the word's box its letters have.
// Where the word's symbols were read (`symbol_x`, OCR's), the cuts fall between them.
WordRow split_at_date_anchors(const WordRow& row);

// Where the typed letters of the anchor word `row[anchor]` end (`blank_after`: the
// blank follows it) or begin, in pixels, where OCR's box for it also took in the
// handwriting that touches it ("ngày28" boxed as "ngày"); nullopt where the box is
// no wider than `typed` set in the row's letters (docs/handwriting.md).
std::optional<double> anchor_typed_edge(Pix* grey, const WordRow& row, std::size_t anchor, std::string_view typed, double points_per_pixel,
                                        bool blank_after);

// A number's typed slash, by its left edge: the line through (x, y), in pixels,
// leaning `lean` pixels right for each pixel up.
struct SlashEdge {
    double x = 0, y = 0, lean = 0;
    double at(double row) const { return x + lean * (y - row); }
};

// The typed slash of the number's symbol in `row[word]`, whose code letters start at
// code point `code_at` ("444/TB-ĐHTĐ", 4): OCR's box for the slash often takes in
// the handwritten digit touching it. The slash is the straight stroke leaning right
// nearest the code's first letter (docs/handwriting.md); nullopt where OCR gave no
// symbols' boxes or no such stroke is on the page.
std::optional<SlashEdge> typed_slash(Pix* grey, const WordRow& row, std::size_t word, std::size_t code_at, double points_per_pixel);

// Where a blank lies on a header row: the words it replaces, [first, last] (first >
// last when Tesseract read nothing in it), and its edges in pixels.
struct BlankSpan {
    std::size_t first = 0, last = 0;
    double left = 0, right = 0;
};

// The number's blank: from the end of the typed "Số:" to the typed "/" of the
// symbol (nothing when the row has none).
std::optional<BlankSpan> number_blank_span(const WordRow& row, double points_per_pixel);

// The day's blank (from "ngày" to "tháng") or the month's (from "tháng" to "năm").
std::optional<BlankSpan> date_blank_span(const WordRow& row, bool month, double points_per_pixel);

// Whether a word holds a date's anchor and more ("ngày)", "4†tháng"), or "Số:"
// and more ("Số:7"): where OCR glues handwriting to a typed anchor.
bool glued_to_anchor(std::string_view utf8);

}  // namespace congvan
