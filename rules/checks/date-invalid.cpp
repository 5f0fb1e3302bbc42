#include "rules/check_support.h"
#include "rules/registry.h"
#include "text/normalize.h"

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
            // A text that gives no year anywhere has dates of no year: 29/02 may be
            // a leap day, and no message speaks of year 0.
            bool no_year = d.date.year == 0;
            bool some_year = d.date.month >= 1 && d.date.month <= 12 && d.date.day >= 1 && d.date.day <= days_in_month(d.date.month, 2000);
            if (no_year && some_year) continue;  // a day some year has: 7/10, 29/02
            std::string month = std::to_string(d.date.month), days = std::to_string(days_in_month(d.date.month, 2001));
            std::string shown = date_after_day_word(d.written);
            Text message = d.date.month < 1 || d.date.month > 12 ? say("no-month", {{"written", shown}, {"month", month}})
                           : no_year ? say("short-month-any-year", {{"written", shown}, {"month", month}, {"days", days}})
                                     : say("short-month", {{"written", shown},
                                                           {"month", month},
                                                           {"year", std::to_string(d.date.year)},
                                                           {"days", std::to_string(days_in_month(d.date.month, d.date.year))}});
            Finding f = finding(std::move(message), rule_value(Value::Kind::ExistingDate), text_value(d.written), d.evidence);
            // On a line OCR read, an impossible day is more often a misread digit
            // (a handwritten 10 read as 40) than the author's (docs/precision.md).
            if (d.evidence.confidence < 100) f.add_doubt(Doubt::PossibleMisread);
            out.push_back(std::move(f));
        }
    }
};

CONGVAN_REGISTER_RULE(DateInvalid);

}  // namespace

}  // namespace congvan::checks
