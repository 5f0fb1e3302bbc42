// Each document out of the command's process, in a reader process: a crash, an
// abort on exhausted memory (as Poppler does) or a stall in a library ends that
// document, not the batch. A reader is forked, so it starts with what the parent
// prepared (the OCR engine), and is sent each document as a request; it is limited
// in address space, ignores Ctrl-C (its parent decides), and is killed at a
// document's deadline. Each result comes back framed on its socket (docs/isolation.md).
#pragma once

#include <sys/types.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace congvan {

// Whether this build runs under AddressSanitizer or ThreadSanitizer (GCC defines
// the macros; clang answers __has_feature).
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

struct IsolationLimits {
    double seconds = 300;           // wall-clock time of the document's own work
    std::size_t memory_mib = 3072;  // address space of its process
};

class IsolatedWorkers {
public:
    IsolatedWorkers(unsigned slots, IsolationLimits limits);
    ~IsolatedWorkers();  // kills what still runs
    IsolatedWorkers(const IsolatedWorkers&) = delete;
    IsolatedWorkers& operator=(const IsolatedWorkers&) = delete;

    bool has_free_slot() const { return used_ < slots_; }
    unsigned free_slots() const { return slots_ - std::min(used_, slots_); }
    std::size_t running() const { return running_.size(); }

    // A reader is a process that serves requests one after another: starting and
    // ending a process costs a small text PDF more than reading it (fork, exit, and
    // the copy-on-write faults of both processes; docs/isolation.md, "A process reads
    // several documents"). `serve` runs in the reader on each request's bytes, with
    // the request's weight; its result, its exceptions and its limits are a job's.
    // A reader leaves after a document that failed, after kDocumentsAReader, or once
    // it holds more than a quarter of its memory limit; a document whose reader died
    // (a crash, an abort) after serving others is read again in a fresh one, so that
    // its verdict is its own.
    using Serve = std::function<std::string(const std::string& request, unsigned weight)>;
    static constexpr unsigned kDocumentsAReader = 100;
    static constexpr std::size_t kLargestRequestKept = 16 << 20;
    void serve_requests(Serve serve) { serve_ = std::move(serve); }
    // Sends `request` to an idle reader, or forks one (serve_requests first); `tag`
    // names the job in what wait_one() returns. A LoadError or std::exception thrown
    // by `serve` comes back as the job's error; so does running out of memory. The
    // job takes `weight` slots: the threads its process runs (a lone document's pages).
    void start_request(std::size_t tag, std::string request, unsigned weight = 1);

    struct Finished {
        std::size_t tag = 0;
        std::string output;  // what `work` returned, when error is empty
        std::string error;   // why the job failed: its exception, a timeout, a crash
        double seconds = 0;  // from start to finish: the job's own time
    };
    // Waits until a job finishes (or is killed at its deadline); nullopt when none
    // runs, or when `interrupted` became true while waiting. `tick` is called
    // four times a second while it waits, in this thread: what a caller would do
    // on a timer (a progress line, renewing claims) without a thread of its own,
    // since a process forked from several threads must not start threads.
    std::optional<Finished> wait_one(const volatile std::sig_atomic_t* interrupted = nullptr, const std::function<void()>& tick = nullptr);
    // Kills every running job and reaps it; their results are dropped.
    void kill_all();

private:
    struct Job {
        std::size_t tag;
        unsigned weight;
        pid_t pid;
        int fd;         // the result's pipe
        int stderr_fd;  // what the document's libraries printed (memfd), or -1
        std::chrono::steady_clock::time_point started, deadline;
        std::string output;
        bool killed_at_deadline = false;
        // The request (kept to read it again when its used reader dies), how many
        // documents the reader served before it, and whether it is read again.
        std::string request;
        unsigned served = 0;
        bool retried = false;
    };
    struct IdleReader {
        pid_t pid;
        int fd;  // the reader's socket
        int stderr_fd;
        unsigned served;
    };
    Finished reap(Job& job);
    Finished outcome_of(const Job& job, int status);
    // A reader's job whose whole answer has come: its result, and the reader idle or gone.
    std::optional<Finished> answered(Job& job);
    void fork_reader(Job& job);
    void send_request(Job& job);

    Serve serve_;
    std::vector<IdleReader> idle_;

    unsigned slots_, used_ = 0;
    IsolationLimits limits_;
    std::vector<Job> running_;
};

}  // namespace congvan
