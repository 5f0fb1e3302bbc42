#include "rules/check_support.h"
#include "rules/registry.h"
#include "text/normalize.h"

namespace congvan::checks {

namespace {

std::string symbol_key(const std::string& number) {
    std::string key;
    for (char c : fold_string(number))
        if (c != ' ') key += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return key;
}

// What OCR does to a symbol: loses or bends the hyphen, reads T as I or l
// ("BGDĐTGDIX"). Two symbols equal under this are the same to a scanner, and a
// difference on a scanned page is then reported as info, for a person to read.
std::string ocr_blind_key(const std::string& key) {
    std::string out;
    for (char c : key) {
        if (c == '-' || c == '.' || c == '_') continue;
        out += (c == 'I' || c == 'L' || c == '1' || c == '|') ? 'T' : c;
    }
    return out;
}

class CitedDispatchMismatch : public Rule {
public:
    const char* id() const override { return "cited-dispatch-mismatch"; }
    Severity default_severity() const override { return Severity::Error; }
    const char* summary() const override { return "The cited Ministry instruction has a wrong number, symbol or date"; }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        const auto* m = ctx.ministry();
        const auto& cited = ctx.doc.instruction;
        if (!m || !cited.value) return;
        check_number(ctx, *m, *cited.value, out);
        check_date(*m, *cited.value, out);
    }

private:
    std::vector<RuleOption> options() const override {
        return {{"misread-below", 100, 0, 100, false,
                 "a symbol read below this confidence that differs only as OCR makes symbols differ is inconclusive"}};
    }

    void check_number(const CheckContext& ctx, const MinistryRecord& m, const CitedDocument& cited, std::vector<Finding>& out) const {
        if (!m.number.known()) return;
        std::string expected = symbol_key(*m.number.value), found = symbol_key(cited.number);
        if (expected == found) return;
        // Cited by its number alone ("Công văn số 5201", "Official Dispatch No. 5201"):
        // the number agrees, and the symbol not written is no inconsistency.
        if (found.find('/') == std::string::npos && expected.substr(0, expected.find('/')) == found) return;
        auto f = finding(say("number", {{"found", cited.number}, {"expected", *m.number.value}}), symbol_value(*m.number.value),
                         symbol_value(cited.number), cited.evidence, m.number.confidence);
        bool scanned = cited.evidence.confidence < option(ctx, "misread-below");
        if (scanned && ocr_blind_key(expected) == ocr_blind_key(found)) f.add_doubt(Doubt::PossibleMisread);
        out.push_back(std::move(f));
    }

    void check_date(const MinistryRecord& m, const CitedDocument& cited, std::vector<Finding>& out) const {
        if (!m.date.known() || !cited.date || *cited.date == *m.date.value) return;
        out.push_back(finding(say("date", {{"found", vn_date(*cited.date)}, {"expected", vn_date(*m.date.value)}}),
                              date_value(*m.date.value), date_value(*cited.date), cited.evidence, m.date.confidence));
    }
};

CONGVAN_REGISTER_RULE(CitedDispatchMismatch);

}  // namespace

}  // namespace congvan::checks
