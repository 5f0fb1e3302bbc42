#include <fmt/format.h>

#include "rules/registry.h"
#include "rules/check_support.h"

namespace congvan::checks {

namespace {

// Legal bases (decisions, circulars, decrees…) are cited for years; proposals and
// plans for this year's week are not written a year early.
bool is_this_years_paper(const std::string& type) { return type == "to_trinh"; }

class DateImplausible : public Rule {
public:
    const char* id() const override { return "date-implausible"; }
    Severity default_severity() const override { return Severity::Warning; }
    const char* summary() const override {
        return "A date in the wrong year for its role, a cited document dated after the citing one, a proposal dated a year too early";
    }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        check_role_years(ctx, out);
        check_citations(ctx, out);
        check_report_before_week_end(ctx, out);
    }

private:
    void role_year(const CheckContext& ctx, const char* role_vi, const char* role_en, const std::optional<VnDate>& date,
                   const std::optional<Evidence>& evidence, std::vector<Finding>& out) const {
        int year = ctx.doc.year.value.value_or(0);
        if (!year || !date || date->year == year || date->year_inferred) return;
        out.push_back(finding(fmt::format("{} ghi năm {} trong văn bản về Tuần lễ năm {}", role_vi, date->year, year),
                              fmt::format("{} is in {} in a document about the {} week", role_en, date->year, year),
                              std::to_string(year), date->iso(), evidence));
    }

    void check_role_years(const CheckContext& ctx, std::vector<Finding>& out) const {
        const Record& d = ctx.doc;
        if (d.week.value) {
            role_year(ctx, "Ngày bắt đầu Tuần lễ", "the week's first day", d.week.value->start, d.week.evidence, out);
            role_year(ctx, "Ngày kết thúc Tuần lễ", "the week's last day", d.week.value->end, d.week.evidence, out);
        }
        if (d.opening.value) role_year(ctx, "Ngày khai mạc", "the opening", d.opening.value->date, d.opening.evidence, out);
        role_year(ctx, "Hạn báo cáo", "the reporting deadline", d.report_deadline.value, d.report_deadline.evidence, out);
        if (d.doc_type.value != std::optional<std::string>("bao_cao"))
            role_year(ctx, "Ngày ban hành", "the issue date", d.date.value, d.date.evidence, out);
    }

    void check_citations(const CheckContext& ctx, std::vector<Finding>& out) const {
        const Record& d = ctx.doc;
        if (!d.references.value) return;
        int year = d.year.value.value_or(0);
        for (const auto& ref : *d.references.value) {
            if (!ref.date || !ref.date->exists()) continue;
            if (d.date.value && d.date.value->exists() && *d.date.value < *ref.date) {
                out.push_back(finding(fmt::format("Văn bản số {} ngày {} được trích dẫn nhưng ban hành sau văn bản này ({})",
                                                  ref.number, vn_date(*ref.date), vn_date(*d.date.value)),
                                      fmt::format("cited document {} of {} is dated after this document ({})", ref.number,
                                                  vn_date(*ref.date), vn_date(*d.date.value)),
                                      "on or before " + d.date.value->iso(), ref.date->iso(), ref.evidence));
            } else if (year && is_this_years_paper(ref.type) && ref.date->year < year) {
                out.push_back(finding(fmt::format("Tờ trình số {} ghi ngày {}, sớm một năm so với Tuần lễ năm {}", ref.number,
                                                  vn_date(*ref.date), year),
                                      fmt::format("proposal {} is dated {}, a year before the {} week it proposes", ref.number,
                                                  vn_date(*ref.date), year),
                                      std::to_string(year), ref.date->iso(), ref.evidence));
            }
        }
    }

    void check_report_before_week_end(const CheckContext& ctx, std::vector<Finding>& out) const {
        const Record& d = ctx.doc;
        const auto* m = ctx.ministry();
        bool report = d.doc_type.value == std::optional<std::string>("bao_cao");
        std::optional<Week> week = d.week.value ? d.week.value : (m && m->week.known() ? m->week.value : std::nullopt);
        if (!report || !week || !d.date.value || !d.date.value->exists() || !(*d.date.value < week->end)) return;
        out.push_back(finding(fmt::format("Báo cáo kết quả ngày {} trước khi Tuần lễ kết thúc ({})", vn_date(*d.date.value), vn_date(week->end)),
                              fmt::format("results report dated {} before the week ended ({})", vn_date(*d.date.value), vn_date(week->end)),
                              "after " + week->end.iso(), d.date.value->iso(), d.date.evidence));
    }
};

CONGVAN_REGISTER_RULE(DateImplausible);

}  // namespace

}  // namespace congvan::checks
