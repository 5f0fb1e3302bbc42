// `congvan scan`: every document under some folders, extracted and checked on all
// cores, stored one transaction a document so that an interrupted scan resumes.
#pragma once

#include <atomic>
#include <chrono>
#include <csignal>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/exit_status.h"
#include "rules/config.h"
#include "rules/ministry.h"
#include "store/archive.h"

namespace congvan {

struct ScanOptions {
    std::vector<std::string> inputs;  // files and folders (walked recursively)
    std::string database;             // its own files are never scanned
    unsigned jobs = 1;
    const std::map<int, MinistryRecord>* records = nullptr;
    std::optional<MinistryRecord> against;
    RuleOverrides overrides;
    double timeout_seconds = 300;
    std::size_t memory_mib = 3072;   // address space of each document's process
    unsigned shard = 0, shards = 1;  // process only shard K of N
    // What a shard is split by: the path as walked (decided without reading the file),
    // or the content's sha256 (the same bytes under two paths are read by one shard).
    enum class ShardBy { Path, Content };
    ShardBy shard_by = ShardBy::Path;
    std::string fail_on = "error";
    bool retry_errors = false;  // read again the documents an earlier run failed on
    bool force = false;         // read every document again
    bool force_ocr = false;     // OCR every PDF page, its text layer ignored
    // At the end of a pass, the documents are compared with each other along their
    // citations (docs/chain.md); off, a pass leaves those rules' findings as they were.
    bool compare_documents = true;
    // Scans sharing one database (on one machine or many) share the work through
    // claims (Archive::claim): a document is read under a lease this long, renewed
    // while the scan lives; a dead scan's documents are taken over once it runs out.
    double lease_seconds = 60;
    std::string worker;  // this scan's name in the claims; empty: host:pid:random
    // Many workers, one walk (docs/scan.md, "A queue for many workers"): `enqueue`
    // walks the inputs and queues their files in the database, reading none;
    // `from_queue` reads the queued files instead of walking, a batch at a time.
    bool enqueue = false, from_queue = false;
    // Called in the scan's own thread about once a second while it reads, and
    // between files (a progress line): the scan starts no thread, so that the
    // documents' processes it forks may start theirs for their pages.
    std::function<void()> on_tick;
};

struct ScanCounters {
    std::atomic<long> total{0}, done{0}, skipped{0}, rechecked{0}, errors{0};
    std::atomic<long> queued{0};  // paths an --enqueue added to the queue
    std::atomic<long> text_pages{0}, ocr_pages{0}, failing{0};
    std::atomic<long> held_elsewhere{0};  // documents waited for: another scan holds their claim
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
};

// A document's record and check result as bytes, and back, as a scan stores them:
// what crosses from a document's process to `check`'s, so that the rules run under
// the document's --timeout and --max-memory, and `check` shows what `export` would.
std::string encode_checked(const Record& record, const CheckResult& result);
CheckedDocument decode_checked(const std::string& bytes, Record& record);

// Shard k of n (0-based) owns the documents whose sha256's first 8 hex digits,
// read as a number, leave k when divided by n.
bool in_shard(const std::string& sha256, unsigned shard, unsigned shards);
// Whether the file at `path` is in the shard by its path: in_shard of its path's sha256.
bool path_in_shard(const std::string& path, unsigned shard, unsigned shards);

// One line of progress: "12/200 files, 3.1 pages/s (40 text, 12 OCR), 1 errors, ETA 0:02:10".
std::string progress_line(const ScanCounters& counters, Language language);

// Runs the scan; `on_error` hears each document that failed, with its reason (in
// English, as stored: localize reads it in a language).
// Returns the exit code: 2 when a document failed, 1 when a finding reaches
// fail_on, else 0; kExitInterrupted when `interrupted` became true (documents
// finished by then are stored, those in flight are dropped).
int run_scan(const ScanOptions& options, Archive& archive, ScanCounters& counters,
             const std::function<void(const std::string& path, const std::string& reason)>& on_error,
             const volatile std::sig_atomic_t* interrupted = nullptr);

}  // namespace congvan
