#include "text/pattern.h"

#include "rules/registry.h"

namespace congvan::checks {

namespace {

// Decree 30/2020, Appendix I, II (place and date of issue): in the place–date line a day below 10 and the
// months 1 and 2 take a leading zero ("ngày 05 tháng 02 năm 2022"), so that a date
// cannot be lengthened by hand after signing ("tháng 1" → "tháng 11").
class Nd30DateLeadingZero : public Rule {
public:
    const char* id() const override { return "nd30-date-leading-zero"; }
    Severity default_severity() const override { return Severity::Warning; }
    const char* summary() const override {
        return "In the place-date line a day below 10, or the month 1 or 2, is written without its leading zero";
    }
    AppliesTo applies_to() const override { return AppliesTo::proofreading_rule({}, AppliesTo::Era::Decree30); }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        const auto& line = ctx.doc.presentation.place_date;
        if (!line) return;
        static const Pattern pattern(R"((ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+\d{4}))");
        std::string written, day, month;
        if (!RE2::PartialMatch(line->text, pattern, &written, &day, &month)) return;
        bool short_day = day.size() == 1 && day != "0";
        bool short_month = month == "1" || month == "2";
        if (!short_day && !short_month) return;
        std::string expected = written;
        RE2::Replace(&expected, R"(ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2}))",
                     "ngày " + std::string(short_day ? "0" : "") + "\\1 tháng " + (short_month ? "0" : "") + "\\2");
        out.push_back(form_finding(say("found", {{"written", written}, {"expected", expected}}), written, expected, line->evidence));
    }
};

CONGVAN_REGISTER_RULE(Nd30DateLeadingZero);

}  // namespace

}  // namespace congvan::checks
