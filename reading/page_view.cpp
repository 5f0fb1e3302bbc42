#include "page_view.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "detect.h"
#include "document.h"
#include "image_source.h"
#include "loader.h"
#include "pdf_source.h"
#include "pix.h"

namespace congvan {

namespace {

// JPEG, not PNG: a scanned page's noise makes a PNG of it twenty times larger.
constexpr int kJpegQuality = 80;

std::string jpeg_of(Pix* pix) {
    l_uint8* data = nullptr;
    std::size_t size = 0;
    if (pixWriteMemJpeg(&data, &size, pix, kJpegQuality, 0) != 0 || !data) return {};
    std::string jpeg(reinterpret_cast<const char*>(data), size);
    lept_free(data);
    return jpeg;
}

}  // namespace

std::vector<PageView> page_views(const std::string& path, const std::vector<int>& pages, const std::string& sha256, int width_px) {
    std::string bytes = read_file_bytes(path);
    if (!sha256.empty() && sha256_hex(bytes) != sha256) throw LoadError(message("error.file-changed"));
    DocumentKind kind = DocumentKind::Text;  // or a legacy encoding, which loading decodes
    try {
        kind = detect_kind(bytes);
    } catch (const LoadError&) {}
    std::vector<PageView> views;
    if (kind == DocumentKind::Text || kind == DocumentKind::Docx) {  // no drawing: the evidence among its lines
        Document document = load_document_bytes(std::move(bytes), path);
        for (int page : pages) {
            if (page < 1 || page > static_cast<int>(document.pages.size())) continue;
            const Page& p = document.pages[page - 1];
            PageView view{page, p.width, p.height, {}, {}};
            for (const auto& line : p.lines) view.lines.push_back(line.text);
            views.push_back(std::move(view));
        }
        return views;
    }
    auto drawings = kind == DocumentKind::Pdf ? draw_pdf_pages(bytes, pages, width_px) : draw_image_pages(bytes, pages, width_px);
    for (const auto& d : drawings) views.push_back({d.page, d.width_pt, d.height_pt, jpeg_of(d.pix.get()), {}});
    return views;
}

std::string encode_page_views(const std::vector<PageView>& views) {
    nlohmann::json all = nlohmann::json::array();
    for (const auto& v : views)
        all.push_back({{"page", v.page},
                       {"width", v.width_pt},
                       {"height", v.height_pt},
                       {"jpeg", nlohmann::json::binary(std::vector<std::uint8_t>(v.jpeg.begin(), v.jpeg.end()))},
                       {"lines", v.lines}});
    auto cbor = nlohmann::json::to_cbor(all);
    return std::string(cbor.begin(), cbor.end());
}

std::vector<PageView> decode_page_views(const std::string& bytes) {
    std::vector<PageView> views;
    for (const auto& v : nlohmann::json::from_cbor(bytes)) {
        const auto& jpeg = v.at("jpeg").get_binary();
        views.push_back({v.at("page").get<int>(), v.at("width").get<double>(), v.at("height").get<double>(),
                         std::string(jpeg.begin(), jpeg.end()), v.at("lines").get<std::vector<std::string>>()});
    }
    return views;
}

}  // namespace congvan
