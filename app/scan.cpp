#include "scan.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <map>
#include <optional>
#include <thread>

#include "app/chain.h"
#include "app/scan_claims.h"
#include "app/scan_document.h"
#include "congvan_version.h"
#include "fields/extractor.h"
#include "isolation/batch.h"
#include "isolation/isolation.h"
#include "reading/loader.h"
#include "reading/ocr.h"
#include "rules/checker.h"
#include "store/stored_outcome.h"
#include "store/walk.h"

namespace congvan {

namespace fs = std::filesystem;

bool in_shard(const std::string& sha256, unsigned shard, unsigned shards) {
    if (shards <= 1) return true;
    unsigned long long prefix = std::stoull(sha256.substr(0, 8), nullptr, 16);
    return prefix % shards == shard;
}

bool path_in_shard(const std::string& path, unsigned shard, unsigned shards) {
    return shards <= 1 || in_shard(sha256_hex(path), shard, shards);
}

namespace {

// One run of `congvan scan`: each part of it (storing a row, reusing an earlier
// outcome, finishing a document, considering a file) a method over the run's state.
class Scan {
public:
    using OnError = std::function<void(const std::string&, const std::string&)>;
    Scan(const ScanOptions& options, Archive& archive, ScanCounters& counters, const OnError& on_error,
         const volatile std::sig_atomic_t* interrupted)
        : options_(options),
          archive_(archive),
          counters_(counters),
          on_error_(on_error),
          interrupted_(interrupted),
          fail_(options.fail_on),
          worker_(options.worker.empty() ? worker_name() : options.worker) {}
    int run();

private:
    struct InFlight {
        std::string path, sha256;
        std::size_t size;
    };
    bool stopped() const { return interrupted_ && *interrupted_; }
    void record(StoredDocument row);
    std::string fingerprint(const std::string& path);
    bool reuse(const std::string& path, const std::string& sha, bool fresh);
    void finish(const IsolatedWorkers::Finished& done);
    void unreadable(const std::string& path, const std::string& reason);
    bool consider(const std::string& path);
    bool free_slot();
    void wait_for_held(std::vector<std::string> held);
    void tick();
    unsigned page_threads() const;
    bool pending(const std::string& path) const;
    // Paths taken from the queue at once: two a job, so that workers share a short
    // queue, and one statement serves a few documents.
    std::size_t queue_batch() const { return std::max<std::size_t>(4, 2 * options_.jobs); }
    void take_queue(std::vector<std::string> batch);
    int enqueue_walk(const WalkResult& walk);
    void store_unreadable(const WalkResult& walk);

    const ScanOptions& options_;
    Archive& archive_;
    ScanCounters& counters_;
    const OnError& on_error_;
    const volatile std::sig_atomic_t* interrupted_;
    const FailPolicy fail_;
    const std::string worker_;
    std::string started_;                        // the database's clock when the walk began
    std::unique_ptr<IsolatedWorkers> workers_;   // made once the OCR engine is ready
    std::map<std::size_t, InFlight> in_flight_;  // by worker tag
    std::size_t next_tag_ = 0;
    std::size_t files_after_ = 0;                              // files still to consider after the one considered
    std::optional<LeaseKeeper> lease_;                         // while the scan reads
    std::map<std::string, std::vector<std::string>> waiting_;  // sha256 → other paths with those bytes
    std::map<std::string, std::string> fingerprints_;          // folder → check fingerprint
};

// A row is stored and counted the same way whoever made it.
void Scan::record(StoredDocument row) {
    row.worker = worker_;
    archive_.store(row, CONGVAN_VERSION);
    counters_.text_pages += row.text_pages;
    counters_.ocr_pages += row.ocr_pages;
    for (const auto& f : row.findings)
        if (fail_.fails(f.severity)) ++counters_.failing;
    if (!row.error.empty()) {
        ++counters_.errors;
        on_error_(row.path, row.error);
    }
    ++counters_.done;
}

std::string Scan::fingerprint(const std::string& path) {
    // The configuration is found from the document's folder (rules/config.h).
    std::string folder = fs::path(path).parent_path().string();
    auto [it, added] = fingerprints_.try_emplace(folder);
    if (added) {
        try {
            it->second = fingerprint_of(check_options(path, options_));
        } catch (const std::exception&) {
            // A broken configuration: the document is read again and says why.
        }
    }
    return it->second;
}

// Done by an earlier run, or under another path: not read again. Its outcome still
// counts for the exit code; when the rules, the Ministry records or the
// configuration changed since, the rules run again on its stored record. A document
// just read (`fresh`) is reused whatever --force and --retry-errors say.
bool Scan::reuse(const std::string& path, const std::string& sha, bool fresh) {
    auto earlier = options_.force && !fresh ? std::nullopt : archive_.outcome(sha, CONGVAN_VERSION, path);
    if (!earlier || (earlier->error && options_.retry_errors && !fresh)) return false;
    if (!earlier->stored_at_path) archive_.store_copy(sha, CONGVAN_VERSION, path);
    std::string now = fingerprint(path);
    if (!earlier->error && earlier->checked_with != now) {
        auto row = earlier->recheckable ? recheck(archive_, sha, path, options_) : std::nullopt;
        if (!row) return false;
        archive_.store(*row, CONGVAN_VERSION);
        ++counters_.rechecked;
        earlier->severities.clear();
        for (const auto& f : row->findings) earlier->severities.push_back(to_string(f.severity));
    } else {
        ++counters_.skipped;
    }
    counters_.errors += earlier->error ? 1 : 0;
    for (const auto& severity : earlier->severities)
        if (fail_.fails(severity)) ++counters_.failing;
    ++counters_.done;
    return true;
}

void Scan::finish(const IsolatedWorkers::Finished& done) {
    InFlight job = in_flight_.at(done.tag);
    in_flight_.erase(done.tag);
    StoredDocument row = done.error.empty() ? row_from_text(done.output) : failed_row(job.path, job.sha256, job.size, done.error);
    row.path = job.path;  // as the walk found it: a name that is not UTF-8 does not survive JSON
    row.seconds = done.seconds;
    describe_record(row);
    record(row);
    auto same = waiting_.extract(job.sha256);
    if (!same.empty())
        for (const auto& path : same.mapped()) reuse(path, job.sha256, true);
    if (options_.from_queue) {
        archive_.leave_queue(job.path);
        if (!same.empty())
            for (const auto& path : same.mapped()) archive_.leave_queue(path);
    }
}

// What cannot be read is stored as an error with its reason (no content, so no
// sha256), so that the database lists everything the scan did not get. A file once
// read and unreadable now keeps its row: a changed permission does not undo
// finished work.
void Scan::unreadable(const std::string& path, const std::string& reason) {
    if (!archive_.holds(path)) return record(failed_row(path, "", 0, reason));
    on_error_(path, reason);
    ++counters_.errors;
    ++counters_.done;
}

// Reads one file if no earlier run and no other scan did or does; false when
// another scan holds its claim (it is looked at again at the end).
bool Scan::consider(const std::string& path) {
    // Stored by another scan since this one began: read in this very pass, so its
    // bytes are not read and hashed again here (scans sharing a folder read each
    // file once, not once a scan). A static --shard leaves other shards' documents
    // to them, uncounted.
    if (auto sha = options_.shards == 1 ? archive_.stored_by_another_since(path, worker_, started_) : std::nullopt;
        sha && reuse(path, *sha, true))
        return true;
    bool by_path = options_.shard_by == ScanOptions::ShardBy::Path;
    if (by_path && !path_in_shard(path, options_.shard, options_.shards)) {
        ++counters_.skipped;  // another shard's: not even read
        ++counters_.done;
        return true;
    }
    std::string bytes;
    try {
        bytes = read_file_bytes(path);
    } catch (const LoadError& e) {
        unreadable(path, encoded(e.reason()));
        return true;
    }
    std::string sha = sha256_hex(bytes);
    if (!by_path && !in_shard(sha, options_.shard, options_.shards)) {
        ++counters_.skipped;
        ++counters_.done;
        return true;
    }
    if (reuse(path, sha, false)) return true;
    // The same bytes under another path are being read now: this path gets their
    // row when it is stored.
    if (std::any_of(in_flight_.begin(), in_flight_.end(), [&](const auto& job) { return job.second.sha256 == sha; })) {
        waiting_[sha].push_back(path);
        return true;
    }
    if (!archive_.claim(path, worker_, options_.lease_seconds)) return false;
    // Stored by another scan between the look above and the claim.
    if (reuse(path, sha, false)) {
        archive_.release_claim(path, worker_);
        return true;
    }
    if (archive_.stops_against(sha, CONGVAN_VERSION) >= kMaxStarts) {
        record(abandoned(path, sha, bytes.size()));
        return true;
    }
    std::size_t tag = next_tag_++;
    in_flight_[tag] = {path, sha, bytes.size()};
    unsigned threads = page_threads();
    workers_->start_request(tag, path + '\0' + sha + '\0' + bytes, threads);
    return true;
}

// The slots no document holds are shared among the files still to start, this one
// included: at the end of a scan (a lone register, the last files of a folder) a
// document reads its pages on the jobs no other file will take (docs/isolation.md).
unsigned Scan::page_threads() const {
    auto share = workers_->free_slots() / (files_after_ + 1);
    return static_cast<unsigned>(std::max<std::size_t>(1, share));
}

// What the scan does on a timer, in its own thread: it has no other (the documents'
// processes are forked from it, and one forked from several threads must not start
// threads for its pages).
void Scan::tick() {
    if (lease_) lease_->beat();
    if (options_.on_tick) options_.on_tick();
}

bool Scan::free_slot() {
    tick();
    while (!workers_->has_free_slot() && !stopped())
        if (auto done = workers_->wait_one(interrupted_, [this] { tick(); })) finish(*done);
    return !stopped();
}

// What other scans hold: stored by them in the end, or taken over when their lease
// runs out (they were killed).
void Scan::wait_for_held(std::vector<std::string> held) {
    while (!held.empty() && !stopped()) {
        counters_.held_elsewhere = static_cast<long>(held.size());
        std::vector<std::string> still;
        for (std::size_t i = 0; i < held.size(); ++i) {
            files_after_ = held.size() - i - 1;
            if (!free_slot() || !consider(held[i])) still.push_back(held[i]);
        }
        held = std::move(still);
        counters_.held_elsewhere = static_cast<long>(held.size());
        if (held.empty() || stopped()) break;
        if (!in_flight_.empty()) {
            if (auto done = workers_->wait_one(interrupted_, [this] { tick(); })) finish(*done);
        } else {
            for (int beat = 0; beat < 10 && !stopped(); ++beat) {
                tick();
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
        }
    }
}

// Whether a path considered waits on a document in flight (its own, or the same bytes).
bool Scan::pending(const std::string& path) const {
    if (std::any_of(in_flight_.begin(), in_flight_.end(), [&](const auto& job) { return job.second.path == path; })) return true;
    return std::any_of(waiting_.begin(), waiting_.end(),
                       [&](const auto& same) { return std::find(same.second.begin(), same.second.end(), path) != same.second.end(); });
}

// The queue's paths, a batch at a time, until none waits: each considered as a walk's
// file, out of the queue once done with (a document in flight, when it is stored),
// so that the paths of a worker that dies are taken again when its lease runs out.
void Scan::take_queue(std::vector<std::string> batch) {
    const std::size_t kBatch = queue_batch();
    std::vector<std::string> held;
    auto counted = std::chrono::steady_clock::now();  // the start counted the queue
    while (!batch.empty() && !stopped()) {
        for (std::size_t i = 0; i < batch.size() && free_slot(); ++i) {
            files_after_ = batch.size() - i - 1 + (batch.size() == kBatch ? 1 : 0);
            if (!consider(batch[i])) held.push_back(batch[i]);  // kept taken: looked at again at the end
            else if (!pending(batch[i])) archive_.leave_queue(batch[i]);
        }
        if (stopped()) break;
        batch = archive_.take_from_queue(worker_, kBatch, options_.lease_seconds);
        // This worker's, and what all have left: counted every ten seconds, not every
        // batch (a count reads the whole queue, a batch is a few documents).
        if (auto now = std::chrono::steady_clock::now(); now - counted >= std::chrono::seconds(10)) {
            counters_.total = counters_.done + archive_.queued();
            counted = now;
        }
    }
    wait_for_held(held);
    if (!stopped())
        for (const auto& path : held)
            if (!pending(path)) archive_.leave_queue(path);
}

// The folders the walk could not read, stored with their reasons (and those that
// can be read again no longer stored as unreadable).
void Scan::store_unreadable(const WalkResult& walk) {
    for (const auto& input : options_.inputs) archive_.forget_unreadable_under(input);
    for (const auto& folder : walk.unreadable) unreadable(folder.path, folder.reason);
}

// --enqueue: the walk's files into the queue, none read; what cannot be read is
// stored with its reason, as a scan stores it.
int Scan::enqueue_walk(const WalkResult& walk) {
    store_unreadable(walk);
    counters_.queued = static_cast<long>(archive_.enqueue(walk.files));
    return exit_status(!walk.missing.empty() || counters_.errors > 0, false);
}

int Scan::run() {
    WalkResult walk = options_.from_queue ? WalkResult{} : collect_files(options_.inputs, options_.database);
    for (const auto& m : walk.missing) on_error_(m, encoded(message("error.no-such-path")));
    for (const auto& p : walk.passed_over) on_error_(p.path, encoded(message("error.skipped", {{"why", shown_reason(p.reason)}})));
    if (options_.enqueue) return enqueue_walk(walk);
    counters_.total = static_cast<long>(walk.files.size() + walk.unreadable.size());
    std::vector<std::string> first;
    if (options_.from_queue) {
        counters_.total = archive_.queued();
        first = archive_.take_from_queue(worker_, queue_batch(), options_.lease_seconds);
    }
    // Each document in its own process, at most `jobs` at once; the OCR engine is
    // started here once and inherited ready by every document's process.
    if (any_may_need_ocr(options_.from_queue ? first : walk.files)) prepare_ocr_engine();
    workers_ = std::make_unique<IsolatedWorkers>(options_.jobs, IsolationLimits{options_.timeout_seconds, options_.memory_mib});
    // A request is the file's path, its sha256 and its bytes, read and hashed here.
    workers_->serve_requests([this](const std::string& request, unsigned threads) {
        auto path_end = request.find('\0'), sha_end = request.find('\0', path_end + 1);
        return row_text(process(request.substr(0, path_end), request.substr(path_end + 1, sha_end - path_end - 1),
                                request.substr(sha_end + 1), options_, threads));
    });
    release_dead_claims(archive_);
    store_unreadable(walk);
    lease_.emplace(archive_, worker_, options_.lease_seconds);
    started_ = archive_.clock();
    std::vector<std::string> held;
    if (options_.from_queue) take_queue(std::move(first));
    for (std::size_t i = 0; i < walk.files.size() && free_slot(); ++i) {
        files_after_ = walk.files.size() - i - 1;
        if (!consider(walk.files[i])) held.push_back(walk.files[i]);
    }
    wait_for_held(std::move(held));
    while (!stopped())
        if (auto done = workers_->wait_one(interrupted_, [this] { tick(); })) finish(*done);
        else break;
    lease_.reset();
    if (stopped()) {
        // Interrupted: what is finished stays stored; what was in flight is not a
        // crash of the document, and nothing was counted against it.
        workers_->kill_all();
        archive_.release_claims(worker_);
        return kExitInterrupted;
    }
    archive_.release_claims(worker_);
    // The pass is whole: the documents are compared with each other (docs/chain.md),
    // as far as the archive changed since they last were.
    if (options_.compare_documents) {
        auto chain = compare_archive_chain(
            archive_, worker_ + "@" + archive_.clock(), CONGVAN_VERSION,
            [&](const std::string& path) { return check_options(path, options_); }, [this] { tick(); });
        for (Severity severity : {Severity::Info, Severity::Warning, Severity::Error})
            if (fail_.fails(severity)) counters_.failing += chain.added_of(severity);
    }
    return exit_status(!walk.missing.empty() || counters_.errors > 0, counters_.failing > 0);
}

}  // namespace

int run_scan(const ScanOptions& options, Archive& archive, ScanCounters& counters,
             const std::function<void(const std::string&, const std::string&)>& on_error, const volatile std::sig_atomic_t* interrupted) {
    return Scan(options, archive, counters, on_error, interrupted).run();
}

}  // namespace congvan
