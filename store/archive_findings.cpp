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

void Archive::store_chain_changes(const std::vector<std::string>& rules, const std::vector<ChainChange>& changes) {
    if (changes.empty()) return;
    std::lock_guard lock(mutex_);
    transaction([&] {
        Statement forget(*db_, "DELETE FROM findings WHERE document_id = ?1 AND rule = ?2");
        Statement chain(*db_, "UPDATE documents SET chain = ?1 WHERE id = ?2");
        Statement unlink(*db_, "DELETE FROM links WHERE citing_id = ?1");
        Statement link(*db_, "INSERT INTO links (citing_id, citation, cited_id) VALUES (?1, ?2, ?3)");
        for (const auto& c : changes) {
            if (c.findings) {
                for (const auto& rule : rules) {
                    forget.bind(1, c.document_id).bind(2, rule).step();
                    forget.reset();
                }
                insert_findings(c.document_id, *c.findings);
            }
            if (!c.chain) continue;
            chain.bind(1, c.chain->dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)).bind(2, c.document_id).step();
            chain.reset();
            unlink.bind(1, c.document_id).step();
            unlink.reset();
            for (std::size_t i = 0; i < c.cited_ids.size(); ++i) {
                link.bind(1, c.document_id).bind(2, static_cast<long long>(i));
                if (c.cited_ids[i]) link.bind(3, *c.cited_ids[i]);
                else link.null(3);
                link.step();
                link.reset();
            }
        }
    });
}

std::optional<Archive::LinkCounts> Archive::link_counts(const std::vector<std::string>& rules) {
    if (read_schema_ != 0) return std::nullopt;  // no links table
    std::lock_guard lock(mutex_);
    LinkCounts counts;
    Statement links(*db_, "SELECT COUNT(*), COUNT(cited_id) FROM links");
    if (links.step()) counts.citations = links.integer(0), counts.resolved = links.integer(1);
    Statement broken(*db_, "SELECT COUNT(*) FROM findings WHERE rule = ?1");
    for (const auto& rule : rules) {
        broken.bind(1, rule);
        if (broken.step()) counts.broken += broken.integer(0);
        broken.reset();
    }
    return counts;
}

bool Archive::holds_unplaced() {
    if (read_schema_ != 0) return true;  // no chain column
    std::lock_guard lock(mutex_);
    Statement s(*db_,
                "SELECT 1 FROM documents WHERE chain IS NULL AND record IS NOT NULL AND record != '' "
                "AND (error IS NULL OR error = '') LIMIT 1");
    return s.step();
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
