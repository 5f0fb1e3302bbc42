// Claims: how congvan scans on many machines share one folder and one database.
// A worker reads a document only while it holds the document's claim; a claim is a
// lease the worker renews while it lives, and one whose lease ran out (its worker
// was killed) is taken over. Taking a claim is one atomic upsert, the same SQL on
// SQLite and PostgreSQL: it succeeds when no claim exists, when the claim's lease
// ran out, or when it is the worker's own. Storing the document ends its claim in
// the same transaction (archive.cpp).
#include "archive.h"

namespace congvan {

std::string Archive::now_sql() const {
    // The database's clock, so that workers on machines whose clocks differ agree.
    return db_->dialect() == SqlDialect::Postgres ? "extract(epoch from clock_timestamp())" : "((julianday('now') - 2440587.5) * 86400.0)";
}

std::string Archive::now_text_sql() const {
    // scanned_at's form, "YYYY-MM-DD HH:MM:SS" in UTC, as the schema's default writes it.
    return db_->dialect() == SqlDialect::Postgres ? "to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')"
                                                  : "datetime('now')";
}

std::string Archive::clock() {
    std::lock_guard lock(mutex_);
    Statement s(*db_, "SELECT " + now_text_sql());
    return s.step() ? s.text(0) : std::string();
}

std::optional<std::string> Archive::stored_by_another_since(const std::string& path, const std::string& worker, const std::string& since) {
    std::lock_guard lock(mutex_);
    // After the second `since` names, strictly: scanned_at counts whole seconds, and a
    // row of the second the scan began may be an earlier scan's, just before it.
    Statement s(*db_,
                "SELECT sha256 FROM documents WHERE path = ?1 AND sha256 != '' AND worker IS NOT NULL "
                "AND worker != ?2 AND scanned_at > ?3 LIMIT 1");
    s.bind(1, path).bind(2, worker).bind(3, since);
    if (!s.step()) return std::nullopt;
    return s.text(0);
}

bool Archive::claim(const std::string& path, const std::string& worker, double lease_seconds) {
    std::lock_guard lock(mutex_);
    std::string now = now_sql();
    Statement s(*db_, "INSERT INTO claims (path, worker, expires) VALUES (?1, ?2, " + now +
                          " + ?3) "
                          "ON CONFLICT (path) DO UPDATE SET worker = excluded.worker, expires = excluded.expires "
                          "WHERE claims.expires < " +
                          now + " OR claims.worker = excluded.worker RETURNING worker");
    s.bind(1, path).bind(2, worker).bind(3, lease_seconds);
    bool taken = s.step();
    while (s.step()) {}
    return taken;
}

void Archive::renew_claims(const std::string& worker, double lease_seconds) {
    std::lock_guard lock(mutex_);
    Statement(*db_, "UPDATE claims SET expires = " + now_sql() + " + ?2 WHERE worker = ?1").bind(1, worker).bind(2, lease_seconds).step();
    // And the paths it took from the queue and has not done with yet.
    Statement(*db_, "UPDATE queue SET expires = " + now_sql() + " + ?2 WHERE worker = ?1").bind(1, worker).bind(2, lease_seconds).step();
}

void Archive::release_claims(const std::string& worker) {
    std::lock_guard lock(mutex_);
    Statement(*db_, "DELETE FROM claims WHERE worker = ?1").bind(1, worker).step();
    // The paths it took from the queue and did not finish wait again for any worker.
    Statement(*db_, "UPDATE queue SET worker = NULL, expires = NULL WHERE worker = ?1").bind(1, worker).step();
}

std::vector<std::string> Archive::claim_holders() {
    std::lock_guard lock(mutex_);
    std::vector<std::string> out;
    Statement s(*db_, "SELECT DISTINCT worker FROM claims");
    while (s.step()) out.push_back(s.text(0));
    return out;
}

void Archive::release_claim(const std::string& path, const std::string& worker) {
    std::lock_guard lock(mutex_);
    Statement(*db_, "DELETE FROM claims WHERE path = ?1 AND worker = ?2").bind(1, path).bind(2, worker).step();
}

}  // namespace congvan
