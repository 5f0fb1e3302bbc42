#include "image_source.h"

#include <leptonica/allheaders.h>

#include <fmt/format.h>

#include "ocr.h"

namespace congvan {

namespace {

const l_uint8* data_of(std::string_view bytes) { return reinterpret_cast<const l_uint8*>(bytes.data()); }

void refuse_huge_image(std::string_view bytes) {
    l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, cmap = 0;
    if (pixReadHeaderMem(data_of(bytes), bytes.size(), &format, &w, &h, &bps, &spp, &cmap) != 0)
        throw LoadError("image header is unreadable");
    if (static_cast<long long>(w) * h > kMaxImagePixels)
        throw LoadError(fmt::format("image too large: {}x{} px (limit {} megapixels)", w, h, kMaxImagePixels / 1'000'000));
}

std::vector<Pix*> decode_images(std::string_view bytes) {
    std::vector<Pix*> images;
    if (bytes.substr(0, 2) == "II" || bytes.substr(0, 2) == "MM") {
        for (int n = 0; n < 1000; ++n) {
            Pix* pix = pixReadMemTiff(data_of(bytes), bytes.size(), n);
            if (!pix) break;
            images.push_back(pix);
        }
    } else if (Pix* pix = pixReadMem(data_of(bytes), bytes.size())) {
        images.push_back(pix);
    }
    if (images.empty()) throw LoadError("image data is corrupt or truncated");
    return images;
}

}  // namespace

std::vector<Page> read_image_pages(std::string_view bytes, TaskPool* pool, const Deadline& deadline) {
    refuse_huge_image(bytes);
    setMsgSeverity(L_SEVERITY_NONE);
    std::vector<Pix*> images = decode_images(bytes);
    std::vector<Page> pages(images.size());
    auto ocr_page = [&](std::size_t i) {
        Pix* pix = images[i];
        int dpi = pixGetXRes(pix) > 0 ? pixGetXRes(pix) : 300;
        double points = 72.0 / dpi;
        pages[i].number = static_cast<int>(i) + 1;
        pages[i].source = PageSource::Ocr;
        pages[i].width = pixGetWidth(pix) * points;
        pages[i].height = pixGetHeight(pix) * points;
        pages[i].lines = recognize_lines(pix, points, deadline);
    };
    try {
        if (pool) pool->parallel_for(images.size(), ocr_page);
        else for (std::size_t i = 0; i < images.size(); ++i) ocr_page(i);
    } catch (...) {
        for (Pix* p : images) pixDestroy(&p);
        throw;
    }
    for (Pix* p : images) pixDestroy(&p);
    return pages;
}

}  // namespace congvan
