#include "extractor.h"

#include <algorithm>

#include "fields/field_context.h"
#include "flow.h"

namespace congvan {

namespace {

// OCR confidence of the weakest line a field was read from: rules stay silent
// when it is too low to tell a typo from a misread.
double weakest_evidence(const Document& doc, const Record& r) {
    double lowest = 100.0;
    auto consider = [&](const std::optional<Evidence>& ev) {
        if (!ev || ev->page < 1 || ev->page > static_cast<int>(doc.pages.size())) return;
        const auto& lines = doc.pages[ev->page - 1].lines;
        if (ev->line >= 1 && ev->line <= static_cast<int>(lines.size()))
            lowest = std::min(lowest, lines[ev->line - 1].confidence);
    };
    consider(r.theme.evidence);
    consider(r.week.evidence);
    consider(r.opening.evidence);
    consider(r.report_deadline.evidence);
    consider(r.instruction.evidence);
    return lowest;
}

}  // namespace

Record extract_record(const Document& doc) {
    Record r;
    r.file = doc.file;
    r.sha256 = doc.sha256;
    FlowText flow(doc);
    int year_hint = fields::find_year(flow, nullptr);
    fields::FieldContext ctx(flow, year_hint);
    fields::extract_header(ctx, r);
    fields::extract_theme(ctx, r);
    fields::extract_timeline(ctx, r);
    fields::extract_citations(ctx, r);
    fields::extract_responsibilities(ctx, r);
    fields::extract_signature_and_recipients(ctx, r);
    fields::extract_statistics(ctx, r);
    r.ocr = std::any_of(doc.pages.begin(), doc.pages.end(), [](const Page& p) { return p.source == PageSource::Ocr; });
    r.min_confidence = weakest_evidence(doc, r);
    return r;
}

}  // namespace congvan
