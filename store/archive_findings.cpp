// A stored document's findings, written with the document (those of the rules that
// compare documents are replaced by a scan's chain pass: store/archive_chain.cpp).
#include "archive.h"

#include "finding_columns.h"
#include "sql.h"

namespace congvan {

void Archive::insert_findings(long long id, const std::vector<Finding>& findings) {
    Statement insert(*db_, kFindingInsert);
    long long ordinal = 0;
    for (const auto& f : findings) {
        bind_finding(insert, id, f, ordinal++);
        insert.step();
        insert.reset();
    }
}

}  // namespace congvan
