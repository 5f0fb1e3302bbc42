#include "rules/check_support.h"
#include "rules/registry.h"

namespace congvan::checks {

namespace {

class WeekdayMismatch : public Rule {
public:
    const char* id() const override { return "weekday-mismatch"; }
    Severity default_severity() const override { return Severity::Error; }
    const char* summary() const override { return "A stated weekday is not the weekday of its date"; }
    AppliesTo applies_to() const override { return AppliesTo::every_document(); }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        for (const auto& d : ctx.doc.dates) {
            // A date of no known year has no known weekday.
            if (!d.stated_weekday || !d.date.exists() || d.date.year == 0) continue;
            int actual = iso_weekday(d.date);
            if (actual == *d.stated_weekday) continue;
            Text stated = render(weekday_value(*d.stated_weekday));
            stated.vi = d.weekday_written;  // as the document wrote it
            stated.en = d.weekday_written + " (" + stated.en + ")";
            Finding f =
                finding(say("differs",
                            {{"written", date_after_day_word(d.written)}, {"actual", render(weekday_value(actual))}, {"stated", stated}}),
                        weekday_value(actual), text_value(d.weekday_written), d.evidence);
            // A misread digit on a line OCR read moves the date, not the author's week.
            if (d.evidence.confidence < 100) f.add_doubt(Doubt::PossibleMisread);
            out.push_back(std::move(f));
        }
    }
};

CONGVAN_REGISTER_RULE(WeekdayMismatch);

}  // namespace

}  // namespace congvan::checks
