#include "rules/check_support.h"
#include "rules/registry.h"

namespace congvan::checks {

namespace {

class WeekMismatch : public Rule {
public:
    const char* id() const override { return "week-mismatch"; }
    Severity default_severity() const override { return Severity::Error; }
    const char* summary() const override { return "The week's first or last day differs from the Ministry's"; }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        const auto* m = ctx.ministry();
        if (!m || !m->week.known() || !ctx.doc.week.value) return;
        const Week& expected = *m->week.value;
        const Week& found = *ctx.doc.week.value;
        if (expected.start == found.start && expected.end == found.end) return;
        out.push_back(finding_on(
            ctx.doc.week,
            say("differs",
                {{"found", render(period_value(found))}, {"year", std::to_string(m->year)}, {"expected", render(period_value(expected))}}),
            period_value(expected), period_value(found), m->week.confidence));
    }
};

CONGVAN_REGISTER_RULE(WeekMismatch);

}  // namespace

}  // namespace congvan::checks
