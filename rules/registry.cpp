#include "registry.h"

#include "checks/checks.h"

namespace congvan {

RuleRegistry::RuleRegistry() {
    rules_.push_back(checks::make_cited_dispatch_mismatch());
    rules_.push_back(checks::make_date_implausible());
    rules_.push_back(checks::make_date_invalid());
    rules_.push_back(checks::make_internal_conflict());
    rules_.push_back(checks::make_missing_field());
    rules_.push_back(checks::make_opening_outside_week());
    rules_.push_back(checks::make_report_deadline_late());
    rules_.push_back(checks::make_responsibility_missing());
    rules_.push_back(checks::make_symbol_malformed());
    rules_.push_back(checks::make_theme_mismatch());
    rules_.push_back(checks::make_unsigned_draft());
    rules_.push_back(checks::make_week_mismatch());
    rules_.push_back(checks::make_weekday_mismatch());
}

const RuleRegistry& RuleRegistry::instance() {
    static const RuleRegistry registry;
    return registry;
}

const Rule* RuleRegistry::find(const std::string& id) const {
    for (const auto& rule : rules_)
        if (id == rule->id()) return rule.get();
    return nullptr;
}

}  // namespace congvan
