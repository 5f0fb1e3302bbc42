#include <iostream>

#include "app/site.h"
#include "cli/command.h"
#include "text/normalize.h"

namespace congvan::cli {

namespace {

struct ReportOptions {
    std::string db;
    std::string directory;
    DocumentOptions documents;  // how the files are read again to draw their pages
    std::size_t rows_per_page = 500;
    bool no_pages = false;
};

int run_report(const ReportOptions& o) {
    try {
        Archive archive(o.db, Archive::Access::ReadOnly);
        SiteOptions site{o.directory, output_language(), o.rows_per_page, !o.no_pages, o.documents.batch()};
        SiteWritten written = write_archive_site(archive, site);
        std::cerr << message("site.written", {{"documents", std::to_string(written.documents)},
                                              {"unreadable", std::to_string(written.unreadable)},
                                              {"files", std::to_string(written.files)},
                                              {"directory", printable(o.directory)}})
                         .in(output_language())
                  << '\n';
        return kExitOk;
    } catch (const std::exception& e) {
        report_error(e.what());
        return kExitBadInput;
    }
}

}  // namespace

void register_report_command(CLI::App& app, ExitCode& exit_code) {
    auto o = std::make_shared<ReportOptions>();
    auto* cmd = app.add_subcommand("report", help("report"));
    add_database_option(cmd, o->db);
    cmd->add_option("-o,--output", o->directory, help("option.report-directory"))->required();
    add_batch_options(cmd, o->documents);
    cmd->add_option("--rows-per-page", o->rows_per_page, help("option.rows-per-page"))->check(CLI::Range(1, 1000000));
    cmd->add_flag("--no-pages", o->no_pages, help("option.no-pages"));
    cmd->callback([o, &exit_code] { exit_code.value = run_report(*o); });
}

}  // namespace congvan::cli
