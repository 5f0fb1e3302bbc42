// Which rules run, how severe they are and their options: .congvan.yaml, found
// upwards from the document (or given with --config), then the command line's flags.
//
//   rules:
//     unsigned-draft: off
//     opening-outside-week: error
//     theme-mismatch: {severity: warning, misread-words: 1}
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "finding.h"

namespace congvan {

struct RuleConfig {
    std::set<std::string> disabled;
    std::map<std::string, Severity> severities;
    std::map<std::string, std::map<std::string, double>> options;  // rule id → option → value
    // Proof-read born-digital PDFs and plain texts too (`proofread: true`,
    // --proofread); Word drafts are always proof-read (docs/precision.md).
    bool proofread = false;

    bool enabled(const std::string& id) const { return !disabled.count(id); }
    Severity severity(const std::string& id, Severity default_severity) const;
    std::optional<double> option(const std::string& id, const std::string& name) const;
    // "theme-mismatch=warning", "unsigned-draft=off"; throws std::invalid_argument
    // for an unknown rule or severity.
    void set(const std::string& id, const std::string& value);
    // Throws std::invalid_argument for an unknown rule or option, or a value out of
    // the option's range.
    void set_option(const std::string& id, const std::string& name, double value);
};

RuleConfig load_rule_config(const std::string& path);

// The configuration as .congvan.yaml would say it: every rule, its severity (or off)
// and each option's value, with the options' meaning as comments (--dump-config).
std::string dump_config(const RuleConfig& config, Language language = Language::English);

// What applies to one document: --config (or the nearest .congvan.yaml), then the
// command line's `--disable ID` and `--severity ID=LEVEL`. Throws
// std::invalid_argument naming the bad file or flag.
struct RuleOverrides {
    std::optional<std::string> config_file;
    std::vector<std::string> disabled;
    std::vector<std::string> severities;
    bool proofread = false;
};
RuleConfig config_for_document(const std::string& document_path, const RuleOverrides& overrides);
// The nearest .congvan.yaml in the document's folder or above it.
std::optional<std::string> find_config_upwards(const std::string& document_path);

}  // namespace congvan
