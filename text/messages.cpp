#include "messages.h"

#include <nlohmann/json.hpp>
#include "pattern.h"

#include <memory>
#include <set>
#include <stdexcept>

#include "vocabulary.h"

namespace congvan {

namespace {

// The catalogue people edit is corpus/messages.yaml; the binary embeds it as JSON
// (text/yaml_to_json.cpp).
constexpr const char* kCatalogue = "corpus/messages.json";

std::map<std::string, Text, std::less<>> load_catalogue() {
    std::string_view text = embedded_data(kCatalogue);
    if (text.empty()) throw std::logic_error(std::string("message catalogue not embedded: ") + kCatalogue);
    std::map<std::string, Text, std::less<>> out;
    const auto parsed = nlohmann::json::parse(text);
    for (const auto& [key, both] : parsed.items()) out[key] = Text{both.at("vi").get<std::string>(), both.at("en").get<std::string>()};
    return out;
}

// `text` with each {name} replaced by its value in `language`.
std::string fill(std::string_view key, std::string_view text, const std::vector<MessageArg>& args, Language language) {
    std::string out;
    std::size_t at = 0;
    while (at < text.size()) {
        auto open = text.find('{', at);
        auto close = open == std::string_view::npos ? open : text.find('}', open);
        if (close == std::string_view::npos) {
            out.append(text.substr(at));
            break;
        }
        out.append(text.substr(at, open - at));
        std::string_view name = text.substr(open + 1, close - open - 1);
        const MessageArg* arg = nullptr;
        for (const auto& a : args)
            if (a.name == name) arg = &a;
        if (!arg) throw std::logic_error("message '" + std::string(key) + "' has no value for {" + std::string(name) + "}");
        out += arg->value.in(language);
        at = close + 1;
    }
    return out;
}

// An English template as a pattern: its words literally, each placeholder a group.
struct ReasonPattern {
    std::string key;
    std::vector<std::string> names;
    std::unique_ptr<Pattern> pattern;
    std::size_t literal = 0;  // characters of the template outside its placeholders
};

std::vector<ReasonPattern> reason_patterns() {
    std::vector<ReasonPattern> out;
    for (const auto& [key, text] : message_catalogue()) {
        if (key.rfind("error.", 0) != 0 && key.rfind("errno.", 0) != 0) continue;
        ReasonPattern p{key, placeholders(text.en), nullptr, text.en.size()};
        std::string regex;
        std::string_view rest = text.en;
        for (const auto& name : p.names) {
            auto at = rest.find("{" + name + "}");
            p.literal -= name.size() + 2;
            // A number's placeholder holds a number: "{file}:{line}: {what}" must not
            // read "a.yaml: cannot open file: …" as a line " cannot open file".
            static const std::set<std::string, std::less<>> numbers = {"line", "page", "count", "limit", "seconds", "code", "schema"};
            regex += RE2::QuoteMeta(std::string(rest.substr(0, at))) + (numbers.count(name) ? "([0-9][0-9.]*)" : "(.+?)");
            rest = rest.substr(at + name.size() + 2);
        }
        regex += RE2::QuoteMeta(std::string(rest));
        p.pattern = std::make_unique<Pattern>(regex);
        out.push_back(std::move(p));
    }
    // The most specific templates first (the most words of their own): "{file}:
    // {what}" must not win over "page {page}: {reason}".
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.literal > b.literal; });
    return out;
}

Text localize_at(const std::string& english, int depth) {
    static const auto patterns = reason_patterns();
    if (depth > 3) return Text{english, english};
    for (const auto& p : patterns) {
        std::vector<std::string> values(p.names.size());
        std::vector<RE2::Arg> args(values.size());
        std::vector<const RE2::Arg*> arg_ptrs(values.size());
        for (std::size_t i = 0; i < values.size(); ++i) args[i] = &values[i], arg_ptrs[i] = &args[i];
        if (!RE2::FullMatchN(english, *p.pattern, arg_ptrs.data(), static_cast<int>(arg_ptrs.size()))) continue;
        std::vector<MessageArg> filled;
        for (std::size_t i = 0; i < values.size(); ++i) filled.emplace_back(p.names[i], localize_at(values[i], depth + 1));
        return message(p.key, filled);
    }
    return Text{english, english};
}

}  // namespace

Text localize(const std::string& english) { return localize_at(english, 0); }

std::optional<Language> parse_language(std::string_view code) {
    if (code == "vi") return Language::Vietnamese;
    if (code == "en") return Language::English;
    return std::nullopt;
}

const std::map<std::string, Text, std::less<>>& message_catalogue() {
    static const auto catalogue = load_catalogue();
    return catalogue;
}

bool has_message(std::string_view key) { return message_catalogue().count(key) != 0; }

Text message(std::string_view key, const std::vector<MessageArg>& args) {
    const auto& catalogue = message_catalogue();
    auto it = catalogue.find(key);
    if (it == catalogue.end()) throw std::logic_error("no message '" + std::string(key) + "' in " + kCatalogue);
    return Text{fill(key, it->second.vi, args, Language::Vietnamese), fill(key, it->second.en, args, Language::English), std::string(key),
                args};
}

namespace {

nlohmann::ordered_json encoded_json(const Text& text) {
    if (text.key.empty()) {
        if (text.vi == text.en) return text.en;
        return {{"vi", text.vi}, {"en", text.en}};
    }
    nlohmann::ordered_json args = nlohmann::ordered_json::object();
    for (const auto& a : text.args) args[a.name] = encoded_json(a.value);
    return {{"key", text.key}, {"args", std::move(args)}};
}

// `plain_english`: a plain value may be a system's English (strerror's "No such
// file or directory"), which the catalogue's errno.* words in Vietnamese.
std::optional<Text> decoded(const nlohmann::json& j, int depth, bool plain_english) {
    if (j.is_string()) return plain_english ? localize(j.get<std::string>()) : Text{j.get<std::string>(), j.get<std::string>()};
    if (!j.is_object() || depth > 4) return std::nullopt;
    if (j.contains("vi") && j.contains("en") && j["vi"].is_string() && j["en"].is_string())
        return Text{j["vi"].get<std::string>(), j["en"].get<std::string>()};
    auto key = j.find("key");
    auto args = j.find("args");
    if (key == j.end() || !key->is_string() || args == j.end() || !args->is_object() || !has_message(key->get<std::string>()))
        return std::nullopt;
    std::vector<MessageArg> filled;
    for (const auto& [name, value] : args->items()) {
        auto text = decoded(value, depth + 1, plain_english);
        if (!text) return std::nullopt;
        filled.emplace_back(name, std::move(*text));
    }
    try {
        return message(key->get<std::string>(), filled);
    } catch (const std::logic_error&) {
        return std::nullopt;  // a placeholder this version's template has and the reason lacks
    }
}

}  // namespace

std::string encoded(const Text& reason) {
    if (reason.key.empty()) return reason.en;
    // A value that is not UTF-8 (a file name's bytes) is kept as U+FFFD rather than lost.
    return encoded_json(reason).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

Text shown_reason(const std::string& stored) {
    if (stored.rfind("{\"key\"", 0) == 0) {
        auto j = nlohmann::json::parse(stored, nullptr, false);
        if (auto text = decoded(j, 0, true)) return *text;
    }
    return localize(stored);
}

void to_json(nlohmann::json& j, const Text& text) { j = encoded_json(text); }

void from_json(const nlohmann::json& j, Text& text) {
    if (auto read = decoded(j, 0, false)) {
        text = std::move(*read);
        return;
    }
    auto key = j.is_object() ? j.find("key") : j.end();
    if (key == j.end() || !key->is_string()) throw std::runtime_error("stored text is neither a message nor words");
    text = Text{key->get<std::string>(), key->get<std::string>(), key->get<std::string>(), {}};
}

const char* problem_kind(const std::string& stored) {
    Text reason = shown_reason(stored);
    std::string key = reason.key;
    if (key == "error.library-said")  // the reason it adds the library's words to
        for (const auto& a : reason.args)
            if (a.name == "reason") key = a.value.key;
    if (key == "error.timed-out" || key == "error.timed-out-after") return "timeout";
    if (key == "error.out-of-memory" || key == "error.aborted") return "memory";
    if (key == "error.crashed" || key == "error.exit-code" || key == "error.failed") return "crash";
    return "unreadable";
}

std::vector<std::string> placeholders(std::string_view text) {
    std::vector<std::string> out;
    for (auto open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
        auto close = text.find('}', open);
        if (close == std::string_view::npos) break;
        out.emplace_back(text.substr(open + 1, close - open - 1));
    }
    return out;
}

}  // namespace congvan
