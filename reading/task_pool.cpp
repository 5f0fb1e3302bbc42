#include "task_pool.h"

#include <exception>
#include <memory>

namespace congvan {

unsigned default_jobs() {
    unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : n;
}

TaskPool::TaskPool(unsigned workers) {
    // The caller of parallel_for works too, so n jobs need n-1 extra threads.
    for (unsigned i = 1; i < workers; ++i) threads_.emplace_back([this] { worker_loop(); });
}

TaskPool::~TaskPool() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    for (auto& t : threads_) t.join();
}

bool TaskPool::run_one(std::unique_lock<std::mutex>& lock) {
    if (queue_.empty()) return false;
    auto task = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    task();
    lock.lock();
    return true;
}

void TaskPool::worker_loop() {
    std::unique_lock lock(mutex_);
    while (true) {
        if (run_one(lock)) {
            changed_.notify_all();
            continue;
        }
        if (stopping_) return;
        changed_.wait(lock);
    }
}

void TaskPool::parallel_for(std::size_t count, const std::function<void(std::size_t)>& body) {
    struct Group {
        std::size_t remaining;
        std::exception_ptr error;
    };
    auto group = std::make_shared<Group>(Group{count, nullptr});
    std::unique_lock lock(mutex_);
    for (std::size_t i = 0; i < count; ++i) {
        queue_.emplace_back([this, group, i, &body] {
            std::exception_ptr error;
            try {
                body(i);
            } catch (...) {
                error = std::current_exception();
            }
            std::lock_guard inner(mutex_);
            if (error && !group->error) group->error = error;
            --group->remaining;
        });
    }
    changed_.notify_all();
    while (group->remaining > 0) {
        if (!run_one(lock)) changed_.wait(lock);
        else changed_.notify_all();
    }
    if (group->error) std::rethrow_exception(group->error);
}

}  // namespace congvan
