#pragma once
#include <nlohmann/json.hpp>

#include "fields/record.h"

namespace congvan {

nlohmann::ordered_json date_json(const std::optional<VnDate>& date);
nlohmann::ordered_json cited_document_json(const CitedDocument& doc);
// The `congvan extract --format jsonl` object of one record.
nlohmann::ordered_json record_json(const Record& record);
// The readable summary `congvan extract` prints by default.
std::string record_summary(const Record& record);

}  // namespace congvan
