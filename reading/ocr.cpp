#include "ocr.h"
#include "pix.h"
#include "text/messages.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>

#include <unicode/uchar.h>

#include "engine_module.h"
#include "handwriting.h"
#include "text/normalize.h"

namespace congvan {

namespace {

// This thread's Tesseract, in the engines' module (engine_module.h).
class OcrEngine {
public:
    OcrEngine() {
        const auto& table = engine_table();
        std::string dir = tessdata_dir();
        engine_.reset(table.make_text_engine(dir.c_str(), tessdata_model(dir).c_str()));
        if (!engine_) throw LoadError(message("error.no-tesseract", {{"dir", dir}}));
    }

    std::vector<WordRow> recognize(Pix* image, double points_per_pixel, const Deadline& deadline);

private:
    std::unique_ptr<engines::TextEngine> engine_;
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

// Scanner noise, a seal's edge or a signature's stroke read as a "word" with no
// letter or digit: dropped, or it would bridge the gutter between two columns.
bool is_speck(const char* text, const BBox& box, float confidence) {
    static const std::u32string kept = U"-–—+*•()";
    bool meaningful = false;
    for (char32_t c : to_u32(text)) meaningful = meaningful || u_isalnum(static_cast<UChar32>(c)) || kept.find(c) != std::u32string::npos;
    if (meaningful) return false;
    return confidence < 60 || box.x1 - box.x0 < 2 || box.y1 - box.y0 < 2;
}

// Symbols are kept only where a blank's edge is looked for: a slash, a glued anchor.
bool wants_symbols(const char* utf8) { return std::strchr(utf8, '/') || glued_to_anchor(utf8); }

long long milliseconds_left(const Deadline& deadline) {
    if (!deadline) return 0;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - std::chrono::steady_clock::now());
    return std::max<long long>(1, left.count());
}

PlacedWord placed(engines::OcrWord& w, double points_per_pixel) {
    BBox box{w.x0 * points_per_pixel, w.y0 * points_per_pixel, w.x1 * points_per_pixel, w.y1 * points_per_pixel};
    PlacedWord out{std::move(w.text), box, w.confidence, PageSource::Ocr, true, std::nullopt, {}, std::nullopt, {}};
    if (w.slash_x) out.slash_x = *w.slash_x * points_per_pixel;
    for (auto [left, right] : w.symbol_x) out.symbol_x.emplace_back(left * points_per_pixel, right * points_per_pixel);
    return out;
}

std::vector<WordRow> OcrEngine::recognize(Pix* image, double points_per_pixel, const Deadline& deadline) {
    PixPtr grey = ink_grey(image);
    PixPtr straight(deskewed(grey.get()));
    Pix* input = straight ? straight.get() : grey.get();
    std::vector<engines::OcrWord> words;
    auto status = engine_->recognize({input, milliseconds_left(deadline), wants_symbols}, words);
    if (status == engines::OcrStatus::TimedOut) throw LoadError(message("error.timed-out"));
    if (status != engines::OcrStatus::Ok) throw LoadError(message("error.ocr-failed"));
    std::vector<WordRow> rows;
    for (auto& w : words) {
        if (w.starts_line || rows.empty()) rows.emplace_back();
        PlacedWord p = placed(w, points_per_pixel);
        if (!is_speck(p.text.c_str(), p.bbox, w.confidence)) rows.back().push_back(std::move(p));
    }
    read_handwritten_blanks(input, points_per_pixel, rows, image);
    std::erase_if(rows, [](const WordRow& r) { return r.empty(); });
    return rows;
}

}  // namespace

// The script model reads Vietnamese better than `vie` in every measured case
// (the measured table in this repository's docs/ocr-toolchain.md); `vie` is the
// fallback where only it is installed.
std::string tessdata_model(const std::string& dir) {
    return std::filesystem::exists(dir + "/Vietnamese.traineddata") ? "Vietnamese" : "vie";
}

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

void prepare_ocr_engine() {
    // Only a head start: where the engine cannot start, each document that needs
    // it says why, and the others are read.
    try {
        this_threads_engine();
    } catch (const LoadError&) {}
}

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
