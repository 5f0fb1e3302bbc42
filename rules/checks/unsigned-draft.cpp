#include "rules/registry.h"

namespace congvan::checks {

namespace {

// A blank number or day is how a draft or an unsigned copy looks (Decree 30/2020):
// worth knowing, not an error in the text.
class UnsignedDraft : public Rule {
public:
    const char* id() const override { return "unsigned-draft"; }
    Severity default_severity() const override { return Severity::Info; }
    const char* summary() const override { return "The number or the day is left blank: a draft or an unsigned copy"; }
    AppliesTo applies_to() const override { return AppliesTo::every_document(); }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        const Record& d = ctx.doc;
        // A digital signature stamp says the copy was signed, whatever OCR saw.
        if (d.signatures.value) return;
        if (blank(d.number)) out.push_back(finding_on(d.number, say("number"), std::nullopt, text_value(d.number.evidence->text)));
        if (blank(d.date)) out.push_back(finding_on(d.date, say("date"), std::nullopt, text_value(d.date.evidence->text)));
    }

private:
    // Marks that could not be read are not a blank.
    template <typename T>
    static bool blank(const Field<T>& field) {
        return field.blank() && field.sureness() > kUnreadable;
    }
};

CONGVAN_REGISTER_RULE(UnsignedDraft);

}  // namespace

}  // namespace congvan::checks
