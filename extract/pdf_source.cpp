#include "pdf_source.h"

#include <leptonica/allheaders.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#include <unicode/uchar.h>

#include <cmath>
#include <memory>
#include <mutex>

#include "normalize.h"
#include "ocr.h"

namespace congvan {

namespace {

void silence_poppler() {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

std::string utf8_of(const poppler::ustring& s) {
    auto bytes = s.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

// A text layer is usable when it holds a real word: a last page with only the
// signer's name is text, but a scan with a stray page number printed over it
// ("1") is not. Never OCR a page that has a usable layer: it is 700x cheaper.
bool usable_text_layer(const std::vector<Line>& lines) {
    for (const auto& line : lines) {
        int run = 0;
        for (char32_t c : to_u32(line.text)) {
            run = u_isalpha(static_cast<UChar32>(c)) ? run + 1 : 0;
            if (run >= 2) return true;
        }
    }
    return false;
}

bool same_line(const BBox& line, const poppler::rectf& word) {
    double mid = word.y() + word.height() / 2;
    return mid >= line.y0 && mid <= line.y1;
}

// Words come in Poppler's reading order; a new line starts where a word leaves the
// vertical band of the current one or jumps back to the left.
std::vector<Line> group_words_into_lines(const std::vector<poppler::text_box>& words) {
    std::vector<Line> lines;
    BBox box;
    std::string text;
    bool space_pending = false;
    auto flush = [&] {
        std::string cleaned = clean_line(text);
        if (!cleaned.empty()) lines.push_back({cleaned, box, 100.0});
        text.clear();
    };
    for (const auto& word : words) {
        auto r = word.bbox();
        bool continues = !text.empty() && same_line(box, r) && r.x() >= box.x1 - r.height();
        if (!continues) {
            if (!text.empty()) flush();
            box = {r.x(), r.y(), r.x() + r.width(), r.y() + r.height()};
        } else {
            if (space_pending || r.x() - box.x1 > r.height() * 0.2) text += ' ';
            box = {std::min(box.x0, r.x()), std::min(box.y0, r.y()), std::max(box.x1, r.x() + r.width()),
                   std::max(box.y1, r.y() + r.height())};
        }
        text += utf8_of(word.text());
        space_pending = word.has_space_after();
    }
    if (!text.empty()) flush();
    return lines;
}

struct PixDeleter {
    void operator()(Pix* p) const { pixDestroy(&p); }
};

std::unique_ptr<Pix, PixDeleter> render_grey(const poppler::page& page) {
    poppler::page_renderer renderer;
    renderer.set_image_format(poppler::image::format_gray8);
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    poppler::image image = renderer.render_page(&page, kOcrDpi, kOcrDpi);
    if (!image.is_valid()) throw LoadError("a page cannot be rendered");
    int w = image.width(), h = image.height();
    std::unique_ptr<Pix, PixDeleter> pix(pixCreate(w, h, 8));
    pixSetResolution(pix.get(), static_cast<int>(kOcrDpi), static_cast<int>(kOcrDpi));
    const char* data = image.const_data();
    l_uint32* out = pixGetData(pix.get());
    int wpl = pixGetWpl(pix.get());
    for (int y = 0; y < h; ++y) {
        const auto* row = reinterpret_cast<const unsigned char*>(data + static_cast<std::size_t>(y) * image.bytes_per_row());
        l_uint32* line = out + static_cast<std::size_t>(y) * wpl;
        for (int x = 0; x < w; ++x) SET_DATA_BYTE(line, x, row[x]);
    }
    return pix;
}

void refuse_truncated(std::string_view bytes) {
    std::string_view tail = bytes.substr(bytes.size() > 2048 ? bytes.size() - 2048 : 0);
    if (tail.find("%%EOF") == std::string_view::npos) throw LoadError("truncated PDF (no %%EOF at the end)");
}

}  // namespace

std::vector<Page> read_pdf_pages(std::string_view bytes, TaskPool* pool, const PdfOptions& options) {
    silence_poppler();
    refuse_truncated(bytes);
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) throw LoadError("broken PDF (Poppler cannot open it)");
    if (doc->is_locked()) throw LoadError("encrypted PDF (a password is needed)");
    int count = doc->pages();
    if (count <= 0) throw LoadError("PDF has no pages");
    std::vector<Page> pages(count);
    std::mutex poppler_mutex;  // one poppler::document is not safe to use from two threads
    auto read_page = [&](std::size_t i) {
        check_deadline(options.deadline);
        Page& out = pages[i];
        out.number = static_cast<int>(i) + 1;
        std::unique_lock lock(poppler_mutex);
        std::unique_ptr<poppler::page> page(doc->create_page(static_cast<int>(i)));
        if (!page) throw LoadError("page " + std::to_string(i + 1) + " is unreadable");
        auto rect = page->page_rect(poppler::media_box);
        out.width = rect.width();
        out.height = rect.height();
        if (!options.force_ocr) {
            out.lines = group_words_into_lines(page->text_list());
            if (usable_text_layer(out.lines)) return;
        }
        auto pix = render_grey(*page);
        lock.unlock();
        out.source = PageSource::Ocr;
        out.lines = recognize_lines(pix.get(), 72.0 / kOcrDpi, options.deadline);
    };
    if (pool) pool->parallel_for(pages.size(), read_page);
    else for (std::size_t i = 0; i < pages.size(); ++i) read_page(i);
    return pages;
}

}  // namespace congvan
