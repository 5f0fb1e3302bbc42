#include <fmt/format.h>

#include "rules/registry.h"
#include "rules/check_support.h"

namespace congvan::checks {

namespace {

// Launch ceremonies a day before or after the week are common and legitimate
// (docs/domain.md, "What real documents do that a checker must expect"), so this
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
        if (!(d < week->start) && !(week->end < d)) return;
        std::string expected = vn_date(week->start) + " – " + vn_date(week->end);
        out.push_back(finding_on(ctx.doc.opening,
            fmt::format("Lễ khai mạc ngày {} nằm ngoài Tuần lễ ({}, theo {}){}", vn_date(d), expected, whose.first, confidence_note_vi(confidence)),
            fmt::format("opening on {} is outside the week ({}, per {}){}", vn_date(d), expected, whose.second, confidence_note_en(confidence)),
            week->start.iso() + "/" + week->end.iso(), d.iso(), confidence));
    }

private:
    // The document's own week when it states one, else the Ministry's.
    std::tuple<std::optional<Week>, std::pair<std::string, std::string>, std::string> week_to_use(const CheckContext& ctx) const {
        if (ctx.doc.week.value) return {ctx.doc.week.value, {"chính văn bản", "the document itself"}, ""};
        const auto* m = ctx.ministry();
        if (m && m->week.known()) return {m->week.value, {"Bộ", "the Ministry"}, m->week.confidence};
        return {std::nullopt, {}, ""};
    }
};

CONGVAN_REGISTER_RULE(OpeningOutsideWeek);

}  // namespace

}  // namespace congvan::checks
