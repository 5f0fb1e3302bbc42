#pragma once
#include <nlohmann/json.hpp>

#include "fields/zones.h"
#include "reading/document.h"
#include "text/messages.h"

namespace congvan {

nlohmann::ordered_json bbox_json(const std::optional<BBox>& box);
// `line` is the one line every format gives (Evidence::shown_line); `page_line`
// the line on its page.
nlohmann::ordered_json evidence_json(const Evidence& evidence);
// Where a finding is, as every format shows it: "dòng 36 (trang 2, dòng 4)" on a
// page of a PDF or an image (`on_page`), "dòng 12" in a text or a Word draft.
Text where_label(int line, int page, int page_line, bool on_page);
// The `congvan text --format jsonl` object of one document.
// Lines carry their Decree 30 zone when `zones` names one.
nlohmann::ordered_json document_json(const Document& doc, const LineZones& zones = {});
// A file name as JSON, lossless: the name itself when it is UTF-8, else
// {"bytes": "<base64 of the name's bytes>"} (ripgrep's form), as old Windows
// archives in TCVN3, VNI or CP1258 have names that are not.
nlohmann::ordered_json file_name_json(const std::string& name);
// JSON as text that never throws: a value that is not UTF-8 (it should not reach
// here: file names go through file_name_json()) is written with U+FFFD in its place.
template <typename J>
std::string json_text(const J& json, int indent = -1) {
    return json.dump(indent, ' ', false, J::error_handler_t::replace);
}
// A path as a URI reference (RFC 3986): relative stays relative, and every byte but
// the unreserved characters and '/' is percent-encoded, so spaces, '#', '%' and
// bytes that are not UTF-8 survive.
std::string uri_reference(const std::string& path);
// A SARIF artifactLocation (SARIF 2.1.0 §3.4): an absolute path as a file:// URI; a
// relative one relative to SRCROOT, which sarif_uri_base_ids() sets to the folder
// congvan ran in, so that a viewer on another machine can be told where that was.
nlohmann::ordered_json sarif_artifact_location(const std::string& path);
nlohmann::ordered_json sarif_uri_base_ids();
// pdftotext-like plain text: lines, pages separated by form feeds.
std::string document_plain_text(const Document& doc);

}  // namespace congvan
