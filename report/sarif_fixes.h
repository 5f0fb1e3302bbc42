// A finding's mechanical fix as SARIF writes it: a replacement in the file's own
// bytes. Only a plain-text file has lines an editor can change; the fix's text is
// found in the cleaned line the rule read, and is placed in the raw line only
// where that line holds it exactly once (markdown and spacing differ between the
// two). Anywhere else the fix stays in JSON and SARIF says nothing of it
// (docs/output.md, "Fixes").
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "report/check_output.h"

namespace congvan {

// Where `text` stands in `line`, in SARIF's default columns (UTF-16 code units
// from 1; `end` is the column after it).
struct LineRegion {
    int line = 0, start = 0, end = 0;
};

// The one place of `text` in `line` (numbered `number`), or nothing when the line
// holds it never or more than once.
std::optional<LineRegion> only_place_of(std::string_view text, std::string_view line, int number);

// The lines of a checked document's file when it is a plain-text file whose bytes
// are still those checked (sha256): nothing otherwise.
std::optional<std::vector<std::string>> text_file_lines(const CheckedDocument& doc);

// The SARIF `fixes` of a finding on a file with these lines (empty when it has no
// fix that can be placed).
nlohmann::ordered_json sarif_fixes(const Finding& f, const std::vector<std::string>& lines, const nlohmann::ordered_json& location,
                                   Language language);

}  // namespace congvan
