// Lines built from words by geometry, for text layers and OCR alike. A Decree 30
// page puts two columns side by side on the same rows (issuing body | national
// motto, number | place and date, recipients | signer): a reader that joins words
// left to right makes "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI…". Here a row is cut where a
// wide gap opens, a run of rows that share a vertical gutter is a two-column band,
// and a band is read column by column. docs/layout.md explains the thresholds.
#pragma once

#include <optional>
#include <vector>

#include "document.h"

namespace congvan {

struct PlacedWord {
    std::string text;
    BBox bbox;
    double confidence = 100.0;
    PageSource source = PageSource::Text;
    bool space_after = true;                 // a text layer says whether a space follows
    std::optional<TextStyle> style;          // a born-digital PDF's face and size; OCR has none
    std::vector<ReadCandidate> handwriting;  // read from handwriting: the digit reader's readings
    std::optional<double> slash_x;           // OCR: where the word's first "/" starts (a number's symbol)
    // OCR: each symbol's left and right edge, kept only for a word that glues a
    // date's anchor to something else ("ngàylttháng": where to cut it) or holds a
    // slash (a number's symbol: where its typed slash is looked for).
    std::vector<std::pair<double, double>> symbol_x;
};

using WordRow = std::vector<PlacedWord>;

// Rows of words whose vertical middles line up (a text layer gives words, not lines).
std::vector<WordRow> rows_by_geometry(std::vector<PlacedWord> words);

// Lines in reading order: rows cut at gaps, two-column bands read column by column.
// `page_width` is in the same unit as the boxes.
std::vector<Line> lay_out(std::vector<WordRow> rows, double page_width);

// Whether two boxes overlap by more than half of the smaller one's area.
bool mostly_overlaps(const BBox& a, const BBox& b);

}  // namespace congvan
