// Reading a scan database back out: the same formats `congvan check` writes.
#pragma once

#include <ostream>
#include <string>

#include "archive.h"
#include "report/check_output.h"

namespace congvan {

// A stored document as `check` would have given it.
CheckedDocument as_checked(const StoredDocument& d);
// jsonl: one object a document (fields, reference, findings, error); csv and
// sarif: the findings, as `congvan check` prints them.
void export_archive(Archive& archive, const std::string& format, Language language, std::ostream& out);
// Counts per province, year and rule: a readable table (`text`), or one row a count
// (`csv`: dimension,key,documents,errors,warnings,infos; `jsonl`: a "count" object a
// row, then "unaudited"). Provinces in Vietnamese alphabetical order (ICU), years in
// order, rules by id; what has no province or year last.
void summarise_archive(Archive& archive, Language language, std::ostream& out, const std::string& format = "text");
// "N documents about the Week were NOT AUDITED … (2026)", or empty (docs/auditing.md).
std::string unaudited_in_archive(Archive& archive, Language language);

}  // namespace congvan
