// One archive in PostgreSQL shared by many scans (store/sql.h, store/archive_claims.cpp),
// against a real server the tests start (tests/postgres_server.h): the same rows as
// SQLite, three concurrent scans reading every document exactly once, and a scan
// killed with SIGKILL whose documents the others finish after its lease.
#include <catch2/catch.hpp>

#include <libpq-fe.h>
#include <signal.h>

#include <fstream>
#include <future>
#include <regex>
#include <thread>

#include "congvan_version.h"
#include "helpers.h"
#include "postgres_server.h"
#include "scan_helpers.h"
#include "store/archive.h"

using namespace congvan;
using namespace congvan::test;
namespace fs = std::filesystem;

TEST_CASE("a scan into PostgreSQL stores what a scan into SQLite stores", "[fixtures][scan][postgres]") {
    auto dir = fresh_dir("postgres-same-rows");
    auto docs = fresh_docs(dir);
    put_distinct_texts(docs, 1);
    put(docs, fixture("quang-tri-2021-cong-van.pdf"), "typed.pdf");
    std::ofstream(docs / "broken.pdf") << "%PDF-1.4 not really";
    std::string uri = PostgresServer::shared().fresh_database("same_rows");
    std::string sqlite = (dir / "archive.sqlite").string();
    auto into_pg = run_congvan({"scan", "--lang", "en", docs.string(), "--db", uri, "-j", "2"});
    auto into_sqlite = run_congvan({"scan", "--lang", "en", docs.string(), "--db", sqlite, "-j", "2"});
    INFO(into_pg.err);
    CHECK(into_pg.exit_code == into_sqlite.exit_code);
    CHECK(pg_count(uri, "SELECT COUNT(*) FROM documents") == static_cast<long>(kSeedNames.size()) + 2);
    std::string pg_export = comparable_export(uri);
    CHECK(pg_export.size() > 1000);
    CHECK(pg_export == comparable_export(sqlite));
    CHECK(run_congvan({"summary", "--db", uri, "--by", "rule"}).out == run_congvan({"summary", "--db", sqlite, "--by", "rule"}).out);
    // The report's site reads it as it reads SQLite.
    auto site = run_congvan({"report", "--db", uri, "-o", (dir / "site").string(), "--no-pages"});
    INFO(site.err);
    CHECK(site.exit_code == 0);
    CHECK(read_text_file(dir / "site" / "list" / "all-1.html").find("typed.pdf") != std::string::npos);
    // Search finds the same pages in both, typed with accents or without, đ as d.
    for (std::vector<std::string> words : {std::vector<std::string>{"học", "tập"},
                                           {"hoc tap suot doi"},
                                           {"\"hoc tap suot doi\""},
                                           {"dao tao"},
                                           {"4342/BGDĐT-GDTX"},
                                           {"khong co trong van ban nao"}}) {
        std::vector<std::string> pg_args{"search", "--db", uri}, sqlite_args{"search", "--db", sqlite};
        pg_args.insert(pg_args.end(), words.begin(), words.end());
        sqlite_args.insert(sqlite_args.end(), words.begin(), words.end());
        auto in_pg = run_congvan(pg_args), in_sqlite = run_congvan(sqlite_args);
        INFO(words.front() << ": " << in_pg.err);
        CHECK(in_pg.exit_code == in_sqlite.exit_code);
        CHECK(in_pg.out == in_sqlite.out);
    }
    CHECK(run_congvan({"search", "--db", uri, "dao tao"}).exit_code == 0);
    // A database of schema 7 (pages without their folded copy) is brought up to date
    // by the next scan, and searched as before.
    std::string before = run_congvan({"search", "--db", uri, "dao tao"}).out;
    pg_count(uri, "ALTER TABLE texts DROP COLUMN folded");
    pg_count(uri, "UPDATE congvan_schema SET version = 7");
    CHECK(run_congvan({"search", "--db", uri, "dao tao"}).exit_code == 2);  // read-only: says to scan it once
    CHECK(run_congvan({"scan", "--lang", "en", docs.string(), "--db", uri}).exit_code == into_pg.exit_code);
    CHECK(pg_count(uri, "SELECT version FROM congvan_schema") == kSchemaVersion);
    CHECK(run_congvan({"search", "--db", uri, "dao tao"}).out == before);
    // Run again: nothing is read twice.
    auto again = run_congvan({"scan", "--lang", "en", docs.string(), "--db", uri});
    CHECK(read_by(again) == 0);
    CHECK(pg_count(uri, "SELECT COUNT(*) FROM claims") == 0);
}

TEST_CASE("three scans sharing one folder and one PostgreSQL read every document exactly once", "[fixtures][scan][postgres]") {
    auto dir = fresh_dir("postgres-three");
    auto docs = fresh_docs(dir);
    put_distinct_texts(docs, 3);
    long documents = static_cast<long>(kSeedNames.size()) * 3;
    std::string uri = PostgresServer::shared().fresh_database("three_workers");
    std::vector<std::future<ProcessResult>> scans;
    for (int w = 0; w < 3; ++w)
        scans.push_back(std::async(std::launch::async, [&] {
            return run_congvan({"scan", "--lang", "en", docs.string(), "--db", uri, "-j", "1"});
        }));
    long read = 0;
    for (auto& scan : scans) {
        auto r = scan.get();
        INFO(r.err);
        CHECK(r.exit_code == 1);  // the seeds hold errors, as one scan finds them
        read += read_by(r);
    }
    CHECK(read == documents);
    CHECK(pg_count(uri, "SELECT COUNT(*) FROM documents") == documents);
    CHECK(pg_count(uri, "SELECT COUNT(DISTINCT path) FROM documents") == documents);
    CHECK(pg_count(uri, "SELECT COUNT(*) FROM documents WHERE error IS NOT NULL OR worker IS NULL") == 0);
    CHECK(pg_count(uri, "SELECT COUNT(*) FROM claims") == 0);
    // The same rows as one scan on its own.
    std::string alone = (dir / "alone.sqlite").string();
    run_congvan({"scan", docs.string(), "--db", alone});
    CHECK(comparable_export(uri) == comparable_export(alone));
}

TEST_CASE("a scan killed with SIGKILL mid-document: the others finish its documents after its lease", "[fixtures][scan][postgres]") {
    auto dir = fresh_dir("postgres-kill");
    auto docs = fresh_docs(dir);
    // Scans first in path order, so that the kill lands while OCR is in flight.
    for (std::string name : {"bac-kan-2022-ke-hoach", "hung-yen-2021-bao-cao", "lao-cai-2022-cong-van"})
        put(docs, fixture(name + ".scan-page1.pdf"), "a-" + name + ".pdf");
    put_distinct_texts(docs, 1);
    long documents = 3 + static_cast<long>(kSeedNames.size());
    std::string uri = PostgresServer::shared().fresh_database("killed_worker");
    int pid = spawn_congvan({"scan", docs.string(), "--db", uri, "-j", "1", "--lease", "3"});
    for (int i = 0; i < 600 && pg_count(uri, "SELECT COUNT(*) FROM claims") < 1; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    REQUIRE(pg_count(uri, "SELECT COUNT(*) FROM claims") == 1);  // a document in flight
    kill(pid, SIGKILL);
    CHECK(wait_for(pid) == 128 + SIGKILL);
    long stored_by_killed = pg_count(uri, "SELECT COUNT(*) FROM documents");
    CHECK(stored_by_killed < documents);
    auto started = std::chrono::steady_clock::now();
    auto one = std::async(std::launch::async, [&] {
        return run_congvan({"scan", "--lang", "en", docs.string(), "--db", uri, "--lease", "3"});
    });
    auto other = std::async(std::launch::async, [&] {
        return run_congvan({"scan", "--lang", "en", docs.string(), "--db", uri, "--lease", "3"});
    });
    auto a = one.get(), b = other.get();
    INFO(a.err << b.err);
    CHECK(read_by(a) + read_by(b) == documents - stored_by_killed);
    CHECK(pg_count(uri, "SELECT COUNT(*) FROM documents") == documents);
    CHECK(pg_count(uri, "SELECT COUNT(DISTINCT path) FROM documents") == documents);
    CHECK(pg_count(uri, "SELECT COUNT(*) FROM documents WHERE error IS NOT NULL") == 0);
    CHECK(pg_count(uri, "SELECT COUNT(*) FROM claims") == 0);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(120));
}

TEST_CASE("a path another scan stored since this one began is known without reading its file", "[fixtures][scan][postgres]") {
    auto dir = fresh_dir("postgres-stored-since");
    for (std::string db : {(dir / "archive.sqlite").string(), PostgresServer::shared().fresh_database("stored_since")}) {
        INFO(db);
        Archive archive(db);
        std::string began = archive.clock();
        REQUIRE(began.size() == 19);  // YYYY-MM-DD HH:MM:SS
        // A row of the very second the scan began may be an earlier scan's: only a
        // later second counts.
        std::this_thread::sleep_for(std::chrono::milliseconds(1100));
        StoredDocument row;
        row.path = "/archive/a.txt";
        row.sha256 = "5ca1ab1e";
        row.kind = "text";
        row.worker = "host:1:peer";
        archive.store(row, "0.1.0");
        CHECK(archive.stored_by_another_since(row.path, "host:2:this", began) == std::optional<std::string>("5ca1ab1e"));
        CHECK_FALSE(archive.stored_by_another_since(row.path, "host:1:peer", began));  // its own row
        CHECK_FALSE(archive.stored_by_another_since("/archive/b.txt", "host:2:this", began));
        // Stored before this scan began, or in its first second (an earlier pass): the
        // file may have changed since.
        CHECK_FALSE(archive.stored_by_another_since(row.path, "host:2:this", archive.clock()));
    }
}

TEST_CASE("a PostgreSQL server that cannot be reached is one line naming it, its password masked", "[scan]") {
    auto dir = fresh_dir("postgres-unreachable");
    std::string uri = "postgresql://congvan:s3cr3t@/archive?host=" + (dir / "no-server").string();
    for (const std::vector<std::string>& command :
         {std::vector<std::string>{"scan", "--lang", "en", dir.string(), "--db", uri},
          std::vector<std::string>{"summary", "--lang", "en", "--db", uri},
          std::vector<std::string>{"merge", "--lang", "en", uri, "-o", (dir / "merged.sqlite").string()}}) {
        auto r = run_congvan(command);
        INFO(command[0] << ": " << r.err);
        CHECK(r.exit_code == 2);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK_THAT(r.err, Catch::Contains("postgresql://congvan:***@/archive"));
        CHECK(r.err.find("s3cr3t") == std::string::npos);
        CHECK(r.err.find("\\x0a") == std::string::npos);  // libpq's lines made one
    }
}

TEST_CASE("a scan outlives a restart of its PostgreSQL server: the connection is made again, nothing is lost",
          "[fixtures][scan][postgres]") {
    auto dir = fresh_dir("postgres-restart");
    auto docs = fresh_docs(dir);
    for (std::string name : {"bac-kan-2022-ke-hoach", "hung-yen-2021-bao-cao", "lao-cai-2022-cong-van"})
        put(docs, fixture(name + ".scan-page1.pdf"), name + ".pdf");
    put_distinct_texts(docs, 1);
    long documents = 3 + static_cast<long>(kSeedNames.size());
    std::string uri = PostgresServer::shared().fresh_database("restarted");
    auto scan = std::async(std::launch::async, [&] {
        return run_congvan({"scan", "--lang", "en", docs.string(), "--db", uri, "-j", "1"});
    });
    for (int i = 0; i < 600 && pg_count(uri, "SELECT COUNT(*) FROM documents") < 1; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    long before = pg_count(uri, "SELECT COUNT(*) FROM documents");
    REQUIRE(before >= 1);
    PostgresServer::shared().restart();  // while a scanned page is being OCR'd
    auto r = scan.get();
    INFO(r.err);
    CHECK(before < documents);  // the restart came mid-scan
    CHECK(r.exit_code == 1);    // the seeds' findings, as an uninterrupted scan reports them
    CHECK(pg_count(uri, "SELECT COUNT(*) FROM documents") == documents);
    CHECK(pg_count(uri, "SELECT COUNT(*) FROM documents WHERE error IS NOT NULL") == 0);
    CHECK(pg_count(uri, "SELECT COUNT(*) FROM claims") == 0);
}

TEST_CASE("findings tied in page, line and rule read back in the order the check gave them, in both databases", "[postgres]") {
    auto dir = fresh_dir("postgres-finding-order");
    StoredDocument d;
    d.path = "plan.txt";
    d.sha256 = std::string(64, 'a');
    d.record = "{\"encoding\":1}";
    auto finding_at = [](int line, const std::string& words) {
        Finding f;
        f.rule = "missing-field";
        f.severity = Severity::Warning;
        f.message = Text{words, words};
        f.evidence = Evidence{1, line, "", std::nullopt, 100, 0, 0, {}};
        return f;
    };
    // Forty on one line in no order of their words, then one on an earlier line, so
    // that the database sorts them (PostgreSQL's sort is not stable).
    for (int i = 0; i < 40; ++i) d.findings.push_back(finding_at(3, "field " + std::to_string((i * 17) % 40)));
    d.findings.push_back(finding_at(1, "first line"));
    for (std::string db : {(dir / "archive.sqlite").string(), PostgresServer::shared().fresh_database("finding_order")}) {
        INFO(db);
        Archive archive(db);
        archive.store(d, CONGVAN_VERSION);
        auto back = archive.row(archive.stored_row(d.sha256, CONGVAN_VERSION, d.path)->id)->findings;
        REQUIRE(back.size() == 41);
        CHECK(back[0].message.en == "first line");
        for (int i = 0; i < 40; ++i) CHECK(back[i + 1].message.en == d.findings[i].message.en);
    }
}
