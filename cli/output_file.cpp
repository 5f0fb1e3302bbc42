#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>
#include <ext/stdio_filebuf.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/command.h"
#include "report/sink.h"
#include "text/normalize.h"

namespace congvan::cli {

namespace {

namespace fs = std::filesystem;

// Whether `output` names one of the inputs (the same file under any name: a link, a
// relative path): writing there would replace what the command reads.
const std::string* input_named_by(const std::string& output, const std::vector<std::string>& inputs) {
    std::error_code error;
    if (!fs::exists(output, error)) return nullptr;
    for (const auto& input : inputs)
        if (input != "-" && fs::equivalent(output, input, error)) return &input;
    return nullptr;
}

// A new file beside the target, made by this process alone (mkstemp: O_EXCL under an
// unpredictable name, so no file or link planted there is opened), readable as a
// normal output would be. Written through the descriptor mkstemp gave: the name is
// never opened again, so nothing swapped in under it is written to.
int fresh_temporary(const std::string& output, std::string& name) {
    name = output + ".congvan-XXXXXX";
    int fd = ::mkstemp(name.data());
    if (fd < 0) return -1;
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    return fd;
}

// The temporary file a signal must not leave behind (Ctrl-C, SIGTERM, SIGHUP): its
// name in a fixed buffer, removed by the handler, which then dies of the signal as
// it would have. Only this process removes it (a document's process inherits the
// handler until it sets its own).
char pending_temporary[4096];
volatile std::sig_atomic_t pending_owner = 0;

extern "C" void remove_temporary_and_die(int signal) {
    if (pending_owner == ::getpid()) ::unlink(pending_temporary);
    std::signal(signal, SIG_DFL);
    ::raise(signal);
}

class RemovedOnSignal {
public:
    explicit RemovedOnSignal(const std::string& path) {
        if (path.size() >= sizeof pending_temporary) return;
        std::memcpy(pending_temporary, path.c_str(), path.size() + 1);
        pending_owner = ::getpid();
        struct sigaction action {};
        action.sa_handler = remove_temporary_and_die;
        sigemptyset(&action.sa_mask);
        for (int s : {SIGINT, SIGTERM, SIGHUP}) ::sigaction(s, &action, &previous_[index(s)]);
    }
    ~RemovedOnSignal() {
        for (int s : {SIGINT, SIGTERM, SIGHUP}) ::sigaction(s, &previous_[index(s)], nullptr);
        pending_owner = 0;
    }
    RemovedOnSignal(const RemovedOnSignal&) = delete;
    RemovedOnSignal& operator=(const RemovedOnSignal&) = delete;

private:
    static int index(int s) { return s == SIGINT ? 0 : s == SIGTERM ? 1 : 2; }
    struct sigaction previous_[3]{};
};

int write_failed(const std::string& output, int error) {
    report_file_error(output, message("error.cannot-write", {{"why", std::strerror(error ? error : EIO)}}).en);
    return kExitBadInput;
}

}  // namespace

void add_output_option(CLI::App* cmd, std::string& output) { cmd->add_option("-o,--output", output, help("option.output")); }

int with_output(const std::string& output, const std::vector<std::string>& inputs, const std::function<int()>& command) {
    if (output.empty() || output == "-") {
        int code = command();
        // Every write is checked, not only the last: a full disk or a closed pipe
        // is an error, not a short output with exit 0.
        std::cout.flush();
        if (!std::cout) return write_failed(message("label.standard-output").en, errno);
        return code;
    }
    if (const std::string* input = input_named_by(output, inputs)) {
        report_file_error(output, message("error.output-is-input", {{"input", *input}}).en);
        return kExitBadInput;
    }
    // Beside the target, so that the rename is atomic on the same file system.
    std::string temporary;
    int fd = fresh_temporary(output, temporary);
    if (fd < 0) return write_failed(output, errno);
    RemovedOnSignal removed(temporary);
    __gnu_cxx::stdio_filebuf<char> file(fd, std::ios::out | std::ios::binary);
    auto* previous = std::cout.rdbuf(&file);
    int code;
    try {
        code = command();
    } catch (...) {
        std::cout.rdbuf(previous);
        ::unlink(temporary.c_str());
        throw;
    }
    std::cout.flush();
    bool written = static_cast<bool>(std::cout) && file.pubsync() == 0;
    int error = errno;
    std::cout.rdbuf(previous);
    std::cout.clear();
    // On disk before it replaces the old file: a crash after the rename leaves the
    // new file whole, never an empty one.
    if (written && ::fsync(fd) != 0) written = false, error = errno;
    if (!file.close()) {
        if (written) error = errno;
        written = false;
    }
    if (!written || std::rename(temporary.c_str(), output.c_str()) != 0) {
        if (written) error = errno;
        ::unlink(temporary.c_str());
        return write_failed(output, error);  // the earlier FILE is left as it was
    }
    return code;
}

CLI::Option* add_format_option(CLI::App* cmd, std::string& format, const std::string& help_key) {
    return cmd->add_option("--format", format, help(help_key))->check(CLI::IsMember(sink_names()));
}

std::optional<std::string> format_of_output(const std::string& output, const std::vector<std::string>& offered) {
    std::string format = format_extension(output);
    for (const auto& f : offered)
        if (!format.empty() && f == format) return f;
    return std::nullopt;
}

std::vector<std::string> database_files(const std::string& db) {
    if (db.find("://") != std::string::npos) return {};
    return {db, db + "-wal", db + "-shm", db + "-journal"};
}

}  // namespace congvan::cli
