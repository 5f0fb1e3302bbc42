// A stored document's findings: written with the document, and those of the rules
// that compare documents replaced after a scan's pass (app/chain.cpp), with the
// mark of whether that pass saw the archive as it is.
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

bool Archive::compared_as_it_is(const std::string& version) {
    std::lock_guard lock(mutex_);
    Statement s(*db_, "SELECT 1 FROM chain_state WHERE done = 1 AND congvan_version = ?1");
    s.bind(1, version);
    return s.step();
}

void Archive::begin_comparing(const std::string& token, const std::string& version) {
    std::lock_guard lock(mutex_);
    transaction([&] {
        exec("DELETE FROM chain_state");
        Statement(*db_, "INSERT INTO chain_state (token, congvan_version, done) VALUES (?1, ?2, 0)").bind(1, token).bind(2, version).step();
    });
}

void Archive::end_comparing(const std::string& token) {
    std::lock_guard lock(mutex_);
    transaction([&] { Statement(*db_, "UPDATE chain_state SET done = 1 WHERE token = ?1").bind(1, token).step(); });
}

}  // namespace congvan
