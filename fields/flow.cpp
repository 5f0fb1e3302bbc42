#include "flow.h"

#include <algorithm>

namespace congvan {

namespace {

// Characters (code points) in text[from, to).
int code_points(const std::string& text, std::size_t from, std::size_t to) {
    int n = 0;
    for (std::size_t i = from; i < std::min(to, text.size()); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
    return n;
}

std::vector<int> column_marks(const std::string& text) {
    std::vector<int> marks{1};
    for (std::size_t at = FlowText::kColumnMark; at < text.size(); at += FlowText::kColumnMark)
        marks.push_back(marks.back() + code_points(text, at - FlowText::kColumnMark, at));
    return marks;
}

}  // namespace

FlowText::FlowText(const Document& doc) {
    struct Span {
        std::size_t begin, end;
        int page, line, text_line;
        const Line* source;
    };
    std::vector<Span> spans;
    int text_line = 0;  // in `congvan text`'s output
    for (const auto& page : doc.pages) {
        int number = 0;
        for (const auto& line : page.lines) {
            if (!text_.empty()) text_ += '\n';
            spans.push_back({text_.size(), text_.size() + line.text.size(), page.number, ++number, ++text_line, &line});
            text_ += line.text;
        }
    }
    folded_ = fold(text_);
    // Text offsets of line starts → folded offsets, by one walk over origin[].
    std::size_t f = 0;
    for (const auto& span : spans) {
        while (f < folded_.origin.size() - 1 && folded_.origin[f] < span.begin) ++f;
        std::size_t begin = f;
        while (f < folded_.origin.size() - 1 && folded_.origin[f] < span.end) ++f;
        lines_.push_back({span.page, span.line, begin, f, span.source, span.text_line, {}});
        if (span.source->text.size() > kColumnMark) lines_.back().column_marks = column_marks(span.source->text);
    }
}

std::string FlowText::original(std::size_t fb, std::size_t fe) const {
    fe = std::min(fe, folded_.folded.size());
    if (fb >= fe) return {};
    return clean_line(std::string_view(text_).substr(to_text(fb), to_text(fe) - to_text(fb)));
}

const FlowText::LineRef& FlowText::line_of(std::size_t f) const {
    auto it = std::upper_bound(lines_.begin(), lines_.end(), f, [](std::size_t off, const LineRef& l) { return off < l.begin; });
    return it == lines_.begin() ? *it : *std::prev(it);
}

namespace {

// Evidence quotes its line; a line longer than this (a file with no line breaks,
// CR-only endings) is quoted around the value, so that each of a line's many
// values does not copy the whole line.
constexpr std::size_t kEvidenceQuote = 2000;

std::size_t char_start(const std::string& s, std::size_t i) {
    while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    return std::min(i, s.size());
}

std::string quote_around(const std::string& line, std::size_t at) {
    if (line.size() <= kEvidenceQuote) return line;
    std::size_t b = char_start(line, at > kEvidenceQuote / 2 ? at - kEvidenceQuote / 2 : 0);
    std::size_t e = char_start(line, std::min(line.size(), b + kEvidenceQuote));
    return (b > 0 ? "…" : "") + line.substr(b, e - b) + (e < line.size() ? "…" : "");
}

}  // namespace

// Characters (code points) before byte `at` of the line, plus one: from the nearest
// mark, so a line of any length costs linear time for all its values together.
static int column_of(const FlowText::LineRef& line, std::size_t at) {
    std::size_t mark = std::min(at / FlowText::kColumnMark, line.column_marks.empty() ? 0 : line.column_marks.size() - 1);
    int column = line.column_marks.empty() ? 1 : line.column_marks[mark];
    return column + code_points(line.source->text, mark * FlowText::kColumnMark, at);
}

Evidence FlowText::evidence_of(const LineRef& line, std::size_t at) const {
    Evidence e{line.page,
               line.line,
               quote_around(line.source->text, at),
               line.source->bbox,
               line.source->confidence,
               line.source->source_line > 0 ? line.source->source_line : line.text_line};
    e.column = column_of(line, at);
    return e;
}

Evidence FlowText::evidence_of(const LineRef& line) const {
    Evidence e = evidence_of(line, 0);
    e.column = 0;  // the line as a whole
    return e;
}

Evidence FlowText::evidence_at(std::size_t f) const {
    if (lines_.empty()) return {};
    const LineRef& line = line_of(f);
    std::size_t start = to_text(line.begin), at = to_text(std::min(f, folded_.folded.size()));
    return evidence_of(line, at > start ? at - start : 0);
}

Evidence FlowText::evidence_span(std::size_t fb, std::size_t fe) const {
    Evidence e = evidence_at(fb);
    if (lines_.empty() || fb >= fe) return e;
    const LineRef* first = &line_of(fb);
    for (const LineRef* it = first + 1; it != lines_.data() + lines_.size() && it->begin < fe; ++it) {
        if (it->page != first->page) break;  // a box is drawn on one page
        if (it->source->bbox && it->begin < it->end) e.continued.push_back(*it->source->bbox);
    }
    return e;
}

double FlowText::confidence(std::size_t fb, std::size_t fe) const {
    double lowest = 100.0;
    if (lines_.empty() || fb >= fe) return lowest;
    std::size_t tb = to_text(fb), te = to_text(std::min(fe, folded_.folded.size()));
    for (auto it = &line_of(fb); it != lines_.data() + lines_.size() && it->begin < fe; ++it) {
        std::size_t start = to_text(it->begin);
        for (const auto& w : it->source->words) {
            std::size_t wb = start + w.offset, we = wb + w.text.size();
            if (wb < te && tb < we) lowest = std::min(lowest, w.confidence);
        }
    }
    return lowest;
}

std::vector<ReadCandidate> FlowText::handwriting(std::size_t fb, std::size_t fe) const {
    if (lines_.empty() || fb >= fe) return {};
    std::size_t tb = to_text(fb), te = to_text(std::min(fe, folded_.folded.size()));
    for (auto it = &line_of(fb); it != lines_.data() + lines_.size() && it->begin < fe; ++it) {
        std::size_t start = to_text(it->begin);
        for (const auto& w : it->source->words) {
            std::size_t wb = start + w.offset, we = wb + w.text.size();
            if (wb < te && tb < we && !w.handwriting.empty()) return w.handwriting;
        }
    }
    return {};
}

std::pair<std::size_t, std::size_t> FlowText::line_bounds(std::size_t f) const {
    if (lines_.empty()) return {0, 0};
    const auto& line = line_of(f);
    return {line.begin, line.end};
}

}  // namespace congvan
