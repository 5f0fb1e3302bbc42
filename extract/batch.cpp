#include "batch.h"

#include <fmt/format.h>

#include <chrono>
#include <mutex>

namespace congvan {

void run_batch(const std::vector<std::string>& paths, TaskPool& pool, const LoadOptions& options,
               const BatchCallbacks& callbacks) {
    std::vector<BatchItem> items(paths.size());
    std::vector<bool> done(paths.size(), false);
    std::size_t next = 0;
    std::mutex emit_mutex;
    pool.parallel_for(paths.size(), [&](std::size_t i) {
        BatchItem& item = items[i];
        item.path = paths[i];
        try {
            LoadOptions per_file = options;
            per_file.pool = &pool;
            if (options.timeout_seconds > 0)
                per_file.pdf.deadline = std::chrono::steady_clock::now() +
                                        std::chrono::milliseconds(static_cast<long long>(options.timeout_seconds * 1000));
            item.document = load_document(item.path, per_file);
            if (callbacks.process) callbacks.process(item);
        } catch (const std::exception& e) {
            item.error = e.what();
            if (item.error == "timed out") item.error = fmt::format("timed out after {:g} s", options.timeout_seconds);
        }
        std::lock_guard lock(emit_mutex);
        done[i] = true;
        while (next < items.size() && done[next]) {
            if (callbacks.emit) callbacks.emit(items[next]);
            items[next].document.reset();  // emitted: release its pages
            ++next;
        }
    });
}

}  // namespace congvan
