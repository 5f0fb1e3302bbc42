// Cited documents: "Công văn số 4342/BGDĐT-GDTX ngày 07/9/2022 của Bộ Giáo dục và
// Đào tạo", "Kế hoạch số 565 ngày 25/9/2018" (no symbol), "3589/BGDĐT - GDTX"
// (spaces), OCR's lost hyphens. The instruction is the cited Ministry dispatch.
#include "field_context.h"
#include "text/normalize.h"
#include "text/pattern.h"
#include "text/vocabulary.h"

namespace congvan::fields {

namespace {

constexpr std::size_t kIssuerWords = 9;

const char* type_of_citation(std::string_view word) {
    const DocumentType* t = document_type_cited(word);
    return t ? t->id.c_str() : "other";
}

// "của Bộ Giáo dục và Đào tạo về việc …" → "Bộ Giáo dục và Đào tạo".
std::string issuer_after(const FieldContext& ctx, std::size_t from) {
    static const Pattern of_re(R"(^\s*,?\s*(?:cua|of(?:\s+the)?)\s+)");
    static const Pattern stop_re(spaced(
        R"(\s+(?:ve viec|ve|phe duyet|quy dinh|huong dan|ban hanh|theo|nham|on|about|regarding)\s|\s+va (?:ke hoach|cong van|quyet dinh|thong tu|huong dan|van ban)|[,;.:()]|$)"));
    re2::StringPiece rest(ctx.folded.data() + from, std::min<std::size_t>(ctx.folded.size() - from, 200));
    re2::StringPiece input = rest;
    if (!RE2::Consume(&input, of_re)) return {};
    std::size_t start = static_cast<std::size_t>(input.data() - ctx.folded.data());
    auto stop = ctx.find_first(stop_re, start, start + 120);
    std::string issuer = ctx.original(start, stop ? stop->begin : std::min(ctx.folded.size(), start + 120));
    std::size_t words = 0, cut = 0;
    for (std::size_t i = 0; i <= issuer.size(); ++i)
        if (i == issuer.size() || issuer[i] == ' ') {
            if (++words == kIssuerWords) {
                cut = i;
                break;
            }
        }
    if (cut) issuer.resize(cut);
    return expand_body_abbreviations(issuer);
}

// "Ngày 22/9/2021, Sở GDĐT đã ban hành Công văn số 1755/…": the date leads the sentence.
std::optional<VnDate> date_opening_sentence(const FieldContext& ctx, std::size_t citation_begin) {
    static const Pattern lead(spaced(R"((?:^|[.;:]\s|\n)ngay ([0-9/]+)\s*,[^.;]*$)"));
    std::size_t from = citation_begin > 160 ? citation_begin - 160 : 0;
    auto m = ctx.find_first(lead, from, citation_begin);
    if (!m) return std::nullopt;
    const DateMention* d = ctx.date_in(m->groups[0].first, m->groups[0].first + 1);
    return d ? std::optional<VnDate>(d->date) : std::nullopt;
}

bool is_ministry_symbol(std::string_view folded_number) { return folded_number.find("/bgd") != std::string_view::npos; }

// The Ministry's instruction: a dispatch or guidance whose symbol is the Ministry's
// (BGDĐT); a number cited without its symbol ("Official Dispatch No. 5201 … of the
// Ministry of Education and Training") is the Ministry's when the citation says so.
bool is_ministry_instruction(const CitedDocument& doc) {
    if (doc.type != "cong_van" && doc.type != "huong_dan") return false;
    std::string number = fold_string(doc.number);
    if (number.find('/') != std::string::npos) return is_ministry_symbol(number);
    std::string issuer = fold_string(doc.issuer);
    return issuer.starts_with("bo giao duc va dao tao") || issuer.starts_with("ministry of education and training");
}

std::string canonical_number(std::string original) {
    std::erase(original, ' ');
    return original;
}

bool same_document(const CitedDocument& a, const CitedDocument& b) {
    return fold_string(a.number) == fold_string(b.number) && a.type == b.type && (!a.date || !b.date || *a.date == *b.date);
}

// A post that is no formal document (no number of its own, no place and date) and
// says near its top that a body issued or signed one document ("Văn phòng UBND tỉnh
// ban hành Công văn số 2475/VP-KGVX", "vừa ký Quyết định số 1315/QĐ-TTg") reports
// that document: its number is the record's, dated by the post's byline or else by
// the date the sentence gives. Read from a sentence, so inferred (docs/fields.md).
constexpr std::size_t kReportWithin = 1500;

bool reports_issuing(const FieldContext& ctx, std::size_t citation_begin) {
    static const Pattern issued(spaced(R"((?:ban hanh|ky)\s+$)"));
    if (citation_begin > kReportWithin) return false;
    std::size_t from = citation_begin > 40 ? citation_begin - 40 : 0;
    return RE2::PartialMatch(re2::StringPiece(ctx.folded.data() + from, citation_begin - from), issued);
}

void take_reported_document(const CitedDocument& doc, Record& r) {
    if (r.number.value || r.symbol.value || r.place.value || doc.number.find('/') == std::string::npos) return;
    r.number = {doc.number, doc.evidence, kInferredConfidence};
    if (!r.date.value && doc.date && doc.date->exists()) r.date = {*doc.date, doc.evidence, kInferredConfidence};
    if (!r.year.value && r.date.value) r.year = {r.date.value->year, r.date.evidence, kInferredConfidence};
}

}  // namespace

void extract_citations(const FieldContext& ctx, Record& r) {
    static const Pattern citation(spaced(
        R"((?:(cong van|van ban|ke hoach|quyet dinh|to trinh|thong tu|nghi quyet|chi thi|thong bao|huong dan|bao cao|nghi dinh|chuong trinh)\s+so\s*:?\s*)"
        // An English edition's "Official Dispatch No. 5201", "Plan No. 12/KH-UBND".
        R"(|(?:^|[^a-z])(official dispatch|dispatch|plan|decision|directive|circular|guidance)\s+no\.?\s*))"
        // The state's form "2475/VP-KGVX", "01/2016/TTLT-…", or the Party's and the
        // mass organisations' "436-HKK/BPT", "05-HD/VPTW" (docs/fields.md).
        R"(((\d{1,5})(?:\s*-\s*[a-z&]+\s*/\s*[a-z&]+(?:\s*-\s*[a-z&]+)*|\s*/\s*(?:\d{4}\s*/\s*)?[a-z&]+(?:\s*-\s*[a-z&]+)*)?))"));
    std::string own = r.number.value ? fold_string(*r.number.value) : "";
    std::vector<CitedDocument> found;
    std::optional<CitedDocument> reported;
    for (const auto& m : ctx.find_all(citation)) {
        CitedDocument doc;
        auto type_group = m.has(0) ? m.groups[0] : m.groups[1];
        std::string type_words = ctx.folded.substr(type_group.first, type_group.second - type_group.first);
        std::replace(type_words.begin(), type_words.end(), '\n', ' ');
        doc.type = type_of_citation(type_words);
        doc.number = canonical_number(ctx.original(m, 2));
        std::size_t after = m.end;
        // OCR leaves stray marks around "ngày": "ngày ;\n07/9/2022".
        static const Pattern date_lead(R"(^\s*,?\s*(?:ngay|dated(?:\s+on)?)\s*[;:,.]?\s*)");
        re2::StringPiece rest(ctx.folded.data() + after, ctx.folded.size() - after);
        if (RE2::Consume(&rest, date_lead)) {
            std::size_t at = static_cast<std::size_t>(rest.data() - ctx.folded.data());
            // A date in words starts at its own "ngày" ("ngày 14 tháng 9 năm 2022"), a
            // date in figures after it: either begins within the lead.
            if (const DateMention* d = ctx.date_in(after, at + 1)) {
                doc.date = d->date;
                after = d->end;
            }
        }
        if (!doc.date) doc.date = date_opening_sentence(ctx, m.begin);
        doc.issuer = issuer_after(ctx, after);
        doc.evidence = ctx.evidence(m.begin, after);
        if (!reported && reports_issuing(ctx, m.begin)) reported = doc;
        if (!own.empty() && fold_string(doc.number) == own) {
            r.self_references.push_back(doc);
            continue;
        }
        bool seen = std::any_of(found.begin(), found.end(), [&](const CitedDocument& f) { return same_document(f, doc); });
        if (!seen) found.push_back(doc);
    }
    for (const auto& doc : found) {
        if (is_ministry_instruction(doc) && !r.instruction.value) {
            r.instruction = {doc, doc.evidence};
        }
    }
    if (!found.empty()) r.references = {found, found.front().evidence};
    if (reported) take_reported_document(*reported, r);
}

}  // namespace congvan::fields
