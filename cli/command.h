// Each command registers itself on the CLI11 app and leaves its exit code here.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "app/exit_status.h"
#include "isolation/batch.h"
#include "reading/task_pool.h"
#include "rules/ministry.h"
#include "text/messages.h"

namespace congvan::cli {

struct ExitCode {
    int value = 0;
};

void register_text_command(CLI::App& app, ExitCode& exit_code);
void register_extract_command(CLI::App& app, ExitCode& exit_code);
void register_check_command(CLI::App& app, ExitCode& exit_code);
void register_scan_command(CLI::App& app, ExitCode& exit_code);
void register_export_commands(CLI::App& app, ExitCode& exit_code);
void register_report_command(CLI::App& app, ExitCode& exit_code);
void register_merge_command(CLI::App& app, ExitCode& exit_code);
void register_rule_commands(CLI::App& app, ExitCode& exit_code);
void register_ministry_commands(CLI::App& app, ExitCode& exit_code);

// --format FORMAT on a command that writes findings: every registered output
// format (report/sink.h) is offered, and no other.
CLI::Option* add_format_option(CLI::App* cmd, std::string& format, const std::string& help_key);

// What every command that reads documents takes: the files, -j, --timeout and
// --max-memory. Each file is read in a process of its own (isolation/batch.h).
struct DocumentOptions {
    std::vector<std::string> files;
    unsigned jobs = default_jobs();
    double timeout_seconds = 300;
    std::size_t memory_mib = 3072;
    bool force_ocr = false;  // OCR every PDF page, its text layer ignored

    BatchOptions batch() const;
};
void add_document_options(CLI::App* cmd, DocumentOptions& documents);
// The same without the files: -j, --timeout and --max-memory, for a command that
// reads files it finds elsewhere (report: the files a database names).
void add_batch_options(CLI::App* cmd, DocumentOptions& documents);

// -o/--output FILE on a command, and running the command with its standard output
// going to a new temporary file beside FILE, renamed over FILE when it ends and every
// write succeeded (else FILE is left as it was, and the error said). FILE may not be
// one of `inputs` (the same file under any name). Without -o, a failed write to
// standard output (a full disk) is an error too.
void add_output_option(CLI::App* cmd, std::string& output);
int with_output(const std::string& output, const std::vector<std::string>& inputs, const std::function<int()>& command);
// The format an output file's extension names ("report.html" → html, ".htm" too),
// when it is one of `offered`; for -o without --format.
std::optional<std::string> format_of_output(const std::string& output, const std::vector<std::string>& offered);
// A database's files: the SQLite file and its journal files (none for a URI).
std::vector<std::string> database_files(const std::string& db);

// --db on a command that reads a scan database: a SQLite file that exists, or a
// postgresql:// URI.
void add_database_option(CLI::App* cmd, std::string& db);

// The Ministry record of the dispatch given with --against; LoadError when it cannot
// be read or is not the Ministry's. Empty for no --against.
std::optional<MinistryRecord> read_against(const std::string& path);

// The language of every message (--lang on any command, else $CONGVAN_LANG, else
// Vietnamese): set on the app, read by the commands once parsing is done.
void add_language_option(CLI::App& app);
Language output_language();
// Help is written before the command line is parsed, so its language is read from
// the arguments (--lang X, --lang=X) and $CONGVAN_LANG first; help(key) is the
// catalogue's help.KEY in it, and localize_help_layout puts CLI11's own words
// (Usage, OPTIONS, group names) in it once every command is registered.
void choose_help_language(int argc, char** argv);
std::string help(std::string_view key);
// A command line CLI11 could not parse, as one line in the output's language (a
// mistyped command or option with the names it most likely meant), then where help is.
std::string parse_error_line(CLI::App& app, const CLI::ParseError& error, int argc, char** argv);
void localize_help_layout(CLI::App& app);

// "congvan: FILE: reason" on stderr, the reason (congvan's English, as it travels
// and is stored) in the output's language.
void report_file_error(const std::string& file, const std::string& reason);
std::string file_error_line(const std::string& file, const std::string& reason);
// "congvan: what" on stderr, in the output's language (a configuration's mistake).
void report_error(const std::string& what);

}  // namespace congvan::cli
