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
    fields::extract_signature_stamps(ctx, r);          // anatomy
    fields::extract_header(ctx, r);                    // anatomy
    fields::extract_theme(ctx, r);                     // campaign
    fields::extract_timeline(ctx, r);                  // both: the dates the text writes, the Week's dates
    fields::extract_citations(ctx, r);                 // both: what the body cites, the instruction carried out
    fields::extract_responsibilities(ctx, r);          // campaign
    fields::extract_signature_and_recipients(ctx, r);  // anatomy
    fields::extract_statistics(ctx, r);                // campaign
    fields::extract_relevance(ctx, r);                 // campaign: whether the Week is its subject
    fields::extract_presentation(ctx, doc, r);         // anatomy
    // Read through a conversion: said, so that a reader can check a doubtful letter.
    for (const auto& page : doc.pages)
        if (!page.legacy_encoding.empty())
            r.warnings.push_back("page " + std::to_string(page.number) + ": text typed in " + page.legacy_encoding + ", read into Unicode");
    return r;
}

}  // namespace congvan
