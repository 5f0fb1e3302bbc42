// Reading a scan database back out: into any output format, as `congvan check`
// would have written it, or counted.
#pragma once

#include <ostream>
#include <string>

#include "report/sink.h"
#include "store/archive.h"
#include "text/messages.h"

namespace congvan {

// Every stored document into the sink, with what the database adds (kind, pages
// read as text and by OCR, seconds); a document that could not be read as an error.
void export_archive(Archive& archive, FindingSink& sink);
// Counts per province, year and rule: a readable table (`text`), or one row a count
// (`csv`: dimension,key,documents,errors,warnings,infos; `jsonl`: a "count" object a
// row, then "unaudited"). Provinces in Vietnamese alphabetical order (ICU), years in
// order, rules by id; what has no province or year last.
void summarise_archive(Archive& archive, Language language, std::ostream& out, const std::string& format = "text");
// "N documents about the Week were NOT AUDITED … (2026)", or empty (docs/auditing.md).
std::string unaudited_in_archive(Archive& archive, Language language);

}  // namespace congvan
