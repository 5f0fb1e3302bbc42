#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/command.h"
#include "extract/normalize.h"

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

// A new file beside the target, made by this process alone (O_EXCL: no file or link
// planted under a guessable name is opened), readable as a normal output would be.
std::string fresh_temporary(const std::string& output) {
    std::string name = output + ".congvan-XXXXXX";
    int fd = ::mkstemp(name.data());
    if (fd < 0) return "";
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    ::close(fd);
    return name;
}

int write_failed(const std::string& output, int error) {
    report_file_error(output, message("error.cannot-write", {{"why", std::strerror(error ? error : EIO)}}).en);
    return kExitBadInput;
}

}  // namespace

void add_output_option(CLI::App* cmd, std::string& output) {
    cmd->add_option("-o,--output", output,
                    help("option.output"));
}

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
    std::string temporary = fresh_temporary(output);
    std::ofstream file;
    if (!temporary.empty()) file.open(temporary, std::ios::binary | std::ios::trunc);
    if (temporary.empty() || !file) return write_failed(output, errno);
    auto* previous = std::cout.rdbuf(file.rdbuf());
    int code;
    try {
        code = command();
    } catch (...) {
        std::cout.rdbuf(previous);
        std::filesystem::remove(temporary);
        throw;
    }
    std::cout.flush();
    bool written = static_cast<bool>(std::cout);
    int error = errno;
    std::cout.rdbuf(previous);
    std::cout.clear();
    file.close();
    if (!written || !file || std::rename(temporary.c_str(), output.c_str()) != 0) {
        if (file) error = errno;
        std::filesystem::remove(temporary);
        return write_failed(output, error);  // the earlier FILE is left as it was
    }
    return code;
}

std::optional<std::string> format_of_output(const std::string& output, const std::vector<std::string>& offered) {
    std::string extension = fs::path(output).extension().string();
    if (extension.empty()) return std::nullopt;
    std::string format = fold_string(extension.substr(1));
    if (format == "htm") format = "html";
    for (const auto& f : offered)
        if (f == format) return f;
    return std::nullopt;
}

std::vector<std::string> database_files(const std::string& db) {
    if (db.find("://") != std::string::npos) return {};
    return {db, db + "-wal", db + "-shm", db + "-journal"};
}

}  // namespace congvan::cli
