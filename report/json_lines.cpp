#include "json_lines.h"

#include "congvan_version.h"
#include "document_json.h"

namespace congvan {

std::string json_line(std::string_view type, nlohmann::ordered_json data) {
    return json_text(nlohmann::ordered_json{{"type", type}, {"data", std::move(data)}}) + "\n";
}

std::string json_lines_begin(const std::string& command) {
    return json_line("begin", {{"tool", "congvan"}, {"version", CONGVAN_VERSION}, {"format", kJsonLinesFormat}, {"command", command}});
}

std::string json_lines_error(const std::string& file, const std::string& reason, Language language) {
    Text shown = shown_reason(reason);
    nlohmann::ordered_json data = {{"file", file_name_json(file)}, {"kind", problem_kind(reason)}, {"reason", shown.in(language)}};
    if (!shown.key.empty()) data["key"] = shown.key;
    return json_line("error", std::move(data));
}

std::string JsonLinesTally::summary_line() const {
    nlohmann::ordered_json data{{"documents", documents}, {"errors", errors}};
    if (counts_findings) {
        nlohmann::ordered_json by_severity;
        for (const char* severity : {"error", "warning", "info"}) {
            auto it = findings.find(severity);
            by_severity[severity] = it == findings.end() ? 0 : it->second;
        }
        data["findings"] = by_severity;
    }
    return json_line("summary", data);
}

}  // namespace congvan
