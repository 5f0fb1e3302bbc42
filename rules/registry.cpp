#include "registry.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace congvan {

RuleRegistry& RuleRegistry::mutable_instance() {
    static RuleRegistry registry;  // built on first use: registrations run before main
    return registry;
}

const RuleRegistry& RuleRegistry::instance() { return mutable_instance(); }

void RuleRegistry::add(std::unique_ptr<Rule> rule) {
    auto& rules = mutable_instance().rules_;
    if (mutable_instance().find(rule->id())) {
        std::fprintf(stderr, "congvan: two rules are registered as '%s'\n", rule->id());
        std::abort();
    }
    auto at = std::lower_bound(rules.begin(), rules.end(), rule->id(),
                               [](const std::unique_ptr<Rule>& r, const std::string& id) { return r->id() < id; });
    rules.insert(at, std::move(rule));
}

const Rule* RuleRegistry::find(const std::string& id) const {
    for (const auto& rule : rules_)
        if (id == rule->id()) return rule.get();
    return nullptr;
}

}  // namespace congvan
