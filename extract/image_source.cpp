#include "image_source.h"
#include "messages.h"

#include <leptonica/allheaders.h>

#include <fmt/format.h>

#include <memory>

#include "ocr.h"
#include "pix.h"

namespace congvan {

namespace {

const l_uint8* data_of(std::string_view bytes) { return reinterpret_cast<const l_uint8*>(bytes.data()); }

bool is_tiff(std::string_view bytes) { return bytes.substr(0, 2) == "II" || bytes.substr(0, 2) == "MM"; }

// A TIFF has up to this many pages; more is refused before any is decoded.
constexpr int kMaxImagePages = 1000;

// `page`: 0 for a single image, else the TIFF page named in the reason.
void refuse_huge(long long w, long long h, int page) {
    if (w * h <= kMaxImagePixels) return;
    Text why = message("error.image-too-large", {{"width", std::to_string(w)}, {"height", std::to_string(h)},
                                                 {"limit", std::to_string(kMaxImagePixels / 1'000'000)}});
    throw LoadError(page == 0 ? why : message("error.page", {{"page", std::to_string(page)}, {"reason", why}}));
}

// How many pages the image has, every page's size checked from its header alone:
// a small file whose second page is 30000×30000 px is refused, not decoded.
int checked_page_count(std::string_view bytes) {
    if (!is_tiff(bytes)) {
        l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, cmap = 0;
        if (pixReadHeaderMem(data_of(bytes), bytes.size(), &format, &w, &h, &bps, &spp, &cmap) != 0)
            throw LoadError(message("error.image-header"));
        refuse_huge(w, h, 0);
        return 1;
    }
    int n = 0;
    for (;; ++n) {
        l_int32 w = 0, h = 0, bps = 0, spp = 0, res = 0, cmap = 0, format = 0;
        if (readHeaderMemTiff(data_of(bytes), bytes.size(), n, &w, &h, &bps, &spp, &res, &cmap, &format) != 0) break;
        if (n >= kMaxImagePages) throw LoadError(message("error.tiff-pages", {{"limit", std::to_string(kMaxImagePages)}}));
        refuse_huge(w, h, n + 1);
    }
    if (n == 0) throw LoadError(message("error.image-header"));
    return n;
}

// One page, decoded when its turn comes: a long TIFF is never all in memory.
PixPtr decode_page(std::string_view bytes, int n) {
    Pix* pix = is_tiff(bytes) ? pixReadMemTiff(data_of(bytes), bytes.size(), n) : pixReadMem(data_of(bytes), bytes.size());
    if (!pix) throw LoadError(n == 0 ? message("error.image-corrupt") : message("error.page-corrupt", {{"page", std::to_string(n + 1)}}));
    return PixPtr(pix);
}

}  // namespace

std::vector<PageDrawing> draw_image_pages(std::string_view bytes, const std::vector<int>& pages, int width_px) {
    setMsgSeverity(L_SEVERITY_NONE);
    int count = checked_page_count(bytes);
    std::vector<PageDrawing> drawings;
    for (int number : pages) {
        if (number < 1 || number > count) continue;
        PixPtr pix;
        try {
            pix = decode_page(bytes, number - 1);
        } catch (const LoadError&) {
            continue;  // the report shows this page's evidence as text
        }
        double points = 72.0 / (pixGetXRes(pix.get()) > 0 ? pixGetXRes(pix.get()) : 300);
        float scale = std::min(1.0f, static_cast<float>(width_px) / std::max(1, pixGetWidth(pix.get())));
        PixPtr shown(pixScale(pix.get(), scale, scale));
        if (shown) drawings.push_back({number, std::move(shown), pixGetWidth(pix.get()) * points, pixGetHeight(pix.get()) * points});
    }
    return drawings;
}

std::vector<Page> read_image_pages(std::string_view bytes, TaskPool* pool, const Deadline& deadline) {
    setMsgSeverity(L_SEVERITY_NONE);
    int count = checked_page_count(bytes);
    std::vector<Page> pages(static_cast<std::size_t>(count));
    auto ocr_page = [&](std::size_t i) {
        check_deadline(deadline);
        auto pix = decode_page(bytes, static_cast<int>(i));
        int dpi = pixGetXRes(pix.get()) > 0 ? pixGetXRes(pix.get()) : 300;
        double points = 72.0 / dpi;
        pages[i].number = static_cast<int>(i) + 1;
        pages[i].source = PageSource::Ocr;
        pages[i].width = pixGetWidth(pix.get()) * points;
        pages[i].height = pixGetHeight(pix.get()) * points;
        pages[i].lines = recognize_lines(pix.get(), points, deadline);
    };
    if (pool) pool->parallel_for(pages.size(), ocr_page);
    else for (std::size_t i = 0; i < pages.size(); ++i) ocr_page(i);
    return pages;
}

}  // namespace congvan
