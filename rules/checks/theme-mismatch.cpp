#include "rules/registry.h"

#include <algorithm>

#include "rules/check_support.h"
#include "text/normalize.h"

namespace congvan::checks {

namespace {

// A theme written without one Vietnamese letter that shares few of the Ministry's
// words (folded) is a translation, as an English edition of the news gives it: its
// words are not the Ministry's to compare (docs/rules/theme-mismatch.md).
bool translated(const std::string& expected, const std::string& found) {
    if (std::any_of(found.begin(), found.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) return false;
    auto a = comparison_words(expected), b = comparison_words(found);
    std::size_t shared = 0;
    for (const auto& w : b)
        for (const auto& x : a)
            if (fold_string(w) == fold_string(x)) {
                ++shared;
                break;
            }
    return shared * 2 < b.size();
}

class ThemeMismatch : public Rule {
public:
    const char* id() const override { return "theme-mismatch"; }
    Severity default_severity() const override { return Severity::Error; }
    const char* summary() const override { return "The week's theme differs from the Ministry's theme for that year"; }

    std::vector<RuleOption> options() const override {
        return {{"misread-words", 2, 0, 10, true, "words one character off that a scanned theme may differ by as OCR's, not the author's"},
                {"misread-below", 100, 0, 100, false, "the OCR confidence below which a theme line counts as scanned"}};
    }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        const auto* m = ctx.ministry();
        if (!m || !ctx.doc.theme.value) return;
        const std::string& theme = *ctx.doc.theme.value;
        if (m->theme.known()) check_against_theme(ctx, *m, theme, out);
        else if (m->suggestions_exhaustive) check_against_suggestions(ctx, *m, theme, out);
    }

private:
    void check_against_theme(const CheckContext& ctx, const MinistryRecord& m, const std::string& theme, std::vector<Finding>& out) const {
        bool cut = !ctx.doc.themes.empty() && ctx.doc.themes.front().cut;
        if (same_words(*m.theme.value, theme) || (cut && starts_with_words(*m.theme.value, theme))) return;
        auto f = finding_on(ctx.doc.theme, say("differs", {{"year", std::to_string(m.year)}, {"diff", word_diff(*m.theme.value, theme)}}),
                            text_value(*m.theme.value), text_value(theme), m.theme.confidence);
        const auto& evidence = ctx.doc.theme.evidence;
        if (evidence && evidence->confidence < option(ctx, "misread-below") &&
            misread_only(*m.theme.value, theme, static_cast<int>(option(ctx, "misread-words"))))
            f.add_doubt(Doubt::PossibleMisread);
        if (cut) f.add_doubt(Doubt::PossibleExcerpt);
        if (translated(*m.theme.value, theme)) f.add_doubt(Doubt::PossibleTranslation);
        out.push_back(std::move(f));
    }

    // A cut theme agrees when its words open the Ministry's.
    static bool starts_with_words(const std::string& whole, const std::string& start) {
        auto a = comparison_words(whole), b = comparison_words(start);
        return !b.empty() && b.size() <= a.size() && std::equal(b.begin(), b.end(), a.begin());
    }

    void check_against_suggestions(const CheckContext& ctx, const MinistryRecord& m, const std::string& theme,
                                   std::vector<Finding>& out) const {
        for (const auto& s : m.suggested_themes)
            if (same_words(s, theme)) return;
        out.push_back(finding_on(ctx.doc.theme, say("not-suggested", {{"year", std::to_string(m.year)}}), one_of_value(m.suggested_themes),
                                 text_value(theme), m.themes_confidence));
    }
};

CONGVAN_REGISTER_RULE(ThemeMismatch);

}  // namespace

}  // namespace congvan::checks
