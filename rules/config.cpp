#include "config.h"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <filesystem>
#include <stdexcept>

#include <fmt/format.h>

#include "reading/loader.h"
#include "registry.h"

namespace congvan {

Severity RuleConfig::severity(const std::string& id, Severity default_severity) const {
    auto it = severities.find(id);
    return it == severities.end() ? default_severity : it->second;
}

std::optional<double> RuleConfig::option(const std::string& id, const std::string& name) const {
    auto rule = options.find(id);
    if (rule == options.end()) return std::nullopt;
    auto it = rule->second.find(name);
    return it == rule->second.end() ? std::nullopt : std::optional<double>(it->second);
}

namespace {

std::string option_names(const Rule& rule) {
    std::string names;
    for (const auto& o : rule.options()) names += (names.empty() ? "" : ", ") + o.name;
    return names.empty() ? message("error.option-none").en : message("error.option-list", {{"names", names}}).en;
}

}  // namespace

void RuleConfig::set_option(const std::string& id, const std::string& name, double value) {
    const Rule* rule = RuleRegistry::instance().find(id);
    if (!rule) throw std::invalid_argument(message("error.unknown-rule", {{"id", id}}).en);
    for (const auto& o : rule->options()) {
        if (o.name != name) continue;
        if (o.integer && value != std::floor(value))
            throw std::invalid_argument(message("error.option-whole", {{"name", name}, {"id", id}}).en);
        if (value < o.min || value > o.max)
            throw std::invalid_argument(
                message("error.option-range",
                        {{"name", name}, {"id", id}, {"min", fmt::format("{}", o.min)}, {"max", fmt::format("{}", o.max)}})
                    .en);
        options[id][name] = value;
        return;
    }
    throw std::invalid_argument(message("error.option-unknown", {{"id", id}, {"name", name}, {"options", option_names(*rule)}}).en);
}

void RuleConfig::set(const std::string& id, const std::string& value) {
    if (!RuleRegistry::instance().find(id)) throw std::invalid_argument(message("error.unknown-rule", {{"id", id}}).en);
    if (value == "off" || value == "false" || value == "disabled") {
        disabled.insert(id);
        return;
    }
    auto severity = parse_severity(value);
    if (!severity) throw std::invalid_argument(message("error.unknown-severity", {{"value", value}, {"id", id}}).en);
    disabled.erase(id);
    severities[id] = *severity;
}

namespace {

// "FILE:LINE: what", for a configuration mistake: the file is refused whole.
[[noreturn]] void refuse(const std::string& path, const YAML::Node& at, const std::string& what) {
    throw std::invalid_argument(message("error.at", {{"file", path}, {"line", std::to_string(at.Mark().line + 1)}, {"what", what}}).en);
}

}  // namespace

namespace {

// One option's value from the file: a number, else the file's mistake.
double number_of(const std::string& path, const YAML::Node& value, const std::string& what) {
    if (value.IsScalar()) try {
            std::size_t used = 0;
            double d = std::stod(value.Scalar(), &used);
            if (used == value.Scalar().size() && std::isfinite(d)) return d;
        } catch (const std::exception&) {}
    refuse(path, value, message("error.option-number", {{"what", what}}).en);
}

// A mistake of the configuration's meaning (an unknown rule, an option out of
// range) at the node it was read from.
template <typename Set>
void at_node(const std::string& path, const YAML::Node& node, Set&& set) {
    try {
        set();
    } catch (const std::invalid_argument& e) {
        if (std::string(e.what()).rfind(path + ":", 0) == 0) throw;
        refuse(path, node, e.what());
    }
}

// `ID: severity` or `ID: {severity: S, OPTION: N, ...}`.
void set_rule(const std::string& path, const YAML::Node& key, const YAML::Node& value, RuleConfig& config) {
    const std::string id = key.Scalar();
    if (value.IsScalar()) return at_node(path, key, [&] { config.set(id, value.Scalar()); });
    if (!value.IsMap()) refuse(path, value, message("error.config-rule-value", {{"id", id}}).en);
    at_node(path, key, [&] {
        if (!RuleRegistry::instance().find(id)) throw std::invalid_argument(message("error.unknown-rule", {{"id", id}}).en);
    });
    for (const auto& o : value) {
        std::string name = o.first.Scalar();
        if (name == "severity" && !o.second.IsScalar()) refuse(path, o.second, message("error.config-severity", {{"id", id}}).en);
        if (name == "severity") at_node(path, o.second, [&] { config.set(id, o.second.Scalar()); });
        else at_node(path, o.first, [&] { config.set_option(id, name, number_of(path, o.second, name + " of " + id)); });
    }
}

}  // namespace

RuleConfig load_rule_config(const std::string& path) {
    RuleConfig config;
    YAML::Node root;
    std::string bytes;
    try {
        // As a document is read: a FIFO or a device is refused, never waited on.
        bytes = read_file_bytes(path);
    } catch (const std::exception& e) {
        throw std::invalid_argument(message("error.in-file", {{"file", path}, {"what", std::string(e.what())}}).en);
    }
    try {
        root = YAML::Load(bytes);
    } catch (const YAML::ParserException& e) {
        throw std::invalid_argument(
            message("error.at", {{"file", path}, {"line", std::to_string(e.mark.line + 1)}, {"what", message("error.not-yaml")}}).en);
    }
    if (root.IsNull()) return config;  // an empty file configures nothing
    if (!root.IsMap()) refuse(path, root, message("error.config-not-map").en);
    for (const auto& entry : root) {
        std::string key = entry.first.Scalar();
        if (key == "proofread") {
            std::string value = entry.second.IsScalar() ? entry.second.Scalar() : "";
            if (value != "true" && value != "false") refuse(path, entry.second, message("error.config-proofread").en);
            config.proofread = value == "true";
            continue;
        }
        if (key != "rules") refuse(path, entry.first, message("error.config-key", {{"key", key}}).en);
        if (entry.second.IsNull()) continue;
        if (!entry.second.IsMap()) refuse(path, entry.second, message("error.config-rules").en);
        for (const auto& rule : entry.second) set_rule(path, rule.first, rule.second, config);
    }
    return config;
}

std::string dump_config(const RuleConfig& config, Language language) {
    std::string out = "# " + message("config.header").in(language) + "\n";
    out += fmt::format("proofread: {}  # {}\n", config.proofread, message("config.proofread").in(language));
    out += "rules:\n";
    for (const auto& rule : RuleRegistry::instance().rules()) {
        std::string id = rule->id();
        std::string severity = config.enabled(id) ? to_string(config.severity(id, rule->default_severity())) : "off";
        auto options = rule->options();
        if (options.empty()) {
            out += fmt::format("  {}: {}\n", id, severity);
            continue;
        }
        out += fmt::format("  {}:\n    severity: {}\n", id, severity);
        for (const auto& o : options) {
            // The option's summary is the class's (English); the catalogue's where it has one.
            std::string key = "config.option." + id + "." + o.name;
            std::string summary = language == Language::Vietnamese && has_message(key) ? message(key).vi : o.summary;
            std::string range =
                message("config.range", {{"min", fmt::format("{}", o.min)}, {"max", fmt::format("{}", o.max)}}).in(language);
            out += fmt::format("    {}: {}  # {} ({})\n", o.name, config.option(id, o.name).value_or(o.default_value), summary, range);
        }
    }
    return out;
}

std::optional<std::string> find_config_upwards(const std::string& document_path) {
    std::error_code ec;
    auto dir = std::filesystem::absolute(document_path, ec).parent_path();
    while (!dir.empty()) {
        auto candidate = dir / ".congvan.yaml";
        if (std::filesystem::is_regular_file(candidate, ec)) return candidate.string();
        if (dir == dir.root_path()) break;
        dir = dir.parent_path();
    }
    return std::nullopt;
}

RuleConfig config_for_document(const std::string& document_path, const RuleOverrides& overrides) {
    auto path = overrides.config_file ? overrides.config_file : find_config_upwards(document_path);
    RuleConfig config = path ? load_rule_config(*path) : RuleConfig{};
    config.proofread = config.proofread || overrides.proofread;
    for (const auto& id : overrides.disabled) config.set(id, "off");
    for (const auto& pair : overrides.severities) {
        auto eq = pair.find('=');
        if (eq == std::string::npos) throw std::invalid_argument(message("error.severity-flag", {{"pair", pair}}).en);
        config.set(pair.substr(0, eq), pair.substr(eq + 1));
    }
    return config;
}

}  // namespace congvan
