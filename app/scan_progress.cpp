// What a scan says of itself while it runs (app/scan.h).
#include <fmt/format.h>

#include <chrono>

#include "app/scan.h"
#include "text/messages.h"

namespace congvan {

std::string progress_line(const ScanCounters& c, Language language) {
    using namespace std::chrono;
    double seconds = duration<double>(steady_clock::now() - c.started).count();
    long pages = c.text_pages + c.ocr_pages;
    double rate = seconds > 0 ? pages / seconds : 0;
    std::string eta = "?";
    if (c.done > 0 && c.done < c.total) {
        long left = static_cast<long>(seconds / c.done * (c.total - c.done));
        eta = fmt::format("{}:{:02d}:{:02d}", left / 3600, left / 60 % 60, left % 60);
    } else if (c.done == c.total) {
        eta = "0:00:00";
    }
    Text rechecked = c.rechecked > 0 ? message("progress.rechecked", {{"count", std::to_string(c.rechecked.load())}}) : Text{};
    // A scan that only waits for another's documents says so, rather than look stuck.
    if (c.held_elsewhere > 0) {
        Text waiting = message("progress.waiting", {{"count", std::to_string(c.held_elsewhere.load())}});
        rechecked = Text{rechecked.vi + waiting.vi, rechecked.en + waiting.en};
    }
    return message("progress.line", {{"done", std::to_string(c.done.load())},
                                     {"total", std::to_string(c.total.load())},
                                     {"rate", fmt::format("{:.1f}", rate)},
                                     {"text", std::to_string(c.text_pages.load())},
                                     {"ocr", std::to_string(c.ocr_pages.load())},
                                     {"skipped", std::to_string(c.skipped.load())},
                                     {"rechecked", rechecked},
                                     {"errors", std::to_string(c.errors.load())},
                                     {"eta", eta}})
        .in(language);
}

}  // namespace congvan
