// The Decree 30 zones of a document's lines (docs/layout.md, "Zones"): which part of
// the page each header or closing line is. Derived from where the fields were read,
// so a zone and a field can never disagree.
#pragma once

#include <map>
#include <string>
#include <utility>

#include "reading/document.h"
#include "record.h"

namespace congvan {

// (page, line), both 1-based → "issuer", "number", "motto", "place_date", "type",
// "subject", "recipients", "signature", "signature_stamp". Lines in no zone are absent.
using LineZones = std::map<std::pair<int, int>, std::string>;

LineZones zones_of(const Document& doc, const Record& record);

}  // namespace congvan
