#include "isolation.h"
#include "reading/document.h"
#include "text/messages.h"

#include <sys/mman.h>
#include <sys/prctl.h>

#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <new>
#include <stdexcept>

#include "text/normalize.h"

namespace congvan {

namespace {

using clock = std::chrono::steady_clock;

// The child's own cooperative deadline comes first (it says "timed out" itself);
// this much later the parent kills it.
constexpr auto kGrace = std::chrono::seconds(2);
constexpr int kJobFailed = 3;  // exit code of a child whose job threw

void write_all(int fd, const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + sent, bytes.size() - sent);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        sent += static_cast<std::size_t>(n);
    }
}

// What a library printed in a child that failed: its last line, which names the
// cause ("Out of memory"), shortened and with control characters escaped.
std::string last_words(int fd) {
    std::string text;
    char buffer[4096];
    ssize_t n;
    for (off_t at = 0; (n = ::pread(fd, buffer, sizeof buffer, at)) > 0; at += n) {
        text.append(buffer, static_cast<std::size_t>(n));
        if (text.size() > 65536) text.erase(0, text.size() - 4096);
    }
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    std::string last = text.substr(text.rfind('\n') == std::string::npos ? 0 : text.rfind('\n') + 1);
    if (last.size() > 160) last = last.substr(0, 157) + "...";
    return printable(last);
}

void set_up_child(pid_t parent, int stderr_fd, std::size_t memory_mib) {
    // Libraries' own messages (libpng, libjpeg, Leptonica, Poppler) go to a file the
    // parent reads only when the document failed; a sanitizer's report stays on stderr.
    if (!kSanitized && stderr_fd >= 0) ::dup2(stderr_fd, STDERR_FILENO);
    std::signal(SIGINT, SIG_IGN);
    std::signal(SIGTERM, SIG_DFL);
    // A parent that dies (killed, or a command ended by Ctrl-C) takes its documents
    // with it rather than leaving them to OCR for nobody.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(kJobFailed);
    // Sanitizers map terabytes of shadow address space: under them an address-space
    // limit would fail every allocation, so sanitizer builds run without it
    // (README, Sanitizers).
    if (!kSanitized) {
        rlimit limit{};
        limit.rlim_cur = limit.rlim_max = static_cast<rlim_t>(memory_mib) << 20;
        setrlimit(RLIMIT_AS, &limit);
    }
}

// What `work` returns, or why it failed, with the exit code that says which.
std::pair<int, std::string> run_job(const std::function<std::string()>& work, std::size_t memory_mib) {
    try {
        return {0, work()};
    } catch (const std::bad_alloc&) {
        return {kJobFailed, encoded(message("error.out-of-memory", {{"limit", std::to_string(memory_mib)}}))};
    } catch (const LoadError& e) {
        return {kJobFailed, encoded(e.reason())};
    } catch (const std::exception& e) {
        return {kJobFailed, e.what()};
    }
}

// A frame: a header of fixed size, then `length` bytes. A request's header holds its
// weight; an answer's its exit code and whether the reader leaves after it.
struct FrameHeader {
    std::uint32_t code_or_weight;
    std::uint32_t last;
    std::uint64_t length;
};

bool read_exactly(int fd, char* into, std::size_t size) {
    for (std::size_t got = 0; got < size;) {
        ssize_t n = ::read(fd, into + got, size - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        got += static_cast<std::size_t>(n);
    }
    return true;
}

std::string framed(FrameHeader header, const std::string& bytes) {
    header.length = bytes.size();
    std::string out(reinterpret_cast<const char*>(&header), sizeof header);
    return out + bytes;
}

// The pages a process holds now. A forked reader starts holding what it shares with
// its parent, which can be large (a test runner, or a sanitizer's shadow memory).
std::size_t resident_bytes() {
    long pages = 0, resident = 0;
    if (FILE* statm = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(statm, "%ld %ld", &pages, &resident) != 2) resident = 0;
        std::fclose(statm);
    }
    return static_cast<std::size_t>(resident) * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

// A reader whose documents left more than a quarter of its limit in its heap (its
// growth since it started, not what it inherited) leaves, so that the next document
// has the whole limit to itself.
bool reader_grown(std::size_t at_start, std::size_t memory_mib) {
    std::size_t now = resident_bytes();
    return now > at_start && now - at_start > (memory_mib << 20) / 4;
}

[[noreturn]] void run_reader(pid_t parent, int fd, int stderr_fd, const IsolatedWorkers::Serve& serve, std::size_t memory_mib) {
    set_up_child(parent, stderr_fd, memory_mib);
    const std::size_t at_start = resident_bytes();
    for (unsigned served = 0;; ++served) {
        FrameHeader header{};
        if (!read_exactly(fd, reinterpret_cast<char*>(&header), sizeof header)) _exit(0);  // the parent is done
        std::string request(header.length, '\0');
        if (!read_exactly(fd, request.data(), request.size())) _exit(0);
        if (!kSanitized && stderr_fd >= 0) {  // the last words read on a failure are this document's
            [[maybe_unused]] int emptied = ::ftruncate(STDERR_FILENO, 0);
            ::lseek(STDERR_FILENO, 0, SEEK_SET);
        }
        auto [code, out] = run_job([&] { return serve(request, header.code_or_weight); }, memory_mib);
        bool last = code != 0 || served + 1 >= IsolatedWorkers::kDocumentsAReader || reader_grown(at_start, memory_mib);
        write_all(fd, framed({static_cast<std::uint32_t>(code), last ? 1u : 0u, 0}, out));
        // Leaving: _exit, so no static destructor runs, no stdio buffer of the parent's
        // is flushed and no database handle is closed twice.
        if (last) _exit(code);
    }
}

}  // namespace

IsolatedWorkers::IsolatedWorkers(unsigned slots, IsolationLimits limits) : slots_(std::max(1u, slots)), limits_(limits) {
    // Read before the first fork: a child out of memory still has its words.
    message_catalogue();
}

IsolatedWorkers::~IsolatedWorkers() { kill_all(); }

std::optional<IsolatedWorkers::Finished> IsolatedWorkers::wait_one(const volatile std::sig_atomic_t* interrupted,
                                                                   const std::function<void()>& tick) {
    while (!running_.empty()) {
        if (interrupted && *interrupted) return std::nullopt;
        if (tick) tick();
        auto now = clock::now();
        for (auto& job : running_)
            if (!job.killed_at_deadline && now >= job.deadline) {
                ::kill(job.pid, SIGKILL);
                job.killed_at_deadline = true;
            }
        // Wake to see an interruption, and four times a second for a tick (a claim's
        // lease may be as short as a second, renewed every third of it).
        auto next = now + (tick ? std::chrono::milliseconds(250) : std::chrono::milliseconds(1000));
        for (const auto& job : running_)
            if (!job.killed_at_deadline) next = std::min(next, job.deadline);
        int wait_ms =
            static_cast<int>(std::max<long long>(0, std::chrono::duration_cast<std::chrono::milliseconds>(next - now).count() + 1));
        std::vector<pollfd> fds;
        for (const auto& job : running_) fds.push_back({job.fd, POLLIN, 0});
        int ready = ::poll(fds.data(), fds.size(), wait_ms);
        if (ready <= 0) continue;  // timeout or EINTR: look at deadlines and the flag again
        for (std::size_t i = 0; i < fds.size(); ++i) {
            if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            Job& job = running_[i];
            char buffer[65536];
            ssize_t n;
            while ((n = ::read(job.fd, buffer, sizeof buffer)) > 0) job.output.append(buffer, static_cast<std::size_t>(n));
            std::optional<Finished> done = answered(job);
            if (!done && (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR))) {
                done = reap(job);
                // Its reader died (not at its deadline) after serving others: read
                // again in a fresh one, where the verdict is this document's own.
                if (job.served > 0 && !job.retried && !job.killed_at_deadline && !job.request.empty()) {
                    job.retried = true;
                    fork_reader(job);
                    send_request(job);
                    break;  // the fds changed: poll again
                }
            }
            if (done) {
                used_ -= job.weight;
                running_.erase(running_.begin() + static_cast<long>(i));
                return done;
            }
        }
    }
    return std::nullopt;
}

IsolatedWorkers::Finished IsolatedWorkers::reap(Job& job) {
    ::close(job.fd);
    int status = 0;
    while (::waitpid(job.pid, &status, 0) < 0 && errno == EINTR) {}
    Finished done = outcome_of(job, status);
    if (job.stderr_fd >= 0) {
        if (!done.error.empty() && !job.killed_at_deadline)
            if (auto said = last_words(job.stderr_fd); !said.empty())
                done.error = encoded(message("error.library-said", {{"reason", shown_reason(done.error)}, {"said", said}}));
        ::close(job.stderr_fd);
    }
    return done;
}

IsolatedWorkers::Finished IsolatedWorkers::outcome_of(const Job& job, int status) {
    Finished done;
    done.tag = job.tag;
    done.seconds = std::chrono::duration<double>(clock::now() - job.started).count();
    std::string limit = std::to_string(limits_.memory_mib);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        done.output = job.output;
    } else if (WIFEXITED(status) && WEXITSTATUS(status) == kJobFailed) {
        done.error = job.output.empty() ? encoded(message("error.failed")) : job.output;
    } else if (WIFEXITED(status)) {
        done.error = encoded(message("error.exit-code", {{"code", std::to_string(WEXITSTATUS(status))}}));
    } else if (job.killed_at_deadline) {
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%g", limits_.seconds);
        done.error = encoded(message("error.timed-out-after", {{"seconds", seconds}}));
    } else if (WTERMSIG(status) == SIGABRT || WTERMSIG(status) == SIGKILL) {
        // Poppler aborts when an allocation fails; the kernel kills on exhaustion.
        done.error = encoded(message("error.aborted", {{"signal", strsignal(WTERMSIG(status))}, {"limit", limit}}));
    } else {
        done.error = encoded(message("error.crashed", {{"signal", strsignal(WTERMSIG(status))}}));
    }
    return done;
}

namespace {

void kill_process(pid_t pid, int fd, int stderr_fd) {
    ::kill(pid, SIGKILL);
    ::close(fd);
    if (stderr_fd >= 0) ::close(stderr_fd);
    while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {}
}

}  // namespace

void IsolatedWorkers::kill_all() {
    for (const auto& job : running_) kill_process(job.pid, job.fd, job.stderr_fd);
    running_.clear();
    used_ = 0;
    for (const auto& reader : idle_) kill_process(reader.pid, reader.fd, reader.stderr_fd);
    idle_.clear();
}

void IsolatedWorkers::start_request(std::size_t tag, std::string request, unsigned weight) {
    weight = std::max(1u, weight);
    Job job{tag, weight, -1, -1, -1, {}, {}, {}, false, std::move(request), 0, false};
    // A large document goes to a fresh reader: its process costs nothing beside its
    // reading, and the parent need not keep its bytes to read it again.
    if (idle_.empty() || job.request.size() > kLargestRequestKept) {
        fork_reader(job);
    } else {
        const IdleReader& reader = idle_.back();
        job.pid = reader.pid;
        job.fd = reader.fd;
        job.stderr_fd = reader.stderr_fd;
        job.served = reader.served;
        idle_.pop_back();
    }
    send_request(job);
    if (job.served == 0) std::string().swap(job.request);  // a fresh reader's verdict is the document's own
    running_.push_back(std::move(job));
    used_ += weight;
}

void IsolatedWorkers::fork_reader(Job& job) {
    int fds[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
        throw std::runtime_error(std::string("cannot make a socket pair: ") + std::strerror(errno));
    int stderr_fd = memfd_create("congvan-document-stderr", MFD_CLOEXEC);
    std::cout.flush();
    std::cerr.flush();
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        if (stderr_fd >= 0) ::close(stderr_fd);
        throw std::runtime_error(std::string("cannot start a process: ") + std::strerror(errno));
    }
    if (pid == 0) {
        ::close(fds[0]);
        for (const auto& reader : idle_) ::close(reader.fd);  // another reader's socket is not this one's
        run_reader(parent, fds[1], stderr_fd, serve_, limits_.memory_mib);
    }
    ::close(fds[1]);
    job.pid = pid;
    job.fd = fds[0];
    job.stderr_fd = stderr_fd;
    job.served = 0;
}

// Sends the job's request (blocking: a reader reads its whole request before it
// answers) and starts its clock; a reader gone meanwhile answers with end of file.
void IsolatedWorkers::send_request(Job& job) {
    fcntl(job.fd, F_SETFL, fcntl(job.fd, F_GETFL) & ~O_NONBLOCK);
    std::string frame = framed({job.weight, 0, 0}, job.request);
    for (std::size_t sent = 0; sent < frame.size();) {
        ssize_t n = ::send(job.fd, frame.data() + sent, frame.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        sent += static_cast<std::size_t>(n);
    }
    fcntl(job.fd, F_SETFL, fcntl(job.fd, F_GETFL) | O_NONBLOCK);
    job.output.clear();
    job.killed_at_deadline = false;
    job.started = clock::now();
    job.deadline = job.started + std::chrono::duration_cast<clock::duration>(std::chrono::duration<double>(limits_.seconds)) + kGrace;
}

std::optional<IsolatedWorkers::Finished> IsolatedWorkers::answered(Job& job) {
    FrameHeader header{};
    if (job.output.size() < sizeof header) return std::nullopt;
    std::memcpy(&header, job.output.data(), sizeof header);
    if (job.output.size() < sizeof header + header.length) return std::nullopt;
    Finished done;
    done.tag = job.tag;
    done.seconds = std::chrono::duration<double>(clock::now() - job.started).count();
    std::string payload = job.output.substr(sizeof header, header.length);
    if (header.code_or_weight == 0) done.output = std::move(payload);
    else done.error = payload.empty() ? encoded(message("error.failed")) : std::move(payload);
    if (header.last) {
        // It leaves: reaped here, its failure told as a forked job's is (with what
        // its libraries said).
        job.output = done.error.empty() ? done.output : done.error;
        Finished gone = reap(job);
        gone.seconds = done.seconds;
        return gone;
    }
    idle_.push_back({job.pid, job.fd, job.stderr_fd, job.served + 1});
    return done;
}

}  // namespace congvan
