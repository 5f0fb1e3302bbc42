#include "rules/registry.h"
#include "text/normalize.h"

namespace congvan::checks {

namespace {

// The line after its first `n` words.
std::string without_words(const std::string& line, int n) {
    std::size_t at = 0;
    for (int i = 0; i < n; ++i) {
        at = line.find(' ', at);
        if (at == std::string::npos) return "";
        ++at;
    }
    return line.substr(at);
}

// Decree 30/2020, Appendix I, II (type name and subject): a công văn has no type name;
// its subject stands under its number, after the abbreviation "V/v" ("về việc"),
// not the words spelt out.
class Nd30CongVanSubject : public Rule {
public:
    const char* id() const override { return "nd30-cong-van-subject"; }
    Severity default_severity() const override { return Severity::Warning; }
    const char* summary() const override { return "A công văn's subject line does not start with V/v"; }
    AppliesTo applies_to() const override { return AppliesTo::proofreading_rule({"cong_van"}, AppliesTo::Era::Decree30); }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        const auto& subject = ctx.doc.presentation.subject_line;
        if (!subject) return;
        const std::string& line = subject->text;
        bool spelt_out = fold_string(line).rfind("ve viec ", 0) == 0;
        if (!spelt_out && line.rfind("V/v ", 0) == 0) return;
        std::string expected = "V/v " + without_words(line, spelt_out ? 2 : 1);
        out.push_back(form_finding(say("found", {{"written", line}, {"expected", expected}}), line, expected, subject->evidence));
    }
};

CONGVAN_REGISTER_RULE(Nd30CongVanSubject);

}  // namespace

}  // namespace congvan::checks
