#include "extractor.h"

#include "field_context.h"
#include "flow.h"

namespace congvan {

Record extract_record(const Document& doc) {
    Record r;
    r.file = doc.file;
    r.sha256 = doc.sha256;
    FlowText flow(doc);
    Evidence year_evidence;
    int year = fields::find_year(flow, &year_evidence);
    fields::FieldContext ctx(flow, year);
    if (year) r.year = {year, year_evidence};
    // A signature stamp's lines are never the header's: stamps are read first.
    fields::extract_signature_stamps(ctx, r);
    fields::extract_header(ctx, r);
    fields::extract_theme(ctx, r);
    fields::extract_timeline(ctx, r);
    fields::extract_citations(ctx, r);
    fields::extract_responsibilities(ctx, r);
    fields::extract_signature_and_recipients(ctx, r);
    fields::extract_statistics(ctx, r);
    fields::extract_relevance(ctx, r);
    fields::extract_presentation(ctx, doc, r);
    // Read through a conversion: said, so that a reader can check a doubtful letter.
    for (const auto& page : doc.pages)
        if (!page.legacy_encoding.empty())
            r.warnings.push_back("page " + std::to_string(page.number) + ": text typed in " + page.legacy_encoding + ", read into Unicode");
    return r;
}

}  // namespace congvan
