#include <fmt/format.h>

#include "rules/registry.h"
#include "rules/check_support.h"

namespace congvan::checks {

namespace {

const char* english_weekday(int d) {
    static const char* names[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    return d >= 1 && d <= 7 ? names[d - 1] : "";
}

class WeekdayMismatch : public Rule {
public:
    const char* id() const override { return "weekday-mismatch"; }
    Severity default_severity() const override { return Severity::Error; }
    const char* summary() const override { return "A stated weekday is not the weekday of its date"; }
    Scope scope() const override { return Scope::AnyDocument; }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        for (const auto& d : ctx.doc.dates) {
            if (!d.stated_weekday || !d.date.exists()) continue;
            int actual = iso_weekday(d.date);
            if (actual == *d.stated_weekday) continue;
            out.push_back(finding(
                fmt::format("Ngày {} là {}, không phải {}", d.written, weekday_name(actual), d.weekday_written),
                fmt::format("{} is a {}, not {} ({})", d.written, english_weekday(actual), d.weekday_written,
                            english_weekday(*d.stated_weekday)),
                weekday_name(actual), d.weekday_written, d.evidence));
        }
    }
};

CONGVAN_REGISTER_RULE(WeekdayMismatch);

}  // namespace

}  // namespace congvan::checks
