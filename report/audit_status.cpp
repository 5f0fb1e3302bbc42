#include "audit_status.h"

#include <algorithm>

#include "document_json.h"

namespace congvan {

using Json = nlohmann::ordered_json;

std::string unaudited_message(const Unaudited& u, Language language) {
    std::string key = std::string("unaudited.") + reason_name(u.reason);
    return message(key, {{"year", std::to_string(u.year)}, {"against", std::to_string(u.against_year)}}).in(language);
}

Json audit_json(const CheckResult& result, Language language) {
    if (result.reference) return {{"status", "audited"}};
    if (!result.unaudited) return {{"status", "not-about-week"}};
    const Unaudited& u = *result.unaudited;
    Json j = {{"status", "not-audited"}, {"reason", reason_name(u.reason)}, {"year", u.year ? Json(u.year) : Json()}};
    if (u.against_year) j["against_year"] = u.against_year;
    j["message"] = unaudited_message(u, language);
    return j;
}

Json sarif_notification(const std::string& file, const Unaudited& u, Language language) {
    return {{"descriptor", {{"id", "not-audited"}}},
            {"level", "warning"},
            {"message", {{"text", unaudited_message(u, language)}}},
            {"locations", Json::array({{{"physicalLocation", {{"artifactLocation", sarif_artifact_location(file)}}}}})},
            {"properties", {{"reason", reason_name(u.reason)}, {"year", u.year}}}};
}

void UnauditedTally::add(const CheckResult& result) {
    if (!result.unaudited) return;
    ++count_;
    int year = result.unaudited->year;
    if (year && std::find(years_.begin(), years_.end(), year) == years_.end()) years_.push_back(year);
}

std::string UnauditedTally::line(Language language) const {
    if (!count_) return "";
    std::vector<int> years = years_;
    std::sort(years.begin(), years.end());
    std::string list;
    for (int y : years) list += (list.empty() ? "" : ", ") + std::to_string(y);
    if (list.empty()) list = "?";
    return message("unaudited.summary", {{"count", std::to_string(count_)}, {"years", list}}).in(language);
}

}  // namespace congvan
