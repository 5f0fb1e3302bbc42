// Search as Vietnamese users type (store/page_search.h, docs/scan.md "Search"):
// without accents, đ as d, quoted phrases, pages holding the words as typed first;
// and a schema 7 archive's pages made searchable so. Pages are stored directly (no
// reading): what is tested is the index and the query, on SQLite here and on
// PostgreSQL in test_postgres.cpp.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <filesystem>

#include "congvan_version.h"
#include "store/archive.h"
#include "store/page_search.h"

using namespace congvan;
namespace fs = std::filesystem;

namespace {

std::string fresh_db(const std::string& name) {
    auto path = (fs::temp_directory_path() / ("congvan-search-" + name + ".sqlite")).string();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
    return path;
}

void store_page(Archive& archive, const std::string& path, const std::string& text) {
    StoredDocument d;
    d.path = path;
    d.sha256 = std::string(63, 'a') + static_cast<char>('a' + path.size() % 6);
    d.sha256.back() = path.back();
    d.record = "{\"encoding\":1}";
    d.pages = {{1, "text", text}};
    archive.store(d, CONGVAN_VERSION);
}

std::vector<std::string> paths(const std::vector<Archive::SearchHit>& hits) {
    std::vector<std::string> out;
    for (const auto& h : hits) out.push_back(h.path);
    return out;
}

}  // namespace

TEST_CASE("search: without accents and with đ as d, whole words, quoted phrases, pages as typed first") {
    auto db = fresh_db("typed");
    Archive archive(db);
    // A province's report, a district's minutes, a school's post typed without marks.
    store_page(archive, "a", "Báo cáo của UBND tỉnh Đắk Lắk về học tập suốt đời năm 2023.");
    store_page(archive, "b", "Biên bản: Phòng GD&ĐT theo dõi việc học, tập huấn giáo viên.");
    store_page(archive, "c", "Truong tieu hoc Ea Kao to chuc tuan le hoc tap suot doi.");
    CHECK(paths(archive.search("dak lak", 10)) == std::vector<std::string>{"a"});
    CHECK(paths(archive.search("Đắk Lắk", 10)) == std::vector<std::string>{"a"});
    // Every word, anywhere on the page: "theo dõi" has "doi", and "học, tập" both words.
    CHECK(paths(archive.search("hoc tap doi", 10)).size() == 3);
    // A phrase: the words in order, nothing but separators between.
    CHECK(paths(archive.search("\"hoc tap suot doi\"", 10)).size() == 2);
    CHECK(paths(archive.search("\"gd dt\"", 10)) == std::vector<std::string>{"b"});
    // The page holding the words as typed comes first, whatever its path: typed
    // without marks, the page written without them; with marks, the one with.
    CHECK(paths(archive.search("\"hoc tap suot doi\"", 10)) == std::vector<std::string>{"c", "a"});
    CHECK(paths(archive.search("\"học tập suốt đời\"", 10)).front() == "a");
    // A word that is a prefix of another is not found inside it.
    CHECK(archive.search("la", 10).empty());
    // Query syntax is text: a quote left open, an operator, a number's slash.
    CHECK(archive.search("\"tuần OR NEAR(x", 10).empty());
    CHECK(archive.search("///", 10).empty());
}

TEST_CASE("search: the snippet is the page's own words around the first found, marked") {
    auto terms = search_terms("dak lak");
    std::string snippet = search_snippet("Báo cáo của UBND tỉnh Đắk Lắk về học tập suốt đời.", terms);
    CHECK(snippet.find("[Đắk] [Lắk]") != std::string::npos);
    CHECK(snippet.find("tỉnh [Đắk]") != std::string::npos);
    CHECK(search_snippet("Đắk Lắk", terms) == "[Đắk] [Lắk]");
    std::string long_page;
    for (int i = 0; i < 40; ++i) long_page += "chữ ";
    long_page += "Đắk Lắk";
    CHECK(search_snippet(long_page, terms).rfind("…", 0) == 0);  // cut before
    CHECK(folded_pattern(search_terms("4342/BGDĐT")[0]) == "(^|[^a-z0-9])4342[^a-z0-9]+bgddt([^a-z0-9]|$)");
}

TEST_CASE("search: an archive of schema 7 is read as it is, and brought up to date by the next scan, its pages searchable with đ as d") {
    auto db = fresh_db("schema7");
    {
        Archive archive(db);
        store_page(archive, "old", "Sở Giáo dục và Đào tạo tỉnh Đồng Nai");
    }
    {
        // The texts table as schema 7 wrote it: no folded copy (nor findings' data).
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
        const char* v7 =
            "DROP TABLE texts; CREATE VIRTUAL TABLE texts USING fts5(sha256 UNINDEXED, page UNINDEXED, "
            "source UNINDEXED, text, tokenize = 'unicode61 remove_diacritics 2');"
            "INSERT INTO texts SELECT sha256, 1, 'text', 'Sở Giáo dục và Đào tạo tỉnh Đồng Nai' FROM documents;"
            "ALTER TABLE findings DROP COLUMN data; PRAGMA user_version = 7;";
        REQUIRE(sqlite3_exec(raw, v7, nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(raw);
    }
    {
        // Read as it is (export, summary, report), but searched only once brought up to date.
        Archive old(db, Archive::Access::ReadOnly);
        CHECK(old.documents().size() == 1);
        CHECK_THROWS_WITH(old.search("dong nai", 10), Catch::Contains("schema 7") && Catch::Contains("congvan scan"));
    }
    Archive archive(db);
    CHECK(paths(archive.search("dong nai dao tao", 10)) == std::vector<std::string>{"old"});
}
