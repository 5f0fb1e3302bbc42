#include <iostream>

#include "cli/command.h"
#include "fields/extractor.h"
#include "isolation/batch.h"
#include "report/document_json.h"
#include "report/json_lines.h"
#include "report/record_json.h"

namespace congvan::cli {

namespace {

struct ExtractOptions {
    DocumentOptions documents;
    std::string format = "text";
    std::string output;
};

int run_extract(const ExtractOptions& options) {
    int exit_code = kExitOk;
    bool as_array = options.format == "json";
    bool first = true;
    bool json_lines = options.format == "jsonl";
    JsonLinesTally tally;
    if (as_array) std::cout << "[\n";
    if (json_lines) std::cout << json_lines_begin("extract");
    run_batch(options.documents.files, options.documents.batch(),
              {[&](const Document& document) {
                   Record record = extract_record(document);
                   if (options.format == "jsonl") return json_line("document", record_json(record));
                   return options.format == "text" ? record_summary(record) + "\n" : json_text(record_json(record));
               },
               [&](BatchItem& item) {
                   if (!item.error.empty()) {
                       report_file_error(item.path, item.error);
                       if (json_lines) std::cout << json_lines_error(display_name(item.path), item.error, output_language());
                       ++tally.errors;
                       exit_code = kExitBadInput;
                       return;
                   }
                   ++tally.documents;
                   if (as_array) std::cout << (first ? "" : ",\n") << item.output;
                   else std::cout << item.output;
                   first = false;
                   std::cout << std::flush;
               }});
    if (as_array) std::cout << "\n]\n";
    if (json_lines) std::cout << tally.summary_line();
    return exit_code;
}

}  // namespace

void register_extract_command(CLI::App& app, ExitCode& exit_code) {
    auto options = std::make_shared<ExtractOptions>();
    auto* cmd = app.add_subcommand("extract", help("extract"));
    add_document_options(cmd, options->documents);
    cmd->add_option("--format", options->format, help("option.extract-format"))->check(CLI::IsMember({"text", "jsonl", "json"}));
    add_output_option(cmd, options->output);
    cmd->callback([options, &exit_code] {
        exit_code.value = with_output(options->output, options->documents.files, [&] { return run_extract(*options); });
    });
}

}  // namespace congvan::cli
