// Documents of one run that cite the same dispatch differently while the dispatch
// itself is not among the files checked: at most one of them copied it right
// (docs/rules/citation-conflict.md, docs/chain.md).
#include "fields/register.h"
#include "rules/check_support.h"
#include "rules/library.h"
#include "rules/registry.h"
#include "text/normalize.h"

namespace congvan::checks {

namespace {

bool dated(const CitedDocument& c) { return c.date && c.date->year != 0 && !serial_of(c.number).empty(); }

// The same dispatch: its serial, the year it is dated and the issuer named.
bool same_dispatch(const CitedDocument& a, const CitedDocument& b) {
    return dated(a) && dated(b) && serial_of(a.number) == serial_of(b.number) && a.date->year == b.date->year &&
           !fold_string(a.issuer).empty() && fold_string(a.issuer) == fold_string(b.issuer);
}

// Cited differently in exactly one of symbol and day: differing in both, they may
// be two documents of one body (a plan 115 and a dispatch 115).
bool cited_differently(const CitedDocument& a, const CitedDocument& b) {
    bool symbol = !same_number(a.number, b.number), day = !(*a.date == *b.date);
    return symbol != day;
}

// One character apart, on a line OCR read: the difference may be OCR's.
bool ocr_could_make(const CitedDocument& a, const CitedDocument& b) {
    if (a.evidence.confidence >= 100 && b.evidence.confidence >= 100) return false;
    return one_character_apart(a.number + " " + vn_date(*a.date), b.number + " " + vn_date(*b.date));
}

// A local body (a Sở, a committee) is every province's: only documents of one
// province cite the same one.
bool same_body(const CitedDocument& cited, const Record& a, const CitationVariant& b) {
    return central_body_opening(fold_string(cited.issuer)) || same_province(a.province.value, b.province);
}

// "number, date (file)" for each document of the variant but `doc` itself, and how
// many more use it than the variant names.
std::string uses_of(const CitationVariant& v, const Record& doc, long& more) {
    std::string out;
    long named = 0, own = 0;
    for (const auto& d : v.documents) {
        if (d.source == &doc || (!d.sha256.empty() && d.sha256 == doc.sha256)) {
            ++own;
            continue;
        }
        out += (out.empty() ? "" : "; ") + v.cited.number + ", " + vn_date(*v.cited.date) + " (" + d.file + ")";
        ++named;
    }
    more += v.count - named - own;
    return out;
}

// The Ministry's instruction the document is compared with is known: how a
// document cites it is cited-dispatch-mismatch's to say, against the record.
bool the_ministrys(const CheckContext& ctx, const CitedDocument& cited) {
    const MinistryRecord* m = ctx.ministry();
    return m && m->number.value && serial_of(*m->number.value) == serial_of(cited.number) &&
           share_issuing_code(*m->number.value, cited.number);
}

class CitationConflict : public Rule {
public:
    const char* id() const override { return "citation-conflict"; }
    Severity default_severity() const override { return Severity::Warning; }
    const char* summary() const override {
        return "Documents checked together cite one dispatch with different symbols or dates, the dispatch itself not among them";
    }
    AppliesTo applies_to() const override { return AppliesTo::every_document(); }
    bool reads_library() const override { return true; }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        if (!ctx.library || !ctx.doc.references.value) return;
        for (const auto& cited : *ctx.doc.references.value) {
            if (!dated(cited) || the_ministrys(ctx, cited)) continue;
            if (ctx.library->resolve(cited, ctx.doc)) continue;  // the dispatch is here: citation-mismatch's
            std::string variants;
            bool misread = false;
            long more = 0;
            for (const auto& v : ctx.library->variants_of(chain_key(cited.number, cited.date))) {
                // Cited alike to the letter: no variant (and most citations of a
                // dispatch are, so the folding below is spared them).
                if (v.cited.number == cited.number && v.cited.date && *v.cited.date == *cited.date) continue;
                if (!same_body(cited, ctx.doc, v) || !same_dispatch(cited, v.cited) || !cited_differently(cited, v.cited)) continue;
                std::string uses = uses_of(v, ctx.doc, more);
                if (uses.empty()) continue;  // only this document cites it so
                variants += (variants.empty() ? "" : "; ") + uses;
                misread = misread || ocr_could_make(cited, v.cited);
            }
            if (variants.empty()) continue;
            Finding f = finding(say("found", {{"number", cited.number},
                                              {"date", vn_date(*cited.date)},
                                              {"issuer", cited.issuer},
                                              {"others", variants},
                                              {"more", more > 0 ? " (+" + std::to_string(more) + ")" : ""}}),
                                std::nullopt, symbol_value(cited.number), cited.evidence);
            f.read_confidence = cited.evidence.confidence;
            if (misread) f.add_doubt(Doubt::PossibleMisread);
            out.push_back(std::move(f));
        }
    }
};

CONGVAN_REGISTER_RULE(CitationConflict);

}  // namespace

}  // namespace congvan::checks
