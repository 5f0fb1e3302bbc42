#include <algorithm>

#include "rules/check_support.h"
#include "rules/registry.h"
#include "text/normalize.h"

namespace congvan::checks {

namespace {

bool named_by(const std::string& text, const Agency& agency) {
    std::string f = fold_string(text);
    for (const auto& key : agency.match)
        if (f.find(key) != std::string::npos) return true;
    return false;
}

class ResponsibilityMissing : public Rule {
public:
    const char* id() const override { return "responsibility-missing"; }
    Severity default_severity() const override { return Severity::Warning; }
    const char* summary() const override { return "An agency the Ministry assigns a task to has no task in the plan"; }

    AppliesTo applies_to() const override { return AppliesTo::week_documents({"ke_hoach"}); }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        const auto* m = ctx.ministry();
        const Record& d = ctx.doc;
        if (!m || m->agencies.empty()) return;
        for (const auto& agency : m->agencies) {
            // The issuing body is the one the Ministry addressed: it assigns, it is not assigned.
            if (d.issuer.value && named_by(*d.issuer.value, agency)) continue;
            bool assigned = d.responsibilities.value && std::any_of(d.responsibilities.value->begin(), d.responsibilities.value->end(),
                                                                    [&](const Responsibility& r) { return named_by(r.agency, agency); });
            if (assigned) continue;
            auto where = d.responsibilities.evidence ? d.responsibilities.evidence : document_evidence(d);
            out.push_back(finding(say("no-task", {{"agency", agency.name}, {"year", std::to_string(m->year)}}),
                                  Value{Value::Kind::Agency, agency.name}, std::nullopt, where));
        }
    }
};

CONGVAN_REGISTER_RULE(ResponsibilityMissing);

}  // namespace

}  // namespace congvan::checks
