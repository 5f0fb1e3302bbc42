#include <fmt/format.h>

#include "rules/registry.h"
#include "rules/check_support.h"

namespace congvan::checks {

namespace {

std::string span(const Week& w) { return vn_date(w.start) + " – " + vn_date(w.end); }

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
        auto f = finding_on(ctx.doc.week, fmt::format("Thời gian Tuần lễ {} khác thời gian của Bộ năm {}: {}{}", span(found), m->year, span(expected),
                                     confidence_note_vi(m->week.confidence)),
                         fmt::format("week {} differs from the Ministry's {} week {}{}", span(found), m->year, span(expected),
                                     confidence_note_en(m->week.confidence)),
                         expected.start.iso() + "/" + expected.end.iso(), found.start.iso() + "/" + found.end.iso(),
                         m->week.confidence);
        f.severity = severity_for(f.severity, m->week.confidence);
        out.push_back(std::move(f));
    }
};

CONGVAN_REGISTER_RULE(WeekMismatch);

}  // namespace

}  // namespace congvan::checks
