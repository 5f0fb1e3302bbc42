#include "document_json.h"

#include <openssl/evp.h>

#include <cmath>
#include <filesystem>

#include "reading/detect.h"
#include "text/normalize.h"

namespace congvan {

namespace {
double round2(double v) { return std::round(v * 100.0) / 100.0; }
}  // namespace

nlohmann::ordered_json bbox_json(const std::optional<BBox>& box) {
    if (!box) return nullptr;
    return {round2(box->x0), round2(box->y0), round2(box->x1), round2(box->y1)};
}

std::string uri_reference(const std::string& path) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : path) {
        bool ascii_alnum = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        if (ascii_alnum || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

nlohmann::ordered_json sarif_artifact_location(const std::string& path) {
    if (!path.empty() && path.front() == '/') return {{"uri", "file://" + uri_reference(path)}};
    return {{"uri", uri_reference(path)}, {"uriBaseId", "SRCROOT"}};
}

nlohmann::ordered_json sarif_uri_base_ids() {
    std::error_code error;
    std::string here = std::filesystem::current_path(error).string();
    if (error || here.empty()) return nlohmann::ordered_json::object();
    if (here.back() != '/') here += '/';
    return {{"SRCROOT", {{"uri", "file://" + uri_reference(here)}}}};
}

nlohmann::ordered_json evidence_json(const Evidence& evidence) {
    nlohmann::ordered_json j = {{"page", evidence.page},
                                {"line", evidence.shown_line()},
                                {"page_line", evidence.line},
                                {"column", evidence.column},
                                {"text", evidence.text},
                                {"bbox", bbox_json(evidence.bbox)},
                                {"confidence", round2(evidence.confidence)}};
    // Only where the value wraps: most evidence is one line (docs/output.md).
    if (!evidence.continued.empty()) {
        auto& boxes = j["continued_bboxes"] = nlohmann::ordered_json::array();
        for (const auto& box : evidence.continued) boxes.push_back(bbox_json(box));
    }
    return j;
}

Text where_label(int line, int page, int page_line, bool on_page) {
    if (!on_page) return message("label.line", {{"line", std::to_string(line)}});
    return message("label.line-on-page",
                   {{"line", std::to_string(line)}, {"page", std::to_string(page)}, {"page_line", std::to_string(page_line)}});
}

nlohmann::ordered_json document_json(const Document& doc, const LineZones& zones) {
    nlohmann::ordered_json pages = nlohmann::ordered_json::array();
    for (const auto& page : doc.pages) {
        nlohmann::ordered_json lines = nlohmann::ordered_json::array();
        for (std::size_t i = 0; i < page.lines.size(); ++i) {
            const Line& line = page.lines[i];
            auto zone = zones.find({page.number, static_cast<int>(i) + 1});
            nlohmann::ordered_json words = nlohmann::ordered_json::array();
            for (const auto& w : line.words)
                words.push_back({{"text", w.text}, {"bbox", bbox_json(w.bbox)}, {"confidence", round2(w.confidence)}});
            lines.push_back({{"text", line.text},
                             {"bbox", bbox_json(line.bbox)},
                             {"confidence", round2(line.confidence)},
                             {"source", to_string(line.source)},
                             {"column", line.column},
                             {"zone", zone == zones.end() ? nlohmann::ordered_json() : nlohmann::ordered_json(zone->second)},
                             {"words", std::move(words)}});
        }
        pages.push_back({{"number", page.number},
                         {"source", to_string(page.source)},
                         {"width", round2(page.width)},
                         {"height", round2(page.height)},
                         {"lines", std::move(lines)}});
    }
    return {{"file", file_name_json(doc.file)}, {"sha256", doc.sha256}, {"kind", to_string(doc.kind)}, {"pages", std::move(pages)}};
}

nlohmann::ordered_json file_name_json(const std::string& name) {
    if (is_valid_utf8(name)) return name;
    std::string base64(4 * ((name.size() + 2) / 3) + 1, '\0');
    int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(base64.data()), reinterpret_cast<const unsigned char*>(name.data()),
                            static_cast<int>(name.size()));
    base64.resize(static_cast<std::size_t>(n));
    return {{"bytes", base64}};
}

std::string document_plain_text(const Document& doc) {
    std::string out;
    for (const auto& page : doc.pages) {
        for (const auto& line : page.lines) out += line.text + '\n';
        out += '\f';
    }
    return out;
}

}  // namespace congvan
