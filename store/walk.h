// The folder walk of `congvan scan`: which files under some inputs are documents.
#pragma once

#include <string>
#include <vector>

namespace congvan {

// What a walk of the inputs found: every regular file under them, sorted, but the
// database and its -wal, -shm and -journal files, and hidden files and folders.
// Links are followed, each folder once.
struct WalkResult {
    std::vector<std::string> files;
    std::vector<std::string> missing;  // inputs that do not exist
    struct Unreadable {
        std::string path, reason;
    };
    std::vector<Unreadable> unreadable;   // folders it could not read (stored as errors)
    std::vector<Unreadable> passed_over;  // a link to a folder already walked, a broken link, a FIFO
};

WalkResult collect_files(const std::vector<std::string>& inputs, const std::string& database);

}  // namespace congvan
