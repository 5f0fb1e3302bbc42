#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <map>

#include "cli/command.h"
#include "extract/batch.h"
#include "extract/extractor.h"
#include "report/audit_status.h"
#include "report/check_output.h"
#include "report/html_report.h"
#include "report/document_json.h"
#include "report/json_lines.h"
#include "report/record_json.h"
#include "rules/config.h"
#include "store/scan.h"
#include "store/stored_record.h"

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

bool reaches(const CheckResult& result, const std::string& fail_on) {
    if (fail_on == "none") return false;
    Severity threshold = *parse_severity(fail_on);
    for (const auto& f : result.findings)
        if (f.severity >= threshold) return true;
    return false;
}


int run_check(CheckCommandOptions options) {
    Language language = output_language();
    if (!options.config_file.empty()) options.overrides.config_file = options.config_file;
    std::map<int, MinistryRecord> records;
    std::optional<MinistryRecord> against;
    try {
        records = load_ministry_records_with(default_ministry_dir(), options.ministry_dir);
        against = read_against(options.against);
        config_for_document(".", options.overrides);  // a bad flag is a usage error before any work
    } catch (const LoadError& e) {
        report_file_error(options.against, e.what());
        return kExitBadInput;
    } catch (const std::exception& e) {
        report_error(e.what());
        return kExitBadInput;
    }
    // Colour only on a terminal: not into a file given with -o.
    bool colour = options.format == "text" && (options.output.empty() || options.output == "-" || options.color == "always") &&
                  wants_colour(options.color);
    bool unreadable = false, failing = false;
    std::vector<CheckedDocument> checked;
    std::vector<ReportDocument> report;  // html: every document, drawn at the end
    std::vector<std::string> report_paths;
    bool json_lines = options.format == "jsonl";
    JsonLinesTally tally{0, 0, true, {}};
    UnauditedTally unaudited;
    if (options.format == "csv") std::cout << (options.bom ? kUtf8Bom : "") << csv_header();
    if (json_lines) std::cout << json_lines_begin("check");
    run_batch(options.documents.files, options.documents.batch(), {
        // The document's process reads it and runs the rules, under its --timeout and
        // --max-memory (a huge text's rules cost what its reading does).
        [&](const Document& document) {
            CheckOptions check{&records, against, options.year, config_for_document(document.file, options.overrides)};
            Record record = extract_record(document);
            return encode_checked(record, check_record(record, check));
        },
        [&](BatchItem& item) {
            if (!item.error.empty()) {
                report_file_error(item.path, item.error);
                if (json_lines) std::cout << json_lines_error(display_name(item.path), item.error, output_language());
                ++tally.errors;
                unreadable = true;
                return;
            }
            Record record;
            CheckedDocument doc = decode_checked(item.output, record);
            doc.file = display_name(item.path);
            doc.sha256 = record.sha256;
            failing = failing || reaches(doc.result, options.fail_on) || (options.fail_unaudited && doc.result.unaudited);
            unaudited.add(doc.result);
            ++tally.documents;
            for (const auto& f : doc.result.findings) ++tally.findings[to_string(f.severity)];
            if (options.format == "text") std::cout << checked_text(doc, language, colour, !options.quiet);
            else if (json_lines) std::cout << json_line("document", checked_json(doc, language));
            else if (options.format == "csv") std::cout << checked_csv(doc, language);
            else if (options.format == "html") {
                report.push_back({std::move(doc), record_json(record)["fields"], {}, {}});
                report_paths.push_back(item.path);
            }
            else checked.push_back(std::move(doc));  // json and sarif: one document for all, at the end
            std::cout << std::flush;
        }});
    if (options.format == "html") {
        draw_pages_with_findings(report, report_paths, options.documents.batch());
        std::cout << html_report(report, language);
    }
    if (options.format == "json" || options.format == "sarif") {
        if (options.format == "sarif") std::cout << json_text(sarif_log(checked, language), 2) << '\n';
        else {
            nlohmann::ordered_json all = nlohmann::ordered_json::array();
            for (const auto& d : checked) all.push_back(checked_json(d, language));
            std::cout << json_text(all, 2) << '\n';
        }
    }
    if (json_lines) std::cout << tally.summary_line();
    if (unaudited.any()) std::cerr << "congvan: " << unaudited.line(language) << '\n';
    if (unreadable) return kExitBadInput;
    return failing ? kExitFindings : kExitOk;
}

}  // namespace

void register_check_command(CLI::App& app, ExitCode& exit_code) {
    auto o = std::make_shared<CheckCommandOptions>();
    auto* cmd = app.add_subcommand("check", help("check"));
    add_document_options(cmd, o->documents);
    cmd->add_option("--color", o->color, help("option.color"))
        ->check(CLI::IsMember({"auto", "always", "never"}));
    cmd->add_option("--against", o->against, help("option.check-against"));
    cmd->add_option("--year", o->year, help("option.year"))->check(CLI::Range(2014, 2100));
    auto* format = cmd->add_option("--format", o->format, help("option.check-format"))
                       ->check(CLI::IsMember({"text", "jsonl", "json", "sarif", "csv", "html"}));
    cmd->add_option("--fail-on", o->fail_on, help("option.fail-on"))
        ->check(CLI::IsMember({"error", "warning", "info", "none"}));
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
        if (format->count() == 0) o->format = format_of_output(o->output, {"jsonl", "json", "sarif", "csv", "html"}).value_or(o->format);
        exit_code.value = with_output(o->output, o->documents.files, [&] { return run_check(*o); });
    });
}

}  // namespace congvan::cli
