// How a command ends: the exit codes of every command (docs/usage.md), and when
// findings make a run fail (--fail-on, parsed once; --fail-unaudited).
#pragma once

#include <optional>
#include <string_view>

#include "rules/checker.h"

namespace congvan {

constexpr int kExitOk = 0;
constexpr int kExitFindings = 1;       // a finding reached --fail-on (or a document was not audited, when asked)
constexpr int kExitBadInput = 2;       // a file not read, a bad option or configuration
constexpr int kExitInterrupted = 130;  // stopped by SIGINT or SIGTERM (128 + SIGINT, as shells do)

class FailPolicy {
public:
    // `fail_on`: error, warning, info or none; std::invalid_argument for anything else.
    explicit FailPolicy(std::string_view fail_on = "error", bool unaudited = false);
    bool fails(Severity severity) const { return threshold_ && severity >= *threshold_; }
    // A stored severity's name; one that is not a severity fails nothing.
    bool fails(std::string_view severity) const;
    // A finding reaches the threshold, or the document was not audited and that fails.
    bool fails(const CheckResult& result) const;

private:
    std::optional<Severity> threshold_;
    bool unaudited_ = false;
};

// A run's exit code: a file not read before findings, findings before success.
constexpr int exit_status(bool unreadable, bool failing) { return unreadable ? kExitBadInput : failing ? kExitFindings : kExitOk; }

}  // namespace congvan
