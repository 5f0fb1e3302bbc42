// The issuing body (Decree 30/2020, Appendix I, item 2): the header's left zone
// names the body and, above it, its parent ("UBND HUYỆN THANH OAI / PHÒNG GIÁO
// DỤC VÀ ĐÀO TẠO"). Read by the rules of docs/fields.md ("Issuer"): the zone is
// the header's upper-case lines before the number, without what the right column,
// a signature stamp or a table's rules add; each body opens with a kind of body
// from the register (corpus/register/organisations.yaml); a known central body's
// name is put right from the register.
#include <unicode/unistr.h>

#include <algorithm>
#include <map>

#include "field_context.h"
#include "register.h"
#include "text/normalize.h"
#include "text/pattern.h"
#include "text/vocabulary.h"

namespace congvan::fields {

namespace {

// An OCR line this unsure is a speck or a stroke, not a line of the header.
constexpr double kNoiseLine = 30.0;

// The right column's fixed phrases and what a table or a rule adds, in folded
// text: they are taken out of a line wherever they stand, since a text copied from
// a web page or a layout that could not split the columns runs both into one line.
const RE2& not_the_issuer() {
    static const Pattern re(R"(cong hoa(?: xa hoi(?: chu nghia(?: viet nam)?)?)?|doc lap(?:\s*-*\s*tu do(?:\s*-*\s*hanh phuc)?)?|)"
                            R"(dang cong san viet nam|[-_=~*.|]{2,}|(?:^| )[_=~*|](?: |$))");
    return re;
}

// A signature stamp's line or a web page's label: an organisation's name has no
// colon, no e-mail and no time of day.
bool is_label_or_stamp(std::string_view folded) {
    static const Pattern re(R"([:@]|\d{1,2}[:.]\d{2}[:.]\d{2})");
    return RE2::PartialMatch(re2::StringPiece(folded.data(), folded.size()), re);
}

// The line without the right column's phrases and the rules, cut before "Số:"
// (the number below the issuer); `numbered` says the cut was made.
std::string issuer_part(const std::string& text, bool& numbered) {
    std::string folded = fold_string(text);
    std::u32string original = to_u32(text);
    // Folded text has one byte per code point, so folded offsets are the original's.
    static const Pattern number(R"(((?:^| )so\s*:))");
    static const Pattern cut("(" + not_the_issuer().pattern() + ")");
    re2::StringPiece at;
    numbered = RE2::PartialMatch(folded, number, &at);
    std::size_t end = numbered ? static_cast<std::size_t>(at.data() - folded.data()) : folded.size();
    std::vector<char> keep(end, 1);
    // A web copy's page marker before the header ("Trang 1", "1.") is the site's,
    // not the document's: 123doc-style viewers glue it to the first line.
    static const Pattern page_marker(R"(^((?:trang\s*\d{1,3}|\d{1,3}\s*[.)])\s*))");
    re2::StringPiece marker;
    if (RE2::PartialMatch(re2::StringPiece(folded.data(), end), page_marker, &marker))
        std::fill(keep.begin(), keep.begin() + static_cast<std::ptrdiff_t>(marker.size()), 0);
    re2::StringPiece input(folded.data(), end), piece;
    while (RE2::FindAndConsume(&input, cut, &piece)) {
        for (std::size_t i = piece.data() - folded.data(); i < static_cast<std::size_t>(piece.data() - folded.data()) + piece.size(); ++i)
            keep[i] = 0;
        if (piece.empty()) break;
    }
    std::u32string out;
    for (std::size_t i = 0; i < end && i < original.size(); ++i) out += keep[i] ? original[i] : U' ';
    return clean_line(to_utf8(out));
}

// A kind's name with OCR's noise in it ("UYỶ BAN NHÂN DÂN") as the register spells it.
std::string with_kind_spelt(const std::string& text) {
    std::size_t length = 0;
    const OrganisationKind* kind = body_kind_opening(fold_string(text), &length);
    auto u32 = to_u32(text);
    if (!kind || fold_string(kind->name).size() == length) return text;
    return kind->name + to_utf8(u32.substr(std::min(length, u32.size())));
}

// A web page's copy breaks lines anywhere: inside a kind's name ("ỦY" / "BAN NHÂN
// DÂN": the fragment goes on with the next line) or inside a word ("KHÁNH H" /
// "ÒA", "ĐỒNG TH" / "ÁP"). Every Vietnamese syllable has a vowel, so a line that
// ends in a syllable's onset (one or two consonants) before a line that starts
// with a vowel ends inside a word, and goes on without a space; "THCS" is an
// acronym, not an onset.
bool breaks_a_word(const std::string& above, const std::string& below) {
    std::string folded = fold_string(above), next = fold_string(below);
    std::string last = folded.substr(folded.find_last_of(' ') == std::string::npos ? 0 : folded.find_last_of(' ') + 1);
    bool onset = !last.empty() && last.size() <= 2 && std::all_of(last.begin(), last.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
                 last.find_first_of("aeiouy") == std::string::npos;
    return onset && !next.empty() && std::string_view("aeiouy").find(next[0]) != std::string_view::npos;
}

std::string continued(const std::string& above, const std::string& text) { return above + (breaks_a_word(above, text) ? "" : " ") + text; }

// The header's left zone: its upper-case lines from the first that opens a body,
// until the number, a title, a lower-case line, a rule under the name or the
// motto's second line beside it.
std::vector<std::string> issuer_lines(const FieldContext& ctx, const std::vector<const FlowText::LineRef*>& header, const Record& r,
                                      std::optional<Evidence>& evidence) {
    std::vector<std::string> out;
    std::string pending;  // an upper-case fragment that may start a kind's name
    for (std::size_t i = 0; i < header.size(); ++i) {
        const auto* line = header[i];
        std::string_view folded = ctx.folded_line(*line);
        // A web page may repeat the number as its title above the document.
        bool is_number = RE2::PartialMatch(re2::StringPiece(folded.data(), folded.size()), number_line());
        if (is_number && (!out.empty() || i > 2)) break;
        if (line->source->confidence < kNoiseLine || in_stamp(*line, r)) continue;
        bool numbered = false;
        std::string text = issuer_part(line->source->text, numbered);
        if (is_label_or_stamp(fold_string(text))) continue;
        if (out.empty() && !pending.empty()) {
            std::string joined = continued(pending, text);
            if (body_kind_opening(fold_string(joined))) text = joined;
        }
        bool upper = !text.empty() && is_upper_case(text);
        text = with_kind_spelt(text);
        std::string part = fold_string(text);
        bool opens = body_kind_opening(part) || central_body_near(part);
        // A title ends the zone, alone or with its subject on the line ("BIÊN BẢN THẨM XÉT …").
        bool title = type_of_title(trimmed(part)) || (!out.empty() && !opens && document_type_cited(part));
        bool usable = upper && !title && (!out.empty() || opens);
        if (usable) {
            if (!evidence) evidence = ctx.flow.evidence_of(*line);
            if (!out.empty() && breaks_a_word(out.back(), text)) out.back() = continued(out.back(), text);
            else out.push_back(text);
        } else if (!out.empty() && !is_motto(folded)) {
            break;
        }
        pending = out.empty() && upper && to_u32(text).size() <= 4 ? text : "";
        if ((numbered || folded.find("doc lap") != std::string_view::npos) && !out.empty()) break;
    }
    return out;
}

// The zone's lines as bodies: a line that opens with a kind of body starts one, a
// line that does not goes on with the one above (a long name wraps). A single line
// holding several bodies (a web page's copy) is cut where each kind opens.
std::vector<std::string> bodies_of(const std::vector<std::string>& lines) {
    std::vector<std::string> bodies;
    for (const auto& line : lines) {
        std::string folded = fold_string(line);
        if (bodies.empty() || body_kind_opening(folded) || central_body_near(folded)) bodies.push_back(line);
        else bodies.back() += " " + line;
    }
    if (bodies.size() != 1) return bodies;
    static const Pattern opening(R"(^(?:uy ban nhan dan|ubnd|so |phong |truong |hoi dong nhan dan|hdnd|van phong|bo ))");
    std::string folded = fold_string(bodies[0]);
    auto words = to_u32(bodies[0]);
    std::vector<std::string> split;
    std::size_t start = 0;
    for (std::size_t i = 1; i < folded.size(); ++i) {
        if (folded[i - 1] != ' ') continue;
        re2::StringPiece rest(folded.data() + i, folded.size() - i);
        if (RE2::Consume(&rest, opening) && i > start) split.push_back(clean_line(to_utf8(words.substr(start, i - 1 - start)))), start = i;
    }
    split.push_back(clean_line(to_utf8(words.substr(start))));
    return split;
}

// A body's name as the register writes it, when it is a known central body.
std::string registered_name(const std::string& body) {
    if (auto m = central_body_near(fold_string(body))) return m->body->name;
    return issuer_capitalisation(body);
}

// A joint document (thông tư liên tịch) names each issuer on a line of its own and
// each one's code in its symbol ("TTLT-TANDTC-VKSNDTC-BTP"): all of them issue it.
bool is_joint(const Record& r, std::size_t bodies) {
    if (!r.symbol.value || bodies < 2) return false;
    std::string folded = fold_string(*r.symbol.value);
    auto dash = folded.find('-');
    std::string code = folded.substr(0, dash);
    return code.size() > 2 && code.ends_with("lt") && dash != std::string::npos;
}

// A body whose kind does not say where it is, printed without its place and
// without a parent ("ỦY BAN NHÂN DÂN" alone), is the body of the place the document
// is dated at (Decree 30/2020, Appendix I: the place is where the body sits). The
// level is not guessed: "Ninh Bình" is a province and a city.
std::string placed_by_document(const std::string& issuer, const Record& r) {
    static const Pattern level(R"((?:^| )(tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran|tw|trung uong|viet nam)(?: |$))");
    std::string folded = fold_string(issuer);
    const OrganisationKind* kind = body_kind_opening(folded);
    if (!kind || !kind->generic || !r.place.value || RE2::PartialMatch(folded, level)) return issuer;
    if (fold_string(kind->name) != folded) return issuer;  // "Phường 1" names itself
    return issuer + " " + clean_line(*r.place.value);
}

// The issuer is the last body, placed where its parent is when it does not say
// where it is itself; an office is its parent's ("HĐND TỈNH HƯNG YÊN / VĂN PHÒNG").
std::string issuer_of(const std::vector<std::string>& bodies, const Record& r) {
    if (is_joint(r, bodies.size())) {
        std::string all;
        for (const auto& b : bodies) all += (all.empty() ? "" : "; ") + registered_name(b);
        return all;
    }
    std::string issuer = registered_name(bodies.back());
    if (bodies.size() < 2) return placed_by_document(issuer, r);
    std::string parent = registered_name(bodies[bodies.size() - 2]);
    static const Pattern place(R"((?:^| )(tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran)(?: |$))");
    std::string parent_folded = fold_string(parent), issuer_folded = fold_string(issuer);
    const OrganisationKind* kind = body_kind_opening(issuer_folded);
    if (kind && kind->of_parent && fold_string(kind->name) == issuer_folded) {
        auto known = central_body_near(fold_string(issuer + " " + parent));
        return known ? known->body->name : issuer + " " + parent;
    }
    re2::StringPiece level, own;
    bool placed = RE2::PartialMatch(issuer_folded, place, &own);
    // "BỆNH VIỆN ĐA KHOA TỈNH" under "SỞ Y TẾ TỈNH NGHỆ AN": the level is its own,
    // the name of the place its parent's.
    bool level_only = placed && own.data() + own.size() == issuer_folded.data() + issuer_folded.size();
    if ((!placed || level_only) && RE2::PartialMatch(parent_folded, place, &level)) {
        auto p = to_u32(parent);
        std::size_t from = static_cast<std::size_t>(level.data() - parent_folded.data()) + (level_only ? level.size() + 1 : 0);
        return issuer + " " + to_utf8(p.substr(std::min(from, p.size())));
    }
    // A generic body whose parent names no place is the parent's own: its office,
    // its board ("BỘ TƯ PHÁP / VĂN PHÒNG", "THÀNH ỦY HÀ NỘI / BAN TUYÊN GIÁO").
    if (!placed && kind && kind->generic) {
        auto known = central_body_near(fold_string(issuer + " " + parent));
        return known ? known->body->name : issuer + " " + parent;
    }
    return issuer;
}

// A mass organisation's branch is printed under the national association's name
// as "TỈNH HỘI X" (the association at that level): "HỘI KHUYẾN HỌC VIỆT NAM /
// TỈNH HỘI HƯNG YÊN" is the Hội Khuyến học of the province of Hưng Yên.
std::string association_branch(const std::string& issuer) {
    static const Pattern branch(R"(^(hoi .+) viet nam (tinh|thanh|huyen|quan|thi) hoi (.+)$)");
    static const std::map<std::string, std::string> levels = {
        {"tinh", "tỉnh"}, {"thanh", "thành phố"}, {"huyen", "huyện"}, {"quan", "quận"}, {"thi", "thị xã"}};
    std::string folded = fold_string(issuer);
    re2::StringPiece name, level, place;
    if (!RE2::FullMatch(folded, branch, &name, &level, &place)) return issuer;
    auto original = to_u32(issuer);
    auto piece = [&](re2::StringPiece p) { return to_utf8(original.substr(static_cast<std::size_t>(p.data() - folded.data()), p.size())); };
    return piece(name) + " " + levels.at(std::string(level)) + " " + piece(place);
}

// A word printed in capitals that is no Vietnamese syllable stands for words the
// header does not print ("CƠ QUAN THƯỜNG TRỰC HĐTĐ"), unless the register keeps it
// as part of a name ("TRƯỜNG THCS", "PHÒNG GD&ĐT", each piece of "TH&THCS"), or it
// is a roman numeral ("BỆNH VIỆN C II"): the body's full name was not read.
bool abbreviated_name(const std::string& name) {
    std::u32string text = to_u32(name);
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(U' ', start);
        if (end == std::u32string::npos) end = text.size();
        std::u32string word = text.substr(start, end - start);
        start = end + 1;
        std::string utf8 = to_utf8(word), folded = fold_string(utf8);
        bool letters = !folded.empty() &&
                       std::all_of(folded.begin(), folded.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '&' || c == '-'; });
        if (!letters || to_u32(folded).size() < 2 || !is_upper_case(utf8) || vietnamese_syllable(word)) continue;
        if (folded.find_first_not_of("ivxlc") == std::string::npos || kept_abbreviation(folded)) continue;
        bool pieces_kept = folded.find_first_of("&-") != std::string::npos;
        for (std::size_t from = 0; pieces_kept && from < folded.size();) {
            std::size_t to = std::min(folded.find_first_of("&-", from), folded.size());
            pieces_kept = to == from || kept_abbreviation(folded.substr(from, to - from));
            from = to + 1;
        }
        if (!pieces_kept) return true;
    }
    return false;
}

// A body of a kind whose names the register does not hold (a school, a hospital,
// an institute), read by OCR: OCR confuses a vowel's marks into another real
// syllable ("TÂY ĐÔ" read "TÂY ĐỒ", at a word confidence of 97), so nothing on
// the word tells the error. Such a name is sure only when the document prints it
// a second time alike (its signature block, its body): two readings agree.
bool unchecked_ocr_name(const FieldContext& ctx, const std::vector<const FlowText::LineRef*>& header, const std::string& issuer) {
    const OrganisationKind* kind = body_kind_opening(fold_string(issuer));
    if (!kind || kind->generic || kind->listed) return false;
    bool ocr = std::any_of(header.begin(), header.end(), [](const FlowText::LineRef* l) { return l->source->source == PageSource::Ocr; });
    if (!ocr) return false;
    auto joined = [](const std::vector<std::string>& words) {
        std::string out = " ";
        for (const auto& w : words) out += w + " ";
        return out;
    };
    std::string name = joined(comparison_words(issuer)), text = joined(comparison_words(ctx.flow.text()));
    std::size_t first = text.find(name);
    return first == std::string::npos || text.find(name, first + 1) == std::string::npos;
}

// A listed body's name cut short ("BỘ TÀI": a stamp over its end) is the register's
// body whose name it opens as whole words and whose code the document's own symbol
// carries ("08/2023/TT-BTC"): two printed parts of the header agree on one body.
const CentralBody* completed_by_symbol(const std::string& folded_issuer, const Record& r) {
    if (!r.symbol.value || r.symbol.uncertain()) return nullptr;
    for (const auto& code : issuing_codes("/" + *r.symbol.value)) {
        const CentralBody* body = central_body_coded(code);
        if (body && (fold_string(body->name) + " ").starts_with(folded_issuer + " ")) return body;
    }
    return nullptr;
}

}  // namespace

void extract_issuer(const FieldContext& ctx, const std::vector<const FlowText::LineRef*>& header, Record& r) {
    std::optional<Evidence> evidence;
    auto lines = issuer_lines(ctx, header, r, evidence);
    // No header (a copy that lost it): an annex repeats the body, on one line, over
    // its own title.
    for (const auto& line : ctx.flow.lines()) {
        if (!lines.empty()) break;
        if (!is_upper_case(line.source->text) || !body_kind_opening(ctx.folded_line(line))) continue;
        lines = issuer_lines(ctx, {&line}, r, evidence);
    }
    if (lines.empty()) {
        static const Pattern acting(spaced(
            R"((bo giao duc va dao tao|so giao duc va dao tao|uy ban nhan dan tinh)\s*(?:\([^)]*\)\s*)?(?:de nghi|bao cao|ban hanh))"));
        if (auto m = ctx.find_first(acting)) {
            // Read from a sentence, not a header: inferred, so uncertain.
            r.issuer = {expand_body_abbreviations(ctx.original(*m, 0)), ctx.evidence(m->begin), kInferredConfidence};
        }
        return;
    }
    std::string joined;
    for (const auto& l : lines) joined += (joined.empty() ? "" : " ") + l;
    r.issuer = {association_branch(issuer_of(bodies_of(lines), r)), evidence};
    // A body of a kind the register lists whole ("Bộ …") that is not in it was
    // misread ("BỘ TÀI" cut by a stamp): kept as read, but not a sure value.
    std::string folded = fold_string(*r.issuer.value);
    const OrganisationKind* kind = body_kind_opening(folded);
    if (kind && kind->listed && !central_body_near(folded) && folded.find("; ") == std::string::npos) {
        if (const CentralBody* body = completed_by_symbol(folded, r)) r.issuer.value = body->name;
        else r.issuer.confidence = std::min(r.issuer.sureness(), kUncertainBelow - 1);
    }
    if (abbreviated_name(*r.issuer.value) || unchecked_ocr_name(ctx, header, *r.issuer.value))
        r.issuer.confidence = std::min(r.issuer.sureness(), kUncertainBelow - 1);
    // A school's header names its province only in the parent body's line.
    if (auto p = province_named_in(fold_string(joined))) r.province = {*p, evidence};
}

}  // namespace congvan::fields
