#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <iostream>

#include "cli/command.h"
#include "congvan_version.h"
#include "fields/extractor.h"
#include "reading/loader.h"
#include "reading/versions.h"
#include "rules/checker.h"
#include "text/normalize.h"

namespace congvan::cli {

void add_document_options(CLI::App* cmd, DocumentOptions& documents) {
    cmd->add_option("files", documents.files, help("option.files"))->required();
    // A text layer may be garbage or in a legacy encoding the detector misses: the
    // pages are read again by OCR (check, extract and text alike).
    cmd->add_flag("--force-ocr", documents.force_ocr, help("option.force-ocr"));
    add_batch_options(cmd, documents);
}

void add_batch_options(CLI::App* cmd, DocumentOptions& documents) {
    cmd->add_option("-j,--jobs", documents.jobs, help("option.file-jobs"))->check(CLI::Range(1u, 256u));
    cmd->add_option("--timeout", documents.timeout_seconds, help("option.file-timeout"))->check(CLI::Range(1.0, 86400.0));
    cmd->add_option("--max-memory", documents.memory_mib, help("option.file-max-memory"))->check(CLI::Range(256, 1 << 20));
}

BatchOptions DocumentOptions::batch() const {
    BatchOptions options;
    options.jobs = jobs;
    options.load.timeout_seconds = timeout_seconds;
    options.memory_mib = memory_mib;
    options.load.pdf.force_ocr = force_ocr;
    // On a terminal, a scan's pages as they are read; the descriptor is a copy made
    // before any file's process, whose own stderr is a file for its libraries.
    static const int terminal = ::isatty(STDERR_FILENO) ? ::dup(STDERR_FILENO) : -1;
    options.progress_fd = terminal;
    options.progress_text = [](const std::string& path, int done, int total) {
        return "congvan: " + printable(display_name(path)) + ": " +
               message("progress.page", {{"done", std::to_string(done)}, {"total", std::to_string(total)}}).in(output_language());
    };
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
    app.add_option("--lang", language_code, help("option.lang"))->envname("CONGVAN_LANG")->check(CLI::IsMember({"vi", "en"}));
    // Given after a command's name too: `congvan check --lang en FILE`.
    app.fallthrough();
}

Language output_language() { return parse_language(language_code).value_or(Language::Vietnamese); }

void choose_help_language(int argc, char** argv) {
    if (const char* from_environment = std::getenv("CONGVAN_LANG"); from_environment && parse_language(from_environment))
        language_code = from_environment;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "--") break;
        std::string_view code = arg.starts_with("--lang=") ? arg.substr(7) : arg == "--lang" && i + 1 < argc ? argv[i + 1] : "";
        if (parse_language(code)) language_code = std::string(code);
    }
}

std::string file_error_line(const std::string& file, const std::string& reason) {
    return "congvan: " + printable(display_name(file)) + ": " + printable(shown_reason(reason).in(output_language()));
}

void report_error(const std::string& what) { std::cerr << "congvan: " << printable(shown_reason(what).in(output_language())) << '\n'; }

void report_file_error(const std::string& file, const std::string& reason) { std::cerr << file_error_line(file, reason) << '\n'; }

}  // namespace congvan::cli

// Debian's Tesseract uses OpenMP, whose default threads cost 4x the CPU for the
// same text; libgomp reads OMP_THREAD_LIMIT once, in its initializer, which runs
// when the engines' module brings it in (reading/engine_module.h), and ran before
// main when the binary linked Tesseract (a preinit function's setenv is undone by
// libc's own initializer, which sets environ again). So the program's getenv, which
// the dynamic linker finds before libc's for every library, a module's too
// (CMakeLists exports it), says "1" for that limit when the caller set none; it is
// glibc's getenv otherwise. Starting the
// program a second time with the variable set, as before, doubled every command's
// start-up. Document text never reaches it: only names libraries ask for.
extern "C" char* getenv(const char* name) noexcept {
    std::size_t length = std::strlen(name);
    for (char** entry = environ; entry && *entry; ++entry)
        if (std::strncmp(*entry, name, length) == 0 && (*entry)[length] == '=') return *entry + length + 1;
    static char one[] = "1";
    return std::strcmp(name, "OMP_THREAD_LIMIT") == 0 ? one : nullptr;
}

int main(int argc, char** argv) {
    using congvan::cli::help;
    congvan::cli::choose_help_language(argc, argv);
    CLI::App app{help("app")};
    app.set_help_flag("-h,--help", help("flag.help"));
    app.set_version_flag(
        "--version",
        [] {
            return std::string("congvan ") + CONGVAN_VERSION + "\n" + congvan::library_versions() + "\n" +
                   congvan::message("help.version.records", {{"dir", congvan::default_ministry_dir()}}).in(congvan::cli::output_language());
        },
        help("flag.version"));
    app.require_subcommand(1);
    congvan::cli::add_language_option(app);  // before the commands, which inherit fallthrough
    congvan::cli::ExitCode exit_code;
    congvan::cli::register_text_command(app, exit_code);
    congvan::cli::register_extract_command(app, exit_code);
    congvan::cli::register_check_command(app, exit_code);
    congvan::cli::register_scan_command(app, exit_code);
    congvan::cli::register_export_commands(app, exit_code);
    congvan::cli::register_report_command(app, exit_code);
    congvan::cli::register_merge_command(app, exit_code);
    congvan::cli::register_rule_commands(app, exit_code);
    congvan::cli::register_ministry_commands(app, exit_code);
    congvan::cli::localize_help_layout(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
        std::cerr << congvan::cli::parse_error_line(app, e, argc, argv) << '\n';
        return congvan::kExitBadInput;
    }
    return exit_code.value;
}
