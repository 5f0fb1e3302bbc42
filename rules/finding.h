// What a rule reports: clang-tidy's diagnostic, for an auditor. Every finding says
// what was expected, what was found, where, and against which Ministry fact.
#pragma once

#include <optional>
#include <string>

#include "extract/document.h"

namespace congvan {

enum class Severity { Info, Warning, Error };

const char* to_string(Severity severity);
std::optional<Severity> parse_severity(const std::string& text);
// One step milder: a finding built on a fact the Ministry record only infers.
Severity milder(Severity severity);

struct Finding {
    std::string rule;
    Severity severity = Severity::Warning;
    std::string message_vi;
    std::string message_en;
    std::string expected;
    std::string found;
    std::optional<Evidence> evidence;
    std::string reference_confidence;  // of the Ministry fact compared with, when one was
    // How sure the reading of the text the finding rests on is (0..100): the field's
    // when the rule says which field, else the evidence line's.
    std::optional<double> read_confidence;
    bool uncertain_reading = false;  // set by the checker's policy (docs/confidence.md)
};

}  // namespace congvan
