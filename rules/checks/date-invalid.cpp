#include <fmt/format.h>

#include "rules/registry.h"
#include "rules/check_support.h"

namespace congvan::checks {

namespace {

class DateInvalid : public Rule {
public:
    const char* id() const override { return "date-invalid"; }
    Severity default_severity() const override { return Severity::Error; }
    const char* summary() const override { return "A date that does not exist (31/9, 29/02/2023, 32/10)"; }
    Scope scope() const override { return Scope::AnyDocument; }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        for (const auto& d : ctx.doc.dates) {
            if (d.date.exists()) continue;
            std::string why_vi = d.date.month < 1 || d.date.month > 12
                                     ? fmt::format("không có tháng {}", d.date.month)
                                     : fmt::format("tháng {}/{} chỉ có {} ngày", d.date.month, d.date.year, days_in_month(d.date.month, d.date.year));
            std::string why_en = d.date.month < 1 || d.date.month > 12
                                     ? fmt::format("there is no month {}", d.date.month)
                                     : fmt::format("{}/{} has {} days", d.date.month, d.date.year, days_in_month(d.date.month, d.date.year));
            out.push_back(finding(fmt::format("Ngày {} không tồn tại: {}", d.written, why_vi),
                                  fmt::format("date {} does not exist: {}", d.written, why_en), "a date that exists", d.written,
                                  d.evidence));
        }
    }
};

CONGVAN_REGISTER_RULE(DateInvalid);

}  // namespace

}  // namespace congvan::checks
