// congvan merge (store/merge.h): shard files merged into one equal one unsharded
// scan, into SQLite and into PostgreSQL; merging again changes nothing; a newer
// scan of a path replaces an older one; a source that is not a scan database is
// named and the others are merged.
#include <sqlite3.h>
#include <catch2/catch.hpp>

#include <fstream>
#include <thread>

#include "helpers.h"
#include "postgres_server.h"
#include "scan_helpers.h"
#include "store/archive.h"

using namespace congvan;
using namespace congvan::test;
namespace fs = std::filesystem;

namespace {

// Rows by id, so that "changes nothing" covers rows deleted and written again.
std::vector<std::string> ids_and_paths(const std::string& db) {
    std::vector<std::string> out;
    Archive archive(db, Archive::Access::ReadOnly);
    for (const auto& d : archive.listing()) out.push_back(std::to_string(d.id) + " " + d.path);
    return out;
}

}  // namespace

TEST_CASE("merge of three shard files equals one unsharded scan, and merging again changes nothing", "[fixtures][scan][postgres]") {
    auto dir = fresh_dir("merge");
    auto docs = fresh_docs(dir);
    for (const auto& entry : fs::directory_iterator(samples_dir())) put(docs, entry.path().string(), entry.path().filename().string());
    put(docs, fixture("quang-tri-2021-cong-van.pdf"), "typed.pdf");
    put(docs, sample("bac-kan-2022-ke-hoach.txt"), "same-bytes-as-bac-kan.txt");
    std::ofstream(docs / "broken.pdf") << "%PDF-1.4 not really";
    std::string whole = (dir / "whole.sqlite").string();
    run_congvan({"scan", "--lang", "en", docs.string(), "--db", whole});
    std::vector<std::string> shards;
    for (int k = 0; k < 3; ++k) {
        shards.push_back((dir / ("shard-" + std::to_string(k) + ".sqlite")).string());
        run_congvan({"scan", "--lang", "en", docs.string(), "--db", shards.back(), "--shard", std::to_string(k) + "/3"});
        CHECK(count(shards.back(), "SELECT COUNT(*) FROM documents") < count(whole, "SELECT COUNT(*) FROM documents"));
    }
    std::string expected = comparable_export(whole);
    REQUIRE(expected.find("typed.pdf") != std::string::npos);

    std::string merged = (dir / "merged.sqlite").string();
    std::vector<std::string> merge = {"merge", "--lang", "en"};
    merge.insert(merge.end(), shards.begin(), shards.end());
    merge.insert(merge.end(), {"-o", merged});
    auto first = run_congvan(merge);
    INFO(first.err);
    CHECK(first.exit_code == 0);
    CHECK(comparable_export(merged) == expected);
    // The pages' text came along: search finds what the unsharded scan finds.
    CHECK(run_congvan({"search", "--db", merged, "hoc tap suot doi"}).out ==
          run_congvan({"search", "--db", whole, "hoc tap suot doi"}).out);

    auto rows = ids_and_paths(merged);
    auto again = run_congvan(merge);
    CHECK(again.exit_code == 0);
    CHECK_THAT(again.err, Catch::Contains(": 0 documents added"));
    CHECK(ids_and_paths(merged) == rows);
    CHECK(comparable_export(merged) == expected);

    SECTION("into PostgreSQL") {
        std::string uri = PostgresServer::shared().fresh_database("merged");
        auto into_pg = merge;
        into_pg.back() = uri;
        CHECK(run_congvan(into_pg).exit_code == 0);
        CHECK(comparable_export(uri) == expected);
        // And back out of it into SQLite.
        std::string out_of_pg = (dir / "from-postgres.sqlite").string();
        CHECK(run_congvan({"merge", uri, "-o", out_of_pg}).exit_code == 0);
        CHECK(comparable_export(out_of_pg) == expected);
    }
    SECTION("a newer scan of a path replaces the older row; the older does not come back") {
        std::ofstream(docs / "bac-kan-2022-ke-hoach.txt", std::ios::app) << "Bổ sung sau khi quét.\n";
        std::string later = (dir / "later.sqlite").string();
        std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // scanned_at counts seconds
        run_congvan({"scan", "--lang", "en", docs.string(), "--db", later});
        CHECK(run_congvan({"merge", later, "-o", merged}).exit_code == 0);
        CHECK(run_congvan(merge).exit_code == 0);
        const std::string edited = "SELECT sha256 FROM documents WHERE path LIKE '%/bac-kan-2022-ke-hoach.txt'";
        CHECK(rows_of(merged, edited).size() == 1);
        CHECK(rows_of(merged, edited) == rows_of(later, edited));
        CHECK(rows_of(merged, edited) != rows_of(whole, edited));
    }
    SECTION("a source that is not a scan database is named; the others are merged") {
        std::string fresh = (dir / "fresh.sqlite").string();
        std::string not_db = (dir / "notes.txt").string();
        std::ofstream(not_db) << "không phải cơ sở dữ liệu\n";
        auto r = run_congvan({"merge", "--lang", "en", not_db, shards[0], fresh, "-o", fresh});
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Catch::Contains("notes.txt: not a congvan scan database"));
        CHECK_THAT(r.err, Catch::Contains("fresh.sqlite: is the database merged into"));
        CHECK(count(fresh, "SELECT COUNT(*) FROM documents") == count(shards[0], "SELECT COUNT(*) FROM documents"));
    }
}

TEST_CASE("merge makes no target when every source is refused") {
    auto dir = fs::path(fresh_temp_dir("congvan-merge-none"));
    std::ofstream(dir / "notes.txt") << "not a database\n";
    std::string target = (dir / "merged.sqlite").string();
    auto r = run_congvan({"merge", "--lang", "en", (dir / "notes.txt").string(), (dir / "missing.sqlite").string(), "-o", target});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("notes.txt"));
    CHECK_FALSE(fs::exists(target));
    CHECK_FALSE(fs::exists(dir / "missing.sqlite"));  // a source is only read, never made
}

TEST_CASE("the pages' text is found by content through text_rows, and an archive written before it is indexed when next scanned",
          "[scan]") {
    auto dir = fresh_dir("text-rows");
    auto docs = fresh_docs(dir);
    for (const char* name : {"dak-lak-2023-ke-hoach.txt", "quang-tri-2021-cong-van.txt", "binh-dinh-2023-bao-cao.txt"})
        put(docs, sample(name), name);
    std::string db = (dir / "a.sqlite").string();
    REQUIRE(run_congvan({"scan", docs.string(), "--db", db, "-q"}).exit_code <= 1);
    long pages = count(db, "SELECT COUNT(*) FROM texts");
    REQUIRE(pages >= 3);
    // Every row of texts is listed once under its own content.
    auto listed = [&] { return count(db, "SELECT COUNT(*) FROM text_rows r JOIN texts t ON t.rowid = r.row AND t.sha256 = r.sha256"); };
    CHECK(listed() == pages);
    // An archive of before: no text_rows. Read only (merge's source), its pages are
    // still found; scanned again, they are listed, and a forced scan replaces them
    // instead of adding to them.
    {
        sqlite3* handle = nullptr;
        REQUIRE(sqlite3_open(db.c_str(), &handle) == SQLITE_OK);
        REQUIRE(sqlite3_exec(handle, "DROP TABLE text_rows", nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(handle);
    }
    std::string merged = (dir / "merged.sqlite").string();
    REQUIRE(run_congvan({"merge", db, "-o", merged}).exit_code == 0);
    CHECK(count(merged, "SELECT COUNT(*) FROM texts") == pages);
    REQUIRE(run_congvan({"scan", docs.string(), "--db", db, "-q"}).exit_code <= 1);
    CHECK(listed() == pages);
    REQUIRE(run_congvan({"scan", docs.string(), "--db", db, "-q", "--force"}).exit_code <= 1);
    CHECK(count(db, "SELECT COUNT(*) FROM texts") == pages);
    CHECK(listed() == pages);
    CHECK_THAT(run_congvan({"search", "--db", db, "dak lak"}).out, Catch::Contains("dak-lak-2023-ke-hoach.txt"));
}
