#include "rule_list.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "rule_docs.h"
#include "rules/registry.h"
#include "text/edit_distance.h"
#include "text/messages.h"
#include "text/normalize.h"

namespace congvan {

namespace {

// Whom a rule applies to, in a few words: "Week documents", "ke_hoach", "every document, Decree 30".
std::string applies_to(const AppliesTo& to, Language language) {
    std::string out;
    for (const auto& type : to.doc_types) out += (out.empty() ? "" : ",") + type;
    if (out.empty())
        out = message(to.subject == AppliesTo::Subject::WeekDocument ? "rules.week-documents" : "rules.every-document").in(language);
    if (to.era == AppliesTo::Era::Decree30) out += message("rules.decree30").in(language);
    if (to.era == AppliesTo::Era::BeforeDecree30) out += message("rules.before-decree30").in(language);
    return out;
}

// Padded to `width` columns as a terminal shows them.
std::string padded(const std::string& text, std::size_t width) {
    std::size_t shown = terminal_columns(text);
    return text + std::string(shown < width ? width - shown : 0, ' ');
}

// The ids a mistyped one most likely meant.
std::vector<std::string> nearest_ids(const std::string& id) {
    std::vector<std::string> ids;
    for (const auto& rule : RuleRegistry::instance().rules()) ids.push_back(rule->id());
    return nearest_names(id, ids);
}

}  // namespace

std::string rule_summary(const std::string& id, Language language) {
    const Rule* rule = RuleRegistry::instance().find(id);
    if (!rule) return "";
    if (language == Language::English) return rule->summary();
    static const std::string kSummary = "\nTóm tắt: ";
    std::string page = rule_documentation(id, Language::Vietnamese);
    auto at = page.find(kSummary);
    if (at == std::string::npos) return rule->summary();
    at += kSummary.size();
    return page.substr(at, page.find('\n', at) - at);
}

std::string rules_table(const RuleConfig& config, Language language) {
    std::string out;
    for (const auto& rule : RuleRegistry::instance().rules()) {
        std::string severity = config.enabled(rule->id()) ? to_string(config.severity(rule->id(), rule->default_severity())) : "off";
        out += fmt::format("{:<26} {:<8} {} {}\n", rule->id(), severity, padded(applies_to(rule->applies_to(), language), 18),
                           rule_summary(rule->id(), language));
    }
    return out;
}

std::string rule_page(const std::string& id, Language language) {
    const Rule* rule = RuleRegistry::instance().find(id);
    if (rule && language == Language::English) return rule_documentation(id);
    if (rule) {
        std::string page = rule_documentation(id, Language::Vietnamese);
        std::size_t title = page.find('\n') + 1;
        std::string severity = to_string(rule->default_severity());
        return page.substr(0, title) + "\n" + message("rules.default-severity", {{"severity", severity}}).vi + "\n" + page.substr(title) +
               "\n" + message("rules.silence", {{"id", id}}).vi;
    }
    auto near = nearest_ids(id);
    std::string names;
    for (std::size_t i = 0; i < near.size(); ++i) names += (i ? ", " : "") + near[i];
    if (near.empty()) throw std::invalid_argument(message("error.no-rule", {{"id", printable(id)}}).en);
    throw std::invalid_argument(message("error.no-rule-near", {{"id", printable(id)}, {"names", names}}).en);
}

}  // namespace congvan
