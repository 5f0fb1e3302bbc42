// The header block (Decree 30/2020): issuing body, number and symbol, place and
// date, document type and subject; and the year the document is about.
#include <unicode/unistr.h>

#include <algorithm>
#include <map>

#include "extract/normalize.h"
#include "field_context.h"

namespace congvan::fields {

namespace {

constexpr std::size_t kHeaderLines = 30;

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
    static const std::pair<const char*, const char*> titles[] = {
        {"ke hoach", "ke_hoach"},   {"bao cao", "bao_cao"},     {"quyet dinh", "quyet_dinh"},
        {"to trinh", "to_trinh"},   {"thong bao", "thong_bao"}, {"huong dan", "huong_dan"},
        {"cong van", "cong_van"}};
    for (auto [title, type] : titles)
        if (folded == title) return type;
    return nullptr;
}

const char* type_of_code(std::string_view code) {
    static const std::pair<const char*, const char*> codes[] = {
        {"kh", "ke_hoach"}, {"bc", "bao_cao"}, {"qd", "quyet_dinh"}, {"ttr", "to_trinh"},
        {"tb", "thong_bao"}, {"hd", "huong_dan"}};
    for (auto [c, type] : codes)
        if (code == c) return type;
    return nullptr;
}

// How the first line of an issuing body starts, in the header or over an annex.
const RE2& issuing_body() {
    static const RE2 re(R"(^(?:uy ban nhan dan|ubnd|so giao duc|so gd|bo giao duc|phong giao duc|phong gd|truong|hoi khuyen hoc|bo |so ))");
    return re;
}

std::vector<const FlowText::LineRef*> header_lines(const FieldContext& ctx) {
    std::vector<const FlowText::LineRef*> out;
    for (const auto& line : ctx.flow.lines()) {
        if (out.size() >= kHeaderLines) break;
        out.push_back(&line);
    }
    return out;
}

void extract_number(const FieldContext& ctx, const std::vector<const FlowText::LineRef*>& lines, Record& r) {
    static const RE2 number_re(R"(^so\s*[:.]?\s*(\d*)\s*/\s*([a-z&]+(?:\s*-\s*[a-z&]+)*))");
    for (const auto* line : lines) {
        auto m = ctx.find_first(number_re, line->begin, line->end);
        if (!m || m->begin != line->begin) continue;
        std::string symbol = ctx.original(*m, 1);
        std::erase(symbol, ' ');
        r.symbol = {symbol, ctx.flow.evidence_of(*line)};
        r.number.evidence = ctx.flow.evidence_of(*line);
        if (m->groups[0].second > m->groups[0].first) r.number.value = ctx.original(*m, 0) + "/" + symbol;
        else r.warnings.push_back("number left blank (an unsigned draft): " + line->source->text);
        return;
    }
}

void extract_place_date(const FieldContext& ctx, const std::vector<const FlowText::LineRef*>& lines, Record& r) {
    static const RE2 place_re(R"(^([a-z][a-z .'-]{1,40}?)\s*,\s*ngay\s*(\d{1,2})?\s*thang\s*(\d{1,2})?\s*nam\s*(\d{4}))");
    for (const auto* line : lines) {
        auto m = ctx.find_first(place_re, line->begin, line->end);
        if (!m || m->begin != line->begin) continue;
        Evidence ev = ctx.flow.evidence_of(*line);
        r.place = {ctx.original(*m, 0), ev};
        r.date.evidence = ev;
        auto number = [&](int g) { return std::stoi(std::string(ctx.folded.substr(m->groups[g].first, m->groups[g].second - m->groups[g].first))); };
        if (m->has(1) && m->has(2) && m->groups[1].second > m->groups[1].first && m->groups[2].second > m->groups[2].first)
            r.date.value = VnDate{number(1), number(2), number(3), false};
        else
            r.warnings.push_back("date left blank (an unsigned draft): " + line->source->text);
        return;
    }
}

bool subject_stops(std::string_view folded_line) {
    static const RE2 stop(R"(^(?:kinh gui|can cu|thuc hien|xet |theo |[0-9]+[.)]|[ivx]+\.|-|\+|so\s*:))");
    return RE2::PartialMatch(re2::StringPiece(folded_line.data(), folded_line.size()), stop);
}

std::string subject_from(const FieldContext& ctx, std::size_t first, std::string text) {
    const auto& all = ctx.flow.lines();
    for (std::size_t k = first; k < all.size() && k < first + 3; ++k) {
        if (subject_stops(ctx.folded_line(all[k])) || is_upper_case(all[k].source->text)) break;
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
    r.doc_type = {"other", std::nullopt};
}

// The header names the parent body above the issuing one ("UBND HUYỆN THANH OAI /
// PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"): the issuer is the last body, placed where its parent
// is when it does not say where it is itself.
std::string issuer_of_header(const std::string& joined) {
    std::vector<std::string> bodies;
    std::string folded = fold_string(joined);
    auto words = to_u32(joined);
    std::size_t start = 0;
    for (std::size_t i = 1; i < folded.size(); ++i) {
        if (folded[i - 1] != ' ') continue;
        re2::StringPiece rest(folded.data() + i, folded.size() - i);
        if (RE2::Consume(&rest, issuing_body()) && i > start)
            bodies.push_back(to_utf8(words.substr(start, i - 1 - start))), start = i;
    }
    bodies.push_back(to_utf8(words.substr(start)));
    std::string issuer = issuer_capitalisation(bodies.back());
    if (bodies.size() < 2) return issuer;
    std::string parent = issuer_capitalisation(bodies[bodies.size() - 2]);
    static const RE2 place(R"((?:^| )(tinh|thanh pho|huyen|quan|thi xa) )");
    std::string parent_folded = fold_string(parent);
    re2::StringPiece level;
    if (!RE2::PartialMatch(fold_string(issuer), place) && RE2::PartialMatch(parent_folded, place, &level)) {
        auto p = to_u32(parent);
        issuer += " " + to_utf8(p.substr(static_cast<std::size_t>(level.data() - parent_folded.data())));
    }
    return issuer;
}

void extract_issuer(const FieldContext& ctx, const std::vector<const FlowText::LineRef*>& lines, Record& r) {
    std::string joined;
    std::optional<Evidence> evidence;
    for (const auto* line : lines) {
        std::string_view folded = ctx.folded_line(*line);
        if (folded.rfind("so", 0) == 0 && folded.find('/') != std::string_view::npos) break;
        if (is_motto(folded) || !is_upper_case(line->source->text) || type_of_title(trimmed(folded))) {
            if (!joined.empty()) break;
            continue;
        }
        if (joined.empty() && !RE2::PartialMatch(re2::StringPiece(folded.data(), folded.size()), issuing_body())) continue;
        if (!evidence) evidence = ctx.flow.evidence_of(*line);
        joined += (joined.empty() ? "" : " ") + line->source->text;
    }
    if (joined.empty()) {
        for (const auto& line : ctx.flow.lines()) {
            if (!is_upper_case(line.source->text)) continue;
            std::string_view f = ctx.folded_line(line);
            if (RE2::PartialMatch(re2::StringPiece(f.data(), f.size()), issuing_body())) {
                joined = line.source->text;
                evidence = ctx.flow.evidence_of(line);
                break;
            }
        }
    }
    if (joined.empty()) {
        static const RE2 acting(spaced(R"((bo giao duc va dao tao|so giao duc va dao tao|uy ban nhan dan tinh)\s*(?:\([^)]*\)\s*)?(?:de nghi|bao cao|ban hanh))"));
        if (auto m = ctx.find_first(acting)) {
            r.issuer = {expand_body_abbreviations(ctx.original(*m, 0)), ctx.evidence(m->begin)};
        }
        return;
    }
    r.issuer = {issuer_of_header(joined), evidence};
    // A school's header names its province only in the parent body's line.
    if (auto p = province_named_in(fold_string(joined))) r.province = {*p, evidence};
}

void extract_province(const FieldContext& ctx, Record& r) {
    if (r.province.value) {
        if (r.issuer.value && r.issuer.value->ends_with("tỉnh")) *r.issuer.value += " " + *r.province.value;
        return;
    }
    if (r.issuer.value) {
        std::string f = fold_string(*r.issuer.value);
        if (f.rfind("bo ", 0) == 0) return;  // a ministry speaks for no province
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
    static const RE2 in_body(R"((?:tinh|thanh pho)\s+([a-z]+(?:\s+[a-z]+){1,2}))");
    std::map<std::string, std::pair<int, std::size_t>> counts;
    for (const auto& m : ctx.find_all(in_body))
        if (auto p = province_named_in(ctx.folded.substr(m.groups[0].first, m.groups[0].second - m.groups[0].first))) {
            auto& c = counts[*p];
            if (c.first++ == 0) c.second = m.begin;
        }
    auto best = std::max_element(counts.begin(), counts.end(),
                                 [](const auto& a, const auto& b) { return a.second.first < b.second.first; });
    if (best == counts.end()) return;
    r.province = {best->first, ctx.evidence(best->second.second)};
    if (r.issuer.value && r.issuer.value->ends_with("tỉnh")) *r.issuer.value += " " + best->first;
}

}  // namespace

int find_year(const FlowText& flow, Evidence* evidence) {
    static const RE2 week_year(spaced(R"(tuan le huong ung hoc tap suot doi\s+(?:[a-z ]{0,40}\s)?nam\s+(\d{4}))"));
    static const RE2 any_year(R"(nam\s+(20[0-9]{2}))");
    re2::StringPiece text(flow.folded()), year;
    for (const RE2* re : {&week_year, &any_year}) {
        re2::StringPiece input = text;
        if (RE2::FindAndConsume(&input, *re, &year)) {
            if (evidence) *evidence = flow.evidence_at(static_cast<std::size_t>(year.data() - text.data()));
            return std::stoi(std::string(year));
        }
    }
    return 0;
}

void extract_header(const FieldContext& ctx, Record& r) {
    auto lines = header_lines(ctx);
    extract_number(ctx, lines, r);
    extract_place_date(ctx, lines, r);
    extract_type_and_subject(ctx, lines, r);
    extract_issuer(ctx, lines, r);
    extract_province(ctx, r);
    // The year of the week comes from the text (extractor.cpp); failing that, the date.
    if (!r.year.value && r.date.value) r.year = {r.date.value->year, r.date.evidence};
}

}  // namespace congvan::fields
