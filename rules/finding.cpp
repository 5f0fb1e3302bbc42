#include "finding.h"

namespace congvan {

const char* to_string(Severity severity) {
    switch (severity) {
        case Severity::Info: return "info";
        case Severity::Warning: return "warning";
        case Severity::Error: return "error";
    }
    return "warning";
}

std::optional<Severity> parse_severity(const std::string& text) {
    if (text == "info" || text == "note") return Severity::Info;
    if (text == "warning") return Severity::Warning;
    if (text == "error") return Severity::Error;
    return std::nullopt;
}

Severity milder(Severity severity) {
    return severity == Severity::Error ? Severity::Warning : Severity::Info;
}

}  // namespace congvan
