#include "rule_list.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "extract/edit_distance.h"
#include "extract/normalize.h"
#include "rule_docs.h"
#include "rules/registry.h"

namespace congvan {

namespace {

// Whom a rule applies to, in a few words: "Week documents", "ke_hoach", "every document, from 2020-03-05".
std::string applies_to(const AppliesTo& to) {
    std::string out;
    for (const auto& type : to.doc_types) out += (out.empty() ? "" : ",") + type;
    if (out.empty()) out = to.subject == AppliesTo::Subject::WeekDocument ? "Week documents" : "every document";
    if (to.era == AppliesTo::Era::Decree30) out += ", Decree 30";
    if (to.era == AppliesTo::Era::BeforeDecree30) out += ", before Decree 30";
    return out;
}

// The ids a mistyped one most likely meant: those within a third of its length.
std::vector<std::string> nearest_ids(const std::string& id) {
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (const auto& rule : RuleRegistry::instance().rules())
        scored.push_back({edit_distance<char>(id, rule->id()), rule->id()});
    std::sort(scored.begin(), scored.end());
    std::vector<std::string> out;
    for (const auto& [distance, candidate] : scored)
        if (distance <= std::max<std::size_t>(2, id.size() / 3) && out.size() < 3) out.push_back(candidate);
    return out;
}

}  // namespace

std::string rules_table(const RuleConfig& config) {
    std::string out;
    for (const auto& rule : RuleRegistry::instance().rules()) {
        std::string severity =
            config.enabled(rule->id()) ? to_string(config.severity(rule->id(), rule->default_severity())) : "off";
        out += fmt::format("{:<26} {:<8} {:<15} {}\n", rule->id(), severity, applies_to(rule->applies_to()), rule->summary());
    }
    return out;
}

std::string rule_page(const std::string& id) {
    if (RuleRegistry::instance().find(id)) return rule_documentation(id);
    std::string message = "no rule '" + printable(id) + "'";
    auto near = nearest_ids(id);
    for (std::size_t i = 0; i < near.size(); ++i) message += (i ? ", " : "; did you mean ") + near[i];
    throw std::invalid_argument(message + (near.empty() ? " (congvan --list-rules lists them)" : "?"));
}

}  // namespace congvan
