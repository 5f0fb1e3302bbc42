// A scan forks its documents from its only thread, so that a document started with
// slots to spare reads its pages on several threads (docs/isolation.md); its claim
// is renewed from that thread while it waits.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "app/scan.h"
#include "helpers.h"
#include "isolation/isolation.h"
#include "rules/checker.h"
#include "rules/ministry.h"
#include "scan_helpers.h"
#include "store/archive.h"

using namespace congvan;
using namespace congvan::test;
namespace fs = std::filesystem;

namespace {

// The threads of process `pid` now; 0 when it is gone.
long threads_of(int pid) {
    std::error_code ec;
    long n = 0;
    for (fs::directory_iterator it(fs::path("/proc") / std::to_string(pid) / "task", ec), end; !ec && it != end; it.increment(ec)) ++n;
    return n;
}

// The processes whose parent is `pid`.
std::vector<int> children_of(int pid) {
    std::vector<int> out;
    std::error_code ec;
    for (fs::directory_iterator it("/proc", ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (name.empty() || !std::all_of(name.begin(), name.end(), ::isdigit)) continue;
        std::ifstream status(it->path() / "status");
        std::string line;
        while (std::getline(status, line))
            if (line.rfind("PPid:", 0) == 0) {
                if (std::stoi(line.substr(5)) == pid) out.push_back(std::stoi(name));
                break;
            }
    }
    return out;
}

struct Watched {
    long most_scan_threads = 0, most_document_threads = 0;
    double least_lease_left = 1e9;  // seconds, over the looks that found a claim
    int looks_with_claim = 0;
    int exit_code = -1;
};

// Scans `docs` alone at `jobs` with a one-second lease, looking every 50 ms at the
// scan's threads, its document's threads and the claim's time left.
Watched watch_scan(const fs::path& docs, const std::string& db, const std::string& jobs) {
    Watched w;
    int pid = spawn_congvan({"scan", "--lang", "en", docs.string(), "--db", db, "-j", jobs, "--lease", "1", "--no-chain"});
    auto claim_left = "SELECT MIN(expires) - ((julianday('now') - 2440587.5) * 86400.0) FROM claims";
    int status = 0, ended = 0;
    for (int look = 0; look < 2400 && (ended = ::waitpid(pid, &status, WNOHANG)) == 0; ++look) {
        w.most_scan_threads = std::max(w.most_scan_threads, threads_of(pid));
        for (int child : children_of(pid)) w.most_document_threads = std::max(w.most_document_threads, threads_of(child));
        if (fs::exists(db))
            if (auto rows = rows_of(db, claim_left); !rows.empty() && !rows[0].empty()) {
                ++w.looks_with_claim;
                w.least_lease_left = std::min(w.least_lease_left, std::stod(rows[0]));
            }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    w.exit_code = ended == pid && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return w;
}

}  // namespace

TEST_CASE("a lone scanned document reads its pages on the scan's spare jobs; the scan itself starts no thread", "[fixtures][scan]") {
    auto dir = fresh_dir("scan-pages");
    auto docs = fresh_docs(dir);
    // Ten pages: long enough, on any machine, to outlive a one-second lease twice over.
    put(docs, fixture("bac-kan-2022-ke-hoach.scan.pdf"), "ten-pages.pdf");

    std::string two = (dir / "two.sqlite").string();
    Watched at_two = watch_scan(docs, two, "2");
    CHECK(at_two.exit_code == 0);
    // The scan forks from its only thread (the progress line and the claims' renewal
    // are its ticks); the document's process reads its pages on two.
    CHECK(at_two.most_scan_threads == 1);
    CHECK(at_two.most_document_threads == 2);
    // Renewed while the document is read: a one-second lease, never run out, over
    // a document that takes longer than that.
    CHECK(at_two.looks_with_claim > 40);
    CHECK(at_two.least_lease_left > 0);

    std::string one = (dir / "one.sqlite").string();
    Watched at_one = watch_scan(docs, one, "1");
    CHECK(at_one.exit_code == 0);
    CHECK(at_one.most_scan_threads == 1);
    CHECK(at_one.most_document_threads == 1);
    // The pages read on two threads come back in their order, the same record.
    auto stored = "SELECT ocr_pages || '|' || record FROM documents";
    REQUIRE(rows_of(one, stored).size() == 1);
    CHECK(rows_of(two, stored) == rows_of(one, stored));
    CHECK(count(two, "SELECT ocr_pages FROM documents") == 10);
}

TEST_CASE("a job holds as many slots as its weight, and a waiter's tick runs while it waits") {
    IsolatedWorkers workers(3, {30, 512});
    workers.serve_requests([](const std::string& request, unsigned) {
        if (request == "heavy") std::this_thread::sleep_for(std::chrono::milliseconds(1200));
        return request;
    });
    workers.start_request(0, "light");
    CHECK(workers.free_slots() == 2);
    workers.start_request(1, "heavy", 2);
    CHECK_FALSE(workers.has_free_slot());
    CHECK(workers.free_slots() == 0);
    int ticks = 0;
    std::vector<std::string> outputs;
    while (auto done = workers.wait_one(nullptr, [&] { ++ticks; })) outputs.push_back(done->output);
    CHECK(outputs == std::vector<std::string>{"light", "heavy"});
    CHECK(workers.free_slots() == 3);
    CHECK(ticks >= 4);  // at least every 250 ms over 1.2 s
}

TEST_CASE("a scan's ticks go on through the comparison of its documents at the end of the pass", "[scan]") {
    auto dir = fresh_dir("scan-ticks");
    auto docs = fresh_docs(dir);
    for (const auto& entry : fs::directory_iterator(test_data("chain")))
        if (entry.path().extension() == ".txt") put(docs, entry.path().string(), entry.path().filename().string());
    auto records = load_ministry_records_with(default_ministry_dir(), "");
    ScanOptions options;
    options.inputs = {docs.string()};
    options.database = (dir / "archive.sqlite").string();
    options.records = &records;
    Archive archive(options.database);
    ScanCounters counters;
    // A tick once every document is stored can only come from the comparison: the
    // reading's ticks all come before the last document is done.
    long after_reading = 0;
    options.on_tick = [&] { after_reading += counters.done == counters.total ? 1 : 0; };
    run_scan(options, archive, counters, [](const std::string&, const std::string&) {});
    CHECK(counters.total == 2);
    CHECK(after_reading >= 2);  // one a document compared
}
