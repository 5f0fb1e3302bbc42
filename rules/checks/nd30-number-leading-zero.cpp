#include "text/pattern.h"

#include "rules/registry.h"

namespace congvan::checks {

namespace {

// Decree 30/2020, Appendix I, II (number and symbol): a document's number below 10 is written with a
// leading zero (05/KH-UBND), so that numbers sort and read alike in the register.
class Nd30NumberLeadingZero : public Rule {
public:
    const char* id() const override { return "nd30-number-leading-zero"; }
    Severity default_severity() const override { return Severity::Warning; }
    const char* summary() const override { return "The document's number below 10 is written without its leading zero (05, not 5)"; }
    AppliesTo applies_to() const override { return AppliesTo::proofreading_rule({}, AppliesTo::Era::Decree30); }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        const auto& number = ctx.doc.number;
        if (!number.value) return;
        static const Pattern pattern(R"(([1-9])(/.+))");
        std::string digit, symbol;
        if (!RE2::FullMatch(*number.value, pattern, &digit, &symbol)) return;
        std::string expected = "0" + digit + symbol;
        Finding f = finding_on(number, say("found", {{"number", *number.value}, {"expected", expected}}), symbol_value(expected),
                               symbol_value(*number.value));
        // A zero OCR dropped looks the same as one never typed.
        if (number.evidence && number.evidence->confidence < 100) f.add_doubt(Doubt::PossibleMisread);
        if (number.evidence && number.evidence->text.find(*number.value) != std::string::npos) f.fix = Fix{*number.value, expected};
        out.push_back(std::move(f));
    }
};

CONGVAN_REGISTER_RULE(Nd30NumberLeadingZero);

}  // namespace

}  // namespace congvan::checks
