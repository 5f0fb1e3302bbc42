#include "ocr.h"
#include "pix.h"
#include "text/messages.h"

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <mutex>

#include <unicode/uchar.h>

#include "handwriting.h"
#include "text/normalize.h"

namespace congvan {

namespace {

// The script model reads Vietnamese better than `vie` in every measured case
// (the measured table in this repository's docs/ocr-toolchain.md); `vie` is the
// fallback where only it is installed.
std::string model_name(const std::string& dir) { return std::filesystem::exists(dir + "/Vietnamese.traineddata") ? "Vietnamese" : "vie"; }

class OcrEngine {
public:
    OcrEngine() {
        // A document's pages may each make an engine on a thread of their own, and
        // some of Tesseract's parameters are the process's, not an engine's
        // (debug_file): engines are made one at a time, and the process's
        // parameters are set once, by the first.
        static std::mutex making;
        std::lock_guard lock(making);
        std::string dir = tessdata_dir();
        if (api_.Init(dir.c_str(), model_name(dir).c_str(), tesseract::OEM_LSTM_ONLY) != 0)
            throw LoadError(message("error.no-tesseract", {{"dir", dir}}));
        api_.SetPageSegMode(tesseract::PSM_AUTO);
        static std::once_flag process_parameters;
        std::call_once(process_parameters, [this] { api_.SetVariable("debug_file", "/dev/null"); });
        // An engine is reused across pages and documents on whatever thread runs
        // them; what it learns from one page must not change the next, or a
        // document's text would depend on scheduling.
        api_.SetVariable("classify_enable_learning", "0");
        api_.SetVariable("classify_enable_adaptive_matcher", "0");
        api_.SetVariable("tessedit_enable_doc_dict", "0");
        // Tesseract reads a word again from the inverted image whenever its first
        // reading is unsure, for white text on a dark band. Administrative documents
        // print dark on light, and a degraded scan is unsure of many words: the
        // second reading cost a sixth of the OCR time and changed no seed's text
        // (docs/ocr-toolchain.md, "Inverted text").
        api_.SetVariable("tessedit_do_invert", "0");
    }
    ~OcrEngine() { api_.End(); }

    std::vector<WordRow> recognize(Pix* image, double points_per_pixel, const Deadline& deadline);

private:
    tesseract::TessBaseAPI api_;
};

// How much redder than green and blue a pixel must be to count as seal ink.
constexpr int kRedDropout = 60;

// Scans lean by a degree or so, and straight lines read better (CER 0.33 % → 0.16 %,
// measured in this repository's docs/ocr-toolchain.md). Leptonica's pixDeskew rotates the whole grey page with
// area mapping, which costs a tenth of the OCR; measuring the skew on a binary
// image at a quarter of the size and rotating by shear costs a fiftieth.
Pix* deskewed(Pix* grey) {
    constexpr float kMinSkewDegrees = 0.1f;
    PixPtr binary(pixConvertTo1(grey, 160));
    if (!binary) return nullptr;
    l_float32 angle = 0, confidence = 0;
    if (pixFindSkewSweepAndSearch(binary.get(), &angle, &confidence, 4, 2, 3.0f, 0.5f, 0.01f) != 0 || confidence < 2.0f ||
        std::fabs(angle) < kMinSkewDegrees)
        return nullptr;
    constexpr float kRadiansPerDegree = 3.14159265f / 180.0f;
    return pixRotateShear(grey, pixGetWidth(grey) / 2, pixGetHeight(grey) / 2, angle * kRadiansPerDegree, L_BRING_IN_WHITE);
}

}  // namespace

// The grey image Tesseract reads. A colour page loses its red first: seals and the
// signing service's emblem are red and lie over the signer's title and name, while
// the text and the handwritten number and day are black or blue ink.
PixPtr ink_grey(Pix* image) {
    if (pixGetDepth(image) != 32) {
        PixPtr grey(pixGetDepth(image) == 8 && !pixGetColormap(image) ? pixClone(image) : pixConvertTo8(image, 0));
        if (!grey) throw LoadError(message("error.grey"));
        return grey;
    }
    int w = pixGetWidth(image), h = pixGetHeight(image);
    PixPtr grey(pixCreate(w, h, 8));
    if (!grey) throw LoadError(message("error.grey"));
    pixCopyResolution(grey.get(), image);
    l_uint32* in = pixGetData(image);
    l_uint32* out = pixGetData(grey.get());
    int wpl_in = pixGetWpl(image), wpl_out = pixGetWpl(grey.get());
    for (int y = 0; y < h; ++y) {
        l_uint32* row_in = in + static_cast<std::size_t>(y) * wpl_in;
        l_uint32* row_out = out + static_cast<std::size_t>(y) * wpl_out;
        for (int x = 0; x < w; ++x) {
            l_int32 r, g, b;
            extractRGBValues(row_in[x], &r, &g, &b);
            bool red = r > 120 && r - std::max(g, b) > kRedDropout;
            SET_DATA_BYTE(row_out, x, red ? 255 : (299 * r + 587 * g + 114 * b) / 1000);
        }
    }
    return grey;
}

namespace {

// The word's symbols' left and right edges (none where OCR boxed one not), and
// where its first "/" starts, in points, walking its symbols once: a number's
// handwritten blank ends at the slash (reading/handwritten_blanks.cpp).
void read_symbols(const tesseract::ResultIterator& word, double points_per_pixel, PlacedWord& w) {
    bool has_slash = w.text.find('/') != std::string::npos, boxed = true;
    tesseract::ResultIterator symbol(word);
    do {
        int x0, y0, x1, y1;
        if (!symbol.BoundingBox(tesseract::RIL_SYMBOL, &x0, &y0, &x1, &y1)) {
            boxed = false;
            continue;
        }
        w.symbol_x.emplace_back(x0 * points_per_pixel, x1 * points_per_pixel);
        if (!has_slash || w.slash_x) continue;
        std::unique_ptr<char[]> s(symbol.GetUTF8Text(tesseract::RIL_SYMBOL));
        if (s && std::strcmp(s.get(), "/") == 0) w.slash_x = x0 * points_per_pixel;
    } while (!symbol.IsAtFinalElement(tesseract::RIL_WORD, tesseract::RIL_SYMBOL) && symbol.Next(tesseract::RIL_SYMBOL));
    if (!boxed) w.symbol_x.clear();
}

// Scanner noise, a seal's edge or a signature's stroke read as a "word" with no
// letter or digit: dropped, or it would bridge the gutter between two columns.
bool is_speck(const char* text, const BBox& box, float confidence) {
    static const std::u32string kept = U"-–—+*•()";
    bool meaningful = false;
    for (char32_t c : to_u32(text)) meaningful = meaningful || u_isalnum(static_cast<UChar32>(c)) || kept.find(c) != std::u32string::npos;
    if (meaningful) return false;
    return confidence < 60 || box.x1 - box.x0 < 2 || box.y1 - box.y0 < 2;
}

std::vector<WordRow> OcrEngine::recognize(Pix* image, double points_per_pixel, const Deadline& deadline) {
    PixPtr grey = ink_grey(image);
    PixPtr straight(deskewed(grey.get()));
    Pix* input = straight ? straight.get() : grey.get();
    api_.SetImage(input);
    api_.SetSourceResolution(300);
    tesseract::ETEXT_DESC monitor;
    if (deadline) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - std::chrono::steady_clock::now());
        monitor.set_deadline_msecs(static_cast<int32_t>(std::max<long long>(1, left.count())));
    }
    int status = api_.Recognize(&monitor);
    if (deadline && monitor.deadline_exceeded()) {
        api_.Clear();
        throw LoadError(message("error.timed-out"));
    }
    if (status != 0) throw LoadError(message("error.ocr-failed"));
    std::vector<WordRow> rows;
    std::unique_ptr<tesseract::ResultIterator> it(api_.GetIterator());
    if (!it) return rows;
    do {
        if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE) || rows.empty()) rows.emplace_back();
        std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
        if (!text) continue;
        int x0, y0, x1, y1;
        it->BoundingBox(tesseract::RIL_WORD, &x0, &y0, &x1, &y1);
        BBox box{x0 * points_per_pixel, y0 * points_per_pixel, x1 * points_per_pixel, y1 * points_per_pixel};
        float confidence = it->Confidence(tesseract::RIL_WORD);
        if (is_speck(text.get(), box, confidence)) continue;
        rows.back().push_back({text.get(), box, confidence, PageSource::Ocr, true, std::nullopt, {}, std::nullopt, {}});
        // Symbols are kept only where a blank's edge is looked for: a slash, a glued anchor.
        if (std::strchr(text.get(), '/') || glued_to_anchor(text.get())) read_symbols(*it, points_per_pixel, rows.back().back());
    } while (it->Next(tesseract::RIL_WORD));
    api_.Clear();
    read_handwritten_blanks(input, points_per_pixel, rows, image);
    std::erase_if(rows, [](const WordRow& r) { return r.empty(); });
    return rows;
}

}  // namespace

std::string tessdata_dir() {
    if (const char* env = std::getenv("TESSDATA_PREFIX"); env && *env) {
        std::string dir = env;
        if (std::filesystem::exists(dir + "/tessdata/vie.traineddata")) return dir + "/tessdata";
        return dir;
    }
    return "/usr/share/tesseract-ocr/5/tessdata";
}

namespace {
OcrEngine& this_threads_engine() {
    thread_local OcrEngine engine;
    return engine;
}
}  // namespace

void prepare_ocr_engine() { this_threads_engine(); }

bool has_ink(Pix* image) {
    PixPtr grey(pixConvertTo8(image, 0));
    if (!grey) return true;
    PixPtr ink(pixThresholdToBinary(grey.get(), 128));
    l_int32 empty = 0;
    return !ink || pixZero(ink.get(), &empty) != 0 || !empty;
}

std::vector<WordRow> recognize_words(Pix* image, double points_per_pixel, const Deadline& deadline) {
    check_deadline(deadline);
    if (!has_ink(image)) return {};
    return this_threads_engine().recognize(image, points_per_pixel, deadline);
}

std::vector<Line> recognize_lines(Pix* image, double points_per_pixel, const Deadline& deadline) {
    return lay_out(recognize_words(image, points_per_pixel, deadline), pixGetWidth(image) * points_per_pixel);
}

void check_deadline(const Deadline& deadline) {
    if (deadline && std::chrono::steady_clock::now() > *deadline) throw LoadError(message("error.timed-out"));
}

}  // namespace congvan
