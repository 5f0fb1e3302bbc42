// The chain of citations in a scan's archive (docs/chain.md): each document's place
// in the chain and its findings of the rules that compare documents, written by a
// scan's chain pass (app/chain.cpp), with what that pass must compare next: the
// documents stored since (no place yet) and the keys of those forgotten since.
#include <algorithm>

#include "archive.h"
#include "finding_columns.h"
#include "sql.h"

namespace congvan {

namespace {

// A row that can take a place: a record, no error.
const std::string kReadable = "record IS NOT NULL AND record != '' AND (error IS NULL OR error = '')";

// The rows without a place: stored since the last pass, and readable. Placed first:
// a placed row's long texts are not read.
const std::string kUnplaced =
    "FROM documents WHERE NOT EXISTS (SELECT 1 FROM chain_places p WHERE p.document_id = documents.id) AND " + kReadable;

constexpr std::size_t kKeysAQuery = 64;  // bound values a statement

}  // namespace

bool Archive::holds_unplaced() {
    if (!has_chain()) return true;  // no place kept
    std::lock_guard lock(mutex_);
    // Schema 9 and 10 kept a document's place in its row.
    Statement s(*db_,
                "SELECT 1 " + (has_record_headers() ? kUnplaced : "FROM documents WHERE chain IS NULL AND " + kReadable) + " LIMIT 1");
    return s.step();
}

Archive::ChainWork Archive::chain_work(const std::string& version) {
    std::lock_guard lock(mutex_);
    Statement s(*db_, "SELECT 1 FROM chain_state WHERE done = 1 AND congvan_version = ?1");
    s.bind(1, version);
    if (!s.step()) return ChainWork::Whole;
    Statement unplaced(*db_, "SELECT 1 " + kUnplaced + " LIMIT 1");
    Statement forgotten(*db_, "SELECT 1 FROM chain_forgotten LIMIT 1");
    return unplaced.step() || forgotten.step() ? ChainWork::Changes : ChainWork::None;
}

void Archive::begin_comparing(const std::string& token, const std::string& version, ChainWork work) {
    std::lock_guard lock(mutex_);
    transaction([&] {
        if (work == ChainWork::Whole) {
            exec("DELETE FROM chain_state");
            Statement(*db_, "INSERT INTO chain_state (token, congvan_version, done) VALUES (?1, ?2, 0)")
                .bind(1, token)
                .bind(2, version)
                .step();
        } else {
            Statement(*db_, "UPDATE chain_state SET token = ?1").bind(1, token).step();
        }
    });
}

Archive::ChainDelta Archive::chain_delta(bool with_unplaced) {
    std::lock_guard lock(mutex_);
    ChainDelta delta;
    if (with_unplaced) {
        Statement unplaced(*db_, "SELECT id, path, sha256 " + kUnplaced + " ORDER BY path, sha256, id");
        while (unplaced.step()) delta.unplaced.push_back({unplaced.integer(0), unplaced.text(1), unplaced.text(2)});
    }
    // A re-check of every document forgets every row once: the keys are read distinct.
    Statement last(*db_, "SELECT MAX(id) FROM chain_forgotten");
    if (!last.step() || last.is_null(0)) return delta;
    delta.forgotten_up_to = last.integer(0);
    Statement forgotten(*db_, "SELECT DISTINCT key FROM chain_forgotten WHERE id <= ?1 ORDER BY key");
    forgotten.bind(1, delta.forgotten_up_to);
    while (forgotten.step()) delta.forgotten_keys.push_back(forgotten.text(0));
    return delta;
}

std::vector<Archive::RowPlace> Archive::documents_keyed(const std::vector<std::string>& keys) {
    std::lock_guard lock(mutex_);
    std::vector<RowPlace> rows;
    for (std::size_t from = 0; from < keys.size(); from += kKeysAQuery) {
        std::size_t n = std::min(kKeysAQuery, keys.size() - from);
        Statement s(*db_,
                    "SELECT DISTINCT d.id, d.path, d.sha256 FROM chain_keys k JOIN documents d ON d.id = k.document_id WHERE k.key IN (" +
                        numbered_parameters(n) + ")");
        for (std::size_t i = 0; i < n; ++i) s.bind(static_cast<int>(i + 1), keys[from + i]);
        while (s.step()) rows.push_back({s.integer(0), s.text(1), s.text(2)});
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end(), [](const RowPlace& a, const RowPlace& b) { return a.id == b.id; }), rows.end());
    return rows;
}

std::vector<std::string> Archive::keys_of(const std::vector<RowPlace>& rows) {
    std::lock_guard lock(mutex_);
    std::vector<std::string> keys;
    for (std::size_t from = 0; from < rows.size(); from += kKeysAQuery) {
        std::size_t n = std::min(kKeysAQuery, rows.size() - from);
        Statement s(*db_, "SELECT DISTINCT key FROM chain_keys WHERE document_id IN (" + numbered_parameters(n) + ")");
        for (std::size_t i = 0; i < n; ++i) s.bind(static_cast<int>(i + 1), rows[from + i].id);
        while (s.step()) keys.push_back(s.text(0));
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

namespace {

// The statements a pass's changes are written with, prepared once.
struct ChainWrites {
    explicit ChainWrites(SqlConnection& db)
        : exists(db, "SELECT 1 FROM documents WHERE id = ?1"),
          forget(db, "DELETE FROM findings WHERE document_id = ?1 AND rule = ?2"),
          finding(db, kFindingInsert),
          unkey(db, "DELETE FROM chain_keys WHERE document_id = ?1"),
          key(db, "INSERT INTO chain_keys (document_id, key, own) VALUES (?1, ?2, ?3)"),
          chain(db,
                "INSERT INTO chain_places (document_id, chain) VALUES (?2, ?1) ON CONFLICT (document_id) DO UPDATE SET chain = "
                "excluded.chain"),
          unlink(db, "DELETE FROM links WHERE citing_id = ?1"),
          link(db, "INSERT INTO links (citing_id, citation, cited_id) VALUES (?1, ?2, (SELECT id FROM documents WHERE id = ?3))") {}
    Statement exists, forget, finding, unkey, key, chain, unlink, link;
};

void run(Statement& s) {
    while (s.step()) {}
    s.reset();
}

void store_findings(ChainWrites& w, const Archive::ChainChange& c, const std::vector<std::string>& rules) {
    for (const auto& rule : rules) run(w.forget.bind(1, c.document_id).bind(2, rule));
    long long ordinal = 0;
    for (const auto& f : *c.findings) {
        bind_finding(w.finding, c.document_id, f, ordinal++);
        run(w.finding);
    }
}

void store_place(ChainWrites& w, const Archive::ChainChange& c) {
    run(w.chain.bind(1, *c.chain).bind(2, c.document_id));
    run(w.unlink.bind(1, c.document_id));
    for (std::size_t i = 0; i < c.cited_ids.size(); ++i) {
        w.link.bind(1, c.document_id).bind(2, static_cast<long long>(i));
        if (c.cited_ids[i]) w.link.bind(3, *c.cited_ids[i]);
        else w.link.null(3);
        run(w.link);
    }
}

// One document's change. A row forgotten while the pass ran is left (its findings,
// links and keys would name no document); a citation of one names none.
void store_chain_change(ChainWrites& w, const Archive::ChainChange& c, const std::vector<std::string>& rules) {
    bool exists = w.exists.bind(1, c.document_id).step();
    w.exists.reset();
    if (!exists) return;
    if (c.findings) store_findings(w, c, rules);
    if (c.keys) {
        run(w.unkey.bind(1, c.document_id));
        for (const auto& k : *c.keys) run(w.key.bind(1, c.document_id).bind(2, k).bind(3, k == c.own_key ? 1LL : 0LL));
    }
    if (c.chain) store_place(w, c);
}

}  // namespace

bool Archive::store_chain_changes(const std::string& token, const std::vector<std::string>& rules, const std::vector<ChainChange>& changes,
                                  std::optional<long long> ending) {
    std::lock_guard lock(mutex_);
    bool last = false;
    transaction([&] {
        // PostgreSQL: the mark is held to COMMIT, so a pass beginning meanwhile waits, then sees this one's changes.
        bool postgres = db_->dialect() == SqlDialect::Postgres;
        Statement mine(*db_, std::string("SELECT 1 FROM chain_state WHERE token = ?1") + (postgres ? " FOR UPDATE" : ""));
        last = mine.bind(1, token).step();
        if (!last) return;  // a later pass began: it compares all this one saw, and more
        ChainWrites writes(*db_);
        for (const auto& c : changes) store_chain_change(writes, c, rules);
        if (!ending) return;
        Statement(*db_, "DELETE FROM chain_forgotten WHERE id <= ?1").bind(1, *ending).step();
        Statement(*db_, "UPDATE chain_state SET done = 1 WHERE token = ?1").bind(1, token).step();
    });
    return last;
}

std::optional<Archive::LinkCounts> Archive::link_counts(const std::vector<std::string>& rules) {
    if (!has_chain()) return std::nullopt;  // no links table
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

}  // namespace congvan
