// The lines whose form Decree 30/2020 prescribes (the national name and motto, the
// place–date line, the recipients), as written and as set, and the faces and paper
// of a source that says them (docs/docx.md). The rules compare them with the
// Appendix's forms (docs/rules/nd30-*.md); nothing here judges them.
#include <algorithm>
#include <map>

#include "field_context.h"
#include "reading/pdf_font.h"
#include "text/normalize.h"
#include "text/vocabulary.h"

namespace congvan::fields {

namespace {

// The national name and the motto stand in the header, on page 1, in the first lines.
constexpr int kHeaderLines = 16;

WrittenLine written(const FieldContext& ctx, const FlowText::LineRef& line) {
    WrittenLine w{line.source->text, ctx.flow.evidence_of(line), {}};
    for (const auto& span : line.source->spans) w.styles.push_back(span.style);
    return w;
}

bool starts(std::string_view folded, std::string_view prefix) { return folded.substr(0, prefix.size()) == prefix; }

// The header: page 1's first lines, before "Kính gửi:" or the body.
void find_header_lines(const FieldContext& ctx, Presentation& p) {
    for (const auto& line : ctx.flow.lines()) {
        if (line.page != 1 || line.line > kHeaderLines) break;
        std::string_view folded = ctx.folded_line(line);
        if (starts(folded, "kinh gui")) break;
        if (!p.national_name && starts(folded, "cong hoa xa hoi chu nghia viet nam")) p.national_name = written(ctx, line);
        else if (!p.motto && starts(folded, "doc lap") && folded.find("hanh phuc") != std::string_view::npos) p.motto = written(ctx, line);
        else if (!p.subject_line && (starts(folded, "v/v ") || starts(folded, "ve viec "))) p.subject_line = written(ctx, line);
        else if (!p.type_name && document_type_titled(folded)) p.type_name = written(ctx, line);
    }
}

// Whether `next` continues the entry `entry`: it starts in lower case, or the entry
// has not ended (no ';' or '.'). A line in capitals (the signer's title) does not,
// nor anything but lower case after "Lưu: …", the list's last entry.
bool goes_on(const std::string& entry, std::string_view next) {
    if (starts_lower_case(next)) return true;
    if (is_upper_case(next) || is_kept_copies(entry)) return false;
    return !entry.empty() && entry.back() != ';' && entry.back() != '.';
}

// The entries under "Nơi nhận:": each line that starts with a dash after it, and
// the lines an entry wraps onto.
void find_recipients(const FieldContext& ctx, Presentation& p) {
    const auto& lines = ctx.flow.lines();
    auto heading = std::find_if(lines.begin(), lines.end(), [&](const auto& l) { return starts(ctx.folded_line(l), "noi nhan"); });
    if (heading == lines.end()) return;
    for (auto it = heading + 1; it != lines.end(); ++it) {
        std::string_view text = it->source->text;
        if (text.empty()) continue;
        bool entry = text[0] == '-' || text[0] == '+' || starts(text, "–");
        if (entry) {
            p.recipients.push_back(written(ctx, *it));
            continue;
        }
        if (it->source->column != heading->source->column) continue;  // the signature beside the list
        // An entry that has not ended (no ';' or '.') goes on here, in any case:
        // "- Các sở, ngành: Kế hoạch và Đầu tư, Tài chính," / "Nông nghiệp và …".
        if (p.recipients.empty() || !goes_on(p.recipients.back().text, text)) break;
        p.recipients.back().text += " " + std::string(text);
    }
}

// The faces of a source that says how every line is set (a Word draft, a
// born-digital PDF), most used first. A page read by OCR says nothing of faces, so
// a document with one is not styled; a signature stamp's face is the signing
// service's and is left out.
void find_fonts(const FieldContext& ctx, const Record& r, Presentation& p) {
    std::map<std::string, FontUse> uses;
    bool styled = !ctx.flow.lines().empty();
    for (const auto& line : ctx.flow.lines()) {
        if (line.source->text.empty() || in_stamp(line, r)) continue;
        styled = styled && !line.source->spans.empty();
        for (const auto& span : line.source->spans) {
            if (span.style.font.empty()) continue;
            // One face however it is spelt ("TimesNewRoman" in a PDF's subset, "Times
            // New Roman" beside it); the spaced spelling names it.
            auto [it, fresh] = uses.try_emplace(face_key(span.style.font), FontUse{span.style.font, 0, {}});
            if (fresh) it->second.first = ctx.flow.evidence_of(line);
            else if (span.style.font.size() > it->second.font.size()) it->second.font = span.style.font;
            it->second.characters += span.length;
        }
    }
    p.styled = styled;
    for (auto& [font, use] : uses) p.fonts.push_back(std::move(use));
    std::stable_sort(p.fonts.begin(), p.fonts.end(), [](const FontUse& a, const FontUse& b) { return a.characters > b.characters; });
}

// The last line of the header found on page 1 (its line number), 0 when none is.
int header_end(const Presentation& p) {
    int end = 0;
    for (const auto* line : {&p.national_name, &p.motto, &p.place_date, &p.type_name, &p.subject_line})
        if (*line && (*line)->evidence.page == 1) end = std::max(end, (*line)->evidence.line);
    return end;
}

// The size most of the body's characters are set in: the lines after the header
// and before "Nơi nhận:" (the recipients and the signature have their own sizes),
// a stamp's left out.
void find_body_size(const FieldContext& ctx, const Record& r, Presentation& p) {
    if (!p.styled) return;
    int after = header_end(p);
    std::map<double, SizeUse> sizes;
    std::size_t total = 0;
    for (const auto& line : ctx.flow.lines()) {
        if (line.page == 1 && line.line <= after) continue;
        if (starts(ctx.folded_line(line), "noi nhan")) break;
        if (in_stamp(line, r)) continue;
        for (const auto& span : line.source->spans) {
            if (span.style.size_pt <= 0) continue;
            auto [it, fresh] = sizes.try_emplace(span.style.size_pt, SizeUse{span.style.size_pt, 0, 0, {}});
            if (fresh) it->second.first = ctx.flow.evidence_of(line);
            it->second.characters += span.length;
            total += span.length;
        }
    }
    if (sizes.empty()) return;
    auto most = std::max_element(sizes.begin(), sizes.end(),
                                 [](const auto& a, const auto& b) { return a.second.characters < b.second.characters; });
    p.body_size = most->second;
    p.body_size->of = total;
}

// Where the document's text comes from; one page read by OCR makes the whole a
// reading: a PDF with a scanned page among typed ones is not all the author's text.
std::string origin_of(const Document& doc) {
    switch (doc.kind) {
        case DocumentKind::Docx:
            return "draft";
        case DocumentKind::Text:
            return "plain_text";
        case DocumentKind::Png:
        case DocumentKind::Jpeg:
        case DocumentKind::Tiff:
            return "scan";
        case DocumentKind::Pdf:
            break;
    }
    std::size_t scanned = 0, ocr_layer = 0;
    for (const auto& page : doc.pages) {
        scanned += page.source == PageSource::Ocr;
        ocr_layer += page.made_by_ocr;
    }
    if (scanned > 0) return "scan";
    if (ocr_layer > 0) return "ocr_layer";
    return "born_digital";
}

}  // namespace

bool in_stamp(const FlowText::LineRef& line, const Record& r) {
    if (!r.signatures.value || !line.source->bbox) return false;
    const BBox& b = *line.source->bbox;
    double x = (b.x0 + b.x1) / 2, y = (b.y0 + b.y1) / 2;
    for (const auto& stamp : *r.signatures.value)
        if (stamp.page == line.page && stamp.bbox && x >= stamp.bbox->x0 && x <= stamp.bbox->x1 && y >= stamp.bbox->y0 &&
            y <= stamp.bbox->y1)
            return true;
    return false;
}

bool is_kept_copies(std::string_view entry) {
    auto at = fold_string(entry).find("luu:");
    return at <= 3;  // after the dash and a space (npos is not)
}

void extract_presentation(const FieldContext& ctx, const Document& doc, Record& r) {
    Presentation& p = r.presentation;
    p.origin = origin_of(doc);
    find_header_lines(ctx, p);
    if (r.date.evidence && !r.date.evidence->text.empty()) {
        const Evidence& e = *r.date.evidence;
        for (const auto& line : ctx.flow.lines())
            if (line.page == e.page && line.line == e.line) p.place_date = written(ctx, line);
    }
    find_recipients(ctx, p);
    find_fonts(ctx, r, p);
    find_body_size(ctx, r, p);
    if (!doc.pages.empty()) p.page = doc.pages.front().setup;
}

}  // namespace congvan::fields
