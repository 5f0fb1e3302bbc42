#include "fields/decree30_form.h"
#include "rules/registry.h"
#include "text/normalize.h"

namespace congvan::checks {

namespace {

// Every character drawn as a short horizontal stroke, as the hyphen.
std::string hyphens_as_hyphen(const std::string& text) {
    std::string out = text;
    for (std::string_view dash : {"\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212", "\uFE63", "\uFF0D"})
        for (auto at = out.find(dash); at != std::string::npos; at = out.find(dash, at + 1)) out.replace(at, dash.size(), "-");
    return out;
}

// Decree 30/2020, Appendix I, II (national name and motto) (and Circular 01/2011 before it): the national
// name in capitals and the motto with its words capitalised and its hyphens spaced,
// exactly. Tone placement is not a difference (HOÀ = HÒA), nor is a dash for the
// hyphen: Word's auto-correct turns " - " into an en dash as the author types, and
// a reader cannot tell them apart on paper (docs/precision.md). A missing space,
// another character or a capital are differences.
class Nd30Motto : public Rule {
public:
    const char* id() const override { return "nd30-motto"; }
    Severity default_severity() const override { return Severity::Warning; }
    const char* summary() const override {
        return "The national name or the motto is not spelt as prescribed: CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM, Độc lập - Tự do - Hạnh phúc";
    }
    AppliesTo applies_to() const override { return AppliesTo::proofreading_rule(); }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        const Presentation& p = ctx.doc.presentation;
        check_line(p.national_name, decree30_form().national_name, out);
        check_line(p.motto, decree30_form().motto, out);
    }

private:
    void check_line(const std::optional<WrittenLine>& line, const std::string& expected, std::vector<Finding>& out) const {
        if (!line || canonical_tones(hyphens_as_hyphen(line->text)) == canonical_tones(expected)) return;
        out.push_back(form_finding(say("found", {{"written", line->text}, {"expected", expected}}), line->text, expected, line->evidence));
    }
};

CONGVAN_REGISTER_RULE(Nd30Motto);

}  // namespace

}  // namespace congvan::checks
