// The provinces and centrally-run cities of Việt Nam, 2014-2025, and the way issuing
// bodies are written; reference data that does not change with a year's campaign.
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstring>

#include "extract/normalize.h"
#include "field_context.h"

namespace congvan::fields {

namespace {

const std::vector<std::string>& province_names() {
    static const std::vector<std::string> names = {
        "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre",
        "Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cần Thơ", "Cao Bằng", "Đà Nẵng",
        "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam",
        "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa",
        "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định",
        "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam",
        "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình",
        "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang",
        "Vĩnh Long", "Vĩnh Phúc", "Yên Bái", "Hồ Chí Minh", "Huế"};
    return names;
}

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

std::string lower_case(const std::string& text) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    u.toLower(icu::Locale("vi"));
    std::string out;
    return u.toUTF8String(out);
}

}  // namespace

std::optional<std::string> province_named_in(std::string_view folded) {
    std::optional<std::string> best;
    std::size_t best_pos = std::string::npos, best_len = 0;
    for (const auto& name : province_names()) {
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
        {"hoi khuyen hoc", "Hội Khuyến học"}, {"ubnd", "UBND"}, {"truong", "Trường"}, {"so gd&dt", "Sở GD&ĐT"}};
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
        for (const char* level : {"tinh ", "thanh pho ", "huyen ", "thi xa ", "quan "}) {
            if (fr.rfind(level, 0) == 0) {
                auto lr = to_u32(rest);
                std::size_t n = std::string_view(level).size();
                out += lower_case(to_utf8(lr.substr(0, n)));
                rest = to_utf8(lr.substr(n));
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
