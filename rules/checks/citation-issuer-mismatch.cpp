// A citation names who issued the cited document ("Công văn số 4342/BGDĐT-GDTX …
// của Sở Giáo dục và Đào tạo"), and Decree 30/2020 (Appendix I) puts the issuer's
// code in the symbol: right after the number for a công văn, after the type code
// for any other type. Where that code is a central body's (the register of
// organisations) and the citation names another body, one of the two is wrong: the
// dispatch was attributed to the wrong link of the chain, or its symbol was copied
// wrong (docs/rules/citation-issuer-mismatch.md).
#include "fields/register.h"
#include "rules/check_support.h"
#include "rules/registry.h"
#include "text/normalize.h"
#include "text/vocabulary.h"

namespace congvan::checks {

namespace {

// The symbol's parts that name its issuer: a công văn's first, another type's
// after its type code (a joint document names several).
std::vector<std::string> issuing_codes(const CitedDocument& cited) {
    auto parts = symbol_components(cited.number);
    if (parts.empty() || cited.number.find('/') == std::string::npos) return {};
    if (document_type_coded(fold_string(parts.front())) != nullptr) return {parts.begin() + 1, parts.end()};
    if (cited.type != "cong_van") return {};  // a type named, its code not where it belongs: symbol-malformed's
    return {parts.front()};
}

class CitationIssuerMismatch : public Rule {
public:
    const char* id() const override { return "citation-issuer-mismatch"; }
    Severity default_severity() const override { return Severity::Warning; }
    const char* summary() const override {
        return "A cited number signed with a central body's code while the citation names another issuer";
    }
    AppliesTo applies_to() const override { return {AppliesTo::Subject::AnyDocument, {}, AppliesTo::Era::Any}; }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        if (!ctx.doc.references.value) return;
        for (const auto& cited : *ctx.doc.references.value)
            if (auto f = mismatch(cited)) out.push_back(std::move(*f));
    }

private:
    std::optional<Finding> mismatch(const CitedDocument& cited) const {
        std::string named = fold_string(cited.issuer);
        auto codes = issuing_codes(cited);
        if (named.empty() || codes.empty()) return std::nullopt;
        const CentralBody* named_body = central_body_opening(named);
        const CentralBody* coded = nullptr;
        for (const auto& code : codes) {
            std::string folded = fold_string(code);
            if (named_body && fold_string(named_body->code) == folded) return std::nullopt;  // it signs with it
            if (!coded) coded = central_body_coded(folded);
        }
        if (!coded || (!named_body && !local_body(named))) return std::nullopt;
        return finding(say("found", {{"number", cited.number}, {"named", cited.issuer}, {"code", coded->code}, {"coded", coded->name}}),
                       text_value(coded->name), text_value(cited.issuer), cited.evidence);
    }

    // A body of a province, district or commune (a Sở, a committee, a Phòng): a
    // generic kind that is not a unit of a central body. "Văn phòng Bộ", "Thanh tra
    // Bộ" and a ministry's Vụ or Cục draft the ministry's dispatches and may be
    // named for them: a name that says "Bộ" is such a unit, and the rule is silent.
    static bool local_body(const std::string& named) {
        const OrganisationKind* kind = body_kind_opening(named);
        if (!kind || !kind->generic || kind->of_parent) return false;
        std::string padded = " " + named + " ";
        return padded.find(" bo ") == std::string::npos;
    }
};

CONGVAN_REGISTER_RULE(CitationIssuerMismatch);

}  // namespace

}  // namespace congvan::checks
