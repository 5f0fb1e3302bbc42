// `congvan ministry import DISPATCH` and `congvan ministry validate [PATH...]`: a new
// year's record written from the Ministry's dispatch, and records checked as
// `check` would load them.
#include <filesystem>
#include <iostream>

#include "cli/command.h"
#include "fields/extractor.h"
#include "reading/loader.h"
#include "report/ministry_yaml.h"
#include "rules/checker.h"

namespace congvan::cli {

namespace {

namespace fs = std::filesystem;

int run_import(const std::string& dispatch) {
    try {
        std::cout << ministry_record_yaml(extract_record(load_document(dispatch)), display_name(dispatch));
        return kExitOk;
    } catch (const std::exception& e) {
        report_file_error(dispatch, e.what());
        return kExitBadInput;
    }
}

// Each record file: "YEAR FILE: ok", or its error (which names the file and line).
int run_validate(std::vector<std::string> paths) {
    if (paths.empty()) paths.push_back(default_ministry_dir());
    std::vector<std::string> files;
    for (const auto& path : paths) {
        std::error_code ec;
        if (!fs::is_directory(path, ec)) {
            files.push_back(path);
            continue;
        }
        for (const auto& e : fs::directory_iterator(path, ec))
            if (e.path().extension() == ".yaml") files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
    int exit_code = files.empty() ? kExitBadInput : kExitOk;
    if (files.empty()) report_error(message("error.no-record-files").en);
    for (const auto& file : files) {
        try {
            MinistryRecord record = load_ministry_record(file);
            std::cout << record.year << ' ' << file << ": ok\n";
        } catch (const std::exception& e) {
            report_error(e.what());
            exit_code = kExitBadInput;
        }
    }
    return exit_code;
}

}  // namespace

void register_ministry_commands(CLI::App& app, ExitCode& exit_code) {
    auto* ministry = app.add_subcommand("ministry", help("ministry"));
    ministry->require_subcommand(1);

    auto dispatch = std::make_shared<std::string>();
    auto output = std::make_shared<std::string>();
    auto* import = ministry->add_subcommand("import", help("ministry-import"));
    import->add_option("dispatch", *dispatch, help("option.dispatch"))->required();
    add_output_option(import, *output);
    import->callback([=, &exit_code] { exit_code.value = with_output(*output, {*dispatch}, [&] { return run_import(*dispatch);
});
}  // namespace congvan::cli
);

auto paths = std::make_shared<std::vector<std::string>>();
auto* validate = ministry->add_subcommand("validate", help("ministry-validate"));
validate->add_option("paths", *paths, help("option.record-paths"));
validate->callback([=, &exit_code] { exit_code.value = run_validate(*paths); });
}

}  // namespace congvan::cli
