#include "rules/check_support.h"
#include "rules/registry.h"

namespace congvan::checks {

namespace {

class MissingField : public Rule {
public:
    const char* id() const override { return "missing-field"; }
    Severity default_severity() const override { return Severity::Warning; }
    const char* summary() const override { return "A plan without theme, week, opening or report deadline"; }

    AppliesTo applies_to() const override { return AppliesTo::week_documents({"ke_hoach"}); }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        const Record& d = ctx.doc;
        missing(d, d.theme.present(), "theme", out);
        missing(d, d.week.present(), "week", out);
        missing(d, d.opening.present(), "opening", out);
        missing(d, d.report_deadline.present(), "report_deadline", out);
    }

private:
    // A field is shown missing only by a whole document: one that ends as a
    // document ends, with its signature block and its recipients. Without them the
    // text may be an excerpt (a web page's copy, a cut file), and the field may be
    // in the part not given (docs/precision.md).
    static bool complete(const Record& d) { return d.signer.present() && d.recipients.present(); }

    void missing(const Record& d, bool present, const char* field, std::vector<Finding>& out) const {
        if (present) return;
        Finding f = finding(say("absent", {{"field", render(field_value(field))}}), field_value(field), std::nullopt, document_evidence(d));
        if (!complete(d)) f.add_doubt(Doubt::PossibleExcerpt);
        out.push_back(std::move(f));
    }
};

CONGVAN_REGISTER_RULE(MissingField);

}  // namespace

}  // namespace congvan::checks
