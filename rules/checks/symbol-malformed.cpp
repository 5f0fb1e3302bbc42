#include <fmt/format.h>

#include "rules/registry.h"
#include "extract/edit_distance.h"
#include "extract/normalize.h"
#include "extract/vocabulary.h"
#include "rules/check_support.h"

namespace congvan::checks {

namespace {

// Type codes of Decree 30/2020 come from the document-type vocabulary; a công văn has none.
std::optional<std::string> code_for(const std::string& type) {
    const DocumentType* t = document_type(type);
    if (!t || t->code.empty()) return std::nullopt;
    return t->code;
}

bool is_type_code(const std::string& component) {
    return document_type_coded(fold_string(component)) != nullptr;
}

// "2005/BC-SGDĐT" → {"BC", "SGDĐT"}; a year part ("07/2018/TT-BTC") is skipped.
std::vector<std::string> components(const std::string& number) {
    std::string symbol = number.substr(number.rfind('/') == std::string::npos ? 0 : number.rfind('/') + 1);
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= symbol.size()) {
        auto dash = symbol.find('-', start);
        if (dash == std::string::npos) dash = symbol.size();
        parts.push_back(symbol.substr(start, dash - start));
        start = dash + 1;
    }
    return parts;
}

// The same unit twice. On a scanned line one character may be misread
// ("GDTrH-GDTTH"), so there a near-equal pair counts as a repeat too.
bool repeats(const std::string& a, const std::string& b, const std::optional<Evidence>& evidence) {
    std::string fa = fold_string(a), fb = fold_string(b);
    if (fa == fb) return true;
    bool scanned = evidence && evidence->confidence < 100.0;
    return scanned && fa.size() >= 4 && edit_distance<char>(fa, fb) <= 1;
}

class SymbolMalformed : public Rule {
public:
    const char* id() const override { return "symbol-malformed"; }
    Scope scope() const override { return Scope::AnyDocument; }
    Severity default_severity() const override { return Severity::Warning; }
    const char* summary() const override {
        return "A number/symbol that breaks the pattern: repeated unit, empty part, type code that disagrees with the document type";
    }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        const Record& d = ctx.doc;
        if (d.symbol.value && d.doc_type.value)
            check_one("/" + *d.symbol.value, *d.doc_type.value, d.symbol.evidence, true, out);
        if (d.references.value)
            for (const auto& ref : *d.references.value) check_one(ref.number, ref.type, ref.evidence, false, out);
    }

private:
    void check_one(const std::string& number, const std::string& type, const std::optional<Evidence>& evidence, bool own,
                   std::vector<Finding>& out) const {
        auto parts = components(number);
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (parts[i].empty()) {
                report(number, "có phần trống", "has an empty part", "no empty part", evidence, out);
                return;
            }
            if (i > 0 && repeats(parts[i - 1], parts[i], evidence)) {
                report(number, "lặp lại " + parts[i], "repeats " + parts[i], "each part once", evidence, out);
                return;
            }
        }
        const std::string& first = parts.front();
        if (type == "cong_van" && is_type_code(first)) {
            report(number, "có mã loại " + first + " nhưng là công văn", "has type code " + first + " on a công văn",
                   "no type code", evidence, out);
        } else if (auto code = code_for(type); code && fold_string(first) != fold_string(*code) && (own || is_type_code(first))) {
            report(number, "có mã loại " + first + ", văn bản loại này dùng " + *code,
                   "has type code " + first + " where this type of document uses " + *code, *code, evidence, out);
        }
    }

    void report(const std::string& number, const std::string& why_vi, const std::string& why_en, const std::string& expected,
                const std::optional<Evidence>& evidence, std::vector<Finding>& out) const {
        out.push_back(finding(fmt::format("Số, ký hiệu {} sai quy cách: {}", number, why_vi),
                              fmt::format("number/symbol {} is malformed: {}", number, why_en), expected, number, evidence));
    }
};

CONGVAN_REGISTER_RULE(SymbolMalformed);

}  // namespace

}  // namespace congvan::checks
