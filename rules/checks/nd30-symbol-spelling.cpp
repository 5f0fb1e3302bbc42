#include "rules/registry.h"
#include "text/normalize.h"
#include "text/vocabulary.h"

namespace congvan::checks {

namespace {

std::string without_spaces(std::string text) {
    std::erase(text, ' ');
    return text;
}

// Decree 30/2020, Appendix I, part II (number and symbol) and Appendix III (the type
// codes): the symbol is written without spaces ("812/KH-UBND"), and the type code
// exactly as Appendix III spells it, its Đ and its lower-case letters included
// ("QĐ", "QyĐ", "TTr", "CTr"). A code that names another type is symbol-malformed's.
class Nd30SymbolSpelling : public Rule {
public:
    const char* id() const override { return "nd30-symbol-spelling"; }
    Severity default_severity() const override { return Severity::Warning; }
    const char* summary() const override {
        return "The document's symbol has spaces, or its type code is not spelt as Appendix III spells it (QĐ, QyĐ, TTr, CTr)";
    }
    AppliesTo applies_to() const override { return AppliesTo::proofreading_rule({}, AppliesTo::Era::Decree30); }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        const auto& number = ctx.doc.number;
        if (!number.value || !number.evidence) return;
        std::string written = as_written(number.evidence->text, *number.value);
        std::string expected = with_code_spelt(*number.value, ctx.doc.doc_type.value);
        // A space before the "/" is how a number filled into the blank after signing
        // comes out of a signed PDF or a scan ("507 /UBND-KGVX"): not the clerk's.
        auto slash = written.find('/');
        if (slash != std::string::npos) written = without_spaces(written.substr(0, slash)) + written.substr(slash);
        if (written.empty() || written == expected) return;
        Finding f = finding_on(number, say(written == *number.value ? "code" : "spaces", {{"written", written}, {"expected", expected}}),
                               symbol_value(expected), symbol_value(written));
        // OCR reads Đ as D, and sees spaces in a wide symbol.
        if (number.evidence->confidence < 100) f.add_doubt(Doubt::PossibleMisread);
        if (number.evidence->text.find(written) != std::string::npos) f.fix = Fix{written, expected};
        out.push_back(std::move(f));
    }

private:
    // The number as the line writes it: "Số: 812/KH - UBND" → "812/KH - UBND"; empty
    // when the line does not hold it with or without spaces.
    static std::string as_written(const std::string& line, const std::string& number) {
        auto start = line.find(number.substr(0, number.find('/')));
        if (start == std::string::npos) return "";
        for (std::size_t end = start + 1; end <= line.size(); ++end) {
            std::string candidate = line.substr(start, end - start);
            if (without_spaces(candidate) == number) return candidate;
        }
        return "";
    }

    // The number with its type code as Appendix III spells it, when the code is the
    // document type's own.
    static std::string with_code_spelt(const std::string& number, const std::optional<std::string>& type) {
        const DocumentType* t = type ? document_type(*type) : nullptr;
        auto slash = number.find('/');
        if (!t || t->code.empty() || slash == std::string::npos) return number;
        auto dash = number.find('-', slash);
        std::string code = number.substr(slash + 1, dash == std::string::npos ? std::string::npos : dash - slash - 1);
        if (code == t->code || fold_string(code) != fold_string(t->code)) return number;
        return number.substr(0, slash + 1) + t->code + (dash == std::string::npos ? "" : number.substr(dash));
    }
};

CONGVAN_REGISTER_RULE(Nd30SymbolSpelling);

}  // namespace

}  // namespace congvan::checks
