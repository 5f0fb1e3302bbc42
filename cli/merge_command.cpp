#include <filesystem>
#include <iostream>

#include "cli/command.h"
#include "reading/loader.h"
#include "store/merge.h"
#include "store/sql.h"
#include "text/normalize.h"

namespace congvan::cli {

namespace {

struct MergeOptions {
    std::vector<std::string> sources;
    std::string target;
};

// Two names for one SQLite file (a source given as the target) would read and
// write the same rows at once.
bool same_database(const std::string& a, const std::string& b) {
    if (is_postgres_location(a) || is_postgres_location(b)) return a == b;
    // The target may not be made yet: then the same path names it.
    std::error_code ea, eb, ignored;
    auto ca = std::filesystem::weakly_canonical(a, ea), cb = std::filesystem::weakly_canonical(b, eb);
    if (!ea && !eb && ca == cb) return true;
    return std::filesystem::equivalent(a, b, ignored);
}

// The sources are opened first: when none can be read, no target is made.
int run_merge(const MergeOptions& o) {
    int code = kExitOk;
    std::vector<std::pair<std::string, std::unique_ptr<Archive>>> sources;
    for (const auto& source : o.sources) {
        if (same_database(source, o.target)) {
            report_file_error(location_for_messages(source), message("error.merge-into-itself", {}).en);
            code = kExitBadInput;
            continue;
        }
        try {
            sources.emplace_back(source, std::make_unique<Archive>(source, Archive::Access::ReadOnly));
        } catch (const std::exception& e) {
            report_error(e.what());  // names the database; the other sources go on
            code = kExitBadInput;
        }
    }
    if (sources.empty()) return code;
    std::unique_ptr<Archive> target;
    try {
        target = std::make_unique<Archive>(o.target);
    } catch (const std::exception& e) {
        report_error(e.what());
        return kExitBadInput;
    }
    for (auto& [source, from] : sources) {
        try {
            MergeCounts counts = merge_archive(*target, *from);
            std::cerr << message("merge.done", {{"source", printable(display_name(location_for_messages(source)))},
                                                {"added", std::to_string(counts.added)},
                                                {"kept", std::to_string(counts.kept)}})
                             .in(output_language())
                      << '\n';
        } catch (const std::exception& e) {
            report_error(e.what());
            code = kExitBadInput;
        }
    }
    return code;
}

}  // namespace

void register_merge_command(CLI::App& app, ExitCode& exit_code) {
    auto o = std::make_shared<MergeOptions>();
    auto* cmd = app.add_subcommand("merge", help("merge"));
    cmd->add_option("sources", o->sources, help("option.merge-sources"))->required();
    cmd->add_option("-o,--output", o->target, help("option.merge-target"))->required();
    cmd->callback([o, &exit_code] { exit_code.value = run_merge(*o); });
}

}  // namespace congvan::cli
