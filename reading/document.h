// The loaded document: what every later step reads. Geometry is in PDF points with
// the origin at the top-left of the page, whatever the source.
#pragma once

#include "text/messages.h"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace congvan {

// Below this confidence (0..100, from the OCR words a value was read from) a word
// read, and a value read from it, is reported as uncertain: docs/confidence.md gives
// the measured figures.
constexpr double kUncertainBelow = 80.0;

struct BBox {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// A type that is stored or crosses between processes lists its members once, for
// every encoding (text/json_members.h).
template <typename V>
void members(BBox& b, V&& v) {
    v("x0", b.x0);
    v("y0", b.y0);
    v("x1", b.x1);
    v("y1", b.y1);
}

// The smallest box holding both.
inline BBox united(const BBox& a, const BBox& b) {
    return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

enum class PageSource { Text, Ocr };

// One word where it stands on the page: `offset` is where it starts in its line's text.
// One reading of a handwritten blank by the digit reader, with its probability.
struct ReadCandidate {
    std::string text;
    double probability = 0;  // 0..1
};

struct Word {
    std::string text;
    BBox bbox;
    double confidence = 100.0;  // 0..100; Tesseract's word confidence, 100 for a text layer
    std::size_t offset = 0;
    // Read from handwriting by the digit reader (reading/handwriting.h): its
    // readings, best first; empty for typed text.
    std::vector<ReadCandidate> handwriting;
};

// How a stretch of text is set, where the source says it (a Word file's runs): the
// Decree 30 presentation rules read it. A scan has none: nothing is guessed.
struct TextStyle {
    std::string font;    // "Times New Roman"; empty: not said
    double size_pt = 0;  // 0: not said
    bool bold = false, italic = false, underline = false;
};

// The style of `length` bytes of a line's text from `offset`.
struct StyledSpan {
    std::size_t offset = 0, length = 0;
    TextStyle style;
};

struct Line {
    std::string text;                      // NFC, whitespace cleaned; original spelling kept
    std::optional<BBox> bbox;              // absent for plain-text sources
    double confidence = 100.0;             // 0..100; OCR mean word confidence, 100 for text
    int source_line = 0;                   // the line of a text file it came from; 0 for PDF and images
    PageSource source = PageSource::Text;  // a scanned page keeps its signature stamp as text
    int column = 0;                        // 0: spans the page; 1, 2: left and right of a gutter
    std::vector<Word> words;               // empty for plain-text sources
    std::vector<StyledSpan> spans;         // empty when the source gives no style
};

// Paper and margins, in points, where the source says them (a Word file's section).
struct PageSetup {
    double width = 0, height = 0;
    double top = 0, bottom = 0, left = 0, right = 0;
    bool numbered = false;  // a page-number field in a header or footer
};

struct Page {
    int number = 1;  // 1-based
    PageSource source = PageSource::Text;
    // A text layer that another program's OCR laid over a scan (invisible text, or
    // text over a page-sized image): a reading, not the author's text.
    bool made_by_ocr = false;
    // "TCVN3" or "VNI" when the page's text was typed in that legacy 8-bit encoding
    // and has been read into Unicode (text/legacy_encoding.h); empty otherwise.
    std::string legacy_encoding;
    double width = 0, height = 0;  // points; 0 for plain text
    std::vector<Line> lines;
    std::optional<PageSetup> setup;  // a Word file's section
};

enum class DocumentKind { Pdf, Png, Jpeg, Tiff, Text, Docx };

struct Document {
    std::string file;
    std::string sha256;
    std::size_t size = 0;
    DocumentKind kind = DocumentKind::Text;
    std::vector<Page> pages;
};

// Where a value was read: page and line are 1-based, text is the whole line.
struct Evidence {
    int page = 0;
    int line = 0;
    std::string text;
    std::optional<BBox> bbox;
    double confidence = 100.0;  // of the line: OCR's mean, 100 for a text layer
    // Where an editor finds it (`check` text output, SARIF regions): the line in a
    // text file, or in the file's extracted text (`congvan text`: pages one after
    // another) for a PDF or an image; and the value's column in that line, in
    // characters from 1 (0: the line as a whole).
    int source_line = 0;
    int column = 0;
    // A value that wraps (a theme, a citation over two lines): the boxes of the lines
    // after the first that it runs on to, on the same page, so that a report boxes
    // every line it spans (bbox is the first line's).
    std::vector<BBox> continued;
    // The one line every output gives (docs/output.md, "Where a finding is"):
    // source_line where it is known, else the page's line.
    int shown_line() const { return source_line > 0 ? source_line : line; }
};

template <typename V>
void members(Evidence& e, V&& v) {
    v("page", e.page);
    v("line", e.line);
    v("text", e.text);
    v("bbox", e.bbox);
    v("confidence", e.confidence);
    v("source_line", e.source_line);
    v("column", e.column);
    v("continued", e.continued);
}

// A file that cannot be read, and why: a catalogue message (an error.* message of
// corpus/messages.yaml) kept as its key and arguments, worded in the output's
// language only when shown; what() is its English, for a log. The caller prefixes
// the file name.
class LoadError : public std::runtime_error {
public:
    explicit LoadError(const Text& reason) : std::runtime_error(reason.en), reason_(reason) {}
    const Text& reason() const { return reason_; }

private:
    Text reason_;
};

const char* to_string(PageSource source);
const char* to_string(DocumentKind kind);

}  // namespace congvan
