#include "rules/check_support.h"
#include "rules/registry.h"
#include "text/normalize.h"

namespace congvan::checks {

namespace {

class InternalConflict : public Rule {
public:
    const char* id() const override { return "internal-conflict"; }
    Severity default_severity() const override { return Severity::Warning; }
    const char* summary() const override { return "One document gives two values for the same thing"; }
    AppliesTo applies_to() const override { return AppliesTo::every_document(); }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        check_same_number_two_dates(ctx.doc, out);
        check_annex_date(ctx.doc, out);
        check_two_themes(ctx.doc, out);
    }

private:
    void check_same_number_two_dates(const Record& d, std::vector<Finding>& out) const {
        if (!d.references.value) return;
        const auto& refs = *d.references.value;
        for (std::size_t i = 0; i < refs.size(); ++i)
            for (std::size_t j = i + 1; j < refs.size(); ++j) {
                if (fold_string(refs[i].number) != fold_string(refs[j].number) || !refs[i].date || !refs[j].date ||
                    *refs[i].date == *refs[j].date)
                    continue;
                out.push_back(finding(
                    say("two-dates", {{"number", refs[i].number}, {"first", vn_date(*refs[i].date)}, {"second", vn_date(*refs[j].date)}}),
                    date_value(*refs[i].date), date_value(*refs[j].date), refs[j].evidence));
            }
    }

    // "(Kèm theo Báo cáo số 2005/BC-SGDĐT ngày 28/10/2021)" under a header dated 27/10.
    void check_annex_date(const Record& d, std::vector<Finding>& out) const {
        if (!d.date.value) return;
        for (const auto& self : d.self_references) {
            if (!self.date || *self.date == *d.date.value) continue;
            out.push_back(finding(say("annex-date", {{"header", vn_date(*d.date.value)}, {"other", vn_date(*self.date)}}),
                                  date_value(*d.date.value), date_value(*self.date), self.evidence));
        }
    }

    void check_two_themes(const Record& d, std::vector<Finding>& out) const {
        if (d.themes.size() < 2) return;
        const auto& first = d.themes.front();
        for (std::size_t i = 1; i < d.themes.size(); ++i) {
            if (same_words(first.text, d.themes[i].text)) continue;
            out.push_back(finding(say("two-themes", {{"diff", word_diff(first.text, d.themes[i].text)}}), text_value(first.text),
                                  text_value(d.themes[i].text), d.themes[i].evidence));
        }
    }
};

CONGVAN_REGISTER_RULE(InternalConflict);

}  // namespace

}  // namespace congvan::checks
