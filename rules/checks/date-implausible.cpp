#include "rules/check_support.h"
#include "rules/registry.h"
#include "text/vocabulary.h"

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
    }

private:
    // `read`: how sure the reading of the date is, when it is a field of its own (a
    // handwritten day the reader is unsure of makes the finding informative).
    void role_year(const CheckContext& ctx, const char* role, const std::optional<VnDate>& date, const std::optional<Evidence>& evidence,
                   std::vector<Finding>& out, std::optional<double> read = std::nullopt) const {
        int year = ctx.doc.year.value.value_or(0);
        if (!year || !date || date->year == year || date->year_inferred) return;
        Finding f = finding(
            say("role-year",
                {{"role", message(std::string("role.") + role)}, {"found", std::to_string(date->year)}, {"year", std::to_string(year)}}),
            year_value(year), date_value(*date), evidence);
        f.read_confidence = read;
        out.push_back(std::move(f));
    }

    void check_role_years(const CheckContext& ctx, std::vector<Finding>& out) const {
        const Record& d = ctx.doc;
        if (d.week.value) {
            role_year(ctx, "week-start", d.week.value->start, d.week.evidence, out);
            role_year(ctx, "week-end", d.week.value->end, d.week.evidence, out);
        }
        if (d.opening.value) role_year(ctx, "opening", d.opening.value->date, d.opening.evidence, out);
        role_year(ctx, "report-deadline", d.report_deadline.value, d.report_deadline.evidence, out);
        // A report is written after the Week, sometimes in the next year.
        const DocumentType* type = d.doc_type.value ? document_type(*d.doc_type.value) : nullptr;
        if (!type || !type->reports) role_year(ctx, "issue-date", d.date.value, d.date.evidence, out, d.date.sureness());
    }

    void check_citations(const CheckContext& ctx, std::vector<Finding>& out) const {
        const Record& d = ctx.doc;
        if (!d.references.value) return;
        int year = d.year.value.value_or(0);
        for (const auto& ref : *d.references.value) {
            if (!ref.date || !ref.date->exists()) continue;
            if (d.date.value && d.date.value->exists() && *d.date.value < *ref.date) {
                Finding f =
                    finding(say("cited-after", {{"number", ref.number}, {"cited", vn_date(*ref.date)}, {"date", vn_date(*d.date.value)}}),
                            date_value(*d.date.value, Value::Kind::DateOnOrBefore), date_value(*ref.date), ref.evidence);
                // It rests on the document's own date as much as on the citation.
                f.read_confidence = std::min(d.date.sureness(), ref.evidence.confidence);
                out.push_back(std::move(f));
            } else if (year && is_this_years_paper(ref.type) && ref.date->year < year) {
                out.push_back(
                    finding(say("proposal-early", {{"number", ref.number}, {"cited", vn_date(*ref.date)}, {"year", std::to_string(year)}}),
                            year_value(year), date_value(*ref.date), ref.evidence));
            }
        }
    }
};

CONGVAN_REGISTER_RULE(DateImplausible);

}  // namespace

}  // namespace congvan::checks
