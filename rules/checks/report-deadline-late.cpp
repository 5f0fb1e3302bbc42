#include <fmt/format.h>

#include "rules/registry.h"
#include "rules/check_support.h"

namespace congvan::checks {

namespace {

class ReportDeadlineLate : public Rule {
public:
    const char* id() const override { return "report-deadline-late"; }
    Severity default_severity() const override { return Severity::Error; }
    const char* summary() const override { return "A deadline to report is later than the Ministry's, or a report is dated after it"; }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        const auto* m = ctx.ministry();
        if (!m || !m->report_deadline.known()) return;
        const VnDate& limit = *m->report_deadline.value;
        const auto& note = m->report_deadline.confidence;
        const auto& deadline = ctx.doc.report_deadline;
        if (deadline.value && deadline.value->exists() && limit < *deadline.value)
            out.push_back(finding_on(deadline,
                fmt::format("Hạn báo cáo {} muộn hơn hạn của Bộ ({}){}", vn_date(*deadline.value), vn_date(limit), confidence_note_vi(note)),
                fmt::format("reporting deadline {} is later than the Ministry's ({}){}", vn_date(*deadline.value), vn_date(limit), confidence_note_en(note)),
                limit.iso(), deadline.value->iso(), note));
        bool report = ctx.doc.doc_type.value == std::optional<std::string>("bao_cao");
        const auto& date = ctx.doc.date;
        if (report && date.value && date.value->exists() && limit < *date.value)
            out.push_back(finding_on(date,
                fmt::format("Báo cáo ngày {} sau hạn báo cáo của Bộ ({}){}", vn_date(*date.value), vn_date(limit), confidence_note_vi(note)),
                fmt::format("report dated {} is after the Ministry's deadline ({}){}", vn_date(*date.value), vn_date(limit), confidence_note_en(note)),
                limit.iso(), date.value->iso(), note));
    }
};

CONGVAN_REGISTER_RULE(ReportDeadlineLate);

}  // namespace

}  // namespace congvan::checks
