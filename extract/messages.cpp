#include "messages.h"

#include <yaml-cpp/yaml.h>

#include <stdexcept>

#include "vocabulary.h"

namespace congvan {

namespace {

constexpr const char* kCatalogue = "corpus/messages.yaml";

std::map<std::string, Text, std::less<>> load_catalogue() {
    std::string_view text = embedded_data(kCatalogue);
    if (text.empty()) throw std::logic_error(std::string("message catalogue not embedded: ") + kCatalogue);
    std::map<std::string, Text, std::less<>> out;
    for (const auto& entry : YAML::Load(std::string(text))) {
        const auto& both = entry.second;
        out[entry.first.as<std::string>()] = Text{both["vi"].as<std::string>(), both["en"].as<std::string>()};
    }
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

}  // namespace

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
    return Text{fill(key, it->second.vi, args, Language::Vietnamese), fill(key, it->second.en, args, Language::English)};
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
