#pragma once
#include <string>

#include "text/messages.h"

namespace congvan {

// The page of a rule as written: docs/rules/<id>.md in English, docs/rules/vi/<id>.md
// in Vietnamese, built into the binary; empty for an unknown id. The Vietnamese page
// has no severity line nor silencing section: rule_page() adds them from the registry
// and the catalogue, so that they cannot disagree with the English page.
std::string rule_documentation(const std::string& id, Language language = Language::English);

}  // namespace congvan
