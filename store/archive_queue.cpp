// The queue: one walk's paths, which workers on many machines take a batch at a time
// instead of each walking the tree and asking the database about every path. A
// taken path is held under the taker's lease, like a claim (archive_claims.cpp): a
// worker that dies leaves its paths to be taken again once its lease runs out.
#include <algorithm>

#include "archive.h"

namespace congvan {

std::size_t Archive::enqueue(const std::vector<std::string>& paths) {
    constexpr std::size_t kPathsATransaction = 1000;
    std::size_t added = 0;
    for (std::size_t from = 0; from < paths.size(); from += kPathsATransaction) {
        std::lock_guard lock(mutex_);
        transaction([&] {
            Statement s(*db_, "INSERT INTO queue (path) VALUES (?1) ON CONFLICT (path) DO NOTHING RETURNING path");
            for (std::size_t i = from; i < std::min(paths.size(), from + kPathsATransaction); ++i) {
                s.bind(1, paths[i]);
                while (s.step()) ++added;
                s.reset();
            }
        });
    }
    return added;
}

std::vector<std::string> Archive::take_from_queue(const std::string& worker, std::size_t count, double lease_seconds) {
    std::lock_guard lock(mutex_);
    std::string now = now_sql();
    // One statement: the rows are chosen and marked together, so two workers never
    // take one; on PostgreSQL a row another worker is marking is skipped, not waited for.
    std::string skip = db_->dialect() == SqlDialect::Postgres ? " FOR UPDATE SKIP LOCKED" : "";
    Statement s(*db_, "UPDATE queue SET worker = ?1, expires = " + now +
                          " + ?2 WHERE path IN (SELECT path FROM queue WHERE worker IS NULL OR expires < " + now +
                          " ORDER BY path LIMIT ?3" + skip + ") RETURNING path");
    s.bind(1, worker).bind(2, lease_seconds).bind(3, static_cast<long long>(count));
    std::vector<std::string> taken;
    while (s.step()) taken.push_back(s.text(0));
    std::sort(taken.begin(), taken.end());
    return taken;
}

void Archive::leave_queue(const std::string& path) {
    std::lock_guard lock(mutex_);
    Statement(*db_, "DELETE FROM queue WHERE path = ?1").bind(1, path).step();
}

long Archive::queued() {
    std::lock_guard lock(mutex_);
    Statement s(*db_, "SELECT COUNT(*) FROM queue");
    return s.step() ? static_cast<long>(s.integer(0)) : 0;
}

}  // namespace congvan
