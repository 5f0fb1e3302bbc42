#include <iostream>

#include "cli/command.h"
#include "fields/extractor.h"
#include "isolation/batch.h"
#include "report/document_json.h"
#include "report/json_lines.h"
#include "text/normalize.h"

namespace congvan::cli {

namespace {

struct TextOptions {
    DocumentOptions documents;
    std::string format = "text";
    std::string output;
};

int run_text(const TextOptions& options) {
    BatchOptions batch = options.documents.batch();
    int exit_code = kExitOk;
    bool several = options.documents.files.size() > 1;
    bool json_lines = options.format == "jsonl";
    JsonLinesTally tally;
    if (json_lines) std::cout << json_lines_begin("text");
    run_batch(options.documents.files, batch,
              {[&](const Document& document) {
                   if (options.format == "jsonl")
                       return json_line("document", document_json(document, zones_of(document, extract_record(document))));
                   return document_plain_text(document);
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
                   if (several && options.format == "text") std::cout << "==> " << printable(display_name(item.path)) << " <==\n";
                   std::cout << item.output << std::flush;
               }});
    if (json_lines) std::cout << tally.summary_line();
    return exit_code;
}

}  // namespace

void register_text_command(CLI::App& app, ExitCode& exit_code) {
    auto options = std::make_shared<TextOptions>();
    auto* cmd = app.add_subcommand("text", help("text"));
    add_document_options(cmd, options->documents);
    cmd->add_option("--format", options->format, help("option.text-format"))->check(CLI::IsMember({"text", "jsonl"}));
    add_output_option(cmd, options->output);
    cmd->callback([options, &exit_code] {
        exit_code.value = with_output(options->output, options->documents.files, [&] { return run_text(*options); });
    });
}

}  // namespace congvan::cli
