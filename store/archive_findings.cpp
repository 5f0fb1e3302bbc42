// A stored document's findings: written with the document, and those of the rules
// that compare documents replaced after a scan's pass (app/chain.cpp).
#include "archive.h"

#include "finding_columns.h"
#include "sql.h"

namespace congvan {

void Archive::insert_findings(long long id, const std::vector<Finding>& findings) {
    Statement insert(*db_, kFindingInsert);
    for (const auto& f : findings) {
        bind_finding(insert, id, f);
        insert.step();
        insert.reset();
    }
}

void Archive::replace_findings(long long document_id, const std::vector<std::string>& rules, const std::vector<Finding>& findings) {
    std::lock_guard lock(mutex_);
    transaction([&] {
        Statement forget(*db_, "DELETE FROM findings WHERE document_id = ?1 AND rule = ?2");
        for (const auto& rule : rules) {
            forget.bind(1, document_id).bind(2, rule).step();
            forget.reset();
        }
        insert_findings(document_id, findings);
    });
}

}  // namespace congvan
