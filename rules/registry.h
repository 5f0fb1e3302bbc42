#pragma once
#include <functional>
#include <memory>
#include <vector>

#include "rule.h"

namespace congvan {

// All rules, in id order. Adding a rule is one class in rules/checks/ and one line
// in rules/registry.cpp.
class RuleRegistry {
public:
    static const RuleRegistry& instance();
    const std::vector<std::unique_ptr<Rule>>& rules() const { return rules_; }
    const Rule* find(const std::string& id) const;

private:
    RuleRegistry();
    std::vector<std::unique_ptr<Rule>> rules_;
};

}  // namespace congvan
