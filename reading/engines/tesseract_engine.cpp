// Tesseract behind the engines' boundary (engines.h): one TessBaseAPI an engine, its
// words handed back as plain data. What congvan makes of them (specks, layout,
// handwritten blanks) is the binary's (reading/ocr.cpp).
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#include <cstring>
#include <memory>
#include <mutex>

#include "module_functions.h"

namespace congvan::engines {

namespace {

class TesseractEngine final : public TextEngine {
public:
    bool init(const char* dir, const char* model) {
        // A document's pages may each make an engine on a thread of their own, and
        // some of Tesseract's parameters are the process's, not an engine's
        // (debug_file): engines are made one at a time, and the process's
        // parameters are set once, by the first.
        static std::mutex making;
        std::lock_guard lock(making);
        if (api_.Init(dir, model, tesseract::OEM_LSTM_ONLY) != 0) return false;
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
        return true;
    }
    ~TesseractEngine() override { api_.End(); }

    OcrStatus recognize(const OcrRequest& request, std::vector<OcrWord>& words) override;

private:
    tesseract::TessBaseAPI api_;
};

// The word's symbols' edges, and where its first "/" starts, walking its symbols once.
void read_symbols(const tesseract::ResultIterator& word, OcrWord& w) {
    bool has_slash = w.text.find('/') != std::string::npos, boxed = true;
    tesseract::ResultIterator symbol(word);
    do {
        int x0, y0, x1, y1;
        if (!symbol.BoundingBox(tesseract::RIL_SYMBOL, &x0, &y0, &x1, &y1)) {
            boxed = false;
            continue;
        }
        w.symbol_x.emplace_back(x0, x1);
        if (!has_slash || w.slash_x) continue;
        std::unique_ptr<char[]> s(symbol.GetUTF8Text(tesseract::RIL_SYMBOL));
        if (s && std::strcmp(s.get(), "/") == 0) w.slash_x = x0;
    } while (!symbol.IsAtFinalElement(tesseract::RIL_WORD, tesseract::RIL_SYMBOL) && symbol.Next(tesseract::RIL_SYMBOL));
    if (!boxed) w.symbol_x.clear();
}

OcrStatus TesseractEngine::recognize(const OcrRequest& request, std::vector<OcrWord>& words) {
    api_.SetImage(request.grey);
    api_.SetSourceResolution(300);
    tesseract::ETEXT_DESC monitor;
    if (request.deadline_ms > 0) monitor.set_deadline_msecs(static_cast<int32_t>(request.deadline_ms));
    int status = api_.Recognize(&monitor);
    if (request.deadline_ms > 0 && monitor.deadline_exceeded()) {
        api_.Clear();
        return OcrStatus::TimedOut;
    }
    if (status != 0) {
        api_.Clear();
        return OcrStatus::Failed;
    }
    std::unique_ptr<tesseract::ResultIterator> it(api_.GetIterator());
    bool line_starts = true;  // a line that starts on a word with no text starts on the next
    if (it) do {
            line_starts = line_starts || it->IsAtBeginningOf(tesseract::RIL_TEXTLINE);
            std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
            if (!text) continue;
            OcrWord w{text.get(), 0, 0, 0, 0, it->Confidence(tesseract::RIL_WORD), line_starts, {}, std::nullopt};
            line_starts = false;
            it->BoundingBox(tesseract::RIL_WORD, &w.x0, &w.y0, &w.x1, &w.y1);
            if (request.wants_symbols && request.wants_symbols(text.get())) read_symbols(*it, w);
            words.push_back(std::move(w));
        } while (it->Next(tesseract::RIL_WORD));
    api_.Clear();
    return OcrStatus::Ok;
}

}  // namespace

TextEngine* make_text_engine(const char* dir, const char* model) {
    auto engine = std::make_unique<TesseractEngine>();
    return engine->init(dir, model) ? engine.release() : nullptr;
}

const char* tesseract_version() { return tesseract::TessBaseAPI::Version(); }

}  // namespace congvan::engines
