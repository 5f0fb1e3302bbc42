#include "rules/check_support.h"
#include "rules/registry.h"

namespace congvan::checks {

namespace {

class ReportDeadlineLate : public Rule {
public:
    const char* id() const override { return "report-deadline-late"; }
    Severity default_severity() const override { return Severity::Error; }
    const char* summary() const override { return "A deadline to report is later than the Ministry's"; }

    std::vector<RuleOption> options() const override {
        return {{"grace-days", 0, 0, 60, true, "days a province's deadline may be later than the Ministry's without a finding"}};
    }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        const auto* m = ctx.ministry();
        const auto& deadline = ctx.doc.report_deadline;
        if (!m || !m->report_deadline.known() || !deadline.value || !deadline.value->exists()) return;
        const VnDate& limit = *m->report_deadline.value;
        if (deadline.value->serial() - limit.serial() <= option(ctx, "grace-days")) return;
        out.push_back(finding_on(deadline, say("later", {{"found", vn_date(*deadline.value)}, {"expected", vn_date(limit)}}),
                                 date_value(limit, Value::Kind::DateOnOrBefore), date_value(*deadline.value),
                                 m->report_deadline.confidence));
    }
};

CONGVAN_REGISTER_RULE(ReportDeadlineLate);

}  // namespace

}  // namespace congvan::checks
