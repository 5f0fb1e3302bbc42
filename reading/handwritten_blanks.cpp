// The blanks of a Decree 30 header that are filled in by hand (docs/handwriting.md):
// found by the typed words around them, cropped from the page Tesseract read, and
// read again by the digit reader.
#include <leptonica/allheaders.h>

#include <algorithm>
#include <cassert>
#include <optional>

#include "text/pattern.h"

#include "handwriting.h"
#include "pix.h"
#include "text/normalize.h"

namespace congvan {

namespace {

constexpr double kPadY = 0.35;       // of the typed line's height: handwriting rises and falls
constexpr double kOverrule = 0.8;    // the reader's probability it overrules Tesseract at
constexpr double kBlueShare = 0.25;  // of a blank's ink, blue: written with a ballpoint
constexpr std::size_t kWithin = 4;   // words from one anchor to the next

struct Blank {
    std::size_t first = 0, last = 0;  // the words it replaces, [first, last]
    double left = 0, right = 0;       // pixels
    std::string prefix, suffix;       // typed text kept around the digits ("Số:", "/QĐ-UBND")
    bool month = false;
    // The typed anchor words before and after it, where their boxes may have taken in
    // handwriting that touches them (`trim_anchors`).
    std::optional<std::size_t> open, close;
    // A number's symbol: the word holding its slash, and where its code letters start.
    std::optional<std::pair<std::size_t, std::size_t>> symbol;
    std::optional<SlashEdge> slash;  // found on the page: the crop ends at it
};

std::string digits_of(const std::string& text) {
    std::string d;
    for (char c : text)
        if (c >= '0' && c <= '9') d += c;
    return d;
}

// Where in a word's box the code point `index` of `count` starts: boxes are per word.
double x_at(const PlacedWord& w, std::size_t index, std::size_t count, double ppp) {
    return (w.bbox.x0 + (w.bbox.x1 - w.bbox.x0) * static_cast<double>(index) / std::max<std::size_t>(1, count)) / ppp;
}

const RE2& date_anchor() {
    static const Pattern anchor(R"((ngay|thang|nam))");
    return anchor;
}

// Where a word's letters cut: its symbols' edges where OCR gave them, else each
// letter's share of the word's box.
double cut_x(const PlacedWord& w, std::size_t index, std::size_t count, bool left_edge) {
    if (w.symbol_x.size() == count && count > 0)
        return left_edge ? w.symbol_x[std::min(index, count - 1)].first : w.symbol_x[index - 1].second;
    return x_at(w, index, count, 1.0);
}

bool is_code_letter(char32_t c) { return (c >= U'A' && c <= U'Z') || c == U'Đ'; }

// Where a symbol whose slash OCR lost begins ("Ì4)TB-ĐHTĐ": the handwriting took
// it): the symbol's code is capitals joined by hyphens at the word's end
// ("TB-ĐHTĐ"), and a mark that is neither letter nor digit just before it is the
// slash misread. npos where the word ends in no such code. `from` skips "Số:".
std::size_t lost_slash(const std::u32string& u, std::size_t from) {
    std::size_t at = u.size();
    while (at > from && (is_code_letter(u[at - 1]) || u[at - 1] == U'-')) --at;
    while (at < u.size() && u[at] == U'-') ++at;
    std::u32string code = u.substr(at);
    if (code.size() < 4 || code.find(U'-') == std::u32string::npos || code.back() == U'-') return std::u32string::npos;
    if (at > from && !(u[at - 1] >= U'0' && u[at - 1] <= U'9') && !is_code_letter(u[at - 1]) && u[at - 1] != U':') --at;
    return at;
}

std::optional<Blank> number_blank(const WordRow& row, double ppp) {
    for (std::size_t i = 0; i < row.size(); ++i) {
        std::string f = fold_string(row[i].text);
        // The header's "Số:" has its colon (OCR may lose its capital) or its capital;
        // a sentence's "số 49/QĐ" cites another document (docs/fields.md, "Number").
        bool colon = f.rfind("so:", 0) == 0 || (f == "so" && i + 1 < row.size() && row[i + 1].text.rfind(':', 0) == 0);
        if (!(colon || (f == "so" && !starts_lower_case(row[i].text)))) continue;
        // First a slash; then, where none is near, a symbol whose slash OCR lost.
        for (int pass = 0; pass < 2; ++pass) {
            for (std::size_t j = i; j < row.size() && j <= i + kWithin; ++j) {
                auto u = to_u32(row[j].text);
                std::size_t slash = pass == 0 ? u.find(U'/') : lost_slash(u, j == i ? 3 : 0);
                if (slash == std::u32string::npos) continue;
                // The Party's form puts its type code before the slash ("05-HD/VPTW"): the
                // blank ends at the hyphen after the digits.
                std::size_t hyphen = u.substr(0, slash).find(U'-');
                if (hyphen != std::u32string::npos && hyphen > 0) slash = hyphen;
                // A word that begins with the slash begins where the slash does: the layout's
                // word box is nearer the ink than the recogniser's symbol box.
                double right = slash == 0                           ? row[j].bbox.x0 / ppp
                               : row[j].slash_x && u[slash] == U'/' ? *row[j].slash_x / ppp
                               : pass == 1                          ? cut_x(row[j], slash, u.size(), true) / ppp
                                                                    : x_at(row[j], slash, u.size(), ppp);
                // A lost slash is given back, in place of the mark it was misread as.
                std::string suffix = pass == 0 ? to_utf8(u.substr(slash)) : "/" + to_utf8(u.substr(slash + !is_code_letter(u[slash])));
                Blank b{i + (j == i ? 0 : 1), j, row[i].bbox.x1 / ppp, right, "", suffix};
                if (u[slash] != U'-') b.symbol = {j, slash + !is_code_letter(u[slash])};
                if (j == i) {  // "Số:34/QĐ-TTg" read as one word
                    std::size_t colon = std::min(u.find(U':') == std::u32string::npos ? 2 : u.find(U':') + 1, slash);
                    b.prefix = to_utf8(u.substr(0, colon));
                    b.left = cut_x(row[j], colon, u.size(), true) / ppp;
                } else if (auto head = to_u32(row[i].text); f.rfind("so:", 0) == 0 && head.size() > 3) {
                    // "Số:7" then "31/TB": OCR glued the first digits to "Số:"; the blank
                    // starts after the colon, where Tesseract placed it.
                    b.first = i;
                    b.prefix = to_utf8(head.substr(0, 3));
                    b.left = cut_x(row[i], 3, head.size(), true) / ppp;
                } else {
                    // "Số" then ":" as a word of its own: the colon is typed, not the blank's.
                    // Only a colon: a lone letter ("Ô") is handwriting Tesseract misread.
                    while (b.first < j && row[b.first].text.find_first_not_of(':') == std::string::npos) ++b.first;
                    b.left = std::min(b.left, row[b.first].bbox.x0 / ppp);
                    b.open = b.first - 1;
                }
                return b;
            }
        }
        return std::nullopt;
    }
    return std::nullopt;
}

// A date's opening anchor, or its first three letters or more: the handwriting
// glued to "ngày" often takes its last letter ("ngà Štháng").
bool opens_blank(const std::string& folded, const std::string& before) {
    return folded == before || (folded.size() >= 3 && before.rfind(folded, 0) == 0);
}

// Between "ngày" and "tháng" (the day), or "tháng" and "năm" (the month).
std::optional<Blank> date_blank(const WordRow& row, const std::string& before, const std::string& after, double ppp) {
    for (std::size_t i = 0; i + 1 < row.size(); ++i) {
        if (!opens_blank(fold_string(row[i].text), before)) continue;
        for (std::size_t j = i + 1; j < row.size() && j <= i + kWithin; ++j) {
            // The anchor nearest the blank opens it ("Nga Sơn, ngày 5 tháng").
            if (opens_blank(fold_string(row[j].text), before)) break;
            if (fold_string(row[j].text).rfind(after, 0) == 0) {
                Blank b{i + 1, j - 1, row[i].bbox.x1 / ppp, row[j].bbox.x0 / ppp, "", "", before == "thang", i, j};
                // A word read inside the blank that begins within the anchor's box shows
                // that the box reached into the handwriting ("tháng" over the 1 of "10").
                if (b.first <= b.last) b.left = std::min(b.left, row[b.first].bbox.x0 / ppp);
                return b;
            }
        }
    }
    return std::nullopt;
}

}  // namespace

std::optional<BlankSpan> number_blank_span(const WordRow& row, double points_per_pixel) {
    auto b = number_blank(row, points_per_pixel);
    if (!b) return std::nullopt;
    return BlankSpan{b->first, b->last, b->left, b->right};
}

std::optional<BlankSpan> date_blank_span(const WordRow& row, bool month, double points_per_pixel) {
    auto b = month ? date_blank(row, "thang", "nam", points_per_pixel) : date_blank(row, "ngay", "thang", points_per_pixel);
    if (!b) return std::nullopt;
    return BlankSpan{b->first, b->last, b->left, b->right};
}

bool glued_to_anchor(std::string_view utf8) {
    std::string f = fold_string(utf8);
    re2::StringPiece m;
    if (f.rfind("so:", 0) == 0 && f.size() > 3) return true;  // "Số:7": the number's first digits
    return RE2::PartialMatch(f, date_anchor(), &m) && m.size() < f.size();
}

// OCR often glues the handwriting to a typed word of the date ("ngày)",
// "ngàylttháng", "4†tháng", "tháng/IO"): such a word is cut at its anchors so that
// the blank lies between whole anchors again.
WordRow split_at_date_anchors(const WordRow& row) {
    WordRow out;
    for (const auto& w : row) {
        std::string f = fold_string(w.text);
        auto u = to_u32(w.text);
        std::vector<std::size_t> cuts{0};
        re2::StringPiece input(f), m;
        while (RE2::FindAndConsume(&input, date_anchor(), &m)) {
            cuts.push_back(static_cast<std::size_t>(m.data() - f.data()));
            cuts.push_back(static_cast<std::size_t>(m.data() - f.data()) + m.size());
        }
        cuts.push_back(u.size());
        cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
        if (cuts.size() <= 2 || f.size() != u.size()) {
            out.push_back(w);
            continue;
        }
        for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
            PlacedWord piece = w;
            piece.text = to_utf8(u.substr(cuts[k], cuts[k + 1] - cuts[k]));
            piece.bbox.x0 = k == 0 ? w.bbox.x0 : cut_x(w, cuts[k], u.size(), true);
            piece.bbox.x1 = k + 2 == cuts.size() ? w.bbox.x1 : cut_x(w, cuts[k + 1], u.size(), false);
            piece.slash_x.reset();
            piece.symbol_x.clear();
            out.push_back(piece);
        }
    }
    return out;
}

namespace {

bool valid_month(const std::string& digits) {
    return !digits.empty() && digits.size() <= 2 && std::stoi(digits) >= 1 && std::stoi(digits) <= 12;
}

// A blank widened over what its anchors' boxes took of the handwriting.
void trim_anchors(Pix* grey, const WordRow& row, Blank& b, double ppp) {
    if (b.open)
        if (auto e = anchor_typed_edge(grey, row, *b.open, row[*b.open].text, ppp, true)) b.left = std::min(b.left, *e);
    // "Số:" glued to the digits in one word: its typed part is "Số:".
    if (!b.open && !b.prefix.empty())
        if (auto e = anchor_typed_edge(grey, row, b.first, b.prefix, ppp, true)) b.left = std::min(b.left, *e);
    if (b.close)
        if (auto e = anchor_typed_edge(grey, row, *b.close, row[*b.close].text, ppp, false)) b.right = std::max(b.right, *e);
    if (b.symbol && (b.slash = typed_slash(grey, row, b.symbol->first, b.symbol->second, ppp)))
        b.right = b.slash->at(row[b.symbol->first].bbox.y0 / ppp);
}

// Whether a crop holds something written: dark pixels on a quarter of its rows or
// more (a digit is tall; a rule under the issuer's name, a dot of the leader or a
// scanner's speck is not).
bool has_writing(Pix* crop) {
    PixPtr grey(pixConvertTo8(crop, 0));
    int w = pixGetWidth(grey.get()), h = pixGetHeight(grey.get()), rows = 0;
    for (int y = 0; y < h; ++y) {
        int dark = 0;
        for (int x = 0; x < w; ++x) {
            l_uint32 v = 255;
            pixGetPixel(grey.get(), x, y, &v);
            dark += v < 128;
        }
        rows += dark >= 2;
    }
    return rows * 4 >= h;
}

PixPtr crop(Pix* page, const WordRow& row, const Blank& b, std::size_t anchor, double ppp) {
    double top = row[anchor].bbox.y0 / ppp, bottom = row[anchor].bbox.y1 / ppp;
    double h = bottom - top;
    int x = static_cast<int>(b.left) + 2, y = static_cast<int>(top - kPadY * h);
    int w = static_cast<int>(b.right - b.left) - 4, height = static_cast<int>(h * (1 + 2 * kPadY));
    if (w < 6 || height < 6) return nullptr;
    BOX* box = boxCreate(std::max(0, x), std::max(0, y), w, height);
    PixPtr out(pixClipRectangle(page, box, nullptr));
    boxDestroy(&box);
    // The typed slash leans into the crop's lower right: what lies right of its left
    // edge is the slash (or past it), not the handwriting.
    if (out && b.slash && pixGetDepth(out.get()) == 8)
        for (int cy = 0; cy < pixGetHeight(out.get()); ++cy)
            for (int cx = std::max(0, static_cast<int>(b.slash->at(std::max(0, y) + cy)) - std::max(0, x)); cx < pixGetWidth(out.get());
                 ++cx)
                pixSetPixel(out.get(), cx, cy, 255);
    return out;
}

// Whether a blank's ink is mostly a ballpoint's blue (a colour page only).
bool blue_ink(Pix* colour, const BBox& pixels) {
    if (!colour || pixGetDepth(colour) != 32) return false;
    int ink = 0, blue = 0;
    for (int y = std::max(0, static_cast<int>(pixels.y0)); y < std::min(pixGetHeight(colour), static_cast<int>(pixels.y1)); ++y)
        for (int x = std::max(0, static_cast<int>(pixels.x0)); x < std::min(pixGetWidth(colour), static_cast<int>(pixels.x1)); ++x) {
            l_uint32 v = 0;
            pixGetPixel(colour, x, y, &v);
            l_int32 r, g, bl;
            extractRGBValues(v, &r, &g, &bl);
            if ((r + g + bl) / 3 > 170) continue;
            ++ink;
            blue += bl > r + 35 && bl > g + 10;
        }
    return ink > 20 && blue >= kBlueShare * ink;
}

// The blank's words become one: the reader's reading where it differs from
// Tesseract's or the ink is blue; a reading is sure only where both agree.
void replace(WordRow& row, const Blank& b, const std::vector<ReadCandidate>& read, bool blue, double ppp) {
    assert(!read.empty() && !row.empty());
    std::string typed;
    for (std::size_t k = b.first; k <= b.last && k < row.size(); ++k) typed += row[k].text;
    // What Tesseract read in the blank: before the symbol's "/", without "Số:".
    std::string inside = b.prefix.empty() && b.suffix.empty() ? typed : typed.substr(0, typed.find('/'));
    if (inside.rfind(b.prefix, 0) == 0) inside.erase(0, b.prefix.size());
    std::string tess = digits_of(inside);
    const ReadCandidate& best = read.front();
    if (best.text == tess && !blue) return;  // typed, and read the same both ways
    bool sure = best.text == tess && best.probability >= kReaderSure;
    // A reader unsure of itself does not overrule digits Tesseract read cleanly in
    // black (type, or a tidy hand); what Tesseract read with other marks among the
    // digits ("4†", "^©", "/IO") is handwriting it has no model for, and the reader
    // reads it (measured on the real blanks: docs/handwriting.md). Both stay candidates.
    std::erase_if(inside, [](char c) { return c == ' ' || c == ':'; });
    bool clean = !inside.empty() && tess.size() == inside.size();
    bool reader = best.probability >= kOverrule || !clean || blue;
    PlacedWord word = b.first <= b.last && b.first < row.size() ? row[b.first] : row[std::min(b.last + 1, row.size() - 1)];
    word.text = b.prefix + (reader ? best.text : tess) + b.suffix;
    word.confidence = sure ? 100.0 * best.probability : std::min(100.0 * best.probability, kUncertainBelow - 1);
    word.handwriting = read;
    if (!reader) word.handwriting.insert(word.handwriting.begin(), ReadCandidate{tess, 0});
    if (b.first > b.last) word.bbox.x0 = b.left * ppp, word.bbox.x1 = b.right * ppp;  // a blank Tesseract saw nothing in
    if (b.first <= b.last && b.last < row.size()) {
        word.bbox.x1 = row[b.last].bbox.x1;
        row.erase(row.begin() + static_cast<std::ptrdiff_t>(b.first), row.begin() + static_cast<std::ptrdiff_t>(b.last) + 1);
    }
    row.insert(row.begin() + static_cast<std::ptrdiff_t>(std::min(b.first, row.size())), word);
}

}  // namespace

void read_handwritten_blanks(Pix* grey, double points_per_pixel, std::vector<WordRow>& rows, Pix* colour) {
    bool number_done = false, day_done = false;
    double half = pixGetHeight(grey) / 2.0 * points_per_pixel;
    for (auto& row : rows) {
        // A header's blanks (and an annex's repeated number) stand in the page's upper half.
        if (row.empty() || row.front().bbox.y0 > half) continue;
        // The row is cut at glued date anchors first, so that every blank's word
        // indices (the number's too: it shares the header's line) are the final row's.
        std::optional<Blank> day;
        if (!day_done) {
            WordRow cut = split_at_date_anchors(row);
            if ((day = date_blank(cut, "ngay", "thang", points_per_pixel))) row = std::move(cut);
            else day = date_blank(row, "ngay", "thang", points_per_pixel);
        }
        std::vector<std::pair<Blank, std::size_t>> blanks;  // with the anchor word
        if (auto b = number_done ? std::nullopt : number_blank(row, points_per_pixel)) blanks.push_back({*b, b->last}), number_done = true;
        if (day) {
            blanks.push_back({*day, day->first - 1});
            if (auto m = date_blank(row, "thang", "nam", points_per_pixel)) blanks.push_back({*m, m->first - 1});
            day_done = true;
        }
        // Right to left, so that replacing one blank leaves the others' indices.
        std::sort(blanks.begin(), blanks.end(), [](const auto& a, const auto& b) { return a.first.first > b.first.first; });
        for (auto& [blank, anchor] : blanks) {
            trim_anchors(grey, row, blank, points_per_pixel);
            PixPtr image = crop(grey, row, blank, anchor, points_per_pixel);
            if (!image || !has_writing(image.get())) continue;  // a blank left blank stays blank
            auto read = read_digits(image.get());
            // A month is one of the reader's readings that is a month: the first such
            // (the day's readings are chosen by the calendar later, in fields/header.cpp).
            if (blank.month) std::erase_if(read, [](const ReadCandidate& c) { return !valid_month(c.text); });
            if (read.empty()) continue;
            double top = row[anchor].bbox.y0 / points_per_pixel, bottom = row[anchor].bbox.y1 / points_per_pixel;
            bool blue = blue_ink(colour, {blank.left, top, blank.right, bottom});
            replace(row, blank, read, blue, points_per_pixel);
        }
        if (number_done && day_done) break;
    }
}

}  // namespace congvan
