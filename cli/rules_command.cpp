// `congvan --list-rules` and `congvan explain RULE`.
#include <iostream>

#include "cli/command.h"
#include "report/rule_list.h"

namespace congvan::cli {

void register_rule_commands(CLI::App& app, ExitCode& exit_code) {
    app.add_flag_callback(
        "--list-rules",
        [] {
            std::cout << rules_table();
            throw CLI::Success();
        },
        "List the rules: id, severity, what they apply to, summary");
    auto id = std::make_shared<std::string>();
    auto* explain = app.add_subcommand("explain", "Show a rule's documentation page");
    explain->add_option("rule", *id, "The rule's id, as --list-rules shows it")->required();
    explain->callback([id, &exit_code] {
        try {
            std::cout << rule_page(*id);
        } catch (const std::invalid_argument& e) {
            std::cerr << "congvan: " << e.what() << '\n';
            exit_code.value = kExitBadInput;
        }
    });
}

}  // namespace congvan::cli
