// Many files, each read in a process of its own (isolation.h): a crash, an abort on
// exhausted memory or a stall in a library ends that file, not the command. What a
// file's process returns crosses back as bytes and is emitted in the order the
// files were given, as soon as all before it are.
#pragma once

#include <csignal>
#include <functional>
#include <string>
#include <vector>

#include "isolation.h"
#include "reading/document.h"
#include "reading/loader.h"

namespace congvan {

struct BatchOptions {
    unsigned jobs = 1;  // files read at once; a lone file's pages share them
    LoadOptions load;   // its timeout_seconds is each file's deadline
    std::size_t memory_mib = 3072;
    // A terminal to show a scan's pages on as they are read ("FILE: trang 3/12"),
    // from the file's process, whose own stderr is not the terminal; -1: none.
    // `progress_text` words the line in the output's language.
    int progress_fd = -1;
    std::function<std::string(const std::string& path, int done, int total)> progress_text;
};

struct BatchItem {
    std::string path;
    std::string error;   // the reason the file could not be read, when it could not
    std::string output;  // what `read` returned in the file's process
};

struct BatchCallbacks {
    // In the file's own process, on the loaded document: what comes back. May throw.
    std::function<std::string(const Document&)> read;
    // In this process, in file order, one at a time.
    std::function<void(BatchItem&)> emit;
    // Instead of `read`: in the file's own process, on its path, for work that does
    // not load the document (drawing its pages for a report).
    std::function<std::string(const std::string& path)> read_path = nullptr;
};

// Whether a file may have a page to OCR (docs/performance.md): an image, a PDF with
// no font named in its bytes or with compressed object streams; not a text, a Word
// draft or a PDF whose every font is in sight. A command prepares the OCR engine
// before its first fork only when one of its first kOcrLookahead files may need it;
// else a file that does prepares its own.
bool may_need_ocr(const std::string& path);
constexpr std::size_t kOcrLookahead = 200;
bool any_may_need_ocr(const std::vector<std::string>& paths);

// Returns false when `interrupted` became true before every file was emitted.
bool run_batch(const std::vector<std::string>& paths, const BatchOptions& options, const BatchCallbacks& callbacks,
               const volatile std::sig_atomic_t* interrupted = nullptr);

}  // namespace congvan
