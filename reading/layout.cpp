#include "layout.h"

#include <algorithm>
#include <cmath>

#include "text/normalize.h"

namespace congvan {

namespace {

// A gap wider than this many word heights ends a segment: justified text
// stretches a space to about one height, a Decree 30 header leaves several.
constexpr double kSegmentGapHeights = 2.0;
// A gutter must be at least this share of the page width to start a band.
constexpr double kMinGutterShare = 0.025;
// A vertical gap above this share of a row's height separates paragraphs (OCR's
// row boxes are a line's full height; rows within a header are ~0.25 apart).
constexpr double kParagraphGap = 0.75;

double height(const BBox& b) { return b.y1 - b.y0; }
double middle(const BBox& b) { return (b.y0 + b.y1) / 2; }

struct Segment {
    WordRow words;
    BBox box;
};

double median_height(const WordRow& row) {
    std::vector<double> h;
    for (const auto& w : row) h.push_back(height(w.bbox));
    std::nth_element(h.begin(), h.begin() + static_cast<long>(h.size() / 2), h.end());
    return h[h.size() / 2];
}

std::vector<Segment> cut_at_gaps(WordRow row) {
    std::vector<Segment> out;
    if (row.empty()) return out;
    std::sort(row.begin(), row.end(), [](const auto& a, const auto& b) { return a.bbox.x0 < b.bbox.x0; });
    double limit = kSegmentGapHeights * median_height(row);
    for (auto& word : row) {
        if (out.empty() || word.bbox.x0 - out.back().box.x1 > limit) out.push_back({{}, word.bbox});
        out.back().box = united(out.back().box, word.bbox);
        out.back().words.push_back(std::move(word));
    }
    return out;
}

bool same(const TextStyle& a, const TextStyle& b) {
    return a.font == b.font && std::abs(a.size_pt - b.size_pt) < 0.25 && a.bold == b.bold && a.italic == b.italic &&
           a.underline == b.underline;
}

// The word just added (its last `length` bytes) joins the line's last span when set
// alike, the space before it included.
void add_styled(Line& line, std::size_t length, const TextStyle& style) {
    std::size_t start = line.text.size() - length;
    if (!line.spans.empty() && same(line.spans.back().style, style)) line.spans.back().length = line.text.size() - line.spans.back().offset;
    else line.spans.push_back({start, length, style});
}

Line line_of(const Segment& segment, int column) {
    Line line;
    line.bbox = segment.box;
    line.column = column;
    double h = median_height(segment.words), sum = 0;
    int ocr = 0;
    const PlacedWord* previous = nullptr;
    bool styled = true;  // every word says how it is set
    for (const auto& w : segment.words) {
        std::string text = clean_line(w.text);
        if (text.empty()) continue;
        bool spaced =
            previous && (previous->space_after || previous->source == PageSource::Ocr || w.bbox.x0 - previous->bbox.x1 > 0.15 * h);
        if (previous && spaced) line.text += ' ';
        line.words.push_back({text, w.bbox, w.confidence, line.text.size(), w.handwriting});
        line.text += text;
        styled = styled && w.style;
        if (styled) add_styled(line, text.size(), *w.style);
        sum += w.confidence;
        ocr += w.source == PageSource::Ocr;
        previous = &w;
    }
    if (!styled) line.spans.clear();
    if (!line.words.empty()) line.confidence = sum / static_cast<double>(line.words.size());
    line.source = 2 * ocr > static_cast<int>(line.words.size()) ? PageSource::Ocr : PageSource::Text;
    return line;
}

// Segments whose vertical extents overlap by half the smaller one stand on one row.
std::vector<std::vector<Segment>> visual_rows(std::vector<Segment> segments) {
    std::sort(segments.begin(), segments.end(), [](const auto& a, const auto& b) { return middle(a.box) < middle(b.box); });
    std::vector<std::vector<Segment>> rows;
    std::vector<BBox> boxes;
    for (auto& s : segments) {
        if (!rows.empty()) {
            const BBox& r = boxes.back();
            double overlap = std::min(r.y1, s.box.y1) - std::max(r.y0, s.box.y0);
            if (overlap > 0.5 * std::min(height(r), height(s.box))) {
                boxes.back() = united(r, s.box);
                rows.back().push_back(std::move(s));
                continue;
            }
        }
        boxes.push_back(s.box);
        rows.push_back({std::move(s)});
    }
    for (auto& row : rows) std::sort(row.begin(), row.end(), [](const auto& a, const auto& b) { return a.box.x0 < b.box.x0; });
    return rows;
}

struct Gutter {
    double left, right;  // the left column ends at `left`, the right one starts at `right`
};

// Where each segment of `row` falls; false when one crosses the gutter. The gutter
// narrows to what the row leaves free.
bool fits(const std::vector<Segment>& row, Gutter& g, std::vector<int>& sides) {
    Gutter next = g;
    sides.clear();
    for (const auto& s : row) {
        bool left = s.box.x1 <= g.right, right = s.box.x0 >= g.left;
        if (left && right) left = (s.box.x0 + s.box.x1) / 2 < (g.left + g.right) / 2, right = !left;
        if (!left && !right) return false;
        sides.push_back(left ? 1 : 2);
        if (left) next.left = std::max(next.left, s.box.x1);
        else next.right = std::min(next.right, s.box.x0);
    }
    if (next.left >= next.right) return false;
    g = next;
    return true;
}

BBox row_box(const std::vector<Segment>& row) {
    BBox box = row.front().box;
    for (const auto& s : row) box = united(box, s.box);
    return box;
}

// A row on one side of the gutter, a paragraph's gap below the row before, starts
// the body: a left-aligned title or "Kính gửi:" under the header table is not the
// table's left column (docs/layout.md).
bool leaves_band(const std::vector<Segment>& previous, const std::vector<Segment>& row, const std::vector<int>& sides) {
    if (std::adjacent_find(sides.begin(), sides.end(), std::not_equal_to<>()) != sides.end()) return false;
    BBox above = row_box(previous), here = row_box(row);
    return here.y0 - above.y1 > kParagraphGap * std::max(height(above), height(here));
}

struct Band {
    std::size_t end;                      // the first row after the band
    std::vector<std::vector<int>> sides;  // per row, per segment: column 1 or 2
};

// The band that starts at row i. Each wide gap of the row is a candidate gutter;
// the one that holds over the most rows is the page's (a word OCR lost opens a gap
// inside a column). No band: end == i.
Band band_at(const std::vector<std::vector<Segment>>& rows, std::size_t i, double page_width) {
    Band best{i, {}};
    const auto& row = rows[i];
    std::vector<int> sides;
    for (std::size_t n = 1; n < row.size(); ++n) {
        if (row[n].box.x0 - row[n - 1].box.x1 <= kMinGutterShare * page_width) continue;
        Gutter g{row[n - 1].box.x1, row[n].box.x0};
        Band candidate{i, {}};
        while (candidate.end < rows.size() && fits(rows[candidate.end], g, sides) &&
               !(candidate.end > i && leaves_band(rows[candidate.end - 1], rows[candidate.end], sides)))
            candidate.sides.push_back(sides), ++candidate.end;
        if (candidate.end > best.end) best = std::move(candidate);
    }
    return best;
}

}  // namespace

bool mostly_overlaps(const BBox& a, const BBox& b) {
    double w = std::min(a.x1, b.x1) - std::max(a.x0, b.x0), h = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
    if (w <= 0 || h <= 0) return false;
    double smaller = std::min((a.x1 - a.x0) * (a.y1 - a.y0), (b.x1 - b.x0) * (b.y1 - b.y0));
    return w * h > 0.5 * smaller;
}

std::vector<WordRow> rows_by_geometry(std::vector<PlacedWord> words) {
    std::sort(words.begin(), words.end(), [](const auto& a, const auto& b) { return middle(a.bbox) < middle(b.bbox); });
    std::vector<WordRow> rows;
    std::vector<BBox> bands;
    for (auto& w : words) {
        if (!rows.empty()) {
            const BBox& band = bands.back();
            double tolerance = 0.5 * std::max(std::min(height(band), height(w.bbox)), 1.0);
            if (std::fabs(middle(w.bbox) - middle(band)) <= tolerance) {
                bands.back() = united(band, w.bbox);
                rows.back().push_back(std::move(w));
                continue;
            }
        }
        bands.push_back(w.bbox);
        rows.push_back({std::move(w)});
    }
    return rows;
}

std::vector<Line> lay_out(std::vector<WordRow> word_rows, double page_width) {
    std::vector<Segment> segments;
    for (auto& row : word_rows)
        for (auto& s : cut_at_gaps(std::move(row))) segments.push_back(std::move(s));
    auto rows = visual_rows(std::move(segments));
    std::vector<Line> lines;
    auto emit = [&](const Segment& s, int column) {
        Line line = line_of(s, column);
        if (!line.text.empty()) lines.push_back(std::move(line));
    };
    for (std::size_t i = 0; i < rows.size();) {
        Band band = band_at(rows, i, page_width);
        if (band.end == i) {
            for (const auto& s : rows[i]) emit(s, 0);
            ++i;
            continue;
        }
        for (int column : {1, 2})
            for (std::size_t k = i; k < band.end; ++k)
                for (std::size_t n = 0; n < rows[k].size(); ++n)
                    if (band.sides[k - i][n] == column) emit(rows[k][n], column);
        i = band.end;
    }
    return lines;
}

}  // namespace congvan
