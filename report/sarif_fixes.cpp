#include "sarif_fixes.h"

#include "reading/detect.h"
#include "reading/loader.h"
#include "text/normalize.h"

namespace congvan {

namespace {

int utf16_units(std::string_view utf8) {
    int units = 0;
    for (char32_t c : to_u32(utf8)) units += c > 0xFFFF ? 2 : 1;
    return units;
}

std::vector<std::string> split_lines(std::string_view bytes) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);  // a byte-order mark is not text
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= bytes.size()) {
        std::size_t end = bytes.find('\n', start);
        std::string_view line = bytes.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.emplace_back(line);
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return lines;
}

}  // namespace

std::optional<LineRegion> only_place_of(std::string_view text, std::string_view line, int number) {
    if (text.empty()) return std::nullopt;
    std::size_t at = line.find(text);
    if (at == std::string_view::npos || line.find(text, at + 1) != std::string_view::npos) return std::nullopt;
    int start = utf16_units(line.substr(0, at)) + 1;
    return LineRegion{number, start, start + utf16_units(text)};
}

std::optional<std::vector<std::string>> text_file_lines(const CheckedDocument& doc) {
    if (doc.file == display_name("-")) return std::nullopt;  // standard input is gone
    std::string bytes;
    try {
        bytes = read_file_bytes(doc.file);
    } catch (const LoadError&) {
        return std::nullopt;  // moved or unreadable since: no fix, the finding stands
    }
    if (detect_kind(bytes) != DocumentKind::Text || sha256_hex(bytes) != doc.sha256) return std::nullopt;
    return split_lines(bytes);
}

nlohmann::ordered_json sarif_fixes(const Finding& f, const std::vector<std::string>& lines, const nlohmann::ordered_json& location,
                                   Language language) {
    auto fixes = nlohmann::ordered_json::array();
    if (!f.fix || !f.evidence || f.evidence->source_line < 1 || f.evidence->source_line > static_cast<int>(lines.size())) return fixes;
    auto place = only_place_of(f.fix->replace, lines[f.evidence->source_line - 1], f.evidence->source_line);
    if (!place) return fixes;
    std::string description = message("label.fix", {{"replace", f.fix->replace}, {"with", f.fix->with}}).in(language);
    nlohmann::ordered_json region = {
        {"startLine", place->line}, {"startColumn", place->start}, {"endLine", place->line}, {"endColumn", place->end}};
    fixes.push_back(
        {{"description", {{"text", description}}},
         {"artifactChanges", nlohmann::ordered_json::array(
                                 {{{"artifactLocation", location},
                                   {"replacements", nlohmann::ordered_json::array(
                                                        {{{"deletedRegion", region}, {"insertedContent", {{"text", f.fix->with}}}}})}}})}});
    return fixes;
}

}  // namespace congvan
