// Help in the output's language: the catalogue's help.* texts, and CLI11's own words
// (Usage, OPTIONS, type names, group names) replaced by the catalogue's.
#include <algorithm>
#include <memory>
#include <regex>
#include <sstream>
#include <string>

#include "cli/command.h"
#include "text/edit_distance.h"
#include "text/normalize.h"

namespace congvan::cli {

namespace {

// The words CLI11 writes in an option's type ("UINT:UINT in [1 - 256]"), each
// replaced where it stands as a whole word.
constexpr const char* kTypeWords[] = {"TEXT", "UINT", "INT", "FLOAT", "FILE", "in"};

bool word_boundary(const std::string& text, std::size_t at) {
    return at >= text.size() || !(std::isalnum(static_cast<unsigned char>(text[at])) || text[at] == '_');
}

std::string with_words_replaced(std::string text) {
    for (const char* word : kTypeWords) {
        std::string from = word, to = help(std::string("label.") + word);
        for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
            if ((at == 0 || word_boundary(text, at - 1)) && word_boundary(text, at + from.size())) {
                text.replace(at, from.size(), to);
                at += to.size();
            } else {
                at += from.size();
            }
        }
    }
    return text;
}

class LocalizedFormatter : public CLI::Formatter {
public:
    std::string make_option_opts(const CLI::Option* option) const override {
        return with_words_replaced(CLI::Formatter::make_option_opts(option));
    }
    // CLI11 pads the option's column by bytes; Vietnamese letters take two or three.
    std::string make_option(const CLI::Option* option, bool is_positional) const override {
        std::string name = "  " + make_option_name(option, is_positional) + make_option_opts(option);
        std::string description = make_option_desc(option);
        std::size_t width = get_column_width();
        std::ostringstream out;
        out << name;
        if (terminal_columns(name) >= width) out << '\n' << std::string(width, ' ');
        else out << std::string(width - terminal_columns(name), ' ');
        for (char c : description) {
            out.put(c);
            if (c == '\n') out << std::string(width, ' ');
        }
        out << '\n';
        return out.str();
    }
};

}  // namespace

std::string help(std::string_view key) { return message("help." + std::string(key)).in(output_language()); }

void localize_help_layout(CLI::App& app) {
    auto formatter = std::make_shared<LocalizedFormatter>();
    for (const char* label : {"Usage", "OPTIONS", "SUBCOMMAND", "SUBCOMMANDS", "Positionals", "REQUIRED", "Env"})
        formatter->label(label, help(std::string("label.") + label));
    formatter->column_width(app.get_formatter()->get_column_width());
    app.formatter(formatter);
    for (CLI::Option* option : app.get_options()) option->group(help("group.options"));
    for (CLI::App* command : app.get_subcommands([](CLI::App*) { return true; })) {
        command->group(help("group.commands"));
        localize_help_layout(*command);
    }
}

namespace {

// Every name a mistyped word could have meant where it stood: the commands, and the
// options of the command being parsed (and of congvan itself), with their dashes.
std::vector<std::string> names_at(CLI::App& app) {
    std::vector<std::string> out;
    CLI::App* at = &app;
    for (bool deeper = true; deeper;) {
        deeper = false;
        for (const CLI::Option* option : at->get_options()) {
            for (const auto& name : option->get_lnames()) out.push_back("--" + name);
            for (const auto& name : option->get_snames()) out.push_back("-" + name);
        }
        for (CLI::App* command : at->get_subcommands([](CLI::App*) { return true; })) {
            out.push_back(command->get_name());
            if (command->parsed() && !deeper) at = command, deeper = true;
        }
    }
    return out;
}

// "; có phải ý là --format?": the names the word most likely meant.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& names) {
    std::string near;
    for (const auto& name : nearest_names(word, names)) near += (near.empty() ? "" : ", ") + name;
    return near.empty() ? "" : message("error.cli.did-you-mean", {{"names", near}}).in(output_language());
}

// The words CLI11 found no place for ("The following argument was not expected: X").
std::vector<std::string> extras_of(const std::string& what) {
    std::vector<std::string> out;
    std::istringstream words(what.substr(what.find(':') == std::string::npos ? what.size() : what.find(':') + 1));
    for (std::string w; words >> w;) out.push_back(w);
    return out;
}

}  // namespace

std::string parse_error_line(CLI::App& app, const CLI::ParseError& error, int argc, char** argv) {
    Language language = output_language();
    std::string what = error.what();
    // The command's word: the first argument that is no option nor --lang's value.
    std::string first;
    for (int i = 1; i < argc && first.empty(); ++i) {
        std::string_view arg = argv[i];
        if (arg == "--lang") ++i;
        else if (!arg.starts_with("-")) first = arg;
    }
    auto names = names_at(app);
    bool unknown_command = !first.empty() && first[0] != '-' && std::find(names.begin(), names.end(), first) == names.end();
    std::string line;
    if (unknown_command && (dynamic_cast<const CLI::RequiredError*>(&error) || dynamic_cast<const CLI::ExtrasError*>(&error)))
        line = message("error.cli.unknown-command", {{"word", printable(first)}, {"hint", did_you_mean(first, names)}}).in(language);
    else if (dynamic_cast<const CLI::RequiredError*>(&error) && what.find("subcommand") != std::string::npos) {
        std::string commands;
        for (const CLI::App* command : app.get_subcommands([](CLI::App*) { return true; }))
            commands += (commands.empty() ? "" : ", ") + command->get_name();
        line = message("error.cli.command-required", {{"commands", commands}}).in(language);
    } else if (auto extras = extras_of(what); dynamic_cast<const CLI::ExtrasError*>(&error) && !extras.empty())
        line = message("error.cli.unexpected", {{"word", printable(extras.front())}, {"hint", did_you_mean(extras.front(), names)}})
                   .in(language);
    else if (std::smatch m; std::regex_match(what, m, std::regex(R"((.+): (.*) not in \{(.*)\})")))
        line = message("error.cli.not-one-of",
                       {{"option", printable(m[1].str())}, {"value", printable(m[2].str())}, {"values", printable(m[3].str())}})
                   .in(language);
    else if (std::smatch m; std::regex_match(what, m, std::regex(R"((.+): (?:File|Directory|Path) does not exist: (.*))")))
        line = message("error.cli.no-such-path", {{"option", printable(m[1].str())}, {"path", printable(m[2].str())}}).in(language);
    else if (std::smatch m; std::regex_match(what, m, std::regex(R"((.+) is required)")))
        line = message("error.cli.required", {{"what", printable(m[1].str())}}).in(language);
    else line = message("error.cli.other", {{"what", printable(what)}}).in(language);
    return "congvan: " + line + "\n" + message("error.cli.see-help").in(language);
}

}  // namespace congvan::cli
