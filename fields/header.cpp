// The header block (Decree 30/2020): issuing body, number and symbol, place and
// date, document type and subject; and the year the document is about.
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "field_context.h"
#include "text/english.h"
#include "text/normalize.h"
#include "text/pattern.h"
#include "text/vocabulary.h"

namespace congvan::fields {

namespace {

constexpr std::size_t kHeaderLines = 30;

const char* type_of_code(std::string_view code) {
    const DocumentType* t = document_type_coded(code);
    return t ? t->id.c_str() : nullptr;
}

// The document's first lines: a signature stamp's lines (a signing service's
// "Ký bởi:", "Email:", "Ngày ký:", often two or three stamps over the header) are
// not the document's own words and do not count.
std::vector<const FlowText::LineRef*> header_lines(const FieldContext& ctx, const Record& r) {
    std::vector<const FlowText::LineRef*> out;
    for (const auto& line : ctx.flow.lines()) {
        if (out.size() >= kHeaderLines) break;
        if (!in_stamp(line, r)) out.push_back(&line);
    }
    return out;
}

// The blank between "Số:" and "/" is often filled in by hand: digits OCR reads
// as letters (l57, O5) are mapped back, anything else makes the number unsure.
std::string number_digits(std::string_view blank, bool& clean) {
    // A speck beside handwriting is read as '.', ',' or '\'': not part of it.
    while (!blank.empty() && std::string_view(".,'` ").find(blank.front()) != std::string_view::npos) blank.remove_prefix(1);
    while (!blank.empty() && std::string_view(".,'` ").find(blank.back()) != std::string_view::npos) blank.remove_suffix(1);
    std::string digits;
    clean = true;
    if (blank.find_first_of("0123456789") == std::string_view::npos) {
        clean = false;
        return digits;
    }
    for (char c : blank) {
        if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
        else if (c == 'l' || c == 'i') digits += '1';
        else if (c == 'o') digits += '0';
        else if (c != ' ') clean = false;
    }
    if (digits.find_first_of("0123456789") == std::string::npos) clean = false;
    return digits;
}

// A blank in a text layer is blank; OCR cannot tell a blank from faint or
// handwritten ink it dropped, so a blank it reports is uncertain.
double blank_confidence(const Line& line) {
    return line.source == PageSource::Ocr ? std::min(line.confidence, kUncertainBelow - 1) : 100.0;
}

// The same after "Số:" anywhere in a header line, or on the next line: a web
// page's copy runs the header's columns into one line ("… HƯNG YÊN ---- Số: 14 /
// CV- HKH") or breaks it after the colon ("Số:" / "36/KH-UBND").
const RE2& number_after_colon() {
    static const Pattern re(R"((?:^|[^a-z0-9])so\s*:\s*([^/\n:]{0,12}?)\s*/\s*(?:((?:19|20)\d\d)\s*/\s*)?([a-z&]+(?:\s*-\s*[a-z&]+)*))");
    return re;
}

// The header's number where its line holds it: at the line's start; else after a
// capitalised "Số:" (a citation's "số" inside a sentence is lower-case), perhaps
// on the next line.
std::optional<Match> number_in(const FieldContext& ctx, const std::vector<const FlowText::LineRef*>& lines, std::size_t i) {
    const auto* line = lines[i];
    auto m = ctx.find_first(number_line(), line->begin, line->end);
    if (m && m->begin == line->begin) return m;
    std::size_t end = i + 1 < lines.size() ? lines[i + 1]->end : line->end;
    m = ctx.find_first(number_after_colon(), line->begin, end);
    if (!m || m->groups[0].first > end || m->begin >= line->end) return std::nullopt;
    std::size_t so = ctx.folded.rfind("so", m->groups[0].first);
    auto first = to_u32(ctx.original(so, so + 1));
    if (first.empty() || first[0] != U'S') return std::nullopt;
    return m;
}

// The Party's form puts the type code before the slash ("Số 05-HD/VPTW"): read
// whole, or false when the blank is not in that form.
bool party_number(const FieldContext& ctx, const Match& m, std::string_view blank, const std::string& symbol, Record& r) {
    static const Pattern party_blank(R"(^\s*(\d{1,5})\s*-\s*([a-z]{1,6})\s*$)");
    std::string number, code;
    if (!RE2::FullMatch(re2::StringPiece(blank.data(), blank.size()), party_blank, &number, &code)) return false;
    std::string original = ctx.original(m, 0);
    code = original.substr(original.find('-') + 1);
    std::erase(code, ' ');
    r.number.value = number + "-" + code + "/" + symbol;
    r.number.confidence = ctx.flow.confidence(m.groups[0].first, m.groups[0].second);
    return true;
}

// A normative type's number carries its year ("01/2016/TTLT-…", Law 80/2015/QH13,
// Article 8). OCR reads the slash before the year as a '1' ("0112016/TTLT-…"); a
// blank of such a type without a year part that ends in '1' and a year is the
// number, the slash and the year run together.
void split_run_in_year(const std::string& symbol, std::string& digits, std::string& year) {
    static const Pattern run_in(R"(^(\d{1,4})1((?:19|20)\d\d)$)");
    const DocumentType* type = document_type_coded(fold_string(symbol.substr(0, symbol.find('-'))));
    std::string number, run_year;
    if (!year.empty() || !type || !type->year_in_symbol || !RE2::FullMatch(digits, run_in, &number, &run_year)) return;
    digits = number;
    year = run_year + "/";
}

void extract_number(const FieldContext& ctx, const std::vector<const FlowText::LineRef*>& lines, Record& r) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto* line = lines[i];
        auto m = number_in(ctx, lines, i);
        if (!m) continue;
        std::string symbol = ctx.original(*m, 2);
        std::erase(symbol, ' ');
        std::string year = m->has(1) ? ctx.original(*m, 1) + "/" : "";
        Evidence ev = ctx.flow.evidence_of(*line);
        r.symbol = {symbol, ev};
        r.symbol.confidence = ctx.flow.confidence(m->groups[2].first, m->groups[2].second);
        r.number.evidence = ev;
        std::string_view blank = std::string_view(ctx.folded).substr(m->groups[0].first, m->groups[0].second - m->groups[0].first);
        if (party_number(ctx, *m, blank, symbol, r)) return;
        bool clean = false;
        std::string digits = number_digits(blank, clean);
        bool seen = blank.find_first_not_of(' ') != std::string_view::npos;
        if (!seen) {
            r.warnings.push_back("number left blank (an unsigned draft): " + line->source->text);
            r.number.confidence = blank_confidence(*line->source);
        } else if (digits.empty()) {
            r.warnings.push_back("number unreadable (handwritten?): " + line->source->text);
            r.number.confidence = kUnreadable;
        } else {
            auto whole = [&](std::string number) {
                std::string number_year = year;
                split_run_in_year(symbol, number, number_year);
                return number + "/" + number_year + symbol;
            };
            r.number.value = whole(digits);
            double read = ctx.flow.confidence(m->groups[0].first, m->groups[0].second);
            r.number.confidence = clean ? read : std::min(read, kUncertainBelow - 1);
            auto readings = ctx.flow.handwriting(m->groups[0].first, m->groups[0].second);
            for (auto& reading : readings) reading.text = whole(reading.text);
            mark_handwritten_number(readings, "", r);
        }
        return;
    }
}

RE2::Options large_dfa() {
    RE2::Options o;
    o.set_max_mem(64 << 20);
    return o;
}

// A place-date line stands alone: no sentence goes on after its date, and the place
// is a proper name, so its last word starts with a capital or is a number ("Hà Nội",
// "thị trấn Hương Sơn", "Phường 1"; Decree 30/2020, Appendix II). A news post's
// "Sáng nay, ngày 07 tháng 10 năm 2019. Hội đồng …" is the day of its event
// (docs/fields.md).
bool names_a_place(const FieldContext& ctx, const Match& m, std::size_t line_end) {
    // Nothing of its sentence follows it: the line ends (but for marks: OCR's specks,
    // a stray comma), or a new element starts with a capital (a web copy flattens a header into one line:
    // "…, ngày 05 tháng 11 năm 2010 V/v báo cáo …"). A sentence's "…của UBND huyện
    // Thường Tín, ngày 23 tháng 9 năm 2020; trường …" dates a document it cites.
    std::size_t next = m.end;
    while (next < line_end && !std::isalnum(static_cast<unsigned char>(ctx.folded[next]))) ++next;
    if (next < line_end && !ctx.capitalised(next)) return false;
    std::string_view place = std::string_view(ctx.folded).substr(m.groups[0].first, m.groups[0].second - m.groups[0].first);
    while (!place.empty() && (place.back() == ' ' || place.back() == '.')) place.remove_suffix(1);
    auto space = place.rfind(' ');
    return ctx.capitalised(m.groups[0].first + (space == std::string_view::npos ? 0 : space + 1));
}

// The place is a proper name; a document's symbol before it ("SGDĐT-VP", in
// capitals with a dash or a slash) is the number's, where a web copy flattened the
// number and the place-date onto one line: "Số : 2917 /SGDĐT-VP Phan Rang-Tháp Chàm,
// ngày …" is dated at "Phan Rang-Tháp Chàm" (docs/fields.md).
std::string place_after_symbol(const std::string& place) {
    if (is_upper_case(place)) return place;  // a place in capitals: no symbol told apart
    std::size_t start = 0;
    for (std::size_t at = 0; at < place.size();) {
        std::size_t end = std::min(place.find(' ', at), place.size());
        std::string_view word(place.data() + at, end - at);
        bool joined = word.find_first_of("-/") != std::string_view::npos;
        bool letters = std::any_of(word.begin(), word.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
        if (joined && letters && is_upper_case(word) && end < place.size()) start = end + 1;
        at = end + 1;
    }
    return place.substr(start);
}

// "Quảng Ngãi, ngày 16 tháng 01 năm 2025": anywhere in a header line, since a text
// layer may give it on the number's line.
void extract_place_date(const FieldContext& ctx, const std::vector<const FlowText::LineRef*>& lines, Record& r) {
    // Its counted repeats make a large DFA: on a very long line the default budget
    // runs out (RE2 then logs and falls back to a slower engine).
    // A place may be a numbered ward ("Phường 1, ngày …").
    // The year may have lost its last digit to a mark ("năm 202]": issue_year).
    static const Pattern place_re(
        R"(([a-z][a-z0-9 .'-]{1,40}?)\s*,\s*ngay?\s*([^\n]{0,8}?)\s*thang\s*([^\n]{0,6}?)\s*nam\s*(\d{4}|\d{3}[^\s\d]))", large_dfa());
    for (const auto* line : lines) {
        std::size_t from = line->begin;
        if (auto n = ctx.find_first(number_line(), line->begin, line->end)) from = n->end;
        auto m = ctx.find_first(place_re, from, line->end);
        if (!m || !names_a_place(ctx, *m, line->end)) continue;
        Evidence ev = ctx.flow.evidence_of(*line);
        r.place = {place_after_symbol(ctx.original(*m, 0)), ev};
        r.date.evidence = ev;
        auto group = [&](int g) {
            return std::string_view(ctx.folded).substr(m->groups[g].first, m->groups[g].second - m->groups[g].first);
        };
        bool day_clean = false, month_clean = false;
        std::string day = number_digits(group(1), day_clean), month = number_digits(group(2), month_clean);
        int year = issue_year(group(3), month_clean && !month.empty() && month.size() <= 2 ? std::stoi(month) : 0, r);
        if (!year) {
            r.warnings.push_back("year unreadable: " + line->source->text);
            continue;
        }
        if (group(1).empty() && group(2).empty()) {
            r.warnings.push_back("date left blank (an unsigned draft): " + line->source->text);
            r.date.confidence = blank_confidence(*line->source);
        } else if (!day_clean || !month_clean || day.size() > 2 || month.size() > 2) {
            r.date.confidence = group(1).empty() ? blank_confidence(*line->source) : kUnreadable;
            // The digit reader's best reading of a handwritten day may be no day ("281":
            // a letter of "tháng" beside it); the calendar still chooses among its
            // other readings, never surely (docs/handwriting.md).
            if (month_clean && !month.empty() && month.size() <= 2)
                choose_handwritten_day(ctx.flow.handwriting(m->groups[1].first, m->groups[1].second), std::stoi(month), year, kUnreadable,
                                       r);
            if (!r.date.value) r.warnings.push_back("day or month unreadable (handwritten?): " + line->source->text);
        } else {
            r.date.value = VnDate{std::stoi(day), std::stoi(month), year, false};
            r.date.confidence = ctx.flow.confidence(m->groups[1].first, m->groups[3].second);
            if (group(3).size() != 4 || !std::isdigit(static_cast<unsigned char>(group(3)[3])))
                r.date.confidence = std::min(r.date.sureness(), kUncertainBelow - 1);  // a year completed, not read
            // A day that does not exist, read by OCR, is a misread figure: kept as
            // read for the auditor, but never a confident value (docs/precision.md).
            if (!r.date.value->exists() && line->source->source == PageSource::Ocr)
                r.date.confidence = std::min(r.date.confidence.value_or(100.0), kUncertainBelow - 1);
            choose_handwritten_day(ctx.flow.handwriting(m->groups[1].first, m->groups[1].second), r.date.value->month, r.date.value->year,
                                   *r.date.confidence, r);
        }
        return;
    }
}

bool subject_stops(std::string_view folded_line) {
    static const Pattern stop(R"(^(?:kinh gui|can cu|thuc hien|xet |theo |[0-9]+[.)]|[ivx]+\.|-|\+|so\s*:))");
    return RE2::PartialMatch(re2::StringPiece(folded_line.data(), folded_line.size()), stop);
}

std::string subject_from(const FieldContext& ctx, std::size_t first, std::string text) {
    const auto& all = ctx.flow.lines();
    for (std::size_t k = first; k < all.size() && k < first + 3; ++k) {
        if (subject_stops(ctx.folded_line(all[k])) || is_upper_case(all[k].source->text) || is_motto(ctx.folded_line(all[k]))) break;
        text += (text.empty() ? "" : " ") + all[k].source->text;
    }
    return clean_line(text);
}

void extract_type_and_subject(const FieldContext& ctx, const std::vector<const FlowText::LineRef*>& lines, Record& r) {
    const auto& all = ctx.flow.lines();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string_view folded = trimmed(ctx.folded_line(*lines[i]));
        const char* type = type_of_title(folded);
        if (type && is_upper_case(lines[i]->source->text)) {
            r.doc_type = {type, ctx.flow.evidence_of(*lines[i])};
            std::size_t index = static_cast<std::size_t>(lines[i] - all.data());
            if (index + 1 < all.size()) {
                std::string subject = subject_from(ctx, index + 1, "");
                if (!subject.empty()) r.subject = {subject, ctx.flow.evidence_of(all[index + 1])};
            }
            return;
        }
        if (folded.rfind("v/v", 0) == 0) {
            std::size_t index = static_cast<std::size_t>(lines[i] - all.data());
            std::string first = clean_line(lines[i]->source->text.substr(lines[i]->source->text.find('/') + 2));
            r.subject = {subject_from(ctx, index + 1, first), ctx.flow.evidence_of(*lines[i])};
            r.doc_type = {"cong_van", ctx.flow.evidence_of(*lines[i])};
            return;
        }
    }
    // No title line: the symbol's type code, else a dispatch when it has addressees.
    if (r.symbol.value) {
        auto code = fold_string(r.symbol.value->substr(0, r.symbol.value->find('-')));
        const char* type = type_of_code(code);
        r.doc_type = {type ? type : "cong_van", r.symbol.evidence};
        return;
    }
    for (const auto* line : lines)
        if (ctx.folded_line(*line).rfind("kinh gui", 0) == 0) {
            r.doc_type = {"cong_van", ctx.flow.evidence_of(*line)};
            return;
        }
    // A page without its header (the signature page, an annex) still names its own
    // document: "Quyết định này có hiệu lực…", "(Kèm theo Quyết định số …)". The
    // type is inferred, so it is reported as uncertain.
    static const Pattern self(spaced(R"((?:kem theo|ban hanh kem theo) ([a-z ]{4,20}?) so|([a-z]{2,7} [a-z]{2,7}) nay\b)"));
    for (const auto& m : ctx.find_all(self)) {
        std::size_t g = m.has(0) ? 0 : 1;
        const DocumentType* t =
            document_type_titled(std::string_view(ctx.folded).substr(m.groups[g].first, m.groups[g].second - m.groups[g].first));
        if (!t) continue;
        r.doc_type = {t->id, ctx.evidence(m.begin)};
        r.doc_type.confidence = kInferredConfidence;
        return;
    }
    // No header was seen: "other" is a guess, not a reading.
    r.doc_type = {"other", std::nullopt};
    r.doc_type.confidence = kInferredConfidence;
}

}  // namespace

// "Số: 575 /UBND-KTTH" at a line's start: the blank (group 1) and the symbol (2).
const RE2& number_line() {
    // A legal normative document's number carries its year: "Số: 20/2019/QĐ-TTg".
    static const Pattern re(R"(^so\s*[:.]?\s*([^/\n:]{0,12}?)\s*/\s*(?:((?:19|20)\d\d)\s*/\s*)?([a-z&]+(?:\s*-\s*[a-z&]+)*))");
    return re;
}

bool is_motto(std::string_view folded_line) {
    return folded_line.find("cong hoa xa hoi chu nghia") != std::string_view::npos ||
           folded_line.find("doc lap - tu do") != std::string_view::npos;
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '-')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == ':' || s.back() == '.')) s.remove_suffix(1);
    return s;
}

const char* type_of_title(std::string_view folded) {
    const DocumentType* t = document_type_titled(folded);
    return t ? t->id.c_str() : nullptr;
}

// The year of the Week, in order of preference (docs/fields.md): "Tuần lễ … năm
// YYYY"; the year of the Week's full dates ("từ ngày 01/10/2023 đến ngày
// 07/10/2023"); any "năm 20YY". The evidence is where the year was read.
int find_year(const FlowText& flow, Evidence* evidence) {
    static const Pattern week_year(spaced(std::string(kWeekNameVi) + R"(\s+(?:[a-z ]{0,40}\s)?nam\s+(\d{4}))"));
    static const Pattern any_year(R"(nam\s+(20[0-9]{2}))");
    // An English edition: "Lifelong Learning (Response) Week in 2024", "in 2024".
    static const Pattern english_week_year(spaced(R"(lifelong learning (?:response )?week(?:\s+(?:in|of))?\s+(20[0-9]{2})(?:[^0-9]|$))"));
    // Or the year before the name: "the 2024 Lifelong Learning Response Week".
    static const Pattern english_year_week(spaced(R"((?:^|[^0-9])(20[0-9]{2}) lifelong learning (?:response )?week)"));
    static const Pattern english_any_year(R"((?:^|[^a-z])in\s+(20[0-9]{2})(?:[^0-9]|$))");
    re2::StringPiece text(flow.folded()), year;
    auto found = [&](const RE2& re) {
        re2::StringPiece input = text;
        if (!RE2::FindAndConsume(&input, re, &year)) return 0;
        if (evidence) *evidence = flow.evidence_at(static_cast<std::size_t>(year.data() - text.data()));
        return std::stoi(std::string(year));
    };
    const std::string& f = flow.folded();
    bool english = reads_as_english(f);
    if (int y = found(week_year)) return y;
    if (english)
        for (const Pattern* re : {&english_week_year, &english_year_week})
            if (int y = found(*re)) return y;
    for (const auto& range : find_date_ranges(f, find_dates(f, 0))) {
        const VnDate& a = range.first.date;
        if (a.year == 0 || a.year_inferred || (a.month != 9 && a.month != 10)) continue;
        std::size_t from = range.begin > 400 ? range.begin - 400 : 0;
        re2::StringPiece near(f.data() + from, std::min(f.size(), range.end + 400) - from);
        if (!RE2::PartialMatch(near, week_mention())) continue;
        if (evidence) *evidence = flow.evidence_at(range.begin);
        return a.year;
    }
    if (int y = found(any_year)) return y;
    return english ? found(english_any_year) : 0;
}

// A web page's post carries its byline: the day it was posted with the time of day
// beside it ("Cập nhật: 09:03 | 28/09/2017", "Ngày đăng bài: 01/10/2021 14:37",
// "TNĐT 17:23, 13/11/2023"). A page that is no formal document (no number, no place
// and date) is dated by the first such line near its top; a print control's date
// ("Print Thứ Bảy, 26/01/2019 17:52") is the reader's day, not the post's. Failing
// a byline, the post's credit line dates it.
constexpr int kBylineLines = 8;

bool dated_by_line(const FieldContext& ctx, const FlowText::LineRef& line, Record& r) {
    for (const auto& d : ctx.dates) {
        if (d.begin < line.begin || d.end > line.end || d.date.year_inferred || !d.date.exists()) continue;
        r.date = {d.date, ctx.flow.evidence_of(line)};
        r.date.confidence = line.source->confidence;
        return true;
    }
    return false;
}

// A post's credit line, wherever it stands (often last): the writer and the site
// with the day ("Tô Thành – haiphong.gov.vn 07/09/2018"), a short line that ends
// in a web domain and a full date; an e-mail address or a deadline is no credit.
bool credit_line(std::string_view folded) {
    static const Pattern credit(R"((?:^|\s)(?:[a-z0-9-]+\.)+(?:vn|com|net|org)[\s,;|-]+\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}[\s.]*$)");
    auto words = std::count(folded.begin(), folded.end(), ' ') + 1;
    return words <= 10 && RE2::PartialMatch(re2::StringPiece(folded.data(), folded.size()), credit);
}

// A document that prints the national motto is a formal one, dated by its own
// place-date line even where OCR could not read it.
bool prints_motto(const FieldContext& ctx) {
    return std::any_of(ctx.flow.lines().begin(), ctx.flow.lines().end(), [&](const auto& line) { return is_motto(ctx.folded_line(line)); });
}

void extract_byline_date(const FieldContext& ctx, Record& r) {
    if (r.date.value || r.date.evidence || r.symbol.value) return;
    static const Pattern clock(R"((?:^|[^0-9])\d{1,2}:\d{2}(?:[^0-9]|$))");
    const auto& lines = ctx.flow.lines();
    for (std::size_t i = 0; i < lines.size() && i < static_cast<std::size_t>(kBylineLines); ++i) {
        std::string_view f = ctx.folded_line(lines[i]);
        if (f.find("print") != std::string_view::npos || !RE2::PartialMatch(re2::StringPiece(f.data(), f.size()), clock)) continue;
        if (dated_by_line(ctx, lines[i], r)) return;
    }
    if (prints_motto(ctx)) return;
    for (const auto& line : lines)
        if (credit_line(ctx.folded_line(line)) && dated_by_line(ctx, line, r)) return;
}

void extract_header(const FieldContext& ctx, Record& r) {
    auto lines = header_lines(ctx, r);
    extract_number(ctx, lines, r);
    extract_place_date(ctx, lines, r);
    extract_byline_date(ctx, r);
    extract_type_and_subject(ctx, lines, r);
    extract_issuer(ctx, lines, r);
    extract_province(ctx, r);
    // The year of the week comes from the text (extractor.cpp); failing that, the date.
    if (!r.year.value && r.date.value) r.year = {r.date.value->year, r.date.evidence};
}

}  // namespace congvan::fields
