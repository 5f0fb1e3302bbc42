// Whether a document was audited against the Ministry's instruction, in every
// format: a document about the Week compared with nothing is said to be not
// audited, never left silent (docs/auditing.md).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "rules/checker.h"
#include "text/messages.h"

namespace congvan {

// "NOT AUDITED against the instruction: no Ministry record for 2026 …".
std::string unaudited_message(const Unaudited& u, Language language);
// {"status": "audited" | "not-audited" | "not-about-week", "reason", "year", "message"}.
nlohmann::ordered_json audit_json(const CheckResult& result, Language language);
// A SARIF toolExecutionNotification for the document (SARIF 2.1.0 §3.58).
nlohmann::ordered_json sarif_notification(const std::string& file, const Unaudited& u, Language language);

// The run's one stderr line ("3 documents about the Week were NOT AUDITED … (2026)"),
// empty when every document about the Week was audited.
class UnauditedTally {
public:
    void add(const CheckResult& result);
    bool any() const { return count_ > 0; }
    std::string line(Language language) const;

private:
    int count_ = 0;
    std::vector<int> years_;
};

}  // namespace congvan
