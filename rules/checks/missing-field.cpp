#include <fmt/format.h>

#include "rules/registry.h"
#include "rules/check_support.h"

namespace congvan::checks {

namespace {

class MissingField : public Rule {
public:
    const char* id() const override { return "missing-field"; }
    Severity default_severity() const override { return Severity::Warning; }
    const char* summary() const override { return "A plan without theme, week, opening or report deadline"; }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        const Record& d = ctx.doc;
        if (d.doc_type.value != std::optional<std::string>("ke_hoach")) return;
        missing(d, d.theme.present(), "chủ đề", "theme", out);
        missing(d, d.week.present(), "thời gian Tuần lễ", "week", out);
        missing(d, d.opening.present(), "lễ khai mạc", "opening ceremony", out);
        missing(d, d.report_deadline.present(), "hạn báo cáo", "reporting deadline", out);
    }

private:
    void missing(const Record& d, bool present, const char* vi, const char* en, std::vector<Finding>& out) const {
        if (present) return;
        out.push_back(finding(fmt::format("Kế hoạch không nêu {}", vi), fmt::format("the plan states no {}", en),
                              en, "", document_evidence(d)));
    }
};

CONGVAN_REGISTER_RULE(MissingField);

}  // namespace

}  // namespace congvan::checks
