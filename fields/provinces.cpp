// The provinces and centrally-run cities of Việt Nam, 2014-2025, and the way issuing
// bodies are written; reference data that does not change with a year's campaign.
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstring>
#include <map>

#include "field_context.h"
#include "register.h"
#include "text/normalize.h"
#include "text/pattern.h"
#include "text/vocabulary.h"

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
        {"UBND", "Ủy ban nhân dân"},           {"Uỷ ban", "Ủy ban"}};
    std::string out = text;
    for (auto [abbr, full] : abbreviations)
        for (auto pos = out.find(abbr); pos != std::string::npos; pos = out.find(abbr, pos + std::strlen(full)))
            out.replace(pos, std::strlen(abbr), full);
    return out;
}

namespace {

// "TỈNH NGHỆ AN" → "tỉnh Nghệ An", "BÌNH XUYÊN" → "Bình Xuyên": the words after a
// body's kind, a level in lower case, a province spelt from the list.
std::string place_words(std::string rest) {
    static const std::pair<const char*, const char*> levels[] = {
        {"tinh ", "tỉnh "}, {"thanh pho ", "thành phố "}, {"huyen ", "huyện "}, {"thi xa ", "thị xã "},
        {"quan ", "quận "}, {"thi tran ", "thị trấn "},   {"xa ", "xã "},       {"phuong ", "phường "}};
    std::string out;
    std::string fr = fold_string(rest);
    for (auto [level, proper_level] : levels) {
        if (fr.rfind(level, 0) != 0) continue;
        out += proper_level;
        rest = to_utf8(to_u32(rest).substr(std::string_view(level).size()));
        // OCR's diacritics on a province's name are put right from the list.
        if (auto p = province_named_in(fold_string(rest)); p && fold_string(*p) == fold_string(rest)) return out + *p;
        break;
    }
    std::string name;
    for (std::size_t start = 0; start < rest.size();) {
        auto end = rest.find(' ', start);
        if (end == std::string::npos) end = rest.size();
        if (!name.empty()) name += ' ';
        name += title_case_word(rest.substr(start, end - start));
        start = end + 1;
    }
    return out + name;
}

}  // namespace

std::string issuer_capitalisation(const std::string& upper) {
    static const std::pair<const char*, const char*> bodies[] = {{"uy ban nhan dan", "Ủy ban nhân dân"},
                                                                 {"so giao duc va dao tao", "Sở Giáo dục và Đào tạo"},
                                                                 {"bo giao duc va dao tao", "Bộ Giáo dục và Đào tạo"},
                                                                 {"phong giao duc va dao tao", "Phòng Giáo dục và Đào tạo"},
                                                                 {"hoi khuyen hoc", "Hội Khuyến học"},
                                                                 {"ubnd", "UBND"},
                                                                 {"truong", "Trường"},
                                                                 {"so gd&dt", "Sở GD&ĐT"},
                                                                 {"hoi dong nhan dan", "Hội đồng nhân dân"},
                                                                 {"hdnd", "Hội đồng nhân dân"},
                                                                 {"van phong", "Văn phòng"}};
    std::string folded = fold_string(upper);
    std::string text = clean_line(upper);
    std::string proper;
    std::size_t length = 0;
    for (auto [key, name] : bodies)
        if (folded.rfind(key, 0) == 0 && (folded.size() == std::strlen(key) || folded[std::strlen(key)] == ' ')) {
            proper = name;
            length = std::strlen(key);
            break;
        }
    // Any other kind of body of the register ("BỆNH VIỆN", "CỤC", "BAN").
    if (proper.empty())
        if (const OrganisationKind* kind = body_kind_opening(folded, &length)) proper = kind->name;
    if (proper.empty()) return text;
    // The body's name is as many code points as its folded key.
    auto u32 = to_u32(text);
    std::string rest = clean_line(to_utf8(u32.substr(std::min(u32.size(), length))));
    if (rest.empty()) return proper;
    // Words already written in their case are kept as written.
    return proper + " " + (is_upper_case(rest) ? place_words(rest) : rest);
}

namespace {

// The province as it was on the document's date: a unit of the register lies in a
// province of before 2025-07-01, which a later document names by the province it
// was merged into (Resolution 202/2025/QH15).
std::string province_at(const std::string& name, const Record& r) {
    if (!r.date.value) return name;
    for (const auto& p : provinces())
        if (p.name == name && p.valid_to && *p.valid_to < *r.date.value && !p.merged_into.empty()) return p.merged_into;
    return name;
}

std::string unit_type(std::string_view word) {
    if (word.starts_with("tp")) return "thanh pho";
    if (word.starts_with("tx")) return "thi xa";
    if (word == "ward") return "phuong";
    if (word == "commune") return "xa";
    if (word == "district") return "huyen";
    return std::string(word);
}

// The province of the unit of this kind and folded name (longest name first: "nam
// tra my" before "nam"), when every unit so named lies in one province. A commune
// named after a district (many communes of 2025 took their district's name) is
// placed by the district.
std::optional<std::string> province_of_named_unit(std::string words, const std::string& type) {
    bool commune = type == "xa" || type == "phuong" || type == "thi tran";
    while (!words.empty()) {
        // A commune's name has two words or more, or is a number ("Phường 1").
        bool long_enough = !commune || words.find(' ') != std::string::npos || std::isdigit(static_cast<unsigned char>(words[0]));
        if (long_enough) {
            auto units = units_named(words, type);
            if (units.empty() && commune) units = units_named(words, "");
            if (auto p = only_province(units)) return p;
            if (!units.empty()) return std::nullopt;  // named in several provinces: not placed
            if (!commune)
                if (auto pr = province_named_in(words); pr && fold_string(*pr) == words) return pr;
        }
        auto cut = words.find_last_of(" -");
        words = cut == std::string::npos ? "" : words.substr(0, cut);
    }
    return std::nullopt;
}

// "Thành phố" → "thành phố", "Huyện" → "huyện": a unit's kind inside a name.
std::string fold_case_first(const std::string& word) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(word);
    if (u.isEmpty()) return word;
    icu::UnicodeString first(u, 0, 1);
    first.toLower(icu::Locale("vi"));
    u.replace(0, 1, first);
    std::string out;
    return u.toUTF8String(out);
}

}  // namespace

// A unit named with its kind, before it ("quận Long Biên", "thị trấn Hương Sơn",
// "xã Trà Nam") or after it in an English text ("Linh Nam Ward"), names its
// province through the register of units (corpus/register/units.tsv), when the
// name is a proper name and every unit so named lies in one province. The first
// one named wins.
std::optional<std::pair<std::string, Evidence>> province_from_units(const FieldContext& ctx, const Record& r) {
    static const Pattern before(
        R"((?:^|[^a-z])(quan|huyen|thi xa|thanh pho|thi tran|xa|phuong|tp\.?|tx\.?)\s+([a-z0-9]+(?:[ -]+[a-z0-9]+){0,3}))");
    static const Pattern after(R"((?:^|[^a-z])([a-z]+(?: [a-z]+){0,2}) (ward|commune|district)(?:[^a-z]|$))");
    struct Named {
        std::size_t at;
        std::string words, type;
    };
    std::vector<Named> named;
    for (const auto& m : ctx.find_all(before))
        named.push_back({m.groups[1].first, std::string(ctx.folded.substr(m.groups[1].first, m.groups[1].second - m.groups[1].first)),
                         unit_type(ctx.folded.substr(m.groups[0].first, m.groups[0].second - m.groups[0].first))});
    // After the name, the name is the words nearest the kind: "of Linh Nam Ward" is
    // tried as "Linh Nam" once "of" is not a proper name.
    for (const auto& m : ctx.find_all(after)) {
        std::string type = unit_type(ctx.folded.substr(m.groups[1].first, m.groups[1].second - m.groups[1].first));
        for (std::size_t at = m.groups[0].first; at < m.groups[0].second; ++at)
            if (at == m.groups[0].first || ctx.folded[at - 1] == ' ')
                named.push_back({at, std::string(ctx.folded.substr(at, m.groups[0].second - at)), type});
    }
    std::sort(named.begin(), named.end(), [](const Named& a, const Named& b) { return a.at < b.at; });
    for (const auto& n : named) {
        if (!ctx.capitalised(n.at)) continue;
        if (auto p = province_of_named_unit(n.words, n.type)) return std::make_pair(province_at(*p, r), ctx.evidence(n.at));
    }
    return std::nullopt;
}

// How often each province is named, and where first (a folded offset).
using NameCounts = std::map<std::string, std::pair<int, std::size_t>>;

// Counts `written` for `province` wherever it stands as whole words written as a
// proper name (capitalised: "xã hội" is no place).
void count_written(const FieldContext& ctx, const std::string& written, const std::string& province, NameCounts& counts) {
    std::string key = fold_string(written);
    for (auto pos = ctx.folded.find(key); pos != std::string::npos; pos = ctx.folded.find(key, pos + 1))
        if (word_at(ctx.folded, pos, key.size()) && ctx.capitalised(pos)) {
            auto& c = counts[province];
            if (c.first++ == 0) c.second = pos;
        }
}

// A province named without its level ("Logo of Phú Thọ", "tại Phú Thọ") places a
// text that names no unit only when it is the one province the text names, in
// capitals, and named twice or more: once may be a visit or a comparison.
std::optional<std::pair<std::string, std::size_t>> province_named_bare(const FieldContext& ctx) {
    NameCounts counts;
    for (const auto& p : provinces())
        if (p.named_bare) count_written(ctx, p.name, p.name, counts);
    if (counts.size() != 1 || counts.begin()->second.first < 2) return std::nullopt;
    return std::make_pair(counts.begin()->first, counts.begin()->second.second);
}

// A province's other written names ("TP.HCM", "Ho Chi Minh City") name it as its
// level and name do: counted with them, where written as a proper name is.
void count_aliases(const FieldContext& ctx, NameCounts& counts) {
    for (const auto& p : provinces())
        for (const auto& alias : p.aliases) count_written(ctx, alias, p.name, counts);
}

// "Ủy ban nhân dân Phường 1": a commune-level body's header names its ward, not
// where the ward lies. The register places it when one unit has that name, or when
// the document names the ward with its district ("Phường 1, thành phố Vũng Tàu")
// or is dated at its district; the issuer then says where it is (docs/register.md).
void place_commune_issuer(const FieldContext& ctx, Record& r) {
    // A unit's kind is read whole: "thị xã" is a town of the district level whose
    // last word is a commune's ("thị xã Đức Phổ" is no commune "xã Đức Phổ").
    static const Pattern commune(R"((?:^| )(thi xa|phuong|xa|thi tran) ([a-z0-9]+(?: [a-z0-9]+){0,3})$)");
    if (!r.issuer.value) return;
    std::string type, name;
    if (!RE2::PartialMatch(fold_string(*r.issuer.value), commune, &type, &name) || type == "thi xa") return;
    auto units = units_named(name, type);
    bool many = units.size() > 1;
    if (many) {
        std::string text = ctx.folded;
        std::replace(text.begin(), text.end(), '\n', ' ');
        std::string place = r.place.value ? fold_string(*r.place.value) : "";
        std::erase_if(units, [&](const AdministrativeUnit* u) {
            std::string district = fold_string(u->district_type + " " + u->district);
            return text.find(name + ", " + district) == std::string::npos && place != fold_string(u->district);
        });
    }
    if (units.size() != 1) {
        // A ward named in many provinces ("Phường 1") and placed by nothing in the
        // document: the issuer is as printed, but which body it is stays unknown.
        if (many) r.issuer.confidence = std::min(r.issuer.sureness(), kUncertainBelow - 1);
        return;
    }
    const AdministrativeUnit& u = *units.front();
    std::string province = province_at(u.province, r);
    bool city = std::any_of(provinces().begin(), provinces().end(), [&](const Province& p) { return p.name == u.province && p.city; });
    *r.issuer.value += ", " + fold_case_first(u.district_type) + " " + u.district + ", " + (city ? "thành phố " : "tỉnh ") + u.province;
    if (!r.province.value) r.province = {province, r.issuer.evidence};
}

void extract_province(const FieldContext& ctx, Record& r) {
    place_commune_issuer(ctx, r);
    if (r.province.value) {
        if (r.issuer.value && r.issuer.value->ends_with("tỉnh")) *r.issuer.value += " " + *r.province.value;
        return;
    }
    if (r.issuer.value) {
        std::string f = fold_string(*r.issuer.value);
        // A body of the central level speaks for no province, wherever it sits.
        if (f.rfind("bo ", 0) == 0 || central_body_near(f) || f.ends_with("viet nam") || f.ends_with("trung uong") ||
            f.ends_with("toi cao") || f.find("; ") != std::string::npos)
            return;
        if (auto p = province_named_in(f)) {
            r.province = {*p, r.issuer.evidence};
            if (r.issuer.value->ends_with("tỉnh")) *r.issuer.value += " " + *p;
            return;
        }
    }
    if (r.place.value)
        if (auto p = province_named_in(fold_string(*r.place.value))) {
            r.province = {*p, r.place.evidence};
            return;
        }
    if (auto p = province_from_units(ctx, r)) {
        r.province = {p->first, p->second};
        return;
    }
    static const Pattern in_body(R"((?:tinh|thanh pho)\s+([a-z]+(?:\s+[a-z]+){1,2}))");
    NameCounts counts;
    for (const auto& m : ctx.find_all(in_body))
        if (auto p = province_named_in(ctx.folded.substr(m.groups[0].first, m.groups[0].second - m.groups[0].first))) {
            auto& c = counts[*p];
            if (c.first++ == 0) c.second = m.begin;
        }
    count_aliases(ctx, counts);
    auto best =
        std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) { return a.second.first < b.second.first; });
    if (best == counts.end()) {
        if (auto bare = province_named_bare(ctx)) r.province = {bare->first, ctx.evidence(bare->second)};
        return;
    }
    r.province = {best->first, ctx.evidence(best->second.second)};
    if (r.issuer.value && r.issuer.value->ends_with("tỉnh")) *r.issuer.value += " " + best->first;
}

}  // namespace congvan::fields
