#include "pdf_source.h"
#include "scan_image.h"
#include "text/messages.h"

#include <leptonica/allheaders.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <memory>
#include <mutex>

#include "ocr.h"
#include "pdf_font.h"
#include "pix.h"
#include "text/legacy_encoding.h"
#include "text/normalize.h"

namespace congvan {

namespace {

void silence_poppler() {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

// Poppler's own conversion opens an iconv converter for every word (7 % of a text
// PDF's reading); its ustring is UTF-16 in the machine's order, which ICU reads as is.
// An unpaired surrogate becomes U+FFFD instead of ending the word.
std::string utf8_of(const poppler::ustring& s) {
    static_assert(sizeof(poppler::ustring::value_type) == sizeof(UChar));
    const auto* units = reinterpret_cast<const UChar*>(s.data());
    const auto length = static_cast<int32_t>(s.size());
    std::string out(static_cast<std::size_t>(length) * 3, '\0');  // a UTF-16 unit is at most 3 bytes of UTF-8
    int32_t written = 0;
    UErrorCode status = U_ZERO_ERROR;
    u_strToUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &written, units, length, 0xFFFD, nullptr, &status);
    out.resize(U_SUCCESS(status) ? static_cast<std::size_t>(written) : 0);
    return out;
}

// A text layer is usable when it holds a real word: a last page with only the
// signer's name is text, but a scan with a stray page number printed over it
// ("1") is not.
bool has_real_word(const std::vector<PlacedWord>& words) {
    for (const auto& word : words) {
        int run = 0;
        for (char32_t c : to_u32(word.text)) {
            run = u_isalpha(static_cast<UChar32>(c)) ? run + 1 : 0;
            if (run >= 2) return true;
        }
    }
    return false;
}

// A text layer reads as Vietnamese when most of its words carry a Vietnamese
// letter or tone mark: on the development sets every typed page has 63–91 % such
// words and every garbage OCR layer (no diacritics, "S6: 5Gi/TB-DHTD") 0–3 %
// (docs/precision.md). A page of a few words (a signer's name) is not judged.
constexpr std::size_t kWordsToJudgeALayer = 20;
constexpr double kVietnameseWordShare = 0.25;

bool reads_as_vietnamese(const std::vector<PlacedWord>& words) {
    std::size_t letters_only = 0, marked = 0;
    for (const auto& word : words) {
        auto text = to_u32(word.text);
        if (text.empty() || !std::all_of(text.begin(), text.end(), [](char32_t c) { return u_isalpha(static_cast<UChar32>(c)); })) continue;
        ++letters_only;
        marked += std::any_of(text.begin(), text.end(), [](char32_t c) { return c > 0x7f; });
    }
    return letters_only < kWordsToJudgeALayer || marked >= kVietnameseWordShare * letters_only;
}

// A layer typed in a TCVN3 or VNI font shows the Latin-1 letters of its codes
// ("Céng hoµ"): judged on the page's words together and read into Unicode word by
// word (docs/legacy-encodings.md). Returns the encoding's name, empty for Unicode.
std::string read_legacy_layer(std::vector<PlacedWord>& words) {
    std::string all;
    for (const auto& w : words) all += w.text + ' ';
    LegacyEncoding encoding = legacy_encoding_of(all);
    if (encoding == LegacyEncoding::None) return "";
    for (auto& w : words) w.text = from_legacy(w.text, encoding);
    return legacy_encoding_name(encoding);
}

// Confidence given to the words of a text layer another program's OCR made: a
// reading, so a difference of form in it may be a misreading (docs/precision.md).
constexpr double kOcrLayerConfidence = 90.0;

std::vector<PlacedWord> text_layer_words(poppler::page& page) {
    std::vector<PlacedWord> words;
    for (const auto& box : page.text_list(poppler::page::text_list_include_font)) {
        auto r = box.bbox();
        words.push_back({utf8_of(box.text()),
                         {r.x(), r.y(), r.x() + r.width(), r.y() + r.height()},
                         100.0,
                         PageSource::Text,
                         box.has_space_after(),
                         std::nullopt,
                         {},
                         std::nullopt,
                         {}});
        if (box.has_font_info()) words.back().style = pdf_text_style(box.get_font_name(), box.get_font_size());
    }
    return words;
}

BBox grown(const BBox& b) {
    double h = b.y1 - b.y0;
    return {b.x0 - h, b.y0 - h, b.x1 + h, b.y1 + h};
}

bool touches(const BBox& a, const BBox& b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }

PixPtr render(const poppler::page& page, double dpi, poppler::image::format_enum format) {
    poppler::page_renderer renderer;
    renderer.set_image_format(format);
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    poppler::image image = renderer.render_page(&page, dpi, dpi);
    if (!image.is_valid()) throw LoadError(message("error.render"));
    int w = image.width(), h = image.height();
    bool grey = format == poppler::image::format_gray8;
    PixPtr pix(pixCreate(w, h, grey ? 8 : 32));
    if (!pix) throw LoadError(message("error.render-too-large"));
    pixSetResolution(pix.get(), static_cast<int>(dpi), static_cast<int>(dpi));
    const char* data = image.const_data();
    l_uint32* out = pixGetData(pix.get());
    int wpl = pixGetWpl(pix.get());
    for (int y = 0; y < h; ++y) {
        const auto* row = reinterpret_cast<const unsigned char*>(data + static_cast<std::size_t>(y) * image.bytes_per_row());
        l_uint32* line = out + static_cast<std::size_t>(y) * wpl;
        if (grey) {
            for (int x = 0; x < w; ++x) SET_DATA_BYTE(line, x, row[x]);
        } else {
            // Poppler's ARGB32 is native-endian 0xAARRGGBB: bytes B, G, R, A.
            for (int x = 0; x < w; ++x) composeRGBPixel(row[4 * x + 2], row[4 * x + 1], row[4 * x], line + x);
        }
    }
    return pix;
}

// A signed scan's page 1 carries a text layer: the signature stamp, a few short
// lines over a page-sized image. Such a page is read by OCR, with the stamp's lines
// kept as text. It is told by coverage: the text layer's words cover little of the
// page while ink lies elsewhere (docs/layout.md gives the measured figures).
constexpr double kTextCoverageOfAWrittenPage = 0.06;
constexpr double kInkOutsideTextOfAScan = 0.02;
constexpr double kCoverageDpi = 36.0;

bool text_layer_covers_page(const poppler::page& page, const std::vector<PlacedWord>& words, double width, double height) {
    double area = 0;
    for (const auto& w : words) area += (w.bbox.x1 - w.bbox.x0) * (w.bbox.y1 - w.bbox.y0);
    if (area >= kTextCoverageOfAWrittenPage * width * height) return true;
    PixPtr small = render(page, kCoverageDpi, poppler::image::format_gray8);
    double scale = kCoverageDpi / 72.0;
    int w = pixGetWidth(small.get()), h = pixGetHeight(small.get());
    std::vector<char> inside(static_cast<std::size_t>(w) * h, 0);
    for (const auto& word : words)
        for (int y = std::max(0, int(word.bbox.y0 * scale) - 1); y < std::min(h, int(word.bbox.y1 * scale) + 2); ++y)
            for (int x = std::max(0, int(word.bbox.x0 * scale) - 1); x < std::min(w, int(word.bbox.x1 * scale) + 2); ++x)
                inside[static_cast<std::size_t>(y) * w + x] = 1;
    long ink = 0;
    const l_uint32* data = pixGetData(small.get());
    int wpl = pixGetWpl(small.get());
    for (int y = 0; y < h; ++y) {
        const l_uint32* line = data + static_cast<std::size_t>(y) * wpl;  // read in place: a call a pixel cost 3 % of a text PDF
        for (int x = 0; x < w; ++x) ink += GET_DATA_BYTE(line, x) < 160 && !inside[static_cast<std::size_t>(y) * w + x];
    }
    return ink < kInkOutsideTextOfAScan * w * h;
}

// A page is rendered for OCR at kOcrDpi unless that makes more than kMaxOcrPixels:
// then at the dpi that fits, and a page that does not fit even at 72 dpi is refused.
constexpr int kMaxPdfPages = 5000;

double ocr_dpi_for(double width_pt, double height_pt, int page_number) {
    double pixels_at_72 = std::max(width_pt, 1.0) * std::max(height_pt, 1.0);
    double dpi = std::min(kOcrDpi, 72.0 * std::sqrt(kMaxOcrPixels / pixels_at_72));
    if (dpi < 72.0)
        throw LoadError(message("error.page-too-large", {{"page", std::to_string(page_number)},
                                                         {"size", std::to_string(static_cast<long>(width_pt)) + " × " +
                                                                      std::to_string(static_cast<long>(height_pt))}}));
    return dpi;
}

PixPtr render_for_ocr(const poppler::page& page, const Page& out) {
    double dpi = ocr_dpi_for(out.width, out.height, out.number);
    try {
        return render(page, dpi, poppler::image::format_argb32);
    } catch (const LoadError& e) {
        throw LoadError(message("error.page", {{"page", std::to_string(out.number)}, {"reason", std::string(e.what())}}));
    }
}

// A PDF cut short has no %%EOF: refused, rather than read as a document whose end is
// missing. One with bytes after its %%EOF (a mail gateway's or a portal's trailer, a
// signature appended) is whole and read as pdftotext reads it, however many there are.
void refuse_truncated(std::string_view bytes) {
    if (bytes.find("%%EOF") == std::string_view::npos) throw LoadError(message("error.truncated-pdf"));
}

// Poppler builds its global tables (fonts, encodings, character maps) when its first
// document opens and drops them when its last one closes. A reader reads documents
// one after another (docs/isolation.md), so it keeps a small PDF of its own open
// for its life, and builds them once.
void keep_poppler_tables() {
    static const std::string bytes = small_text_pdf();
    static const std::unique_ptr<poppler::document> kept(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
}

// The document, or LoadError saying why it cannot be read.
std::unique_ptr<poppler::document> open_pdf(std::string_view bytes) {
    silence_poppler();
    keep_poppler_tables();
    refuse_truncated(bytes);
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) throw LoadError(message("error.broken-pdf"));
    if (doc->is_locked()) throw LoadError(message("error.encrypted-pdf"));
    return doc;
}

}  // namespace

std::string small_text_pdf() {
    const std::string content = "BT /F1 12 Tf 72 770 Td (So: 812/KH-UBND ngay 20 thang 9 nam 2024, Tuan le hoc tap suot doi) Tj ET";
    const std::vector<std::string> objects{
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"};
    return pdf_of_objects(objects);
}

std::vector<PageDrawing> draw_pdf_pages(std::string_view bytes, const std::vector<int>& pages, int width_px) {
    auto doc = open_pdf(bytes);
    std::vector<PageDrawing> drawings;
    for (int number : pages) {
        std::unique_ptr<poppler::page> page(number >= 1 && number <= doc->pages() ? doc->create_page(number - 1) : nullptr);
        if (!page) continue;
        auto rect = page->page_rect(poppler::media_box);
        try {
            double dpi = std::min(72.0 * width_px / std::max(rect.width(), 1.0), ocr_dpi_for(rect.width(), rect.height(), number));
            drawings.push_back({number, render(*page, dpi, poppler::image::format_argb32), rect.width(), rect.height()});
        } catch (const LoadError&) {
            // Left out: the report shows this page's evidence as text.
        }
    }
    return drawings;
}

namespace {

// A page read by OCR, beside what its own text layer holds (a signature stamp),
// which is exact: OCR's reading of the same place is dropped. Deskewing moves OCR's
// boxes by a point or two, so "the same place" is the word's box grown by its height.
void ocr_page(Page& out, PixPtr pix, std::vector<PlacedWord> words, const Deadline& deadline) {
    out.source = PageSource::Ocr;
    auto rows = recognize_words(pix.get(), out.width / pixGetWidth(pix.get()), deadline);
    for (auto& row : rows)
        std::erase_if(row, [&](const PlacedWord& o) {
            return std::any_of(words.begin(), words.end(), [&](const PlacedWord& t) { return touches(o.bbox, grown(t.bbox)); });
        });
    for (auto& row : rows_by_geometry(std::move(words))) rows.push_back(std::move(row));
    out.lines = lay_out(std::move(rows), out.width);
}

}  // namespace

std::vector<Page> read_pdf_pages(std::string_view bytes, TaskPool* pool, const PdfOptions& options) {
    auto doc = open_pdf(bytes);
    int count = doc->pages();
    if (count <= 0) throw LoadError(message("error.no-pages"));
    if (count > kMaxPdfPages)
        throw LoadError(message("error.too-many-pages", {{"count", std::to_string(count)}, {"limit", std::to_string(kMaxPdfPages)}}));
    std::vector<Page> pages(count);
    std::mutex poppler_mutex;                 // one poppler::document is not safe to use from two threads
    std::unique_ptr<ScanImages> scan_images;  // parsed when a page first needs OCR, under the same lock
    // A scanner's OCR layer lies over the page's image; a file with no image XObject
    // at all (a stream, whose dictionary is never compressed out of sight; an inline
    // image is too small to be a page) has none, and is not parsed a second time.
    const bool holds_images = bytes.find("/Image") != std::string_view::npos;
    std::atomic<int> pages_read{0};
    auto read_page = [&](std::size_t i) {
        check_deadline(options.deadline);
        Page& out = pages[i];
        out.number = static_cast<int>(i) + 1;
        std::unique_lock lock(poppler_mutex);
        std::unique_ptr<poppler::page> page(doc->create_page(static_cast<int>(i)));
        if (!page) throw LoadError(message("error.page-unreadable", {{"page", std::to_string(i + 1)}}));
        auto rect = page->page_rect(poppler::media_box);
        out.width = rect.width();
        out.height = rect.height();
        std::vector<PlacedWord> words;
        if (!options.force_ocr) {
            words = text_layer_words(*page);
            out.legacy_encoding = read_legacy_layer(words);
            if (options.text_layer_only) {
                out.lines = lay_out(rows_by_geometry(std::move(words)), out.width);
                return;
            }
            // A layer that does not read as Vietnamese is a failed OCR: read again.
            if (!has_real_word(words) || !reads_as_vietnamese(words)) {
                words.clear();
                out.legacy_encoding.clear();
            } else if (text_layer_covers_page(*page, words, out.width, out.height)) {
                if (holds_images && !scan_images) scan_images = std::make_unique<ScanImages>(bytes);
                out.made_by_ocr = holds_images && scan_images->text_layer_made_by_ocr(static_cast<int>(i));
                if (out.made_by_ocr)
                    for (auto& w : words) w.confidence = kOcrLayerConfidence;
                out.lines = lay_out(rows_by_geometry(std::move(words)), out.width);
                return;
            }
        }
        if (!scan_images) scan_images = std::make_unique<ScanImages>(bytes);
        PixPtr pix = scan_images->page_image(static_cast<int>(i));
        if (!pix) pix = render_for_ocr(*page, out);
        lock.unlock();
        ocr_page(out, std::move(pix), std::move(words), options.deadline);
        if (options.on_page_read) options.on_page_read(++pages_read, count);
    };
    if (pool) pool->parallel_for(pages.size(), read_page);
    else
        for (std::size_t i = 0; i < pages.size(); ++i) read_page(i);
    return pages;
}

std::string pdf_of_objects(const std::vector<std::string>& objects) {
    std::string out = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(out.size());
        out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (auto o : offsets) {
        std::string n = std::to_string(o);
        out += std::string(10 - n.size(), '0') + n + " 00000 n \n";
    }
    return out + "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) +
           "\n%%EOF\n";
}

}  // namespace congvan
