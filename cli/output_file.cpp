#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/command.h"
#include "extract/normalize.h"

namespace congvan::cli {

void add_output_option(CLI::App* cmd, std::string& output) {
    cmd->add_option("-o,--output", output,
                    help("option.output"));
}

int with_output(const std::string& output, const std::function<int()>& command) {
    if (output.empty() || output == "-") return command();
    // Beside the target, so that the rename is atomic on the same file system.
    std::string temporary = output + ".congvan-" + std::to_string(::getpid()) + ".tmp";
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    if (!file) {
        report_file_error(output, message("error.cannot-write", {{"why", std::strerror(errno)}}).en);
        return kExitBadInput;
    }
    auto* previous = std::cout.rdbuf(file.rdbuf());
    int code;
    try {
        code = command();
    } catch (...) {
        std::cout.rdbuf(previous);
        std::filesystem::remove(temporary);
        throw;
    }
    std::cout.rdbuf(previous);
    file.close();
    if (!file || std::rename(temporary.c_str(), output.c_str()) != 0) {
        report_file_error(output, message("error.cannot-write", {{"why", std::strerror(errno)}}).en);
        std::filesystem::remove(temporary);
        return kExitBadInput;
    }
    return code;
}

}  // namespace congvan::cli
