#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <map>

#include "app/check.h"
#include "cli/command.h"
#include "report/sink.h"

namespace congvan::cli {

namespace {

// The conventions of https://no-color.org and of dumb terminals, for `auto`.
bool wants_colour(const std::string& choice) {
    if (choice != "auto") return choice == "always";
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    if (no_color && *no_color) return false;
    if (term && std::string(term) == "dumb") return false;
    return isatty(STDOUT_FILENO);
}

struct CheckCommandOptions {
    DocumentOptions documents;
    std::string against;
    std::optional<int> year;
    std::string format = "text";
    std::string fail_on = "error";
    std::string ministry_dir;  // records added to (or replacing years of) the bundled ones
    RuleOverrides overrides;
    std::string config_file;
    std::string color = "auto";
    std::string output;
    bool quiet = false;
    bool fail_unaudited = false;
    bool bom = false;  // CSV for Excel
};

int run_check(CheckCommandOptions options) {
    Language language = output_language();
    if (!options.config_file.empty()) options.overrides.config_file = options.config_file;
    std::map<int, MinistryRecord> records;
    CheckRun run{options.documents.files,
                 options.documents.batch(),
                 &records,
                 {},
                 options.year,
                 options.overrides,
                 FailPolicy(options.fail_on, options.fail_unaudited)};
    try {
        records = load_ministry_records_with(default_ministry_dir(), options.ministry_dir);
        run.against = read_against(options.against);
        config_for_document(".", options.overrides);  // a bad flag is a usage error before any work
    } catch (const LoadError& e) {
        report_file_error(options.against, encoded(e.reason()));
        return kExitBadInput;
    } catch (const std::exception& e) {
        report_error(e.what());
        return kExitBadInput;
    }
    SinkSettings settings{language, "check", false, !options.quiet, options.bom, run.batch};
    // Colour only on a terminal: not into a file given with -o.
    settings.colour = options.format == "text" && (options.output.empty() || options.output == "-" || options.color == "always") &&
                      wants_colour(options.color);
    auto sink = make_sink(options.format, std::cout, settings);
    CheckTally tally =
        check_documents(run, *sink, [](const std::string& path, const std::string& reason) { report_file_error(path, reason); });
    if (tally.unaudited.any()) std::cerr << "congvan: " << tally.unaudited.line(language) << '\n';
    return tally.exit_code();
}

}  // namespace

void register_check_command(CLI::App& app, ExitCode& exit_code) {
    auto o = std::make_shared<CheckCommandOptions>();
    auto* cmd = app.add_subcommand("check", help("check"));
    add_document_options(cmd, o->documents);
    cmd->add_option("--color", o->color, help("option.color"))->check(CLI::IsMember({"auto", "always", "never"}));
    cmd->add_option("--against", o->against, help("option.check-against"));
    cmd->add_option("--year", o->year, help("option.year"))->check(CLI::Range(2014, 2100));
    auto* format = add_format_option(cmd, o->format, "option.check-format");
    cmd->add_option("--fail-on", o->fail_on, help("option.fail-on"))->check(CLI::IsMember({"error", "warning", "info", "none"}));
    cmd->add_option("--config", o->config_file, help("option.check-config"));
    cmd->add_option("--disable", o->overrides.disabled, help("option.disable"));
    cmd->add_option("--severity", o->overrides.severities, help("option.check-severity"));
    cmd->add_flag("--proofread", o->overrides.proofread, help("option.proofread"));
    cmd->add_option("--ministry", o->ministry_dir, help("option.ministry"));
    cmd->add_flag("--fail-unaudited", o->fail_unaudited, help("option.fail-unaudited"));
    add_output_option(cmd, o->output);
    cmd->add_flag("-q,--quiet", o->quiet, help("option.check-quiet"));
    cmd->add_flag("--bom", o->bom, help("option.bom"));
    cmd->callback([o, format, &exit_code] {
        // `-o report.html` means HTML: a format named by the output's extension.
        if (format->count() == 0) o->format = sink_format_of_path(o->output).value_or(o->format);
        exit_code.value = with_output(o->output, o->documents.files, [&] { return run_check(*o); });
    });
}

}  // namespace congvan::cli
