// A finding in the scan database's findings table: the whole finding in its data
// column, written and read from the finding's one member list (rules/finding.h), and
// beside it the columns SQL queries (rule, severity, the messages worded at storing,
// the values, where). A row written before findings were kept whole (schema 8 and
// older) is read from those columns.
#pragma once

#include <string>

#include "reading/document.h"
#include "rules/finding.h"
#include "sql.h"

namespace congvan {

// The bbox column: `[x0, y0, x1, y1]` in points to two decimals (as every JSON
// output writes a box), `[[…], […]]` for evidence that runs on to more lines (the
// first box is bbox), or empty. Reading accepts anything: a crafted or damaged
// value is no box.
std::string box_column(const Evidence& evidence);
void read_box_column(const std::string& text, Evidence& evidence);

// The columns every finding row is written with, in the order bind_finding binds
// them after the document's id; `ordinal` is its place among the findings written
// with it, so that findings tied in page, line and rule read back in the order the
// check gave them, on PostgreSQL too (whose rows have no order of insertion).
extern const char* const kFindingInsert;
void bind_finding(Statement& insert, long long document_id, const Finding& f, long long ordinal);

// The columns a finding is read from, in the order finding_from reads them; `whole`
// false for a database whose findings have no data column.
std::string finding_columns(bool whole);
// A damaged data value is an error (std::runtime_error naming the rule).
Finding finding_from(const Statement& row);

}  // namespace congvan
