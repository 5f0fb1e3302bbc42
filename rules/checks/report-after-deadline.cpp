#include "rules/check_support.h"
#include "rules/registry.h"

namespace congvan::checks {

namespace {

// The Ministry asks for the Week's results by a day; a report dated after it was late.
class ReportAfterDeadline : public Rule {
public:
    const char* id() const override { return "report-after-deadline"; }
    Severity default_severity() const override { return Severity::Error; }
    const char* summary() const override { return "A report is dated after the Ministry's deadline for reports"; }
    AppliesTo applies_to() const override { return AppliesTo::week_documents({"bao_cao"}); }
    std::vector<RuleOption> options() const override {
        return {{"grace-days", 0, 0, 60, true, "days a report may be dated after the Ministry's deadline without a finding"}};
    }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        const auto* m = ctx.ministry();
        const auto& date = ctx.doc.date;
        if (!m || !m->report_deadline.known() || !date.value || !date.value->exists()) return;
        const VnDate& limit = *m->report_deadline.value;
        if (date.value->serial() - limit.serial() <= option(ctx, "grace-days")) return;
        out.push_back(finding_on(date, say("after", {{"found", vn_date(*date.value)}, {"expected", vn_date(limit)}}),
                                 date_value(limit, Value::Kind::DateOnOrBefore), date_value(*date.value), m->report_deadline.confidence));
    }
};

CONGVAN_REGISTER_RULE(ReportAfterDeadline);

}  // namespace

}  // namespace congvan::checks
