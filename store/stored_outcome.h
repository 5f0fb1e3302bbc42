// A document's outcome (rules/checker.h CheckedDocument) as the scan database
// stores it, and back: findings, the Ministry record compared with, or why none
// was. The same encoding crosses from a document's process to `check` and `scan`,
// so that `export` shows exactly what `check` did.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "archive.h"
#include "fields/record.h"
#include "rules/checker.h"

namespace congvan {

// A check's result, into the row: its Ministry record (or why none) and findings.
void result_into(StoredDocument& row, const CheckResult& result);
// A stored document as `check` would have given it.
CheckedDocument as_checked(const StoredDocument& d);
// Only the Ministry record it was compared with (none when not audited or not about
// the Week), without reading its findings back.
std::optional<Reference> reference_of(const StoredDocument& d);

// Why a document about the Week was not audited, as stored; null when it was
// audited or is not about the Week.
nlohmann::ordered_json stored_unaudited(const std::optional<Unaudited>& u);
std::optional<Unaudited> unaudited_from_stored(const nlohmann::ordered_json& j);

// The row as it crosses from a document's process to the scan's, as JSON
// (json_members.h: each member listed once for both directions).
std::string row_text(const StoredDocument& d);
StoredDocument row_from_text(const std::string& text);

// A document's record and check result as bytes, and back: what crosses from a
// document's process to `check`'s, so that the rules run under the document's
// --timeout and --max-memory, and `check` shows what `export` would.
std::string encode_checked(const Record& record, const CheckResult& result);
CheckedDocument decode_checked(const std::string& bytes, Record& record);

}  // namespace congvan
