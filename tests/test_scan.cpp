// congvan scan on real folders: one row a document, errors recorded, resumable after
// kill -9, sharded without overlap or gaps.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>
#include "app/scan.h"
#include "congvan_version.h"
#include "helpers.h"
#include "reading/loader.h"
#include "scan_helpers.h"
#include "store/archive.h"
#include "store/walk.h"
#include "text/json_members.h"
#include "text/normalize.h"

using namespace congvan;
using namespace congvan::test;
namespace fs = std::filesystem;

TEST_CASE("in_shard splits by content hash into disjoint parts that cover everything") {
    std::vector<std::string> hashes = {"00000000aa", "00000001bb", "00000002cc", "ffffffffdd", "7fffffffee"};
    for (const auto& h : hashes) {
        int owners = 0;
        for (unsigned k = 0; k < 3; ++k) owners += in_shard(h, k, 3) ? 1 : 0;
        CHECK(owners == 1);
        CHECK(in_shard(h, 0, 1));
    }
}

TEST_CASE("a folder of text, PDF, scanned PDF, image and broken files gives one row each", "[fixtures][scan]") {
    auto dir = fresh_dir("mixed");
    put(dir, sample("bac-kan-2022-ke-hoach.txt"), "bac-kan.txt");
    fs::create_directories(dir / "nested");
    put(dir, fixture("hung-yen-2021-bao-cao.pdf"), "nested/hung-yen.pdf");
    put(dir, fixture("lao-cai-2022-cong-van.scan-page1.pdf"), "nested/lao-cai-scan.pdf");
    put(dir, fixture("dak-lak-2023-ke-hoach.scan.png"), "dak-lak.png");
    put(dir, fixture("bad/random.bin"), "broken.bin");
    put(dir, fixture("bad/truncated.pdf"), "nested/truncated.pdf");
    std::string db = (dir / "archive.sqlite").string();
    auto first = run_congvan({"scan", "--lang", "en", dir.string(), "--db", db, "-j", "2"});
    CHECK(first.exit_code == 2);  // two files could not be read
    CHECK_THAT(first.err, Catch::Contains("broken.bin: unrecognised binary format"));
    CHECK_THAT(first.err, Catch::Contains("truncated.pdf: truncated PDF"));
    CHECK(count(db, "SELECT COUNT(*) FROM documents") == 6);
    CHECK(count(db, "SELECT COUNT(*) FROM documents WHERE error IS NOT NULL") == 2);
    CHECK(count(db, "SELECT ocr_pages FROM documents WHERE path LIKE '%lao-cai-scan.pdf'") == 1);
    CHECK(count(db, "SELECT ocr_pages FROM documents WHERE kind = 'png'") == 1);
    CHECK(count(db, "SELECT text_pages FROM documents WHERE path LIKE '%hung-yen.pdf'") >= 5);
    CHECK(count(db,
                "SELECT COUNT(*) FROM findings f JOIN documents d ON d.id = f.document_id "
                "WHERE d.path LIKE '%bac-kan.txt' AND f.rule = 'opening-outside-week'") == 1);
    CHECK(count(db,
                "SELECT COUNT(*) FROM findings f JOIN documents d ON d.id = f.document_id "
                "WHERE d.path LIKE '%lao-cai-scan.pdf' AND f.rule = 'cited-dispatch-mismatch'") == 1);

    long max_id = count(db, "SELECT MAX(id) FROM documents");
    auto second = run_congvan({"scan", "--lang", "en", dir.string(), "--db", db});
    CHECK(second.exit_code == 2);  // the broken files are still broken
    CHECK_THAT(second.err, Catch::Contains("6 skipped"));
    CHECK(count(db, "SELECT MAX(id) FROM documents") == max_id);  // nothing written again
    CHECK(count(db, "SELECT COUNT(*) FROM documents") == 6);
}

TEST_CASE("a scan killed with SIGKILL and run again ends as an uninterrupted one", "[fixtures][scan]") {
    auto dir = fresh_dir("kill");
    auto docs = fresh_docs(dir);
    // Scans first in path order, so that the kill lands while OCR is in flight.
    put(docs, fixture("hung-yen-2021-bao-cao.scan.png"), "a-hung-yen.png");
    put(docs, fixture("bac-kan-2022-ke-hoach.scan.png"), "b-bac-kan.png");
    put(docs, fixture("lao-cai-2022-cong-van.scan.png"), "c-lao-cai.png");
    for (std::string name : {"dak-lak-2023-ke-hoach", "nghe-an-2024-ke-hoach", "hung-yen-2021-bao-cao"})
        put(docs, sample(name + ".txt"), "d-" + name + ".txt");
    std::string whole = (dir / "whole.sqlite").string(), killed = (dir / "killed.sqlite").string();
    CHECK(run_congvan({"scan", "--lang", "en", docs.string(), "--db", whole, "-j", "2"}).exit_code == 1);

    int pid = spawn_congvan({"scan", "--lang", "en", docs.string(), "--db", killed, "-j", "1"});
    wait_until_stored(killed);
    kill(pid, SIGKILL);
    CHECK(wait_for(pid) == 128 + SIGKILL);
    long before = count(killed, "SELECT COUNT(*) FROM documents");
    INFO("documents stored before the kill: " << before);
    CHECK(before >= 1);
    CHECK(before < 6);
    CHECK(run_congvan({"scan", "--lang", "en", docs.string(), "--db", killed, "-j", "2"}).exit_code == 1);
    CHECK(count(killed, "SELECT COUNT(*) FROM documents") == 6);
    CHECK(comparable_export(killed) == comparable_export(whole));
}

TEST_CASE("--shard K/N over N runs covers every document exactly once, split by path or by content", "[fixtures][scan]") {
    auto dir = fresh_dir("shards");
    auto docs = fresh_docs(dir);
    for (const auto& entry : fs::directory_iterator(samples_dir())) put(docs, entry.path().string(), entry.path().filename().string());
    std::set<std::string> all;
    for (const auto& entry : fs::directory_iterator(docs)) all.insert(entry.path().string());
    for (std::string by : {"path", "content"}) {
        INFO(by);
        std::multiset<std::string> seen;
        for (unsigned k = 0; k < 3; ++k) {
            std::string db = (dir / ("shard-" + by + std::to_string(k) + ".sqlite")).string();
            run_congvan({"scan", "--lang", "en", docs.string(), "--db", db, "--shard", std::to_string(k) + "/3", "--shard-by", by});
            Archive archive(db);
            for (const auto& d : archive.documents()) {
                seen.insert(d.path);
                // By path, the shard is the path's own: decided before the file is read.
                if (by == "path") CHECK(path_in_shard(d.path, k, 3));
                else CHECK(in_shard(d.sha256, k, 3));
            }
        }
        CHECK(seen.size() == all.size());
        CHECK(std::set<std::string>(seen.begin(), seen.end()) == all);
    }
    CHECK(run_congvan({"scan", "--lang", "en", docs.string(), "--db", (dir / "x.sqlite").string(), "--shard", "3/3"}).exit_code == 2);
    CHECK(run_congvan({"scan", "--lang", "en", docs.string(), "--db", (dir / "x.sqlite").string(), "--shard-by", "size"}).exit_code != 0);
}

TEST_CASE("a document that takes longer than --timeout is recorded as an error and the batch goes on", "[fixtures][scan]") {
    auto dir = fresh_dir("timeout");
    auto docs = fresh_docs(dir);
    put(docs, fixture("hung-yen-2021-bao-cao.scan.pdf"), "long-scan.pdf");
    put(docs, sample("bac-kan-2022-ke-hoach.txt"), "plan.txt");
    std::string db = (dir / "archive.sqlite").string();
    auto r = run_congvan({"scan", "--lang", "en", docs.string(), "--db", db, "--timeout", "1", "-j", "2"});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("long-scan.pdf: timed out after 1 s"));
    CHECK(count(db, "SELECT COUNT(*) FROM documents WHERE error LIKE '{\"key\":\"error.timed-out-after\"%'") == 1);
    CHECK(count(db, "SELECT COUNT(*) FROM documents WHERE error IS NULL AND path LIKE '%plan.txt'") == 1);
}

TEST_CASE("a document that stopped congvan three times is recorded as an error, not started again", "[fixtures][scan]") {
    auto dir = fresh_dir("crashing");
    auto docs = fresh_docs(dir);
    put(docs, sample("bac-kan-2022-ke-hoach.txt"), "crashes.txt");
    put(docs, sample("nghe-an-2024-ke-hoach.txt"), "fine.txt");
    std::string db = (dir / "archive.sqlite").string();
    {
        Archive archive(db);
        std::string sha = sha256_hex(read_file_bytes((docs / "crashes.txt").string()));
        for (int i = 0; i < 3; ++i) archive.begin_attempt(sha, CONGVAN_VERSION);  // three runs that died on it
    }
    auto r = run_congvan({"scan", "--lang", "en", docs.string(), "--db", db});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("crashes.txt: congvan stopped 3 times"));
    CHECK(count(db, "SELECT COUNT(*) FROM documents WHERE error IS NULL AND path LIKE '%fine.txt'") == 1);
    CHECK(count(db, "SELECT COUNT(*) FROM attempts") == 0);
}

TEST_CASE("a database of another schema is refused with its reason, not half-read") {
    auto path = (fs::temp_directory_path() / "congvan-other-schema.sqlite").string();
    fs::remove(path);
    {
        sqlite3* db = nullptr;
        sqlite3_open(path.c_str(), &db);
        sqlite3_exec(db, "CREATE TABLE documents (x); PRAGMA user_version = 99;", nullptr, nullptr, nullptr);
        sqlite3_close(db);
    }
    CHECK_THROWS_WITH(Archive(path), Catch::Contains("schema 99"));
    // Refused before anything about it changed: still in its own journal mode.
    {
        sqlite3* db = nullptr;
        sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
        sqlite3_stmt* stmt = nullptr;
        sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, nullptr);
        REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
        CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0))) == "delete");
        sqlite3_finalize(stmt);
        sqlite3_close(db);
    }
    fs::remove(path);
    { Archive fresh(path); }
    CHECK_NOTHROW(Archive(path));  // reopening our own
    fs::remove(path);
}

TEST_CASE("a document that exhausts its memory fails alone; the scan and the other documents go on", "[fixtures][scan][memory]") {
    auto dir = fresh_dir("memory");
    auto docs = fresh_docs(dir);
    // Two million `q` (save state) operators: Poppler takes gigabytes for them, then
    // aborts the process when memory runs out.
    std::string save_states;
    for (int i = 0; i < 2'000'000; ++i) save_states += "q ";
    std::ofstream(docs / "bomb.pdf", std::ios::binary) << one_page_pdf(595, 842, save_states);
    put(docs, sample("nghe-an-2024-ke-hoach.txt"), "plan.txt");
    std::string db = (dir / "archive.sqlite").string();
    auto r = run_congvan({"scan", "--lang", "en", docs.string(), "--db", db, "-j", "2", "--max-memory", "768"});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("bomb.pdf: ") && Catch::Contains("768 MiB"));
    CHECK(count(db, "SELECT COUNT(*) FROM documents WHERE path LIKE '%bomb.pdf' AND error IS NOT NULL") == 1);
    CHECK(count(db, "SELECT COUNT(*) FROM documents WHERE path LIKE '%plan.txt' AND error IS NULL") == 1);
}

TEST_CASE("--timeout counts a document's own work, not its wait behind others", "[fixtures][scan]") {
    // Scans of a few seconds each, one at a time, each within the limit while the
    // run as a whole takes longer than it: none may time out.
    auto dir = fresh_dir("own-time");
    auto docs = fresh_docs(dir);
    for (std::string name : {"nghe-an-2024-ke-hoach", "gia-lai-2020-ke-hoach"}) put(docs, fixture(name + ".scan.pdf"), name + ".pdf");
    for (std::string name : {"hung-yen-2021-bao-cao", "bac-kan-2022-ke-hoach", "lao-cai-2022-cong-van", "dak-lak-2023-ke-hoach",
                             "quang-tri-2021-cong-van", "binh-dinh-2023-bao-cao", "ca-mau-2014-ke-hoach"})
        put(docs, fixture(name + ".scan-page1.pdf"), name + "-p1.pdf");
    std::string db = (dir / "archive.sqlite").string();
    auto r = run_congvan({"scan", "--lang", "en", docs.string(), "--db", db, "-j", "1", "--timeout", "8"});
    CHECK(r.err.find("timed out") == std::string::npos);
    CHECK(count(db, "SELECT COUNT(*) FROM documents WHERE error IS NULL") == 9);
    CHECK(count(db, "SELECT COUNT(*) FROM documents WHERE seconds > 8") == 0);
    // The run took longer than the limit, so a clock started at the batch's
    // start would have stopped the last documents.
    CHECK(count(db, "SELECT CAST(SUM(seconds) AS INTEGER) FROM documents") > 8);
}

TEST_CASE("Ctrl-C stops a scan cleanly: finished documents stay, those in flight are not crashes", "[fixtures][scan]") {
    auto dir = fresh_dir("interrupt");
    auto docs = fresh_docs(dir);
    put(docs, sample("nghe-an-2024-ke-hoach.txt"), "a-plan.txt");
    for (std::string name : {"hung-yen-2021-bao-cao", "bac-kan-2022-ke-hoach", "lao-cai-2022-cong-van"})
        put(docs, fixture(name + ".scan.pdf"), "b-" + name + ".pdf");
    std::string db = (dir / "archive.sqlite").string();
    int pid = spawn_congvan({"scan", "--lang", "en", docs.string(), "--db", db, "-j", "1"});
    wait_until_stored(db);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // a scan is now in flight
    kill(pid, SIGINT);
    CHECK(wait_for(pid) == kExitInterrupted);
    CHECK(count(db, "SELECT COUNT(*) FROM documents WHERE error IS NOT NULL") == 0);
    CHECK(count(db, "SELECT COUNT(*) FROM documents") >= 1);
    CHECK(count(db, "SELECT COALESCE(MAX(starts), 0) FROM attempts") == 0);
    // Run again: it goes on to the end, and ends as a run that was never interrupted.
    CHECK(run_congvan({"scan", "--lang", "en", docs.string(), "--db", db, "-j", "2"}).exit_code < 2);
    CHECK(count(db, "SELECT COUNT(*) FROM documents") == 4);
    std::string whole = (dir / "uninterrupted.sqlite").string();
    run_congvan({"scan", "--lang", "en", docs.string(), "--db", whole, "-j", "2"});
    CHECK(comparable_export(db) == comparable_export(whole));
}

TEST_CASE("the walk skips hidden files and folders, follows links once, and names what it passed over", "[scan]") {
    auto dir = fresh_dir("walk");
    auto docs = fresh_docs(dir);
    put(docs, sample("nghe-an-2024-ke-hoach.txt"), "plan.txt");
    fs::create_directories(docs / ".git");
    std::ofstream(docs / ".git" / "HEAD") << "ref: refs/heads/main\n";
    std::ofstream(docs / ".hidden.txt") << "Kính gửi:\n";
    fs::create_directories(dir / "elsewhere");
    put(dir / "elsewhere", sample("lao-cai-2022-cong-van.txt"), "linked.txt");
    fs::create_symlink(dir / "elsewhere" / "linked.txt", docs / "file-link.txt");
    fs::create_directory_symlink(dir / "elsewhere", docs / "folder-link");
    fs::create_directory_symlink(docs, docs / "loop");
    fs::create_symlink(dir / "nothing-here", docs / "broken");
    REQUIRE(mkfifo((docs / "pipe").c_str(), 0600) == 0);
    // A link to a device, and two links to each other: neither is a broken link.
    fs::create_symlink("/dev/zero", docs / "zeros");
    fs::create_symlink(docs / "ping", docs / "pong");
    fs::create_symlink(docs / "pong", docs / "ping");
    auto walk = collect_files({docs.string()}, "");
    const auto& files = walk.files;
    std::vector<std::string> expected = {(docs / "file-link.txt").string(), (docs / "folder-link" / "linked.txt").string(),
                                         (docs / "plan.txt").string()};
    CHECK(files == expected);
    std::string said;
    for (const auto& p : walk.passed_over) said += p.path + ": " + shown_reason(p.reason).en + "\n";
    CHECK_THAT(said, Catch::Contains("loop: link to a folder already scanned"));
    CHECK_THAT(said, Catch::Contains("broken: broken symbolic link"));
    CHECK_THAT(said, Catch::Contains("pipe: not a regular file"));
    CHECK_THAT(said, Catch::Contains("zeros: not a regular file"));
    CHECK_THAT(said, Catch::Contains("ping: a loop of symbolic links"));
    CHECK_THAT(said, Catch::Contains("pong: a loop of symbolic links"));
    CHECK(said.find(".git") == std::string::npos);
}

TEST_CASE("every path is stored, an edited file replaces its row, and failures can be read again", "[fixtures][scan]") {
    auto dir = fresh_dir("paths");
    auto docs = fresh_docs(dir);
    put(docs, sample("nghe-an-2024-ke-hoach.txt"), "a.txt");
    put(docs, sample("nghe-an-2024-ke-hoach.txt"), "b-copy.txt");
    put(docs, fixture("hung-yen-2021-bao-cao.scan-page1.pdf"), "slow.pdf");
    std::string db = (dir / "archive.sqlite").string();
    auto first = run_congvan({"scan", "--lang", "en", docs.string(), "--db", db, "--timeout", "1"});
    CHECK(first.exit_code == 2);  // the scan timed out
    CHECK(count(db, "SELECT COUNT(*) FROM documents WHERE path LIKE '%a.txt' OR path LIKE '%b-copy.txt'") == 2);
    CHECK(count(db, "SELECT COUNT(DISTINCT sha256) FROM documents WHERE path LIKE '%.txt'") == 1);
    CHECK(count(db, "SELECT COUNT(*) FROM findings JOIN documents ON id = document_id WHERE path LIKE '%b-copy.txt'") ==
          count(db, "SELECT COUNT(*) FROM findings JOIN documents ON id = document_id WHERE path LIKE '%a.txt'"));

    // A copy added later is stored without being read again.
    put(docs, sample("nghe-an-2024-ke-hoach.txt"), "c-later.txt");
    // The edited file: new content under the old name.
    fs::remove(docs / "a.txt");
    put(docs, sample("lao-cai-2022-cong-van.txt"), "a.txt");
    auto second = run_congvan({"scan", "--lang", "en", docs.string(), "--db", db, "--timeout", "1"});
    CHECK(count(db, "SELECT COUNT(*) FROM documents WHERE path LIKE '%a.txt'") == 1);
    CHECK(count(db, "SELECT COUNT(*) FROM documents WHERE path LIKE '%a.txt' AND doc_type = 'cong_van'") == 1);
    CHECK(count(db, "SELECT COUNT(*) FROM documents WHERE path LIKE '%c-later.txt' AND error IS NULL") == 1);
    CHECK(count(db, "SELECT COUNT(*) FROM documents WHERE path LIKE '%slow.pdf' AND error LIKE '{\"key\":\"error.timed-out-after\"%'") ==
          1);

    // --retry-errors reads the failed one again, with time enough this time.
    run_congvan({"scan", "--lang", "en", docs.string(), "--db", db, "--timeout", "60", "--retry-errors"});
    CHECK(count(db, "SELECT COUNT(*) FROM documents WHERE path LIKE '%slow.pdf' AND error IS NULL") == 1);
    CHECK(count(db, "SELECT COUNT(*) FROM documents") == 4);
    // --force reads all again and changes nothing but the timings.
    std::string before = comparable_export(db);
    run_congvan({"scan", "--lang", "en", docs.string(), "--db", db, "--force"});
    CHECK(comparable_export(db) == before);
}

TEST_CASE("a full database says so, names itself, and keeps what it had", "[scan]") {
    auto path = (fs::temp_directory_path() / "congvan-full.sqlite").string();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
    Archive archive(path);
    StoredDocument small;
    small.path = "a.txt";
    small.sha256 = std::string(64, 'a');
    archive.store(small, CONGVAN_VERSION);
    // The disk is full: SQLite may not grow the file by more than a page or two.
    archive.connection().exec("PRAGMA max_page_count = 8");
    StoredDocument big = small;
    big.path = "b.txt";
    big.sha256 = std::string(64, 'b');
    big.fields = nlohmann::ordered_json{{"text", std::string(1 << 20, 'x')}};
    try {
        archive.store(big, CONGVAN_VERSION);
        FAIL("a document larger than the space left was stored");
    } catch (const std::runtime_error& e) {
        std::string why = e.what();
        CHECK_THAT(why, Catch::Contains(path) && Catch::Contains("full"));
        CHECK(why.find("no transaction is active") == std::string::npos);
    }
    auto docs = archive.documents();
    REQUIRE(docs.size() == 1);
    CHECK(docs[0].path == "a.txt");
}

// Two findings that between them set every member a finding has.
std::vector<Finding> every_member_findings() {
    Finding uncertain{"theme-mismatch",
                      Severity::Info,
                      Text{"khác chủ đề", "another theme"},
                      Value{Value::Kind::Period, "2024-10-01/2024-10-07"},
                      text_value("Tuần lễ"),
                      Evidence{2, 13, "chủ đề: …", BBox{1, 2, 3, 4}, 61.5, 0, 0, {BBox{1, 6, 3, 8}}}};
    uncertain.doubts = {Doubt::UncertainReading, Doubt::ReferenceInferred};
    uncertain.read_confidence = 58;
    Finding sure{"date-invalid", Severity::Error, message("value.date-after", {{"value", "01/10/2024"}})};
    sure.evidence = Evidence{1, 14, "Số: 5/KH-UBND", std::nullopt, 100, 40, 6, {}};
    sure.reference_confidence = "seed";
    sure.fix = Fix{"5/KH-UBND", "05/KH-UBND"};
    return {sure, uncertain};  // as they are read back: by page, line and rule
}

TEST_CASE("a finding's uncertain reading and a document's record are stored, and a schema 1 database is brought up to date", "[scan]") {
    auto path = (fs::temp_directory_path() / "congvan-schema1.sqlite").string();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
    {
        sqlite3* db = nullptr;
        sqlite3_open(path.c_str(), &db);
        std::string v1 = kArchiveSchema;
        auto column = v1.find(",\n  uncertain_reading");
        REQUIRE(column != std::string::npos);
        v1.erase(column, v1.find('\n', column + 2) - column);  // the schema as version 1 wrote it
        for (const char* added : {"  record ", "  checked_with ", "  bbox ", "  source_line ", "  source_column ", "  evidence_confidence ",
                                  "  reference_confidence ",                                               // (and before version 3)
                                  "  expected_kind ", "  found_kind ", "  doubts ", "  read_confidence ",  // (before 5)
                                  "  fix_replace ", "  fix_with ",                                         // (before 6)
                                  "  worker ",                                                             // (before 7)
                                  "  data "}) {                                                            // (before 9)
            auto line = v1.find(added);
            REQUIRE(line != std::string::npos);
            v1.erase(line, v1.find('\n', line) + 1 - line);
        }
        REQUIRE(sqlite3_exec(db, (v1 + "PRAGMA user_version = 1;").c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    Archive archive(path);
    StoredDocument d;
    d.path = "scan.pdf";
    d.sha256 = std::string(64, 'c');
    d.record = "{\"encoding\":1}";
    d.checked_with = "fingerprint";
    d.findings = every_member_findings();
    archive.store(d, CONGVAN_VERSION);
    auto back = archive.documents();
    REQUIRE(back.size() == 1);
    // Every member of every finding comes back as it went in (rules/finding.h lists them once).
    CHECK(nlohmann::json(back[0].findings) == nlohmann::json(d.findings));
    REQUIRE(back[0].findings.size() == 2);
    CHECK(back[0].findings[1].doubts_that(Doubt::UncertainReading));
    REQUIRE(back[0].findings[1].evidence);
    CHECK(back[0].findings[1].evidence->bbox->y1 == 4);
    CHECK(back[0].findings[0].fix->with == "05/KH-UBND");
    CHECK(back[0].record == d.record);
    CHECK(back[0].checked_with == "fingerprint");
    CHECK(count(path, "PRAGMA user_version") == kSchemaVersion);
}

TEST_CASE("findings stored before they were kept whole are read from their columns", "[scan]") {
    auto path = (fs::temp_directory_path() / "congvan-schema8.sqlite").string();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
    StoredDocument d;
    d.path = "plan.pdf";
    d.sha256 = std::string(64, 'e');
    d.findings = every_member_findings();
    Archive(path).store(d, CONGVAN_VERSION);
    {
        sqlite3* db = nullptr;
        sqlite3_open(path.c_str(), &db);  // as schema 8 wrote it: no data column
        REQUIRE(sqlite3_exec(db, "ALTER TABLE findings DROP COLUMN data; PRAGMA user_version = 8;", nullptr, nullptr, nullptr) ==
                SQLITE_OK);
        sqlite3_close(db);
    }
    auto back = Archive(path, Archive::Access::ReadOnly).documents();
    REQUIRE(back.size() == 1);
    // Every member but a message's key: the columns keep its words.
    for (auto& f : d.findings) f.message = Text{f.message.vi, f.message.en};
    CHECK(nlohmann::json(back[0].findings) == nlohmann::json(d.findings));
    CHECK(back[0].findings[0].message.en == "after 01/10/2024");
    CHECK(count(path, "PRAGMA user_version") == 8);  // reading changed nothing
}

TEST_CASE("each stored document is visited once, in path order, a page of rows at a time", "[scan]") {
    auto dir = fresh_dir("each-document");
    Archive archive((dir / "archive.sqlite").string());
    for (int i = 0; i < 150; ++i) {  // more than two pages
        StoredDocument d;
        d.path = "folder/" + std::to_string(1000 + (i * 37) % 150) + ".txt";
        d.sha256 = std::string(64, "0123456789abcdef"[i % 16]);
        d.findings = every_member_findings();
        archive.store(d, CONGVAN_VERSION);
    }
    std::vector<std::string> visited;
    archive.each_document([&](StoredDocument& d) {
        visited.push_back(d.path);
        CHECK(d.findings.size() == 2);
        CHECK(archive.holds(d.path));  // the visit may ask the archive: its lock is not held
    });
    REQUIRE(visited.size() == 150);
    CHECK(std::is_sorted(visited.begin(), visited.end()));
    CHECK(std::set<std::string>(visited.begin(), visited.end()).size() == 150);
}

TEST_CASE("a path has one row: what a newer congvan stores replaces what an older one stored", "[scan]") {
    auto dir = fresh_dir("one-row-a-path");
    Archive archive((dir / "archive.sqlite").string());
    StoredDocument d;
    d.path = "plan.pdf";
    d.sha256 = std::string(64, 'a');
    d.number = "12/KH-UBND";
    archive.store(d, "0.0.9");
    d.number = "13/KH-UBND";
    archive.store(d, CONGVAN_VERSION);
    StoredDocument other = d;
    other.path = "copy of plan.pdf";
    archive.store(other, "0.0.9");
    auto rows = archive.documents();
    REQUIRE(rows.size() == 2);
    CHECK(rows[1].path == "plan.pdf");
    CHECK(rows[1].number == "13/KH-UBND");
    CHECK(archive.outcome(d.sha256, CONGVAN_VERSION, "plan.pdf").has_value());
    CHECK_FALSE(archive.outcome(d.sha256, "0.0.9", "plan.pdf").value_or(Archive::Outcome{}).stored_at_path);
}

TEST_CASE("export and summary read a database without changing it, and refuse what is not a scan database", "[scan]") {
    auto dir = fresh_dir("read-only");
    std::string text = (dir / "notes.sqlite").string(), foreign = (dir / "foreign.sqlite").string();
    std::ofstream(text) << "not a database at all\n";
    sqlite3* handle = nullptr;
    sqlite3_open(foreign.c_str(), &handle);
    sqlite3_exec(handle, "CREATE TABLE t (x); PRAGMA user_version = 7;", nullptr, nullptr, nullptr);
    sqlite3_close(handle);
    for (const auto& db : {text, foreign})
        for (const char* command : {"export", "summary"}) {
            INFO(db << " " << command);
            auto before = read_text_file(db);
            auto r = run_congvan({command, "--db", db});
            CHECK(r.exit_code == 2);
            // In the default language, Vietnamese; in English with --lang en.
            CHECK_THAT(r.err, Catch::StartsWith("congvan: " + db + ": không phải cơ sở dữ liệu do congvan scan tạo"));
            CHECK_THAT(run_congvan({command, "--lang", "en", "--db", db}).err,
                       Catch::StartsWith("congvan: " + db + ": not a congvan scan database"));
            CHECK(read_text_file(db) == before);
        }
    // A real one, read-only on disk: exported all the same, unchanged.
    std::string db = (dir / "archive.sqlite").string();
    auto docs = fresh_docs(dir);
    put(docs, sample("lao-cai-2022-cong-van.txt"), "lao-cai.txt");
    run_congvan({"scan", "--lang", "en", docs.string(), "--db", db});
    auto before = read_text_file(db);
    fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    auto r = run_congvan({"export", "--db", db, "--format", "csv"});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("cited-dispatch-mismatch"));
    CHECK(read_text_file(db) == before);
}

TEST_CASE("a folder or a file the scan cannot read is stored with its reason, and the walk goes on past it", "[scan]") {
    fs::path dir = fresh_temp_dir("congvan-unreadable");
    fs::path docs = dir / "docs";
    fs::create_directories(docs / "b-locked");
    fs::create_directories(docs / "c-after");
    put(docs, sample("nghe-an-2024-ke-hoach.txt"), "a-readable.txt");
    put(docs / "b-locked", sample("lao-cai-2022-cong-van.txt"), "inside.txt");
    put(docs / "c-after", sample("bac-kan-2022-ke-hoach.txt"), "after.txt");
    put(docs, sample("quang-tri-2021-cong-van.txt"), "d-locked.txt");
    fs::permissions(docs / "b-locked", fs::perms::none);
    fs::permissions(docs / "d-locked.txt", fs::perms::none);
    std::string db = (dir / "archive.sqlite").string();
    // Permissions do not stop root: as root, the scan runs as nobody, owner of the tree.
    std::vector<std::string> command{CONGVAN_BINARY};
    if (geteuid() == 0) {
        for (const auto& p : {dir, docs, docs / "b-locked", docs / "c-after", docs / "a-readable.txt", docs / "b-locked" / "inside.txt",
                              docs / "c-after" / "after.txt", docs / "d-locked.txt"})
            REQUIRE(lchown(p.c_str(), 65534, 65534) == 0);
        command = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", CONGVAN_BINARY};
    }
    command.insert(command.end(), {"scan", "--lang", "en", docs.string(), "--db", db});
    auto r = run_program(command);
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("b-locked: cannot read folder: Permission denied"));
    CHECK_THAT(r.err, Catch::Contains("d-locked.txt: cannot open file: Permission denied"));
    // The folder after the locked one is walked; both failures are rows with their reason.
    CHECK(count(db, "SELECT COUNT(*) FROM documents WHERE error IS NULL") == 2);
    CHECK(count(db, "SELECT COUNT(*) FROM documents WHERE path LIKE '%c-after/after.txt' AND error IS NULL") == 1);
    CHECK(count(db, "SELECT COUNT(*) FROM documents WHERE path LIKE '%b-locked' AND error LIKE '{\"key\":\"error.cannot-read-folder\"%'") ==
          1);
    CHECK(count(db, "SELECT COUNT(*) FROM documents WHERE path LIKE '%d-locked.txt' AND error LIKE '{\"key\":\"error.cannot-open\"%'") ==
          1);
    // Readable again: read, and the error rows go.
    fs::permissions(docs / "b-locked", fs::perms::owner_all);
    fs::permissions(docs / "d-locked.txt", fs::perms::owner_read | fs::perms::owner_write);
    auto again = run_program(command);
    INFO(again.err);
    CHECK(again.exit_code < 2);
    CHECK(count(db, "SELECT COUNT(*) FROM documents WHERE error IS NULL") == 4);
    CHECK(count(db, "SELECT COUNT(*) FROM documents") == 4);
}

TEST_CASE("summary in CSV and JSON Lines, provinces in Vietnamese alphabetical order; --bom for Excel", "[scan]") {
    std::string dir = fresh_temp_dir("congvan-summary");
    std::string db = dir + "/a.sqlite";
    auto scan = run_congvan({"scan", samples_dir(), "--db", db, "-j", "2"});
    REQUIRE(scan.exit_code <= 1);
    auto csv = run_congvan({"summary", "--format", "csv", "--db", db});
    REQUIRE(csv.exit_code == 0);
    CHECK_THAT(csv.out, Catch::StartsWith("dimension,key,documents,errors,warnings,infos\n"));
    std::vector<std::string> provinces;
    std::istringstream rows(csv.out);
    for (std::string row; std::getline(rows, row);)
        if (row.rfind("province,", 0) == 0 && row.size() > 9 && row[9] != ',') provinces.push_back(row.substr(9, row.find(',', 9) - 9));
    REQUIRE(provinces.size() >= 5);
    auto sorted = provinces;
    sort_vietnamese(sorted);
    CHECK(provinces == sorted);
    // ICU's order, not the bytes': Đắk Lắk between Cà Mau and Gia Lai, Bắc Kạn before Bình Định.
    auto at = [&](const std::string& p) { return std::find(provinces.begin(), provinces.end(), p) - provinces.begin(); };
    CHECK(at("Đắk Lắk") < at("Gia Lai"));
    CHECK(at("Cà Mau") < at("Đắk Lắk"));
    CHECK(at("Bắc Kạn") < at("Bình Định"));
    auto jsonl = run_congvan({"summary", "--format", "jsonl", "--db", db});
    std::size_t counts = 0;
    bool unaudited = false;
    std::istringstream jsonl_lines(jsonl.out);
    for (std::string line; std::getline(jsonl_lines, line);) {
        auto j = nlohmann::json::parse(line);
        counts += j["type"] == "count";
        unaudited = unaudited || j["type"] == "unaudited";
    }
    CHECK(counts > provinces.size());
    CHECK(unaudited);
    // Excel reads UTF-8 CSV as such only after a byte-order mark.
    CHECK_THAT(run_congvan({"summary", "--format", "csv", "--bom", "--db", db}).out, Catch::StartsWith("\xEF\xBB\xBF"
                                                                                                       "dimension,"));
    CHECK_THAT(run_congvan({"export", "--format", "csv", "--bom", "--db", db}).out, Catch::StartsWith("\xEF\xBB\xBF"
                                                                                                      "file,"));
    CHECK_THAT(run_congvan({"check", "--format", "csv", "--bom", sample("lao-cai-2022-cong-van.txt")}).out, Catch::StartsWith("\xEF\xBB\xBF"
                                                                                                                              "file,"));
    CHECK_THAT(run_congvan({"export", "--format", "csv", "--db", db}).out, Catch::StartsWith("file,"));
}

TEST_CASE("kills from outside never count against a document, and a dead scan's claims on this host are taken at once",
          "[fixtures][scan]") {
    auto dir = fresh_dir("outside-kills");
    auto docs = fresh_docs(dir);
    put(docs, fixture("lao-cai-2022-cong-van.scan.png"), "scanned.png");
    std::string db = (dir / "archive.sqlite").string();
    // Four scans killed with kill -9 while the page is being read (preemption, the
    // OOM killer): the old count would have given it up on the fourth start.
    for (int round = 0; round < 4; ++round) {
        INFO("round " << round);
        int pid = spawn_congvan({"scan", "--lang", "en", docs.string(), "--db", db, "-j", "1"});
        bool in_flight = false;
        for (int wait = 0; wait < 200 && !in_flight; ++wait) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            in_flight = std::filesystem::exists(db) && count(db, "SELECT COUNT(*) FROM claims") > 0;
        }
        kill(pid, SIGKILL);
        wait_for(pid);
        CHECK(in_flight);
    }
    auto started = std::chrono::steady_clock::now();
    auto r = run_congvan({"scan", "--lang", "en", docs.string(), "--db", db, "-j", "1"});
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    INFO(r.err);
    CHECK(r.err.find("stopped") == std::string::npos);
    CHECK(count(db, "SELECT COUNT(*) FROM documents WHERE error IS NULL AND path LIKE '%scanned.png'") == 1);
    // The dead scans' claims name this host and pids that are gone: not waited out
    // (the lease is 60 s).
    CHECK(seconds < 45);
}

TEST_CASE("the progress line says when a scan waits for documents another scan holds") {
    ScanCounters counters;
    counters.total = 10;
    counters.done = 4;
    CHECK(progress_line(counters, Language::Vietnamese).find("chờ") == std::string::npos);
    counters.held_elsewhere = 6;
    CHECK_THAT(progress_line(counters, Language::Vietnamese), Catch::Contains(", chờ 6 văn bản lượt quét khác đang giữ"));
    CHECK_THAT(progress_line(counters, Language::English), Catch::Contains(", waiting for 6 another scan holds"));
}
