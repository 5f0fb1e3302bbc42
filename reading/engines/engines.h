// The boundary of the recognition engines' module (docs/ocr-toolchain.md, "The
// engines' module"): Tesseract and OpenCV's dnn are linked into a shared module that
// a process loads (dlopen) at its first page to recognise, not into the binary. They
// bring some thirty libraries that every command paid for at its start, 25 ms of it,
// whether or not it read a scan (docs/performance.md, "Starting the binary").
//
// Only plain data and std types cross the boundary: the module links no congvan
// library (one copy of each of congvan's tables and states, in the binary), throws
// nothing, and says what went wrong by a status. Both sides are built by the same
// compiler from this header; kEnginesAbi tells a module built from another version.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

struct Pix;

namespace congvan::engines {

// Raised whenever a member or a function of this header changes.
constexpr int kEnginesAbi = 1;

// A word as Tesseract read it, boxes in the image's pixels.
struct OcrWord {
    std::string text;
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    float confidence = 0;
    bool starts_line = false;
    // Each symbol's left and right edge and where the word's first "/" starts, only
    // where the caller asked for them (OcrRequest::wants_symbols); none when
    // Tesseract boxed some symbol not.
    std::vector<std::pair<int, int>> symbol_x;
    std::optional<int> slash_x;
};

enum class OcrStatus { Ok, TimedOut, Failed };

struct OcrRequest {
    Pix* grey = nullptr;        // 8-bit, deskewed: what Tesseract reads
    long long deadline_ms = 0;  // milliseconds left, 0 for none
    bool (*wants_symbols)(const char* utf8) = nullptr;
};

// One Tesseract engine (TessBaseAPI), used by one thread at a time.
class TextEngine {
public:
    virtual ~TextEngine() = default;
    virtual OcrStatus recognize(const OcrRequest& request, std::vector<OcrWord>& words) = 0;
};

// The digit reader's network (docs/handwriting.md) on a crop of grey values (0..255,
// row-major, ink dark): the scores of its readers, `readers` x 11 classes x
// `columns`, row-major.
constexpr int kDigitClasses = 11;  // CTC's blank, then the digits 0 to 9
struct DigitScores {
    std::vector<float> scores;
    int readers = 1, columns = 0;
};

// The module's functions, found by the one symbol the module exports.
struct EngineTable {
    int abi = 0;
    const char* (*tesseract_version)() = nullptr;
    // A new engine reading `model` in `tessdata_dir`, or null where Tesseract cannot
    // load it (the binary says which model and where).
    TextEngine* (*make_text_engine)(const char* tessdata_dir, const char* model) = nullptr;
    // False with `error` set where the model cannot be read.
    bool (*digit_scores)(const float* grey, int width, int height, DigitScores* out, std::string* error) = nullptr;
};

}  // namespace congvan::engines

// The one symbol of the module, found by dlsym.
extern "C" const congvan::engines::EngineTable* congvan_engine_table();
