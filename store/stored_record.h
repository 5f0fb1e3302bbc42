// The whole Record as the scan database keeps it, so that the rules can run again on
// a stored document without reading its file (no OCR) when only the Ministry
// records, the configuration or the rules changed. Unlike the `extract` JSON, which
// is for people, this keeps everything the rules read: every date written, every
// theme stated, the evidence boxes.
#pragma once

#include <string>

#include "fields/record.h"

namespace congvan {

std::string encode_record(const Record& record);
// Throws std::runtime_error when the text is not a record this version wrote.
Record decode_record(const std::string& text);
// Its header, citations and the Week's facts alone (what rules/library.h keeps of a
// document and what the rules that compare documents read), the other members left
// empty: a few times faster to read. Decodes the text of encode_record_header, and
// a whole record's.
Record decode_record_header(const std::string& text);
// Those members alone, a fifth of the whole record's bytes: what a scan's chain pass
// reads of a stored document (docs/chain.md).
std::string encode_record_header(const Record& record);

}  // namespace congvan
