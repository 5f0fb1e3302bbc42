// Many workers, one walk (docs/scan.md, "A queue for many workers"): `scan --enqueue`
// queues a folder's files in the database, and `scan --from-queue` workers read
// them a batch at a time, each document once, in SQLite and in PostgreSQL.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <future>
#include <string>
#include <vector>

#include "helpers.h"
#include "postgres_server.h"
#include "scan_helpers.h"
#include "store/archive.h"

using namespace congvan;
using namespace congvan::test;
namespace fs = std::filesystem;

namespace {

// Runs `workers` queue workers at once on `db`; their results.
std::vector<ProcessResult> queue_workers(const std::string& db, int workers) {
    std::vector<std::future<ProcessResult>> running;
    for (int w = 0; w < workers; ++w)
        running.push_back(std::async(std::launch::async, [&] {
            return run_congvan({"scan", "--lang", "en", "--from-queue", "--db", db, "-j", "1", "--no-chain"});
        }));
    std::vector<ProcessResult> results;
    for (auto& r : running) results.push_back(r.get());
    return results;
}

// Every document of `docs` stored once, by queue workers, with the queue left empty.
void check_each_once(const std::string& db, long documents, long (*count_of)(const std::string&, const std::string&)) {
    CHECK(count_of(db, "SELECT COUNT(*) FROM documents") == documents);
    CHECK(count_of(db, "SELECT COUNT(DISTINCT path) FROM documents") == documents);
    CHECK(count_of(db, "SELECT COUNT(*) FROM documents WHERE error IS NOT NULL OR worker IS NULL") == 0);
    CHECK(count_of(db, "SELECT COUNT(*) FROM queue") == 0);
    CHECK(count_of(db, "SELECT COUNT(*) FROM claims") == 0);
}

}  // namespace

TEST_CASE("one walk queues a folder; workers read it a batch at a time, each document once", "[scan]") {
    auto dir = fresh_dir("queue-sqlite");
    auto docs = fresh_docs(dir);
    put_distinct_texts(docs, 2);
    long documents = static_cast<long>(kSeedNames.size()) * 2;
    std::string db = (dir / "archive.sqlite").string();

    auto queued = run_congvan({"scan", "--lang", "en", "--enqueue", docs.string(), "--db", db});
    CHECK(queued.exit_code == 0);
    CHECK_THAT(queued.err, Catch::Contains(std::to_string(documents) + " files queued"));
    CHECK(count(db, "SELECT COUNT(*) FROM queue WHERE worker IS NULL") == documents);
    CHECK(count(db, "SELECT COUNT(*) FROM documents") == 0);  // nothing read
    // Queued again: nothing added.
    CHECK_THAT(run_congvan({"scan", "--lang", "en", "--enqueue", docs.string(), "--db", db}).err, Catch::Contains("0 files queued"));

    for (const auto& worker : queue_workers(db, 2)) {
        INFO(worker.err);
        CHECK((worker.exit_code == 0 || worker.exit_code == 1));  // 1: the seeds hold errors
    }
    check_each_once(db, documents, count);

    // A file added since: the next walk queues every path again, and a worker reads
    // only the new one (the others are found stored).
    std::ofstream(docs / "moi.txt") << read_text_file(sample(kSeedNames[0] + ".txt")) << "\nMột bản mới\n";
    long last_id = count(db, "SELECT MAX(id) FROM documents");
    run_congvan({"scan", "--lang", "en", "--enqueue", docs.string(), "--db", db});
    auto again = queue_workers(db, 1);
    CHECK_THAT(again[0].err, Catch::Contains(std::to_string(documents) + " skipped"));
    check_each_once(db, documents + 1, count);
    CHECK(count(db, "SELECT COUNT(*) FROM documents WHERE id > " + std::to_string(last_id)) == 1);
}

TEST_CASE("a dead worker's queued paths are taken once its lease ran out; a live worker's are not", "[scan]") {
    auto dir = fresh_dir("queue-lease");
    auto docs = fresh_docs(dir);
    put(docs, sample(kSeedNames[0] + ".txt"), "a-live.txt");
    put(docs, sample(kSeedNames[1] + ".txt"), "b-dead.txt");
    std::string db = (dir / "archive.sqlite").string();
    run_congvan({"scan", "--lang", "en", "--enqueue", docs.string(), "--db", db});
    {
        // Taken, in path order, by two workers of another machine: one's lease runs
        // for an hour more, the other's ran out an hour ago.
        Archive archive(db);
        CHECK(archive.take_from_queue("elsewhere:1:live", 1, 3600) == std::vector<std::string>{(docs / "a-live.txt").string()});
        CHECK(archive.take_from_queue("elsewhere:2:dead", 1, -3600) == std::vector<std::string>{(docs / "b-dead.txt").string()});
        // The dead one's, again (and this taker dies at once too).
        CHECK(archive.take_from_queue("elsewhere:3:late", 1, -3600) == std::vector<std::string>{(docs / "b-dead.txt").string()});
    }
    queue_workers(db, 1);
    CHECK(count(db, "SELECT COUNT(*) FROM documents WHERE path LIKE '%b-dead.txt'") == 1);
    CHECK(count(db, "SELECT COUNT(*) FROM documents WHERE path LIKE '%a-live.txt'") == 0);
    CHECK(count(db, "SELECT COUNT(*) FROM queue WHERE worker = 'elsewhere:1:live'") == 1);
}

TEST_CASE("a queue worker refuses --enqueue and --shard, and a scan without folders needs --from-queue", "[scan]") {
    auto dir = fresh_dir("queue-usage");
    std::string db = (dir / "archive.sqlite").string();
    auto both = run_congvan({"scan", "--enqueue", "--from-queue", dir.string(), "--db", db});
    CHECK(both.exit_code != 0);
    // A shard's filter would drop the other shards' paths from the queue.
    CHECK(run_congvan({"scan", "--from-queue", "--shard", "0/2", "--db", db}).exit_code != 0);
    CHECK_FALSE(fs::exists(db));  // refused before the database is opened
    auto none = run_congvan({"scan", "--lang", "en", "--db", db});
    CHECK(none.exit_code == 2);
    CHECK_THAT(none.err, Catch::Contains("scan needs at least one file or folder, unless --from-queue is given"));
}

TEST_CASE("three queue workers on one PostgreSQL read every document once: FOR UPDATE SKIP LOCKED", "[scan][postgres]") {
    auto dir = fresh_dir("queue-postgres");
    auto docs = fresh_docs(dir);
    put_distinct_texts(docs, 3);
    long documents = static_cast<long>(kSeedNames.size()) * 3;
    std::string uri = PostgresServer::shared().fresh_database("queue_workers");
    CHECK(run_congvan({"scan", "--lang", "en", "--enqueue", docs.string(), "--db", uri}).exit_code == 0);
    CHECK(pg_count(uri, "SELECT COUNT(*) FROM queue") == documents);
    for (const auto& worker : queue_workers(uri, 3)) {
        INFO(worker.err);
        CHECK((worker.exit_code == 0 || worker.exit_code == 1));  // 1: the seeds hold errors
    }
    check_each_once(uri, documents, pg_count);
    // The same rows as one scan walking the folder on its own.
    std::string alone = (dir / "alone.sqlite").string();
    run_congvan({"scan", docs.string(), "--db", alone, "--no-chain"});
    CHECK(comparable_export(uri) == comparable_export(alone));
}
