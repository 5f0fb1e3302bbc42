// Shared by the scan tests: fresh folders, database queries, comparable exports.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace congvan::test {

// A fresh folder under the build tree for one test.
std::filesystem::path fresh_dir(const std::string& name);
// The folder a test scans, inside its own (so the database can sit beside it).
std::filesystem::path fresh_docs(const std::filesystem::path& dir);
void put(const std::filesystem::path& dir, const std::string& from, const std::string& as);
// One query's rows from a scan database, each as its columns joined by '|'.
std::vector<std::string> rows_of(const std::string& db, const std::string& sql);
// The first column of the first row of a query on a scan database; -1 when none.
long count(const std::string& db, const std::string& sql);
// Waits (up to 30 s) until the database being written holds a document.
void wait_until_stored(const std::string& db);
// The export without what legitimately differs between runs (timings).
std::string comparable_export(const std::string& db);

// Text documents of distinct content: each seed under `copies` names, with a line
// that makes its bytes its own.
void put_distinct_texts(const std::filesystem::path& docs, int copies);
struct ProcessResult;
// How many documents a scan read itself: its last progress line's total less what
// it skipped (stored by an earlier or another scan).
long read_by(const ProcessResult& scan);

}  // namespace congvan::test
