#include <algorithm>
#include <iostream>

#include "app/export.h"
#include "cli/command.h"
#include "report/check_output.h"
#include "report/document_json.h"
#include "report/json_lines.h"
#include "report/sink.h"
#include "text/normalize.h"

namespace congvan::cli {

namespace {

struct ExportOptions {
    std::string db;
    std::string format = "jsonl";
    std::string output;
    bool bom = false;           // CSV for Excel
    DocumentOptions documents;  // html: how the pages are drawn again from the files
};

int run_export(const ExportOptions& o, bool summary) {
    try {
        Archive archive(o.db, Archive::Access::ReadOnly);
        if (summary) {
            if (o.bom && o.format == "csv") std::cout << kUtf8Bom;
            summarise_archive(archive, output_language(), std::cout, o.format);
            return kExitOk;
        }
        SinkSettings settings{output_language(), "export", false, true, o.bom, o.documents.batch()};
        export_archive(archive, *make_sink(o.format, std::cout, settings));
        return kExitOk;
    } catch (const std::exception& e) {
        report_error(e.what());
        return kExitBadInput;
    }
}

struct SearchOptions {
    std::string db;
    std::vector<std::string> words;
    int limit = 50;
    std::string format = "text";
    std::string output;
};

// Like grep: exit 0 when something matched, 1 when nothing did.
int run_search(const SearchOptions& o) {
    std::vector<Archive::SearchHit> hits;
    try {
        Archive archive(o.db, Archive::Access::ReadOnly);
        std::string words;
        for (const auto& w : o.words) words += w + " ";
        hits = archive.search(words, o.limit);
    } catch (const std::exception& e) {
        report_error(e.what());
        return kExitBadInput;
    }
    if (o.format == "jsonl") std::cout << json_lines_begin("search");
    for (auto& hit : hits) {
        std::replace(hit.snippet.begin(), hit.snippet.end(), '\n', ' ');
        if (o.format == "jsonl")
            std::cout << json_line("page", {{"file", file_name_json(hit.path)}, {"page", hit.page}, {"snippet", hit.snippet}});
        else std::cout << printable(hit.path) << ':' << hit.page << ": " << printable(hit.snippet) << '\n';
    }
    if (o.format == "jsonl") std::cout << json_line("summary", {{"pages", hits.size()}});
    return hits.empty() ? kExitFindings : kExitOk;
}

}  // namespace

void register_export_commands(CLI::App& app, ExitCode& exit_code) {
    auto o = std::make_shared<ExportOptions>();
    auto* cmd = app.add_subcommand("export", help("export"));
    add_database_option(cmd, o->db);
    auto* format = add_format_option(cmd, o->format, "option.export-format");
    add_output_option(cmd, o->output);
    add_batch_options(cmd, o->documents);
    cmd->add_flag("--bom", o->bom, help("option.bom"));
    cmd->callback([o, format, &exit_code] {
        if (format->count() == 0) o->format = sink_format_of_path(o->output).value_or(o->format);
        exit_code.value = with_output(o->output, database_files(o->db), [&] { return run_export(*o, false); });
    });

    auto s = std::make_shared<ExportOptions>();
    s->format = "text";
    auto* summary = app.add_subcommand("summary", help("summary"));
    add_database_option(summary, s->db);
    auto* summary_format =
        summary->add_option("--format", s->format, help("option.summary-format"))->check(CLI::IsMember({"text", "csv", "jsonl"}));
    add_output_option(summary, s->output);
    summary->add_flag("--bom", s->bom, help("option.bom"));
    summary->callback([s, summary_format, &exit_code] {
        if (summary_format->count() == 0) s->format = format_of_output(s->output, {"csv", "jsonl"}).value_or(s->format);
        exit_code.value = with_output(s->output, database_files(s->db), [&] { return run_export(*s, true); });
    });

    auto f = std::make_shared<SearchOptions>();
    auto* search = app.add_subcommand("search", help("search"));
    add_database_option(search, f->db);
    search->add_option("words", f->words, help("option.words"))->required();
    search->add_option("--limit", f->limit, help("option.limit"))->check(CLI::Range(1, 1000000));
    search->add_option("--format", f->format, help("option.search-format"))->check(CLI::IsMember({"text", "jsonl"}));
    add_output_option(search, f->output);
    search->callback([f, &exit_code] { exit_code.value = with_output(f->output, database_files(f->db), [&] { return run_search(*f); }); });
}

}  // namespace congvan::cli
