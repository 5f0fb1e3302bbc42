#include <fmt/format.h>

#include "fields/decree30_form.h"
#include "rules/registry.h"

namespace congvan::checks {

namespace {

// Decree 30/2020, Appendix I (the table of faces, sizes and styles), "Nội dung văn
// bản": the body in 13 to 14 pt, as Circular 01/2011 said before it. The size most
// of the body's characters are set in is judged, so a table or a note in a smaller
// size is not; only a source that says how every line is set (a Word draft, a
// born-digital PDF) is.
class Nd30BodySize : public Rule {
public:
    const char* id() const override { return "nd30-body-size"; }
    Severity default_severity() const override { return Severity::Warning; }
    const char* summary() const override {
        return "In a Word draft or born-digital PDF, the body text is set in a size outside Appendix I's 13–14 pt";
    }
    AppliesTo applies_to() const override { return AppliesTo::proofreading_rule(); }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        const Presentation& p = ctx.doc.presentation;
        if (!p.styled || !p.body_size) return;
        const auto& wanted = decree30_form().body_size;
        const SizeUse& body = *p.body_size;
        if (wanted.holds(body.size_pt)) return;
        std::string expected = fmt::format("{:g}–{:g} pt", wanted.min, wanted.max);
        std::string found = fmt::format("{:g} pt", body.size_pt);
        out.push_back(finding(say("found", {{"found", found},
                                            {"characters", std::to_string(body.characters)},
                                            {"of", std::to_string(body.of)},
                                            {"expected", expected}}),
                              text_value(expected), text_value(found), body.first));
    }
};

CONGVAN_REGISTER_RULE(Nd30BodySize);

}  // namespace

}  // namespace congvan::checks
