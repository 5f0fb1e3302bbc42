#include "rules/check_support.h"
#include "rules/registry.h"

namespace congvan::checks {

namespace {

// A report of the Week's results written before the Week ended reports on what has
// not happened yet: most often a wrong year or month in its date.
class ReportBeforeWeekEnd : public Rule {
public:
    const char* id() const override { return "report-before-week-end"; }
    Severity default_severity() const override { return Severity::Warning; }
    const char* summary() const override { return "A report of the week's results is dated before the week ended"; }
    AppliesTo applies_to() const override { return AppliesTo::week_documents({"bao_cao"}); }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        const Record& d = ctx.doc;
        const auto* m = ctx.ministry();
        std::optional<Week> week = d.week.value ? d.week.value : (m && m->week.known() ? m->week.value : std::nullopt);
        if (!week || !d.date.value || !d.date.value->exists() || !(*d.date.value < week->end)) return;
        out.push_back(finding_on(d.date, say("early", {{"date", vn_date(*d.date.value)}, {"end", vn_date(week->end)}}),
                                 date_value(week->end, Value::Kind::DateAfter), date_value(*d.date.value)));
    }
};

CONGVAN_REGISTER_RULE(ReportBeforeWeekEnd);

}  // namespace

}  // namespace congvan::checks
