// Checking a document given as text, with the bundled Ministry records.
#pragma once

#include <string>
#include <vector>

#include "rules/checker.h"

namespace congvan::test {

std::string read_sample(const std::string& name);
// The bases rule tests inject errors into: corpus/samples/nghe-an-2024-ke-hoach.txt
// (a clean 2024 plan) and gia-lai-2020-ke-hoach.txt (a clean 2020 plan, the year
// whose deadline and agencies are known).
const std::string& plan_2024();
const std::string& plan_2020();
// The 2024 theme as plan_2024() writes it.
extern const std::string kTheme2024;
// `text` with `from` replaced by `to`; fails the test when `from` is not there, so
// that a mutation can never silently do nothing.
std::string with(std::string text, const std::string& from, const std::string& to);
CheckResult check_text(const std::string& text, const CheckOptions& options = {});
// A file (a fixture: a Word draft, a PDF) read as `check` reads it.
CheckResult check_file(const std::string& path);
std::vector<Finding> findings_of(const CheckResult& result, const std::string& rule);
std::vector<Finding> findings_of(const std::string& text, const std::string& rule);
// Texts checked together, as `check` checks several files (the rules that read the
// other documents included); the i-th text is the file "i.txt" (from 1).
std::vector<CheckResult> check_together(const std::vector<std::string>& texts);
// The findings of `rule` on each of the texts checked together.
std::vector<std::vector<Finding>> findings_together(const std::vector<std::string>& texts, const std::string& rule);
const std::map<int, MinistryRecord>& bundled_records();
// A record's Week as "start..end" and its opening's date, ISO; "" when not read.
std::string week_read(const Record& record);
std::string opening_read(const Record& record);

}  // namespace congvan::test
