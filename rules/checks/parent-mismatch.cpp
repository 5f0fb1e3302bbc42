// A plan compared with the instruction it carries out, where that instruction is
// among the documents checked with it and the Ministry's record says nothing of the
// value: a year the Ministry's records do not cover is audited link by link down
// the chain (docs/rules/parent-mismatch.md, docs/chain.md).
#include "rules/check_support.h"
#include "rules/library.h"
#include "rules/registry.h"

namespace congvan::checks {

namespace {

// Words one character off that a theme read by OCR on either side may differ by
// (theme-mismatch's default `misread-words`).
constexpr int kMisreadWords = 2;

// Either side read by OCR: the document's line, or the parent's reading.
template <typename T, typename U>
bool scanned(const Field<T>& mine, const LibraryValue<U>& theirs) {
    return (mine.evidence && mine.evidence->confidence < 100) || theirs.sureness < 100;
}

class ParentMismatch : public Rule {
public:
    const char* id() const override { return "parent-mismatch"; }
    Severity default_severity() const override { return Severity::Warning; }
    const char* summary() const override {
        return "The week or theme differs from the instruction the document carries out, checked with it, where the Ministry's record "
               "gives none";
    }
    AppliesTo applies_to() const override { return AppliesTo::week_documents(); }
    bool reads_library() const override { return true; }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        if (!ctx.library || !ctx.doc.references.value) return;
        const LibraryDocument* parent = instruction_carried_out(*ctx.library, ctx.doc);
        if (!parent) return;
        const MinistryRecord* m = ctx.ministry();
        // Where the Ministry's record gives the value, week-mismatch and
        // theme-mismatch compare with it: the authority, not the link above.
        if (!(m && m->week.known())) check_week(ctx.doc, *parent, out);
        if (!(m && m->theme.known())) check_theme(ctx.doc, *parent, out);
    }

private:
    void check_week(const Record& doc, const LibraryDocument& p, std::vector<Finding>& out) const {
        if (!doc.week.value || !p.week.value) return;
        const Week& mine = *doc.week.value;
        const Week& theirs = *p.week.value;
        if (mine.start == theirs.start && mine.end == theirs.end) return;
        Finding f = finding_on(doc.week,
                               say("week", {{"found", render(period_value(mine))},
                                            {"expected", render(period_value(theirs))},
                                            {"file", p.file},
                                            {"line", std::to_string(p.week.line)}}),
                               period_value(theirs), period_value(mine));
        f.read_confidence = std::min(doc.week.sureness(), p.week.sureness);
        if (scanned(doc.week, p.week) && one_character_apart(render(period_value(mine)).en, render(period_value(theirs)).en))
            f.add_doubt(Doubt::PossibleMisread);
        out.push_back(std::move(f));
    }

    void check_theme(const Record& doc, const LibraryDocument& p, std::vector<Finding>& out) const {
        if (!doc.theme.value || !p.theme.value || same_words(*p.theme.value, *doc.theme.value)) return;
        bool cut = (!doc.themes.empty() && doc.themes.front().cut) || p.theme_cut;
        Finding f = finding_on(
            doc.theme,
            say("theme", {{"diff", word_diff(*p.theme.value, *doc.theme.value)}, {"file", p.file}, {"line", std::to_string(p.theme.line)}}),
            text_value(*p.theme.value), text_value(*doc.theme.value));
        f.read_confidence = std::min(doc.theme.sureness(), p.theme.sureness);
        if (scanned(doc.theme, p.theme) && misread_only(*p.theme.value, *doc.theme.value, kMisreadWords))
            f.add_doubt(Doubt::PossibleMisread);
        if (cut) f.add_doubt(Doubt::PossibleExcerpt);  // a quotation a cut text ends inside
        out.push_back(std::move(f));
    }
};

CONGVAN_REGISTER_RULE(ParentMismatch);

}  // namespace

}  // namespace congvan::checks
