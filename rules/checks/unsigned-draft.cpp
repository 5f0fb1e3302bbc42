#include "checks.h"

namespace congvan::checks {

namespace {

// A blank number or day is how a draft or an unsigned copy looks (Decree 30/2020):
// worth knowing, not an error in the text.
class UnsignedDraft : public Rule {
public:
    const char* id() const override { return "unsigned-draft"; }
    Severity default_severity() const override { return Severity::Info; }
    const char* summary() const override { return "The number or the day is left blank: a draft or an unsigned copy"; }
    Scope scope() const override { return Scope::AnyDocument; }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        const Record& d = ctx.doc;
        if (d.number.evidence && !d.number.value)
            out.push_back(finding("Số văn bản để trống: bản dự thảo hoặc bản chưa ký", "the number is blank: a draft or unsigned copy",
                                  "a number", d.number.evidence->text, d.number.evidence));
        if (d.date.evidence && !d.date.value)
            out.push_back(finding("Ngày ban hành để trống: bản dự thảo hoặc bản chưa ký", "the day is blank: a draft or unsigned copy",
                                  "a date", d.date.evidence->text, d.date.evidence));
    }
};

}  // namespace

std::unique_ptr<Rule> make_unsigned_draft() { return std::make_unique<UnsignedDraft>(); }

}  // namespace congvan::checks
