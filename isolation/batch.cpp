#include "batch.h"
#include "text/messages.h"

#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>

#include "reading/detect.h"
#include "reading/loader.h"
#include "reading/ocr.h"
#include "reading/task_pool.h"

namespace congvan {

namespace {

// A file's process: its pages on `threads` threads (the calling one included),
// under its own deadline.
std::string read_in_process(const std::string& path, const BatchOptions& options, unsigned threads, const BatchCallbacks& callbacks) {
    LoadOptions load = options.load;
    std::optional<TaskPool> pool;
    if (threads > 1) {
        pool.emplace(threads);  // the calling thread is one of them
        load.pool = &*pool;
    }
    if (options.progress_fd >= 0 && options.progress_text)
        load.pdf.on_page_read = [&options, &path](int done, int total) {
            if (total < 2) return;
            std::string line = "\r\033[K" + options.progress_text(path, done, total);
            [[maybe_unused]] auto written = ::write(options.progress_fd, line.data(), line.size());
        };
    if (load.timeout_seconds > 0)
        load.pdf.deadline =
            std::chrono::steady_clock::now() + std::chrono::milliseconds(static_cast<long long>(load.timeout_seconds * 1000));
    try {
        if (callbacks.read_path) return callbacks.read_path(path);
        return callbacks.read(load_document(path, load));
    } catch (const LoadError& e) {
        if (e.reason().key == "error.timed-out")
            throw LoadError(message("error.timed-out-after", {{"seconds", fmt::format("{:g}", load.timeout_seconds)}}));
        throw;
    }
}

}  // namespace

namespace {

// An image by its first bytes; a text (or a head cut inside a character) and a Word
// draft are not.
bool detect_kind_may_need_ocr(const std::string& head) {
    try {
        DocumentKind kind = detect_kind(head);
        return kind != DocumentKind::Text && kind != DocumentKind::Docx;
    } catch (const LoadError&) {
        return false;
    }
}

}  // namespace

bool may_need_ocr(const std::string& path) {
    // Only what a file's first bytes and its own words say: a text, a Word draft or
    // a PDF whose pages all name fonts has no page to OCR; an image, a PDF without a
    // font anywhere in it (a scan), or one whose objects are compressed out of sight
    // may have. Only a PDF is read whole. A file that cannot be read here (missing,
    // unreadable, standard input) says why in its own process.
    constexpr std::size_t kLargest = 64 << 20, kHead = 4096;
    std::error_code ec;
    auto size = std::filesystem::file_size(path, ec);
    if (ec) return false;
    std::string head(std::min<std::size_t>(size, kHead), '\0');
    std::ifstream in(path, std::ios::binary);
    if (!in.read(head.data(), static_cast<std::streamsize>(head.size()))) return false;
    if (head.rfind("%PDF", 0) != 0) return !head.empty() && detect_kind_may_need_ocr(head);
    if (size > kLargest) return true;
    try {
        std::string bytes = read_file_bytes(path);
        return bytes.find("/Font") == std::string::npos || bytes.find("/ObjStm") != std::string::npos;
    } catch (const LoadError&) {
        return false;
    }
}

bool any_may_need_ocr(const std::vector<std::string>& paths) {
    auto end = paths.begin() + static_cast<std::ptrdiff_t>(std::min(paths.size(), kOcrLookahead));
    return std::any_of(paths.begin(), end, may_need_ocr);
}

bool run_batch(const std::vector<std::string>& paths, const BatchOptions& options, const BatchCallbacks& callbacks,
               const volatile std::sig_atomic_t* interrupted) {
    if (paths.empty()) return true;
    unsigned slots = std::max(1u, std::min<unsigned>(options.jobs, static_cast<unsigned>(paths.size())));
    unsigned threads = std::max(1u, options.jobs / slots);
    if (paths.size() > slots && callbacks.read) {
        // Several files a slot: the OCR engine (a quarter of a second, its model a
        // hundred MiB) is built once here and shared by every reader, only when a
        // file may need it. What else a reader builds (patterns, tables), it builds
        // once for all its documents (docs/isolation.md).
        if (any_may_need_ocr(paths)) prepare_ocr_engine();
    }
    double seconds = options.load.timeout_seconds > 0 ? options.load.timeout_seconds : 86400;
    IsolatedWorkers workers(slots, {seconds, options.memory_mib});
    // A request names a file by its place in `paths`, which every reader inherits.
    workers.serve_requests(
        [&](const std::string& request, unsigned) { return read_in_process(paths[std::stoul(request)], options, threads, callbacks); });
    std::vector<BatchItem> items(paths.size());
    std::vector<bool> done(paths.size(), false);
    std::size_t next = 0;
    auto finish = [&](const IsolatedWorkers::Finished& finished) {
        BatchItem& item = items[finished.tag];
        if (finished.error.empty()) item.output = finished.output;
        else item.error = finished.error;
        done[finished.tag] = true;
        for (; next < items.size() && done[next]; ++next) {
            // The progress line is cleared before what the file gives is shown.
            if (options.progress_fd >= 0) [[maybe_unused]]
                auto cleared = ::write(options.progress_fd, "\r\033[K", 4);
            if (callbacks.emit) callbacks.emit(items[next]);
            items[next] = {};  // emitted: release its output
        }
    };
    for (std::size_t i = 0; i < paths.size(); ++i) {
        while (!workers.has_free_slot()) {
            auto finished = workers.wait_one(interrupted);
            if (!finished) return false;
            finish(*finished);
        }
        if (interrupted && *interrupted) return false;
        items[i].path = paths[i];
        workers.start_request(i, std::to_string(i));
    }
    while (auto finished = workers.wait_one(interrupted)) finish(*finished);
    return next == items.size();
}

}  // namespace congvan
