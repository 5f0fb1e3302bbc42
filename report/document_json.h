#pragma once
#include <nlohmann/json.hpp>

#include "extract/document.h"
#include "extract/zones.h"

namespace congvan {

nlohmann::ordered_json bbox_json(const std::optional<BBox>& box);
nlohmann::ordered_json evidence_json(const Evidence& evidence);
// The `congvan text --format jsonl` object of one document.
// Lines carry their Decree 30 zone when `zones` names one.
nlohmann::ordered_json document_json(const Document& doc, const LineZones& zones = {});
// pdftotext-like plain text: lines, pages separated by form feeds.
std::string document_plain_text(const Document& doc);

}  // namespace congvan
