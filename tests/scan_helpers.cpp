#include "scan_helpers.h"

#include <sqlite3.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "helpers.h"

namespace congvan::test {

namespace fs = std::filesystem;

// A fresh folder under the build tree for one test.
fs::path fresh_dir(const std::string& name) {
    fs::path dir = fs::path(fixtures_dir()) / "scan-tests" / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

// The folder a test scans, inside its own (so the database can sit beside it).
fs::path fresh_docs(const fs::path& dir) {
    fs::create_directories(dir / "docs");
    return dir / "docs";
}

void put(const fs::path& dir, const std::string& from, const std::string& as) { fs::copy_file(from, dir / as); }

std::vector<std::string> rows_of(const std::string& db, const std::string& sql) {
    sqlite3* handle = nullptr;
    sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* stmt = nullptr;
    std::vector<std::string> rows;
    if (sqlite3_prepare_v2(handle, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK)
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            std::string row;
            for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
                auto text = sqlite3_column_text(stmt, c);
                row += (c ? "|" : "") + std::string(text ? reinterpret_cast<const char*>(text) : "");
            }
            rows.push_back(row);
        }
    sqlite3_finalize(stmt);
    sqlite3_close(handle);
    return rows;
}

long count(const std::string& db, const std::string& sql) {
    auto rows = rows_of(db, sql);
    return rows.empty() || rows[0].empty() ? -1 : std::stol(rows[0]);
}

// Waits (up to 30 s) until the database being written holds a document.
void wait_until_stored(const std::string& db) {
    for (int i = 0; i < 600; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (fs::exists(db) && count(db, "SELECT COUNT(*) FROM documents") >= 1) return;
    }
}

// The export without what legitimately differs between runs (timings).
std::string comparable_export(const std::string& db) {
    auto r = run_congvan({"export", "--db", db, "--format", "jsonl"});
    std::string out;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) {
        auto j = nlohmann::json::parse(line);
        if (j["type"] == "document") j["data"].erase("seconds");
        out += j.dump() + "\n";
    }
    return out;
}

// Text documents of distinct content: each sample under several names, with a line
// that makes its bytes its own.
void put_distinct_texts(const fs::path& docs, int copies) {
    for (int k = 0; k < copies; ++k)
        for (const auto& name : kSeedNames) {
            std::ofstream out(docs / (name + "-" + std::to_string(k) + ".txt"));
            out << read_text_file(sample(name + ".txt")) << "\nBản sao " << k << "\n";
        }
}

// How many documents a scan read itself: its last progress line's total less what
// it skipped (stored by an earlier or another scan).
long read_by(const ProcessResult& scan) {
    std::smatch m;
    std::string last;
    std::istringstream lines(scan.err);
    for (std::string line; std::getline(lines, line);)
        if (line.rfind("progress: ", 0) == 0) last = line;
    REQUIRE(std::regex_search(last, m, std::regex(R"((\d+)/(\d+) files.*?(\d+) skipped)")));
    return std::stol(m[2]) - std::stol(m[3]);
}

}  // namespace congvan::test
