#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/command.h"
#include "extract/extractor.h"
#include "extract/loader.h"
#include "extract/normalize.h"
#include "extract/versions.h"
#include "rules/checker.h"
#include "congvan_version.h"

namespace congvan::cli {

void add_document_options(CLI::App* cmd, DocumentOptions& documents) {
    cmd->add_option("files", documents.files, "Documents: PDF, PNG, JPEG, TIFF or UTF-8 text; - for standard input")->required();
    cmd->add_option("-j,--jobs", documents.jobs, "Files and pages processed in parallel (default: all cores)")->check(CLI::Range(1u, 256u));
    cmd->add_option("--timeout", documents.timeout_seconds, "Seconds a file's reading may take before it is given up (default 300)")
        ->check(CLI::Range(1.0, 86400.0));
    cmd->add_option("--max-memory", documents.memory_mib, "MiB of address space a file's process may use (default 3072)")
        ->check(CLI::Range(256, 1 << 20));
}

BatchOptions DocumentOptions::batch() const {
    BatchOptions options;
    options.jobs = jobs;
    options.load.timeout_seconds = timeout_seconds;
    options.memory_mib = memory_mib;
    return options;
}

std::optional<MinistryRecord> read_against(const std::string& path) {
    if (path.empty()) return std::nullopt;
    return ministry_record_from(extract_record(load_document(path)));
}

namespace {

std::string language_code = "vi";

}  // namespace

void add_language_option(CLI::App& app) {
    app.add_option("--lang", language_code, "Language of every message: vi (the default) or en")
        ->envname("CONGVAN_LANG")
        ->check(CLI::IsMember({"vi", "en"}));
    // Given after a command's name too: `congvan check --lang en FILE`.
    app.fallthrough();
}

Language output_language() { return parse_language(language_code).value_or(Language::Vietnamese); }

std::string file_error_line(const std::string& file, const std::string& reason) {
    return "congvan: " + printable(display_name(file)) + ": " + printable(localize(reason).in(output_language()));
}

void report_error(const std::string& what) {
    std::cerr << "congvan: " << printable(localize(what).in(output_language())) << '\n';
}

void report_file_error(const std::string& file, const std::string& reason) { std::cerr << file_error_line(file, reason) << '\n'; }

}  // namespace congvan::cli

namespace {

// Debian's Tesseract uses OpenMP, whose default threads cost 4x the CPU for the
// same text, and the limit is only read when the process starts: so set it and
// start again, once.
void limit_openmp_threads(char** argv) {
    if (std::getenv("OMP_THREAD_LIMIT")) return;
    setenv("OMP_THREAD_LIMIT", "1", 1);
    execv("/proc/self/exe", argv);
}

}  // namespace

int main(int argc, char** argv) {
    limit_openmp_threads(argv);
    CLI::App app{"congvan: reads Vietnamese administrative documents and audits them against the Ministry's instruction"};
    app.set_version_flag("--version", [] {
        return std::string("congvan ") + CONGVAN_VERSION + "\n" + congvan::library_versions() + "\n" +
               "Ministry records: " + congvan::default_ministry_dir();
    });
    app.require_subcommand(1);
    congvan::cli::add_language_option(app);  // before the commands, which inherit fallthrough
    congvan::cli::ExitCode exit_code;
    congvan::cli::register_text_command(app, exit_code);
    congvan::cli::register_extract_command(app, exit_code);
    congvan::cli::register_check_command(app, exit_code);
    congvan::cli::register_scan_command(app, exit_code);
    congvan::cli::register_export_commands(app, exit_code);
    congvan::cli::register_rule_commands(app, exit_code);
    congvan::cli::register_ministry_commands(app, exit_code);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : congvan::cli::kExitBadInput;
    }
    return exit_code.value;
}
