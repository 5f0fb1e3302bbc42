// The document as one flowing text: lines joined by '\n', so a phrase that wraps
// ("trước ngày" / "15/10/2022") is matched as one, and any offset maps back to its
// page and line. Field parsers search `folded()` (accent-insensitive ASCII) and
// read values from `text()`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "reading/document.h"
#include "text/normalize.h"

namespace congvan {

class FlowText {
public:
    explicit FlowText(const Document& doc);

    const std::string& text() const { return text_; }
    const std::string& folded() const { return folded_.folded; }

    // Byte offset in text() of folded offset `f` (f may equal folded().size()).
    std::size_t to_text(std::size_t f) const { return folded_.origin[f]; }
    // The original text behind folded range [fb, fe), whitespace cleaned.
    std::string original(std::size_t fb, std::size_t fe) const;
    // Where the folded offset `f` lies.
    Evidence evidence_at(std::size_t f) const;
    // Where the folded range [fb, fe) lies: its first line, with the boxes of the
    // lines it runs on to (Evidence::continued).
    Evidence evidence_span(std::size_t fb, std::size_t fe) const;
    // The lowest confidence of the words that folded range [fb, fe) touches (100
    // for text without words): how sure the reading of exactly that span is.
    double confidence(std::size_t fb, std::size_t fe) const;
    // The digit reader's readings of the first handwritten word that folded range
    // [fb, fe) touches; empty when the span is typed.
    std::vector<ReadCandidate> handwriting(std::size_t fb, std::size_t fe) const;
    // Folded offsets of the start and end of the line holding folded offset `f`.
    std::pair<std::size_t, std::size_t> line_bounds(std::size_t f) const;

    struct LineRef {
        int page;           // 1-based
        int line;           // 1-based within the page
        std::size_t begin;  // folded offsets
        std::size_t end;
        const Line* source;
        int text_line;  // 1-based in the extracted text, pages one after another
        // For a long line, the column at every kColumnMark-th byte, so that a value's
        // column is found without counting from the line's start each time.
        std::vector<int> column_marks;
    };
    static constexpr std::size_t kColumnMark = 4096;
    const std::vector<LineRef>& lines() const { return lines_; }
    const LineRef& line_of(std::size_t f) const;
    Evidence evidence_of(const LineRef& line) const;

private:
    // `at`: the byte in the line's text the value starts at, for quoting a long line.
    Evidence evidence_of(const LineRef& line, std::size_t at) const;

    std::string text_;
    FoldedText folded_;
    std::vector<LineRef> lines_;
};

}  // namespace congvan
