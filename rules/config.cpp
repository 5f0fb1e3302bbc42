#include "config.h"

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <stdexcept>

#include "registry.h"

namespace congvan {

Severity RuleConfig::severity(const std::string& id, Severity default_severity) const {
    auto it = severities.find(id);
    return it == severities.end() ? default_severity : it->second;
}

void RuleConfig::set(const std::string& id, const std::string& value) {
    if (!RuleRegistry::instance().find(id)) throw std::invalid_argument("unknown rule '" + id + "'");
    if (value == "off" || value == "false" || value == "disabled") {
        disabled.insert(id);
        return;
    }
    auto severity = parse_severity(value);
    if (!severity) throw std::invalid_argument("unknown severity '" + value + "' for " + id + " (info, warning, error or off)");
    disabled.erase(id);
    severities[id] = *severity;
}

namespace {

// "FILE:LINE: what", for a configuration mistake: the file is refused whole.
[[noreturn]] void refuse(const std::string& path, const YAML::Node& at, const std::string& what) {
    throw std::invalid_argument(path + ":" + std::to_string(at.Mark().line + 1) + ": " + what);
}

}  // namespace

RuleConfig load_rule_config(const std::string& path) {
    RuleConfig config;
    YAML::Node root;
    try {
        root = YAML::LoadFile(path);
    } catch (const YAML::BadFile&) {
        throw std::invalid_argument(path + ": cannot read the file");
    } catch (const YAML::ParserException& e) {
        throw std::invalid_argument(path + ":" + std::to_string(e.mark.line + 1) + ": not valid YAML: " + e.msg);
    }
    if (root.IsNull()) return config;  // an empty file configures nothing
    if (!root.IsMap()) refuse(path, root, "expected keys (rules:), not a list or a value");
    for (const auto& entry : root) {
        std::string key = entry.first.Scalar();
        if (key != "rules") refuse(path, entry.first, "unknown key '" + key + "' (the only key is rules:)");
        if (entry.second.IsNull()) continue;
        if (!entry.second.IsMap()) refuse(path, entry.second, "rules: expects 'rule-id: severity' lines");
        for (const auto& rule : entry.second) {
            if (!rule.second.IsScalar())
                refuse(path, rule.second, "the value of " + rule.first.Scalar() + " must be info, warning, error or off");
            try {
                config.set(rule.first.Scalar(), rule.second.Scalar());
            } catch (const std::invalid_argument& e) {
                refuse(path, rule.first, e.what());
            }
        }
    }
    return config;
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
    for (const auto& id : overrides.disabled) config.set(id, "off");
    for (const auto& pair : overrides.severities) {
        auto eq = pair.find('=');
        if (eq == std::string::npos) throw std::invalid_argument("--severity takes ID=LEVEL, not '" + pair + "'");
        config.set(pair.substr(0, eq), pair.substr(eq + 1));
    }
    return config;
}

}  // namespace congvan
