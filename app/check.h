// `congvan check`: each file read and checked in a process of its own, under its
// --timeout and --max-memory, and each outcome handed to an output sink in file order.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/exit_status.h"
#include "isolation/batch.h"
#include "report/audit_status.h"
#include "report/sink.h"
#include "rules/config.h"
#include "rules/ministry.h"

namespace congvan {

struct CheckRun {
    std::vector<std::string> files;
    BatchOptions batch;
    const std::map<int, MinistryRecord>* records = nullptr;
    std::optional<MinistryRecord> against;  // --against: compared with this dispatch alone
    std::optional<int> year;                // --year
    RuleOverrides overrides;
    FailPolicy fail;
};

// What a run saw besides the sink's output: for the exit code and the stderr lines.
struct CheckTally {
    bool unreadable = false, failing = false;
    UnauditedTally unaudited;
    int exit_code() const { return exit_status(unreadable, failing); }
};

// Checks every file into `sink` (begin, a document or error a file, end);
// `on_error` hears each file not read with its reason (English, as it travels).
CheckTally check_documents(const CheckRun& run, FindingSink& sink,
                           const std::function<void(const std::string& path, const std::string& reason)>& on_error);

}  // namespace congvan
