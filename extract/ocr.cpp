#include "ocr.h"

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include "normalize.h"

namespace congvan {

namespace {

// The script model reads Vietnamese better than `vie` in every measured case
// (docs/toolchain.md); `vie` is the fallback where only it is installed.
std::string model_name(const std::string& dir) {
    return std::filesystem::exists(dir + "/Vietnamese.traineddata") ? "Vietnamese" : "vie";
}

class OcrEngine {
public:
    OcrEngine() {
        std::string dir = tessdata_dir();
        if (api_.Init(dir.c_str(), model_name(dir).c_str(), tesseract::OEM_LSTM_ONLY) != 0)
            throw LoadError("cannot start Tesseract with the Vietnamese model in " + dir);
        api_.SetPageSegMode(tesseract::PSM_AUTO);
        api_.SetVariable("debug_file", "/dev/null");
        // An engine is reused across pages and documents on whatever thread runs
        // them; what it learns from one page must not change the next, or a
        // document's text would depend on scheduling.
        api_.SetVariable("classify_enable_learning", "0");
        api_.SetVariable("classify_enable_adaptive_matcher", "0");
        api_.SetVariable("tessedit_enable_doc_dict", "0");
    }
    ~OcrEngine() { api_.End(); }

    std::vector<Line> recognize(Pix* image, double points_per_pixel, const Deadline& deadline);

private:
    tesseract::TessBaseAPI api_;
};

struct PixDeleter {
    void operator()(Pix* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

// Scans lean by a degree or so, and straight lines read better (toolchain.md:
// CER 0.33 % → 0.16 %). Leptonica's pixDeskew rotates the whole grey page with
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

std::vector<Line> OcrEngine::recognize(Pix* image, double points_per_pixel, const Deadline& deadline) {
    PixPtr grey(pixGetDepth(image) == 8 && !pixGetColormap(image) ? pixClone(image) : pixConvertTo8(image, 0));
    if (!grey) throw LoadError("image cannot be converted to grey");
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
        throw LoadError("timed out");
    }
    if (status != 0) throw LoadError("OCR failed");
    std::vector<Line> lines;
    std::unique_ptr<tesseract::ResultIterator> it(api_.GetIterator());
    if (!it) return lines;
    do {
        std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_TEXTLINE));
        if (!text) continue;
        std::string cleaned = clean_line(text.get());
        if (cleaned.empty()) continue;
        int x0, y0, x1, y1;
        it->BoundingBox(tesseract::RIL_TEXTLINE, &x0, &y0, &x1, &y1);
        BBox box{x0 * points_per_pixel, y0 * points_per_pixel, x1 * points_per_pixel, y1 * points_per_pixel};
        lines.push_back({cleaned, box, it->Confidence(tesseract::RIL_TEXTLINE)});
    } while (it->Next(tesseract::RIL_TEXTLINE));
    api_.Clear();
    return lines;
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

std::vector<Line> recognize_lines(Pix* image, double points_per_pixel, const Deadline& deadline) {
    check_deadline(deadline);
    thread_local OcrEngine engine;
    return engine.recognize(image, points_per_pixel, deadline);
}

void check_deadline(const Deadline& deadline) {
    if (deadline && std::chrono::steady_clock::now() > *deadline) throw LoadError("timed out");
}

}  // namespace congvan
