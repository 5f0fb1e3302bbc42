#include "rules/registry.h"
#include "rules/check_support.h"

namespace congvan::checks {

namespace {

class DateInvalid : public Rule {
public:
    const char* id() const override { return "date-invalid"; }
    Severity default_severity() const override { return Severity::Error; }
    const char* summary() const override { return "A date that does not exist (31/9, 29/02/2023, 32/10)"; }
    AppliesTo applies_to() const override { return AppliesTo::every_document(); }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        for (const auto& d : ctx.doc.dates) {
            if (d.date.exists()) continue;
            Text message = d.date.month < 1 || d.date.month > 12
                               ? say("no-month", {{"written", d.written}, {"month", std::to_string(d.date.month)}})
                               : say("short-month", {{"written", d.written},
                                                     {"month", std::to_string(d.date.month)},
                                                     {"year", std::to_string(d.date.year)},
                                                     {"days", std::to_string(days_in_month(d.date.month, d.date.year))}});
            out.push_back(finding(std::move(message), rule_value(Value::Kind::ExistingDate), text_value(d.written), d.evidence));
        }
    }
};

CONGVAN_REGISTER_RULE(DateInvalid);

}  // namespace

}  // namespace congvan::checks
