#include <cctype>

#include "rules/check_support.h"
#include "rules/registry.h"
#include "text/edit_distance.h"
#include "text/normalize.h"
#include "text/vocabulary.h"

namespace congvan::checks {

namespace {

// Type codes of Decree 30/2020 come from the document-type vocabulary; a công văn has none.
std::optional<std::string> code_for(const std::string& type) {
    const DocumentType* t = document_type(type);
    if (!t || t->code.empty()) return std::nullopt;
    return t->code;
}

bool is_type_code(const std::string& component) { return document_type_coded(fold_string(component)) != nullptr; }

// The same unit twice. On a scanned line one character may be misread
// ("GDTrH-GDTTH"), so there a near-equal pair counts as a repeat too.
bool repeats(const std::string& a, const std::string& b, const std::optional<Evidence>& evidence, std::size_t near_length) {
    std::string fa = fold_string(a), fb = fold_string(b);
    if (fa == fb) return true;
    bool scanned = evidence && evidence->confidence < 100.0;
    return scanned && fa.size() >= near_length && edit_distance<char>(fa, fb) <= 1;
}

class SymbolMalformed : public Rule {
public:
    const char* id() const override { return "symbol-malformed"; }
    AppliesTo applies_to() const override { return AppliesTo::every_document(); }
    std::vector<RuleOption> options() const override {
        return {{"near-repeat-length", 4, 2, 20, true,
                 "on a scanned line, two units this long or longer one character apart count as a repeat"}};
    }
    Severity default_severity() const override { return Severity::Warning; }
    const char* summary() const override {
        return "A number/symbol that breaks the pattern: repeated unit, empty part, type code that disagrees with the document type";
    }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        const Record& d = ctx.doc;
        if (d.symbol.value && d.doc_type.value)
            check_one(ctx, d.number.value ? *d.number.value : "/" + *d.symbol.value, *d.doc_type.value, d.symbol.evidence, true, out);
        if (d.references.value)
            // A citation's type is compared with its code only where the citation
            // names it ("văn bản số 45/KH-…" names no type: any may be cited so).
            for (const auto& ref : *d.references.value)
                check_one(ctx, ref.number, citation_names_its_type(ref) ? ref.type : "", ref.evidence, false, out);
    }

private:
    void check_one(const CheckContext& ctx, const std::string& number, const std::string& type, const std::optional<Evidence>& evidence,
                   bool own, std::vector<Finding>& out) const {
        auto parts = symbol_components(number);
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (parts[i].empty()) {
                report(number, say("empty-part"), rule_value(Value::Kind::NoEmptyPart), evidence, out, true);
                return;
            }
            if (i > 0 && repeats(parts[i - 1], parts[i], evidence, static_cast<std::size_t>(option(ctx, "near-repeat-length")))) {
                report(number, say("repeated", {{"part", parts[i]}}), rule_value(Value::Kind::EachPartOnce), evidence, out);
                return;
            }
        }
        const std::string& first = parts.front();
        if (type == "cong_van" && is_type_code(first)) {
            report(number, say("code-on-cong-van", {{"code", first}}), rule_value(Value::Kind::NoTypeCode), evidence, out, true);
        } else if (auto code = code_for(type); code && fold_string(first) != fold_string(*code) && (own || is_type_code(first))) {
            report(number, say("wrong-code", {{"code", first}, {"expected", *code}}), symbol_value(*code), evidence, out, true);
        }
    }

    // `ocr_may_make`: one misread letter of a code (T8 for TB) or a doubled dash
    // makes this fault on a line OCR read; a whole unit repeated it does not.
    void report(const std::string& number, const Text& why, Value expected, const std::optional<Evidence>& evidence,
                std::vector<Finding>& out, bool ocr_may_make = false) const {
        Finding f = finding(say("malformed", {{"number", number}, {"why", why}}), std::move(expected), symbol_value(number), evidence);
        if (ocr_may_make && evidence && evidence->confidence < 100) f.add_doubt(Doubt::PossibleMisread);
        out.push_back(std::move(f));
    }
};

CONGVAN_REGISTER_RULE(SymbolMalformed);

}  // namespace

}  // namespace congvan::checks
