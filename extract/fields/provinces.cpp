// The provinces and centrally-run cities of Việt Nam, 2014-2025, and the way issuing
// bodies are written; reference data that does not change with a year's campaign.
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstring>

#include "extract/normalize.h"
#include "extract/vocabulary.h"
#include "field_context.h"

namespace congvan::fields {

namespace {

bool word_at(std::string_view hay, std::size_t pos, std::size_t len) {
    auto letter = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    return (pos == 0 || !letter(hay[pos - 1])) && (pos + len >= hay.size() || !letter(hay[pos + len]));
}

// Acronyms (THPT, GDĐT) have no vowel and stay in capitals.
bool is_acronym(const std::string& word) {
    std::string f = fold_string(word);
    return f.size() >= 2 && f.find_first_of("aeiouy") == std::string::npos;
}

std::string title_case_word(const std::string& word) {
    if (is_acronym(word)) return word;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(word);
    u.toLower(icu::Locale("vi"));
    if (!u.isEmpty()) u.replace(0, 1, icu::UnicodeString(u.char32At(0)).toUpper(icu::Locale("vi")));
    std::string out;
    return u.toUTF8String(out);
}

}  // namespace

std::optional<std::string> province_named_in(std::string_view folded) {
    std::optional<std::string> best;
    std::size_t best_pos = std::string::npos, best_len = 0;
    for (const auto& province : provinces()) {
        const std::string& name = province.name;
        std::string key = fold_string(name);
        for (auto pos = folded.find(key); pos != std::string_view::npos; pos = folded.find(key, pos + 1)) {
            if (!word_at(folded, pos, key.size())) continue;
            if (pos < best_pos || (pos == best_pos && key.size() > best_len)) {
                best = name;
                best_pos = pos;
                best_len = key.size();
            }
            break;
        }
    }
    return best;
}

std::string expand_body_abbreviations(const std::string& text) {
    static const std::pair<const char*, const char*> abbreviations[] = {
        {"Bộ GDĐT", "Bộ Giáo dục và Đào tạo"}, {"Bộ GD&ĐT", "Bộ Giáo dục và Đào tạo"},
        {"Sở GDĐT", "Sở Giáo dục và Đào tạo"}, {"Sở GD&ĐT", "Sở Giáo dục và Đào tạo"},
        {"UBND", "Ủy ban nhân dân"}, {"Uỷ ban", "Ủy ban"}};
    std::string out = text;
    for (auto [abbr, full] : abbreviations)
        for (auto pos = out.find(abbr); pos != std::string::npos; pos = out.find(abbr, pos + std::strlen(full)))
            out.replace(pos, std::strlen(abbr), full);
    return out;
}

std::string issuer_capitalisation(const std::string& upper) {
    static const std::pair<const char*, const char*> bodies[] = {
        {"uy ban nhan dan", "Ủy ban nhân dân"}, {"so giao duc va dao tao", "Sở Giáo dục và Đào tạo"},
        {"bo giao duc va dao tao", "Bộ Giáo dục và Đào tạo"}, {"phong giao duc va dao tao", "Phòng Giáo dục và Đào tạo"},
        {"hoi khuyen hoc", "Hội Khuyến học"}, {"ubnd", "UBND"}, {"truong", "Trường"}, {"so gd&dt", "Sở GD&ĐT"},
        {"hoi dong nhan dan", "Hội đồng nhân dân"}, {"hdnd", "Hội đồng nhân dân"}, {"van phong", "Văn phòng"}};
    std::string folded = fold_string(upper);
    std::string text = clean_line(upper);
    for (auto [key, proper] : bodies) {
        if (folded.rfind(key, 0) != 0) continue;
        // The body's name is as many code points as its folded key.
        auto u32 = to_u32(text);
        std::string rest = clean_line(to_utf8(u32.substr(std::min(u32.size(), std::string_view(key).size()))));
        if (rest.empty()) return proper;
        std::string out = std::string(proper) + " ";
        std::string fr = fold_string(rest);
        static const std::pair<const char*, const char*> levels[] = {
            {"tinh ", "tỉnh "}, {"thanh pho ", "thành phố "}, {"huyen ", "huyện "}, {"thi xa ", "thị xã "}, {"quan ", "quận "}};
        for (auto [level, proper_level] : levels) {
            if (fr.rfind(level, 0) == 0) {
                auto lr = to_u32(rest);
                std::size_t n = std::string_view(level).size();
                out += proper_level;
                rest = to_utf8(lr.substr(n));
                // OCR's diacritics on a province's name are put right from the list.
                if (auto p = province_named_in(fold_string(rest)); p && fold_string(*p) == fold_string(rest)) return out + *p;
                break;
            }
        }
        std::string name;
        std::size_t start = 0;
        while (start < rest.size()) {
            auto end = rest.find(' ', start);
            if (end == std::string::npos) end = rest.size();
            if (!name.empty()) name += ' ';
            name += title_case_word(rest.substr(start, end - start));
            start = end + 1;
        }
        return out + name;
    }
    return text;
}

}  // namespace congvan::fields
