// The message catalogue (corpus/messages.yaml, embedded at build time): every text a
// user reads that depends on the output's language, in Vietnamese and English.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace congvan {

enum class Language { Vietnamese, English };

// "vi" or "en"; nothing for anything else.
std::optional<Language> parse_language(std::string_view code);

struct MessageArg;

// One text in both languages; a catalogue message also keeps its key and arguments
// (cppcheck's ErrorMessage), so that it travels and is stored as them and is worded
// only when shown (encoded, shown_reason).
struct Text {
    std::string vi, en;
    std::string key;               // the catalogue's key; empty for a text made otherwise
    std::vector<MessageArg> args;  // the values of its placeholders
    const std::string& in(Language language) const { return language == Language::English ? en : vi; }
};

// A placeholder's value: the same in both languages (a date, a number, the document's
// own words) or a Text of its own (a weekday's name).
struct MessageArg {
    MessageArg(std::string name, std::string value) : name(std::move(name)), value{value, value, {}, {}} {}
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

// A reason as it crosses between processes and is stored: a catalogue message as
// JSON {"key": …, "args": {name: value}} (a value that is a message of its own is
// such an object), any other text as its English.
std::string encoded(const Text& reason);
// A stored or received reason in both languages: an encoded message worded again
// from the catalogue; an English sentence of an older congvan (a database written
// before reasons were encoded) read by localize.
Text shown_reason(const std::string& stored);
// A text as JSON wherever one is stored or sent (a finding's message): a catalogue
// message as {"key": …, "args": {name: value}}, worded again from this congvan's
// catalogue when read (a key it no longer has reads as the key); any other text as
// {"vi": …, "en": …}, or one string when both are the same. Plain values are kept as
// they are, never localized.
void to_json(nlohmann::json& j, const Text& text);
void from_json(const nlohmann::json& j, Text& text);
// What kind of problem a reason is: "timeout", "memory" (out of memory, or aborted
// at the memory limit), "crash" (a signal, an exit code, a library's abort) or
// "unreadable" (anything the file itself is: broken, encrypted, empty, missing).
const char* problem_kind(const std::string& stored);

// The whole catalogue and the placeholders of one template, for the tests.
const std::map<std::string, Text, std::less<>>& message_catalogue();
std::vector<std::string> placeholders(std::string_view text);

}  // namespace congvan
