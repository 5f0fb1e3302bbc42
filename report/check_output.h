// Findings → what the auditor reads: compiler-style text, JSON lines, CSV, SARIF.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "rules/checker.h"
#include "text/messages.h"

namespace congvan {

// Why the Ministry record was chosen, in the language (English when there is no
// Vietnamese sentence).
const std::string& why_of(const Reference& r, Language language);
// What the document was compared with, or why it was compared with nothing: the
// first line of its text output, and its line in the HTML report.
std::string what_was_compared(const CheckResult& result, Language language);
// An expected or found value: {"kind", "value", "text"} (text in the language), or null.
nlohmann::ordered_json value_json(const std::optional<Value>& value, Language language);
// The same as it reads ("ngày 01/10/2024"), or empty.
std::string value_text(const std::optional<Value>& value, Language language);
nlohmann::ordered_json reference_json(const std::optional<Reference>& reference, Language language = Language::English);
nlohmann::ordered_json finding_json(const Finding& f, Language language);
// The `congvan check --format jsonl` object of one document.
nlohmann::ordered_json checked_json(const CheckedDocument& doc, Language language);
// `file:page:line: error[rule]: message`, with expected/found notes.
// `with_comparison`: the document's first line says what it was compared with (check -q leaves it out).
std::string checked_text(const CheckedDocument& doc, Language language, bool colour, bool with_comparison = true);
std::string csv_header();
// One CSV row, each cell quoted where it must be and defused where a spreadsheet
// would run it as a formula.
std::string csv_row(const std::vector<std::string>& cells);
// The UTF-8 byte-order mark, written first by --bom so that Excel reads UTF-8.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
std::string checked_csv(const CheckedDocument& doc, Language language);
// One SARIF 2.1.0 log for all documents, rule metadata from docs/rules.
nlohmann::ordered_json sarif_log(const std::vector<CheckedDocument>& docs, Language language);

}  // namespace congvan
