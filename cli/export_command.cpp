#include <iostream>

#include "cli/command.h"
#include "store/export.h"

namespace congvan::cli {

namespace {

struct ExportOptions {
    std::string db;
    std::string format = "jsonl";
    std::string lang = "vi";
    std::string output;
};

int run_export(const ExportOptions& o, bool summary) {
    try {
        Archive archive(o.db, Archive::Access::ReadOnly);
        if (summary) summarise_archive(archive, std::cout);
        else export_archive(archive, o.format, o.lang == "en" ? Language::English : Language::Vietnamese, std::cout);
        return kExitOk;
    } catch (const std::exception& e) {
        std::cerr << "congvan: " << e.what() << '\n';
        return kExitBadInput;
    }
}

}  // namespace

void register_export_commands(CLI::App& app, ExitCode& exit_code) {
    auto o = std::make_shared<ExportOptions>();
    auto* cmd = app.add_subcommand("export", "Write a scan database out as jsonl, csv or sarif");
    cmd->add_option("--db", o->db, "The database `congvan scan` wrote")->required()->check(CLI::ExistingFile);
    cmd->add_option("--format", o->format, "jsonl (documents), csv or sarif (findings)")->check(CLI::IsMember({"jsonl", "csv", "sarif"}));
    cmd->add_option("--lang", o->lang, "Language of the messages: vi or en")->check(CLI::IsMember({"vi", "en"}));
    add_output_option(cmd, o->output);
    cmd->callback([o, &exit_code] { exit_code.value = with_output(o->output, [&] { return run_export(*o, false); }); });

    auto s = std::make_shared<ExportOptions>();
    auto* summary = app.add_subcommand("summary", "Count documents and findings in a scan database by province, year and rule");
    summary->add_option("--db", s->db, "The database `congvan scan` wrote")->required()->check(CLI::ExistingFile);
    add_output_option(summary, s->output);
    summary->callback([s, &exit_code] { exit_code.value = with_output(s->output, [&] { return run_export(*s, true); }); });
}

}  // namespace congvan::cli
