#include "pdf_font.h"

#include <cctype>
#include <cmath>

namespace congvan {

namespace {

bool is_subset_tag(std::string_view name) {
    if (name.size() < 7 || name[6] != '+') return false;
    for (int i = 0; i < 6; ++i)
        if (!std::isupper(static_cast<unsigned char>(name[i]))) return false;
    return true;
}

bool ends_with(std::string_view s, std::string_view tail) { return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail; }

// Adobe's PostScript names end in "MT" (Monotype) and "PS" before the style:
// "TimesNewRomanPS-BoldMT", "TimesNewRomanPSMT", "ArialMT".
std::string_view without_vendor_suffix(std::string_view s) {
    for (std::string_view tail : {"PSMT", "MT", "PS"})
        if (ends_with(s, tail) && s.size() > tail.size()) return s.substr(0, s.size() - tail.size());
    return s;
}

bool says(std::string_view style, std::string_view word) { return style.find(word) != std::string_view::npos; }

}  // namespace

std::optional<TextStyle> pdf_text_style(std::string_view name, double size_pt) {
    if (is_subset_tag(name)) name.remove_prefix(7);
    if (name.find("GlyphLess") != std::string_view::npos) return std::nullopt;
    std::string_view family = name, style;
    auto cut = name.find_first_of(",-");
    if (cut != std::string_view::npos) {
        family = name.substr(0, cut);
        style = name.substr(cut + 1);
    }
    TextStyle out;
    out.font = std::string(without_vendor_suffix(family));
    // Word sets sizes in half points; the size Poppler measures from a page's text
    // matrix is a few hundredths off (12.96 for 13 in the real signed PDFs).
    out.size_pt = std::round(size_pt * 2) / 2;
    out.bold = says(style, "Bold") || says(style, "Black") || says(style, "Heavy");
    out.italic = says(style, "Italic") || says(style, "Oblique");
    return out;
}

std::string face_key(std::string_view face) {
    std::string key;
    for (char c : face)
        if (std::isalnum(static_cast<unsigned char>(c))) key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (std::string_view tail : {"psmt", "mt", "ps"})
        if (ends_with(key, tail) && key.size() > tail.size()) return key.substr(0, key.size() - tail.size());
    return key;
}

}  // namespace congvan
