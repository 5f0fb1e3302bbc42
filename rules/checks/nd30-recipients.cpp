#include "fields/field_context.h"
#include "rules/registry.h"

namespace congvan::checks {

namespace {

// Decree 30/2020, Appendix I, II (recipients): under "Nơi nhận:" each entry is a line
// that starts with a dash and ends with a semicolon; the last, "Lưu: VT, …" (the
// copies kept by the clerical office and the drafting unit), ends with a full stop.
class Nd30Recipients : public Rule {
public:
    const char* id() const override { return "nd30-recipients"; }
    // Informative: a slip of punctuation changes nothing of who receives the document,
    // and real signed documents make it (docs/rules/nd30-recipients.md).
    Severity default_severity() const override { return Severity::Info; }
    const char* summary() const override {
        return "A Nơi nhận entry does not end with a semicolon, or the last (Lưu: VT, …) not with a full stop";
    }
    AppliesTo applies_to() const override { return AppliesTo::proofreading_rule({}, AppliesTo::Era::Decree30); }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        const auto& entries = ctx.doc.presentation.recipients;
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const WrittenLine& entry = entries[i];
            bool keep = fields::is_kept_copies(entry.text);
            // Only the list's own end is judged: an entry after "Lưu" is not the list's.
            if (keep && i + 1 != entries.size()) return;
            char wanted = keep ? '.' : ';';
            if (!entry.text.empty() && entry.text.back() == wanted) continue;
            std::string expected = without_end_mark(entry.text) + wanted;
            // A wrapped entry's text is not its first line's: then there is no fix.
            out.push_back(form_finding(say(keep ? "keep" : "entry", {{"written", entry.text}, {"expected", expected}}), entry.text,
                                       expected, entry.evidence));
        }
    }

private:
    static std::string without_end_mark(std::string text) {
        while (!text.empty() && (text.back() == ';' || text.back() == '.' || text.back() == ',' || text.back() == ' ')) text.pop_back();
        return text;
    }
};

CONGVAN_REGISTER_RULE(Nd30Recipients);

}  // namespace

}  // namespace congvan::checks
