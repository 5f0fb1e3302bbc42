#include "exit_status.h"

#include <stdexcept>
#include <string>

namespace congvan {

FailPolicy::FailPolicy(std::string_view fail_on, bool unaudited) : unaudited_(unaudited) {
    if (fail_on == "none") return;
    threshold_ = parse_severity(std::string(fail_on));
    if (!threshold_) throw std::invalid_argument("--fail-on takes error, warning, info or none, not '" + std::string(fail_on) + "'");
}

bool FailPolicy::fails(std::string_view severity) const {
    auto level = parse_severity(std::string(severity));
    return level && fails(*level);
}

bool FailPolicy::fails(const CheckResult& result) const {
    if (unaudited_ && result.unaudited) return true;
    for (const auto& f : result.findings)
        if (fails(f.severity)) return true;
    return false;
}

}  // namespace congvan
