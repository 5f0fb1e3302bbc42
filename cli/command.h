// Each command registers itself on the CLI11 app and leaves its exit code here.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <optional>
#include <string>

#include "rules/ministry.h"

namespace congvan::cli {

struct ExitCode {
    int value = 0;
};

void register_text_command(CLI::App& app, ExitCode& exit_code);
void register_extract_command(CLI::App& app, ExitCode& exit_code);
void register_check_command(CLI::App& app, ExitCode& exit_code);
void register_scan_command(CLI::App& app, ExitCode& exit_code);
void register_export_commands(CLI::App& app, ExitCode& exit_code);
void register_rule_commands(CLI::App& app, ExitCode& exit_code);

// Exit codes shared by every command.
constexpr int kExitOk = 0;
constexpr int kExitFindings = 1;
constexpr int kExitBadInput = 2;

// The options every command over documents takes: the files and --jobs.
// Files, -j and --timeout: what every command that reads documents takes.
void add_document_options(CLI::App* cmd, std::vector<std::string>& files, unsigned& jobs, double& timeout_seconds);

// -o/--output FILE on a command, and running the command with its standard output
// going to a temporary file beside FILE, renamed over FILE when it ends.
void add_output_option(CLI::App* cmd, std::string& output);
int with_output(const std::string& output, const std::function<int()>& command);

// The Ministry record of the dispatch given with --against; LoadError when it cannot
// be read or is not the Ministry's. Empty for no --against.
std::optional<MinistryRecord> read_against(const std::string& path);

// "congvan: FILE: reason" on stderr.
void report_file_error(const std::string& file, const std::string& reason);

}  // namespace congvan::cli
