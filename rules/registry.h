#pragma once
#include <memory>
#include <string>
#include <vector>

#include "rule.h"

namespace congvan {

// All rules, in id order. A rule is one file in rules/checks/ (found by the build)
// that registers its class with CONGVAN_REGISTER_RULE; nothing else lists it. The
// rules library is linked whole, so no registration is dropped by the linker.
class RuleRegistry {
public:
    static const RuleRegistry& instance();
    const std::vector<std::unique_ptr<Rule>>& rules() const { return rules_; }
    const Rule* find(const std::string& id) const;

    // Called by CONGVAN_REGISTER_RULE before main; a second rule with an id
    // already taken stops the program at its start.
    static void add(std::unique_ptr<Rule> rule);

private:
    static RuleRegistry& mutable_instance();
    std::vector<std::unique_ptr<Rule>> rules_;
};

template <typename R>
struct RuleRegistration {
    RuleRegistration() { RuleRegistry::add(std::make_unique<R>()); }
};

}  // namespace congvan

#define CONGVAN_REGISTER_RULE(Class) const ::congvan::RuleRegistration<Class> congvan_registration_##Class
