#include <fmt/format.h>

#include "fields/decree30_form.h"
#include "rules/registry.h"

namespace congvan::checks {

namespace {

const std::optional<WrittenLine>& line_named(const Presentation& p, const std::string& name) {
    static const std::optional<WrittenLine> none;
    if (name == "national_name") return p.national_name;
    if (name == "motto") return p.motto;
    if (name == "place_date") return p.place_date;
    if (name == "type_name") return p.type_name;
    return none;
}

// How a line is set, when all its runs agree on it: "13 pt, bold".
std::string described(const TextStyle& s) {
    return fmt::format("{:g} pt{}{}", s.size_pt, s.bold ? ", bold" : "", s.italic ? ", italic" : "");
}

// Decree 30/2020, Appendix I (the table of faces, sizes and styles): the national
// name bold in 12–13 pt, the motto bold in 13–14, the place–date line italic in
// 13–14, the type name bold in 13–14 (corpus/vocabulary/decree30.yaml). Only a
// source that says how every line is set (a Word draft, a born-digital PDF) is
// judged.
class Nd30Style : public Rule {
public:
    const char* id() const override { return "nd30-style"; }
    Severity default_severity() const override { return Severity::Warning; }
    const char* summary() const override {
        return "In a Word draft or born-digital PDF, the national name, motto, place-date line or type name is not set as Appendix I says "
               "(size, bold, italic)";
    }
    AppliesTo applies_to() const override { return AppliesTo::proofreading_rule(); }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        const Presentation& p = ctx.doc.presentation;
        if (!p.styled) return;
        for (const auto& [name, wanted] : decree30_form().styles) {
            const auto& line = line_named(p, name);
            if (!line || line->styles.empty()) continue;
            for (const TextStyle& run : line->styles) {
                bool size_ok = run.size_pt == 0 || wanted.size.holds(run.size_pt);
                if (size_ok && (!wanted.bold || run.bold) && (!wanted.italic || run.italic)) continue;
                std::string expected = fmt::format("{:g}–{:g} pt{}{}", wanted.size.min, wanted.size.max, wanted.bold ? ", bold" : "",
                                                   wanted.italic ? ", italic" : "");
                out.push_back(finding(
                    say("found",
                        {{"line", say("line." + name)}, {"written", line->text}, {"found", described(run)}, {"expected", expected}}),
                    text_value(expected), text_value(described(run)), line->evidence));
                break;  // one finding a line
            }
        }
    }
};

CONGVAN_REGISTER_RULE(Nd30Style);

}  // namespace

}  // namespace congvan::checks
