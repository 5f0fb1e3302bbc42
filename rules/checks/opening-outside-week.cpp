#include "rules/check_support.h"
#include "rules/registry.h"

namespace congvan::checks {

namespace {

// Launch ceremonies a day before or after the week are common and legitimate
// (docs/document-conventions.md, "What real documents do that a checker must expect"), so this
// is a warning for the auditor to weigh, not an error.
class OpeningOutsideWeek : public Rule {
public:
    const char* id() const override { return "opening-outside-week"; }
    Severity default_severity() const override { return Severity::Warning; }
    const char* summary() const override { return "The opening ceremony is dated outside the week"; }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        const auto& opening = ctx.doc.opening.value;
        if (!opening || !opening->date || !opening->date->exists()) return;
        auto [week, whose, confidence] = week_to_use(ctx);
        if (!week || !week->start.exists() || !week->end.exists()) return;
        const VnDate& d = *opening->date;
        long early = week->start.serial() - d.serial(), late = d.serial() - week->end.serial();
        if (early <= option(ctx, "days-before") && late <= option(ctx, "days-after")) return;
        out.push_back(finding_on(ctx.doc.opening,
                                 say("outside", {{"date", vn_date(d)}, {"week", render(period_value(*week))}, {"whose", whose}}),
                                 period_value(*week), date_value(d), confidence));
    }

    std::vector<RuleOption> options() const override {
        return {{"days-before", 0, 0, 30, true, "days before the week an opening may be held without a finding"},
                {"days-after", 0, 0, 30, true, "days after the week an opening may be held without a finding"}};
    }

private:
    // The document's own week when it states one, else the Ministry's.
    std::tuple<std::optional<Week>, Text, std::string> week_to_use(const CheckContext& ctx) const {
        if (ctx.doc.week.value) return {ctx.doc.week.value, message("whose.document"), ""};
        const auto* m = ctx.ministry();
        if (m && m->week.known()) return {m->week.value, message("whose.ministry"), m->week.confidence};
        return {std::nullopt, {}, ""};
    }
};

CONGVAN_REGISTER_RULE(OpeningOutsideWeek);

}  // namespace

}  // namespace congvan::checks
