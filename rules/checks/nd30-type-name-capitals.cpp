#include "rules/registry.h"
#include "text/normalize.h"
#include "text/vocabulary.h"

namespace congvan::checks {

namespace {

// Decree 30/2020, Appendix I, II (type name and subject), as Circular 01/2011 before
// it: the name of the document's type stands alone above its subject, in capitals.
class Nd30TypeNameCapitals : public Rule {
public:
    const char* id() const override { return "nd30-type-name-capitals"; }
    Severity default_severity() const override { return Severity::Warning; }
    const char* summary() const override {
        return "The document type's name above the subject is not in capitals (KẾ HOẠCH, not Kế hoạch)";
    }
    AppliesTo applies_to() const override { return AppliesTo::proofreading_rule(); }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        const auto& line = ctx.doc.presentation.type_name;
        if (!line || is_upper_case(line->text)) return;
        const DocumentType* t = document_type_titled(fold_string(line->text));
        if (!t || t->code.empty()) return;  // a công văn has no type name
        std::string expected = to_upper_vi(t->name);
        out.push_back(form_finding(say("found", {{"written", line->text}, {"expected", expected}}), line->text, expected, line->evidence));
    }
};

CONGVAN_REGISTER_RULE(Nd30TypeNameCapitals);

}  // namespace

}  // namespace congvan::checks
