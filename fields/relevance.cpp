// Whether a document is about the Lifelong Learning Week: the one test that decides
// if the Week's rules apply (docs/relevance.md). A document is about the Week when
// its subject or its body names the Week ("Tuần lễ hưởng ứng học tập suốt đời",
// "Tuần lễ học tập suốt đời"); a plan for a lifelong-learning programme, a decision
// on a learning-society project or any other dispatch is not.
#include "field_context.h"
#include "text/normalize.h"
#include "text/pattern.h"

namespace congvan::fields {

void extract_relevance(const FieldContext& ctx, Record& r) {
    // An English edition names it "Lifelong Learning (Response) Week" (docs/fields.md).
    const RE2& week_name = week_full_name();
    // The full name as each mention writes it, for name-misspelled: matched folded,
    // so a wrong mark ("hướng ứng") is found and kept as written.
    static const Pattern full_name(spaced(R"(tuan le huong ung hoc tap suot doi)"));
    for (const auto& m : ctx.find_all(full_name)) r.week_names.push_back({ctx.original(m.begin, m.end), ctx.evidence(m.begin, m.end)});
    if (r.subject.value && RE2::PartialMatch(fold_string(*r.subject.value), week_name)) {
        r.about_week = {"subject", r.subject.evidence};
        return;
    }
    if (auto m = ctx.find_first(week_name)) {
        r.about_week = {"body", ctx.evidence(m->begin)};
    }
}

}  // namespace congvan::fields
