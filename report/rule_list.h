// The rules as a user looks them up: `congvan --list-rules` and `congvan explain RULE`.
#pragma once

#include <optional>
#include <string>

#include "rules/config.h"

namespace congvan {

// One line a rule, in id order: id, the severity it reports at under `config`
// ("off" when disabled), whom it applies to, and its summary.
std::string rules_table(const RuleConfig& config = {});

// The rule's documentation page (docs/rules/<id>.md, built in). For an unknown id,
// std::invalid_argument saying so and naming the nearest ids.
std::string rule_page(const std::string& id);

}  // namespace congvan
