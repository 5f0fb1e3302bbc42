// One factory per rule; each lives in rules/checks/<rule-id>.cpp.
#pragma once
#include <memory>

#include "rules/rule.h"

namespace congvan::checks {

std::unique_ptr<Rule> make_cited_dispatch_mismatch();
std::unique_ptr<Rule> make_date_implausible();
std::unique_ptr<Rule> make_date_invalid();
std::unique_ptr<Rule> make_internal_conflict();
std::unique_ptr<Rule> make_missing_field();
std::unique_ptr<Rule> make_opening_outside_week();
std::unique_ptr<Rule> make_report_deadline_late();
std::unique_ptr<Rule> make_responsibility_missing();
std::unique_ptr<Rule> make_symbol_malformed();
std::unique_ptr<Rule> make_theme_mismatch();
std::unique_ptr<Rule> make_unsigned_draft();
std::unique_ptr<Rule> make_week_mismatch();
std::unique_ptr<Rule> make_weekday_mismatch();

}  // namespace congvan::checks
