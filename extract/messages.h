// The message catalogue (corpus/messages.yaml, embedded at build time): every text a
// user reads that depends on the output's language, in Vietnamese and English.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace congvan {

enum class Language { Vietnamese, English };

// "vi" or "en"; nothing for anything else.
std::optional<Language> parse_language(std::string_view code);

// One text in both languages.
struct Text {
    std::string vi, en;
    const std::string& in(Language language) const { return language == Language::English ? en : vi; }
};

// A placeholder's value: the same in both languages (a date, a number, the document's
// own words) or a Text of its own (a weekday's name).
struct MessageArg {
    MessageArg(std::string name, std::string value) : name(std::move(name)), value{value, value} {}
    MessageArg(std::string name, Text value) : name(std::move(name)), value(std::move(value)) {}
    std::string name;
    Text value;
};

// The catalogue's message `key` with its {placeholders} filled. Values are inserted
// as they are (never read as a template). An unknown key, or a placeholder with no
// value, is a programming mistake: std::logic_error.
Text message(std::string_view key, const std::vector<MessageArg>& args = {});
bool has_message(std::string_view key);

// A reason written in English by congvan (an error.* or errno.* message, as files'
// errors travel between processes and are stored) in both languages: matched against
// those templates, each placeholder's value read the same way in turn. A text that
// matches none stays as it is in both.
Text localize(const std::string& english);

// The whole catalogue and the placeholders of one template, for the tests.
const std::map<std::string, Text, std::less<>>& message_catalogue();
std::vector<std::string> placeholders(std::string_view text);

}  // namespace congvan
