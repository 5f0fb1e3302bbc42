#include <fmt/format.h>

#include "rules/registry.h"
#include "extract/normalize.h"
#include "rules/check_support.h"

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
        check_number(*m, *cited.value, out);
        check_date(*m, *cited.value, out);
    }

private:
    void check_number(const MinistryRecord& m, const CitedDocument& cited, std::vector<Finding>& out) const {
        if (!m.number.known()) return;
        std::string expected = symbol_key(*m.number.value), found = symbol_key(cited.number);
        if (expected == found) return;
        auto f = finding(fmt::format("Số, ký hiệu công văn của Bộ trích dẫn là {}, đúng là {}{}", cited.number, *m.number.value,
                                     confidence_note_vi(m.number.confidence)),
                         fmt::format("cited Ministry dispatch {} should be {}{}", cited.number, *m.number.value,
                                     confidence_note_en(m.number.confidence)),
                         *m.number.value, cited.number, cited.evidence, m.number.confidence);
        f.severity = severity_for(f.severity, m.number.confidence);
        bool scanned = cited.evidence.confidence < 100.0;
        if (scanned && ocr_blind_key(expected) == ocr_blind_key(found)) {
            f.severity = Severity::Info;
            f.message_vi += " (trang quét: có thể do OCR)";
            f.message_en += " (scanned page: may be OCR)";
        }
        out.push_back(std::move(f));
    }

    void check_date(const MinistryRecord& m, const CitedDocument& cited, std::vector<Finding>& out) const {
        if (!m.date.known() || !cited.date || *cited.date == *m.date.value) return;
        auto f = finding(fmt::format("Ngày công văn của Bộ trích dẫn là {}, đúng là {}{}", vn_date(*cited.date), vn_date(*m.date.value),
                                     confidence_note_vi(m.date.confidence)),
                         fmt::format("cited Ministry dispatch is dated {}, should be {}{}", vn_date(*cited.date), vn_date(*m.date.value),
                                     confidence_note_en(m.date.confidence)),
                         m.date.value->iso(), cited.date->iso(), cited.evidence, m.date.confidence);
        f.severity = severity_for(f.severity, m.date.confidence);
        out.push_back(std::move(f));
    }
};

CONGVAN_REGISTER_RULE(CitedDispatchMismatch);

}  // namespace

}  // namespace congvan::checks
