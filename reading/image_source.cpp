#include "image_source.h"
#include "text/messages.h"

#include <leptonica/allheaders.h>
#include <tiffio.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>

#include "ocr.h"
#include "pix.h"

namespace congvan {

namespace {

const l_uint8* data_of(std::string_view bytes) { return reinterpret_cast<const l_uint8*>(bytes.data()); }

bool is_tiff(std::string_view bytes) { return bytes.substr(0, 2) == "II" || bytes.substr(0, 2) == "MM"; }

// A TIFF has up to this many pages; more is refused before any is decoded.
constexpr std::size_t kMaxImagePages = 1000;

// `page`: 0 for a single image, else the TIFF page named in the reason.
void refuse_huge(long long w, long long h, int page) {
    if (w * h <= kMaxImagePixels) return;
    Text why =
        message("error.image-too-large",
                {{"width", std::to_string(w)}, {"height", std::to_string(h)}, {"limit", std::to_string(kMaxImagePixels / 1'000'000)}});
    throw LoadError(page == 0 ? why : message("error.page", {{"page", std::to_string(page)}, {"reason", why}}));
}

// A TIFF in memory, for libtiff's client callbacks (read-only).
struct TiffBytes {
    std::string_view bytes;
    std::uint64_t at = 0;
};

tmsize_t tiff_read(thandle_t h, void* buffer, tmsize_t n) {
    auto* t = static_cast<TiffBytes*>(h);
    if (t->at >= t->bytes.size() || n <= 0) return 0;
    auto count = std::min<std::uint64_t>(static_cast<std::uint64_t>(n), t->bytes.size() - t->at);
    std::memcpy(buffer, t->bytes.data() + t->at, count);
    t->at += count;
    return static_cast<tmsize_t>(count);
}
tmsize_t tiff_write(thandle_t, void*, tmsize_t) { return 0; }
toff_t tiff_seek(thandle_t h, toff_t offset, int whence) {
    auto* t = static_cast<TiffBytes*>(h);
    std::uint64_t base = whence == SEEK_CUR ? t->at : whence == SEEK_END ? t->bytes.size() : 0;
    t->at = base + offset;
    return t->at;
}
int tiff_close(thandle_t) { return 0; }
toff_t tiff_size(thandle_t h) { return static_cast<TiffBytes*>(h)->bytes.size(); }
int tiff_map(thandle_t, void**, toff_t*) { return 0; }
void tiff_unmap(thandle_t, void*, toff_t) {}

// Where each page of a TIFF starts (its directory's offset), every page's size
// checked from its directory alone: a small file whose second page is 30000×30000
// px is refused, not decoded. One pass over the directories: asking Leptonica for
// page n reads the n directories before it, and a 500-page TIFF took seconds.
std::vector<std::uint64_t> checked_tiff_pages(std::string_view bytes) {
    static std::once_flag quiet;  // libtiff's warnings would reach stderr, naming no file
    std::call_once(quiet, [] {
        TIFFSetWarningHandler(nullptr);
        TIFFSetErrorHandler(nullptr);
    });
    TiffBytes source{bytes};
    std::unique_ptr<TIFF, void (*)(TIFF*)> tiff(
        TIFFClientOpen("image", "rm", &source, tiff_read, tiff_write, tiff_seek, tiff_close, tiff_size, tiff_map, tiff_unmap), TIFFClose);
    if (!tiff) throw LoadError(message("error.image-header"));
    std::vector<std::uint64_t> offsets;
    do {
        if (offsets.size() >= kMaxImagePages) throw LoadError(message("error.tiff-pages", {{"limit", std::to_string(kMaxImagePages)}}));
        std::uint32_t w = 0, h = 0;
        if (!TIFFGetField(tiff.get(), TIFFTAG_IMAGEWIDTH, &w) || !TIFFGetField(tiff.get(), TIFFTAG_IMAGELENGTH, &h)) break;
        refuse_huge(w, h, static_cast<int>(offsets.size()) + 1);
        offsets.push_back(TIFFCurrentDirOffset(tiff.get()));
    } while (TIFFReadDirectory(tiff.get()));
    if (offsets.empty()) throw LoadError(message("error.image-header"));
    return offsets;
}

// The image's pages: where each starts (for a TIFF), every size checked first.
struct ImagePages {
    std::string_view bytes;
    std::vector<std::uint64_t> tiff_offsets;  // empty: one image of another format

    explicit ImagePages(std::string_view image) : bytes(image) {
        if (is_tiff(bytes)) {
            tiff_offsets = checked_tiff_pages(bytes);
            return;
        }
        l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, cmap = 0;
        if (pixReadHeaderMem(data_of(bytes), bytes.size(), &format, &w, &h, &bps, &spp, &cmap) != 0)
            throw LoadError(message("error.image-header"));
        refuse_huge(w, h, 0);
    }
    int count() const { return tiff_offsets.empty() ? 1 : static_cast<int>(tiff_offsets.size()); }

    // Page n (from 0), decoded when its turn comes: a long TIFF is never all in memory.
    PixPtr decode(int n) const {
        Pix* pix = nullptr;
        if (tiff_offsets.empty()) {
            pix = pixReadMem(data_of(bytes), bytes.size());
        } else {
            std::size_t offset = tiff_offsets[static_cast<std::size_t>(n)];
            pix = pixReadMemFromMultipageTiff(data_of(bytes), bytes.size(), &offset);
        }
        if (!pix)
            throw LoadError(n == 0 ? message("error.image-corrupt") : message("error.page-corrupt", {{"page", std::to_string(n + 1)}}));
        return PixPtr(pix);
    }
};

}  // namespace

std::vector<PageDrawing> draw_image_pages(std::string_view bytes, const std::vector<int>& pages, int width_px) {
    setMsgSeverity(L_SEVERITY_NONE);
    ImagePages image(bytes);
    std::vector<PageDrawing> drawings;
    for (int number : pages) {
        if (number < 1 || number > image.count()) continue;
        PixPtr pix;
        try {
            pix = image.decode(number - 1);
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
    ImagePages image(bytes);
    std::vector<Page> pages(static_cast<std::size_t>(image.count()));
    auto ocr_page = [&](std::size_t i) {
        check_deadline(deadline);
        auto pix = image.decode(static_cast<int>(i));
        int dpi = pixGetXRes(pix.get()) > 0 ? pixGetXRes(pix.get()) : 300;
        double points = 72.0 / dpi;
        pages[i].number = static_cast<int>(i) + 1;
        pages[i].source = PageSource::Ocr;
        pages[i].width = pixGetWidth(pix.get()) * points;
        pages[i].height = pixGetHeight(pix.get()) * points;
        pages[i].lines = recognize_lines(pix.get(), points, deadline);
    };
    if (pool) pool->parallel_for(pages.size(), ocr_page);
    else
        for (std::size_t i = 0; i < pages.size(); ++i) ocr_page(i);
    return pages;
}

}  // namespace congvan
