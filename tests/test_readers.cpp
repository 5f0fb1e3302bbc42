// A document's process is a reader that serves documents one after another
// (docs/isolation.md, "A process reads several documents"): reused while documents
// succeed, left after a failure, and a document whose used reader died is read again
// in a fresh one, so that its verdict is its own.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <csignal>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "isolation/isolation.h"
#include "reading/document.h"
#include "text/messages.h"

using namespace congvan;

namespace {

// What each request asks of its reader: its pid, an exception, a crash, or a crash
// only in a process that served another document before (state left behind).
int served_here = 0;

// A library's crash: the test runner's own handler is not the reader's.
[[noreturn]] void crash() {
    std::signal(SIGSEGV, SIG_DFL);
    std::raise(SIGSEGV);
    _exit(1);
}

std::string serve(const std::string& request, unsigned) {
    ++served_here;
    if (request == "throw") throw std::runtime_error("cannot read this one");
    if (request == "crash") crash();
    if (request == "crash-when-used" && served_here > 1) crash();
    if (request == "grow") {  // what a document leaves in its reader's heap
        static std::vector<char> left;
        left.assign(std::size_t{300} << 20, 'x');
    }
    return std::to_string(getpid()) + " " + std::to_string(served_here);
}

std::vector<IsolatedWorkers::Finished> run(const std::vector<std::string>& requests, unsigned slots = 1, std::size_t memory_mib = 512) {
    IsolatedWorkers workers(slots, {30, memory_mib});
    workers.serve_requests(serve);
    std::vector<IsolatedWorkers::Finished> out(requests.size());
    for (std::size_t i = 0; i < requests.size(); ++i) {
        while (!workers.has_free_slot())
            if (auto done = workers.wait_one()) out[done->tag] = *done;
        workers.start_request(i, requests[i]);
    }
    while (auto done = workers.wait_one()) out[done->tag] = *done;
    return out;
}

std::string pid_of(const IsolatedWorkers::Finished& f) { return f.output.substr(0, f.output.find(' ')); }

}  // namespace

TEST_CASE("one reader serves documents one after another while they succeed") {
    auto out = run({"a", "b", "c", "d"});
    for (const auto& f : out) REQUIRE(f.error.empty());
    CHECK(pid_of(out[0]) == pid_of(out[3]));
    CHECK(out[3].output.ends_with(" 4"));  // the fourth it served
    CHECK(pid_of(out[0]) != std::to_string(getpid()));
    // Two slots: two readers at most, whatever the number of documents.
    std::set<std::string> readers;
    for (const auto& f : run({"a", "b", "c", "d", "e", "f"}, 2)) readers.insert(pid_of(f));
    CHECK(readers.size() <= 2);
}

TEST_CASE("a reader leaves after a document that failed; the next starts in a fresh one") {
    auto out = run({"a", "throw", "b"});
    CHECK(out[0].error.empty());
    CHECK_THAT(shown_reason(out[1].error).en, Catch::Contains("cannot read this one"));
    REQUIRE(out[2].error.empty());
    CHECK(pid_of(out[2]) != pid_of(out[0]));
    CHECK(out[2].output.ends_with(" 1"));
}

TEST_CASE("a document whose used reader died is read again in a fresh reader, and that verdict is its own") {
    // It crashes only where another was read before it: read again alone, it succeeds.
    auto out = run({"a", "crash-when-used", "b"});
    CHECK(out[0].error.empty());
    REQUIRE(out[1].error.empty());
    CHECK(out[1].output.ends_with(" 1"));
    CHECK(out[2].error.empty());
    // One that crashes anywhere is told crashed, once, and the batch goes on.
    out = run({"a", "crash", "b"});
    CHECK(shown_reason(out[1].error).key == "error.crashed");
    CHECK_THAT(shown_reason(out[1].error).en, Catch::Contains("Segmentation fault"));
    CHECK(out[2].error.empty());
}

TEST_CASE("a request larger than a reader keeps goes to a fresh reader") {
    IsolatedWorkers workers(1, {30, 512});
    workers.serve_requests(serve);
    workers.start_request(0, "a");
    auto first = workers.wait_one();
    workers.start_request(1, std::string(IsolatedWorkers::kLargestRequestKept + 1, 'x'));
    auto second = workers.wait_one();
    REQUIRE(first);
    REQUIRE(second);
    CHECK(pid_of(*first) != pid_of(*second));
    CHECK(second->output.ends_with(" 1"));
}

TEST_CASE("a reader leaves for what its documents left and not for what it shares with its parent") {
    // The command's process holds more than a quarter of the readers' 1 GiB limit (as
    // a test runner or a sanitizer's shadow memory can): readers are still reused.
    constexpr std::size_t kLimit = 1024;
    std::vector<char> held(std::size_t{300} << 20, 'p');
    auto out = run({"a", "b", "c"}, 1, kLimit);
    CHECK(held.back() == 'p');
    REQUIRE(out[2].error.empty());
    CHECK(pid_of(out[0]) == pid_of(out[2]));
    held.clear();
    held.shrink_to_fit();
    // A document that leaves 300 MiB behind: its reader leaves after it.
    out = run({"a", "grow", "b"}, 1, kLimit);
    REQUIRE(out[1].error.empty());
    REQUIRE(out[2].error.empty());
    CHECK(pid_of(out[0]) == pid_of(out[1]));
    CHECK(pid_of(out[2]) != pid_of(out[1]));
    CHECK(out[2].output.ends_with(" 1"));
}
