// A citation of a document that is itself among the files checked: the chain of
// instructions is audited link by link, the citation against the cited document's
// own header (docs/rules/citation-mismatch.md, docs/chain.md).
#include <algorithm>

#include "rules/check_support.h"
#include "rules/library.h"
#include "rules/registry.h"
#include "text/normalize.h"
#include "text/vocabulary.h"

namespace congvan::checks {

namespace {

std::string type_name(const std::string& id) {
    const DocumentType* t = document_type(id);
    return t ? t->name : id;
}

class CitationMismatch : public Rule {
public:
    const char* id() const override { return "citation-mismatch"; }
    Severity default_severity() const override { return Severity::Warning; }
    const char* summary() const override {
        return "A citation whose symbol, date or type differs from the cited document's own header, the cited document being among the "
               "files checked";
    }
    AppliesTo applies_to() const override { return AppliesTo::every_document(); }
    bool reads_library() const override { return true; }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        if (!ctx.library || !ctx.doc.references.value) return;
        for (const auto& cited : *ctx.doc.references.value)
            if (const LibraryDocument* d = ctx.library->resolve(cited, ctx.doc)) compare(cited, *d, out);
    }

private:
    void compare(const CitedDocument& cited, const LibraryDocument& r, std::vector<Finding>& out) const {
        bool scanned = cited.evidence.confidence < 100 || r.number.sureness < 100;
        std::vector<MessageArg> where{{"file", r.file}, {"line", std::to_string(r.number.line)}, {"cited", cited.number}};
        auto add = [&](const char* what, Value expected, Value found, double sureness, bool misread) {
            Finding f = finding(say(what, where), std::move(expected), std::move(found), cited.evidence);
            f.read_confidence = std::min(sureness, cited.evidence.confidence);
            if (misread) f.add_doubt(Doubt::PossibleMisread);
            out.push_back(std::move(f));
        };
        const std::string& number = *r.number.value;
        auto parts = symbol_components(cited.number);
        // A difference OCR alone could make (one character, on a side OCR read) is a possible misread.
        if (!same_number(number, cited.number))
            add("symbol", symbol_value(number), symbol_value(cited.number), r.number.sureness,
                scanned && one_character_apart(number, cited.number));
        if (!(*cited.date == *r.date.value))
            add("date", date_value(*r.date.value), date_value(*cited.date), r.date.sureness,
                scanned && one_character_apart(vn_date(*r.date.value), vn_date(*cited.date)));
        // A type named against the citation's own type code is symbol-malformed's.
        bool coded = std::any_of(parts.begin(), parts.end(), [](const std::string& p) { return document_type_coded(fold_string(p)); });
        if (names_type(cited) && r.doc_type.value && cited.type != *r.doc_type.value && !coded)
            add("type", text_value(type_name(*r.doc_type.value)), text_value(type_name(cited.type)), r.doc_type.sureness, false);
    }
};

CONGVAN_REGISTER_RULE(CitationMismatch);

}  // namespace

}  // namespace congvan::checks
