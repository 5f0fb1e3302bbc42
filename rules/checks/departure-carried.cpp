// A document that departs from the Ministry's week or theme exactly as the
// instruction it carries out does: the departure was carried down the chain from
// that link or one above it, not made here (docs/rules/departure-carried.md,
// docs/chain.md). week-mismatch and theme-mismatch still say the value is wrong;
// this says where the auditor finds where it came from.
#include "rules/check_support.h"
#include "rules/library.h"
#include "rules/registry.h"

namespace congvan::checks {

namespace {

class DepartureCarried : public Rule {
public:
    const char* id() const override { return "departure-carried"; }
    Severity default_severity() const override { return Severity::Info; }
    const char* summary() const override {
        return "The week or theme departs from the Ministry's as the instruction the document carries out, checked with it, does";
    }
    AppliesTo applies_to() const override { return AppliesTo::week_documents(); }
    bool reads_library() const override { return true; }
    bool finds_broken_links() const override { return false; }  // the link is whole: it copied its parent

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        const MinistryRecord* m = ctx.ministry();
        if (!ctx.library || !m) return;
        const LibraryDocument* parent = instruction_carried_out(*ctx.library, ctx.doc);
        if (!parent) return;
        if (m->week.known()) check_week(ctx.doc, *m->week.value, *parent, out);
        if (m->theme.known()) check_theme(ctx.doc, *m->theme.value, *parent, out);
    }

private:
    static bool same_week(const Week& a, const Week& b) { return a.start == b.start && a.end == b.end; }

    void check_week(const Record& doc, const Week& ministry, const LibraryDocument& p, std::vector<Finding>& out) const {
        if (!doc.week.value || !p.week.value) return;
        const Week& mine = *doc.week.value;
        if (same_week(mine, ministry) || !same_week(mine, *p.week.value)) return;
        out.push_back(finding_on(
            doc.week, say("week", {{"found", render(period_value(mine))}, {"file", p.file}, {"line", std::to_string(p.week.line)}}),
            std::nullopt, period_value(mine)));
    }

    void check_theme(const Record& doc, const std::string& ministry, const LibraryDocument& p, std::vector<Finding>& out) const {
        if (!doc.theme.value || !p.theme.value) return;
        const std::string& mine = *doc.theme.value;
        if (same_words(ministry, mine) || !same_words(*p.theme.value, mine)) return;
        out.push_back(finding_on(doc.theme, say("theme", {{"file", p.file}, {"line", std::to_string(p.theme.line)}}), std::nullopt,
                                 text_value(mine)));
    }
};

CONGVAN_REGISTER_RULE(DepartureCarried);

}  // namespace

}  // namespace congvan::checks
