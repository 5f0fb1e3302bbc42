// `congvan --list-rules`, `congvan --dump-config [PATH]` and `congvan explain RULE`.
#include <filesystem>
#include <iostream>

#include "cli/command.h"
#include "report/rule_list.h"
#include "rules/config.h"

namespace congvan::cli {

void register_rule_commands(CLI::App& app, ExitCode& exit_code) {
    app.add_flag_callback(
        "--list-rules",
        [] {
            std::cout << rules_table({}, output_language());
            throw CLI::Success();
        },
        help("option.list-rules"));
    app.add_option_function<std::vector<std::string>>(
           "--dump-config",
           [&exit_code](const std::vector<std::string>& path) {
               // A .congvan.yaml given, or the one a document in PATH (default: here) would take.
               std::string at = path.empty() ? "." : path.front();
               RuleOverrides overrides;
               if (at.size() > 5 && at.ends_with(".yaml")) overrides.config_file = at;
               else if (std::filesystem::is_directory(at)) at += "/.";
               try {
                   std::cout << dump_config(config_for_document(at, overrides), output_language());
               } catch (const std::invalid_argument& e) {
                   report_error(e.what());
                   exit_code.value = kExitBadInput;
                   throw CLI::RuntimeError(kExitBadInput);
               }
               throw CLI::Success();
           },
           help("option.dump-config"))
        ->expected(0, 1);
    auto id = std::make_shared<std::string>();
    auto* explain = app.add_subcommand("explain", help("explain"));
    explain->add_option("rule", *id, help("option.rule"))->required();
    explain->callback([id, &exit_code] {
        try {
            std::cout << rule_page(*id, output_language());
        } catch (const std::invalid_argument& e) {
            report_error(e.what());
            exit_code.value = kExitBadInput;
        }
    });
}

}  // namespace congvan::cli
