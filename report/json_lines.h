// JSON Lines as every congvan command writes them (docs/output.md): each line is
// {"type": …, "data": …}. The first line ("begin") says what wrote the stream and
// in which format version; then a line per document (its findings inside it, so a
// consumer needs no join) or per file that could not be read ("error"); the last
// line ("summary") counts them. A consumer skips the types it does not know.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <string_view>

#include "text/messages.h"

namespace congvan {

// Raised when a line changes incompatibly (a field renamed or removed); new fields
// and new types do not raise it.
constexpr int kJsonLinesFormat = 1;

std::string json_line(std::string_view type, nlohmann::ordered_json data);
// {"type":"begin","data":{"tool":"congvan","version":…,"format":1,"command":…}}
std::string json_lines_begin(const std::string& command);
// {"type":"error","data":{"file":…,"reason":…}}
std::string json_lines_error(const std::string& file, const std::string& reason, Language language);

// What a stream held, for its "summary" line.
struct JsonLinesTally {
    long documents = 0, errors = 0;
    bool counts_findings = false;  // check and export: findings by severity
    std::map<std::string, long> findings;
    std::string summary_line() const;
};

}  // namespace congvan
