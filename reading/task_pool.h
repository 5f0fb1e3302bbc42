// A fixed set of worker threads for the pages of one long document (documents
// themselves each get a process: batch.h). parallel_for() lets the calling thread run queued work while it waits,
// so a task may itself call parallel_for() without deadlock.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace congvan {

class TaskPool {
public:
    // `workers` threads in all, the caller of parallel_for() included: workers - 1
    // are started here.
    explicit TaskPool(unsigned workers);
    ~TaskPool();
    TaskPool(const TaskPool&) = delete;
    TaskPool& operator=(const TaskPool&) = delete;

    // Runs body(0..count-1), in any order and on any thread; returns when all ran.
    // The first exception thrown by a body is rethrown here.
    void parallel_for(std::size_t count, const std::function<void(std::size_t)>& body);

    unsigned workers() const { return static_cast<unsigned>(threads_.size()); }

private:
    bool run_one(std::unique_lock<std::mutex>& lock);
    void worker_loop();

    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::function<void()>> queue_;
    std::vector<std::thread> threads_;
    bool stopping_ = false;
};

unsigned default_jobs();

}  // namespace congvan
