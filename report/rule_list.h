// The rules as a user looks them up: `congvan --list-rules` and `congvan explain RULE`.
#pragma once

#include <optional>
#include <string>

#include "rules/config.h"
#include "text/messages.h"

namespace congvan {

// One line a rule, in id order: id, the severity it reports at under `config`
// ("off" when disabled), whom it applies to, and its summary.
std::string rules_table(const RuleConfig& config = {}, Language language = Language::English);

// The rule's documentation page (docs/rules/<id>.md, built in; docs/rules/vi/<id>.md
// with its default severity and how to silence it in Vietnamese). For an unknown
// id, std::invalid_argument saying so (in English: shown through localize()) and
// naming the nearest ids.
std::string rule_page(const std::string& id, Language language = Language::English);

// A rule's one-line summary: the class's in English, the page's "Tóm tắt:" line in
// Vietnamese.
std::string rule_summary(const std::string& id, Language language);

}  // namespace congvan
