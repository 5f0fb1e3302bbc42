// What a scan's chain pass must compare, as the archive keeps it (store/archive.h,
// docs/chain.md "Which documents a pass compares"): the documents stored since have
// no place, a forgotten document leaves its keys and takes the place of those citing
// it, and a pass that a later pass overtook stores nothing. Rows are stored directly:
// what is tested is the archive's bookkeeping; tests/test_chain_fixture.cpp holds
// that the passes it drives leave what one comparison of the whole leaves.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <filesystem>

#include "congvan_version.h"
#include "scan_helpers.h"
#include "store/archive.h"

using namespace congvan;
namespace fs = std::filesystem;

namespace {

std::string fresh_db(const std::string& name) {
    auto path = (fs::temp_directory_path() / ("congvan-chain-state-" + name + ".sqlite")).string();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
    return path;
}

long long store_row(Archive& archive, const std::string& path, char content) {
    StoredDocument d;
    d.path = path;
    d.sha256 = std::string(64, content);
    d.record = "{\"encoding\":1}";  // readable: only such a row takes a place
    archive.store(d, CONGVAN_VERSION);
    return archive.stored_row(d.sha256, CONGVAN_VERSION, path)->id;
}

Archive::ChainChange placed(long long id, std::vector<std::string> keys, std::vector<std::optional<long long>> cited = {}) {
    return {id, std::nullopt, std::string("{}"), std::move(cited), std::move(keys)};
}

// An archive of one plan, compared whole (its key "115|2026", as a citation's).
std::string archive_compared_whole(const std::string& name) {
    auto db = fresh_db(name);
    Archive archive(db);
    long long plan = store_row(archive, "plan.txt", 'a');
    archive.begin_comparing("pass", CONGVAN_VERSION, Archive::ChainWork::Whole);
    REQUIRE(archive.store_chain_changes("pass", {}, {placed(plan, {"115|2026"})}, 0));
    REQUIRE(archive.chain_work(CONGVAN_VERSION) == Archive::ChainWork::None);
    return db;
}

// Rewrites the archive as an older schema kept it.
void make_older(const std::string& db, const char* sql) {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
    REQUIRE(sqlite3_exec(raw, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
}

}  // namespace

TEST_CASE("a chain pass that a later one overtook stores nothing; the later one marks the whole compared", "[unit]") {
    auto db = fresh_db("overtaken");
    Archive archive(db);
    long long plan = store_row(archive, "plan.txt", 'a');
    CHECK(archive.chain_work(CONGVAN_VERSION) == Archive::ChainWork::Whole);  // never compared
    archive.begin_comparing("first", CONGVAN_VERSION, Archive::ChainWork::Whole);
    archive.begin_comparing("second", CONGVAN_VERSION, Archive::ChainWork::Whole);
    CHECK_FALSE(archive.store_chain_changes("first", {}, {placed(plan, {"115|2026"})}, 0));
    CHECK(archive.holds_unplaced());
    // The later pass's writes before its last leave the whole to be compared again.
    CHECK(archive.store_chain_changes("second", {}, {placed(plan, {"115|2026"})}, std::nullopt));
    CHECK_FALSE(archive.holds_unplaced());
    CHECK(archive.chain_work(CONGVAN_VERSION) == Archive::ChainWork::Whole);
    CHECK(archive.store_chain_changes("second", {}, {}, 0));
    CHECK(archive.chain_work(CONGVAN_VERSION) == Archive::ChainWork::None);
    CHECK(archive.chain_work("another version") == Archive::ChainWork::Whole);
    fs::remove(db);
}

TEST_CASE("a document stored or forgotten since the last pass is what the next pass starts from", "[unit]") {
    auto db = fresh_db("delta");
    Archive archive(db);
    long long dispatch = store_row(archive, "dispatch.txt", 'a');
    long long plan = store_row(archive, "plan.txt", 'b');
    archive.begin_comparing("whole", CONGVAN_VERSION, Archive::ChainWork::Whole);
    REQUIRE(archive.store_chain_changes("whole", {}, {placed(dispatch, {"12|2026"}), placed(plan, {"40|2026", "12|2026"}, {dispatch})}, 0));
    REQUIRE(archive.chain_work(CONGVAN_VERSION) == Archive::ChainWork::None);
    auto keyed = archive.documents_keyed({"12|2026"});
    REQUIRE(keyed.size() == 2);
    CHECK(keyed[0].path == "dispatch.txt");  // in the archive's order
    CHECK(archive.keys_of({keyed[1]}) == std::vector<std::string>{"12|2026", "40|2026"});

    // A new document: unplaced, nothing forgotten.
    long long report = store_row(archive, "report.txt", 'c');
    CHECK(archive.chain_work(CONGVAN_VERSION) == Archive::ChainWork::Changes);
    auto delta = archive.chain_delta();
    REQUIRE(delta.unplaced.size() == 1);
    CHECK(delta.unplaced[0].id == report);
    CHECK(delta.forgotten_keys.empty());

    // The cited dispatch edited: its old row's keys are forgotten, and the plan that
    // cited that row loses its place (its link named the row).
    store_row(archive, "dispatch.txt", 'd');
    delta = archive.chain_delta();
    CHECK(delta.forgotten_keys == std::vector<std::string>{"12|2026"});
    std::vector<std::string> unplaced;
    for (const auto& row : delta.unplaced) unplaced.push_back(row.path);
    CHECK(unplaced == std::vector<std::string>{"dispatch.txt", "plan.txt", "report.txt"});
    CHECK(archive.documents_keyed({"12|2026"}).size() == 1);  // the plan's keys stay; the old row's went with it

    // A pass that read the delta takes only the forgotten keys it saw.
    archive.begin_comparing("changes", CONGVAN_VERSION, Archive::ChainWork::Changes);
    store_row(archive, "report.txt", 'e');  // forgets nothing keyed: the report was never placed
    std::vector<Archive::ChainChange> changes;
    for (const auto& row : delta.unplaced) changes.push_back(placed(row.id, {}));
    REQUIRE(archive.store_chain_changes("changes", {}, changes, delta.forgotten_up_to));
    CHECK(archive.chain_delta().forgotten_keys.empty());
    CHECK(archive.chain_work(CONGVAN_VERSION) == Archive::ChainWork::Changes);  // the report's new row
    fs::remove(db);
}

TEST_CASE("an archive of schema 10 keeps its documents' places when brought up to date, and reads as it is", "[unit]") {
    auto db = archive_compared_whole("schema10");
    // As schema 10 kept it: the place in the row, no table of places nor headers.
    make_older(db,
               "ALTER TABLE documents ADD COLUMN chain TEXT; UPDATE documents SET chain = '{\"cites\":[]}';"
               "DROP TABLE chain_places; DROP TABLE record_headers; DROP INDEX chain_keys_numbered; ALTER TABLE chain_keys DROP COLUMN own;"
               "PRAGMA user_version = 10;");
    {
        Archive old(db, Archive::Access::ReadOnly);
        REQUIRE(old.documents().size() == 1);
        CHECK(old.documents()[0].chain.dump() == "{\"cites\":[]}");
        CHECK_FALSE(old.holds_unplaced());
    }
    Archive archive(db);  // brought up to date
    REQUIRE(archive.documents().size() == 1);
    CHECK(archive.documents()[0].chain.dump() == "{\"cites\":[]}");
    CHECK_FALSE(archive.holds_unplaced());
    // Compared whole once more, to mark which of each document's keys is its own (schema 12).
    CHECK(archive.chain_work(CONGVAN_VERSION) == Archive::ChainWork::Whole);
    CHECK(congvan::test::rows_of(db, "SELECT key, own FROM chain_keys") == std::vector<std::string>{"115|2026|0"});
    fs::remove(db);
}

TEST_CASE("an archive of schema 11 reads as it is, and is compared whole once more when brought up to date", "[unit]") {
    auto db = archive_compared_whole("schema11");
    make_older(db, "DROP INDEX chain_keys_numbered; ALTER TABLE chain_keys DROP COLUMN own; PRAGMA user_version = 11;");
    {
        Archive old(db, Archive::Access::ReadOnly);
        REQUIRE(old.documents().size() == 1);
        CHECK_FALSE(old.holds_unplaced());
    }
    Archive archive(db);
    CHECK(archive.chain_work(CONGVAN_VERSION) == Archive::ChainWork::Whole);
    CHECK(congvan::test::rows_of(db, "SELECT key, own FROM chain_keys") == std::vector<std::string>{"115|2026|0"});
    fs::remove(db);
}

TEST_CASE("a row copied for another path of the same content keeps the header the chain pass reads", "[unit]") {
    auto db = fresh_db("copy-header");
    {
        Archive archive(db);
        StoredDocument d;
        d.path = "plan.txt";
        d.sha256 = std::string(64, 'c');
        d.record = "{\"encoding\":1}";
        d.record_header = "{\"encoding\":1,\"number\":null}";
        archive.store(d, CONGVAN_VERSION);
        archive.store_copy(d.sha256, CONGVAN_VERSION, "copy of plan.txt");
    }
    CHECK(congvan::test::rows_of(
              db, "SELECT d.path, h.header FROM documents d JOIN record_headers h ON h.document_id = d.id ORDER BY d.path") ==
          std::vector<std::string>{"copy of plan.txt|{\"encoding\":1,\"number\":null}", "plan.txt|{\"encoding\":1,\"number\":null}"});
    fs::remove(db);
}
