// Help in the output's language: the catalogue's help.* texts, and CLI11's own words
// (Usage, OPTIONS, type names, group names) replaced by the catalogue's.
#include <memory>
#include <sstream>
#include <string>

#include "cli/command.h"

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

// Characters as a terminal shows them: UTF-8 continuation bytes take no column.
std::size_t columns(const std::string& text) {
    std::size_t n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80;
    return n;
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
        if (columns(name) >= width) out << '\n' << std::string(width, ' ');
        else out << std::string(width - columns(name), ' ');
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

}  // namespace congvan::cli
