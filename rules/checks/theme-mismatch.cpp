#include <fmt/format.h>

#include "rules/registry.h"
#include "extract/edit_distance.h"
#include "extract/normalize.h"
#include "rules/check_support.h"

namespace congvan::checks {

namespace {

// Below this OCR confidence a one-word difference may be the scanner's, not the
// author's: the rule says so as info instead of an error.

// On a scanned line, the same words but for one character in a word or two
// ("kỷ nguyên s6" for "số") is what OCR does, not what authors do.
bool misread_only(const std::string& expected, const std::string& found) {
    auto a = comparison_words(expected), b = comparison_words(found);
    if (a.size() != b.size()) return false;
    int changed = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] == b[i]) continue;
        if (edit_distance<char>(fold_string(a[i]), fold_string(b[i])) > 1) return false;
        ++changed;
    }
    return changed <= 2;
}

class ThemeMismatch : public Rule {
public:
    const char* id() const override { return "theme-mismatch"; }
    Severity default_severity() const override { return Severity::Error; }
    const char* summary() const override { return "The week's theme differs from the Ministry's theme for that year"; }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        const auto* m = ctx.ministry();
        if (!m || !ctx.doc.theme.value) return;
        const std::string& theme = *ctx.doc.theme.value;
        if (m->theme.known()) check_against_theme(ctx, *m, theme, out);
        else if (m->suggestions_exhaustive) check_against_suggestions(ctx, *m, theme, out);
    }

private:
    void check_against_theme(const CheckContext& ctx, const MinistryRecord& m, const std::string& theme,
                             std::vector<Finding>& out) const {
        if (same_words(*m.theme.value, theme)) return;
        std::string diff = word_diff(*m.theme.value, theme);
        auto f = finding_on(ctx.doc.theme, fmt::format("Chủ đề khác chủ đề của Bộ năm {}: {}{}", m.year, diff, confidence_note_vi(m.theme.confidence)),
                            fmt::format("theme differs from the Ministry's {} theme: {}{}", m.year, diff, confidence_note_en(m.theme.confidence)),
                            *m.theme.value, theme, m.theme.confidence);
        f.severity = severity_for(f.severity, m.theme.confidence);
        if (ctx.doc.theme.evidence && ctx.doc.theme.evidence->confidence < 100.0 && misread_only(*m.theme.value, theme)) {
            f.severity = Severity::Info;
            f.message_vi += " (độ tin cậy OCR thấp: có thể do nhận dạng sai)";
            f.message_en += " (low OCR confidence: may be a misread)";
        }
        out.push_back(std::move(f));
    }

    void check_against_suggestions(const CheckContext& ctx, const MinistryRecord& m, const std::string& theme,
                                   std::vector<Finding>& out) const {
        for (const auto& s : m.suggested_themes)
            if (same_words(s, theme)) return;
        std::string all;
        for (const auto& s : m.suggested_themes) all += (all.empty() ? "" : " | ") + s;
        auto f = finding_on(ctx.doc.theme, fmt::format("Chủ đề không thuộc các chủ đề Bộ gợi ý năm {}{}", m.year, confidence_note_vi(m.themes_confidence)),
                            fmt::format("theme is not one of the Ministry's {} suggestions{}", m.year, confidence_note_en(m.themes_confidence)),
                            all, theme, m.themes_confidence);
        f.severity = severity_for(f.severity, m.themes_confidence);
        out.push_back(std::move(f));
    }
};

CONGVAN_REGISTER_RULE(ThemeMismatch);

}  // namespace

}  // namespace congvan::checks
