#include <fmt/format.h>

#include "fields/decree30_form.h"
#include "reading/pdf_font.h"
#include "rules/registry.h"

namespace congvan::checks {

namespace {

// Decree 30/2020, Appendix I, I (face): documents are set in a Unicode face, Times New
// Roman. Only a source that says every line's face (a Word draft, a born-digital
// PDF) is judged: a scan's face is not guessed.
class Nd30Font : public Rule {
public:
    const char* id() const override { return "nd30-font"; }
    Severity default_severity() const override { return Severity::Warning; }
    const char* summary() const override { return "A Word draft or born-digital PDF set in a face other than Times New Roman"; }
    AppliesTo applies_to() const override { return AppliesTo::proofreading_rule(); }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        const Presentation& p = ctx.doc.presentation;
        if (!p.styled) return;
        const std::string& expected = decree30_form().font;
        for (const auto& use : p.fonts) {
            if (face_key(use.font) == face_key(expected)) continue;
            out.push_back(
                finding(say("found", {{"font", use.font}, {"characters", std::to_string(use.characters)}, {"expected", expected}}),
                        text_value(expected), text_value(use.font), use.first));
        }
    }
};

CONGVAN_REGISTER_RULE(Nd30Font);

}  // namespace

}  // namespace congvan::checks
