#include "stored_outcome.h"

#include "rules/reference_json.h"
#include "stored_record.h"
#include "text/json_members.h"

namespace congvan {

using Json = nlohmann::ordered_json;

template <typename V>
void members(StoredPageText& p, V&& v) {
    v("page", p.page);
    v("source", p.source);
    v("text", p.text);
}
// The row as it crosses from a document's process: the record once (its summary
// columns and public fields are made from it where the row is stored), and the
// findings as their own member list gives them.
template <typename V>
void members(StoredDocument& d, V&& v) {
    v("path", d.path);
    v("sha256", d.sha256);
    v("kind", d.kind);
    v("size", d.size);
    v("text_pages", d.text_pages);
    v("ocr_pages", d.ocr_pages);
    v("reference", d.reference);
    v("reference_year", d.reference_year);
    v("findings", d.findings);
    v("error", d.error);
    v("seconds", d.seconds);
    v("record", d.record);
    v("checked_with", d.checked_with);
    v("pages", d.pages);
}

Json stored_unaudited(const std::optional<Unaudited>& u) {
    if (!u) return nullptr;
    return {{"reason", reason_name(u->reason)}, {"year", u->year}, {"against_year", u->against_year}};
}

std::optional<Unaudited> unaudited_from_stored(const Json& j) {
    if (!j.is_object() || !j.contains("reason") || !j["reason"].is_string()) return std::nullopt;
    auto reason = parse_unaudited_reason(j["reason"].get<std::string>());
    if (!reason) return std::nullopt;
    Unaudited u{*reason, 0, 0};
    if (j.contains("year") && j["year"].is_number_integer()) u.year = j["year"].get<int>();
    if (j.contains("against_year") && j["against_year"].is_number_integer()) u.against_year = j["against_year"].get<int>();
    return u;
}

namespace {

// The Ministry record compared with, as stored: with its reason in both languages,
// so that an export in either reads as the check did.
Json stored_reference(const std::optional<Reference>& r) {
    if (!r) return nullptr;
    Json j = reference_members(*r, r->why);
    j["why_vi"] = r->why_vi;
    return j;
}

std::string text_or_empty(const Json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

// The Ministry record as stored: enough of it for every output.
Reference reference_from_stored(const Json& j) {
    Reference r;
    if (auto year = j.find("year"); year != j.end() && year->is_number_integer()) r.record.year = year->get<int>();
    if (auto number = text_or_empty(j, "number"); !number.empty()) r.record.number.value = number;
    if (auto date = parse_iso_date(text_or_empty(j, "date"))) r.record.date.value = *date;
    r.record.origin = text_or_empty(j, "record");
    r.source = text_or_empty(j, "source");
    r.why = text_or_empty(j, "why");
    r.why_vi = text_or_empty(j, "why_vi");
    return r;
}

}  // namespace

void result_into(StoredDocument& row, const CheckResult& result) {
    row.reference = stored_reference(result.reference);
    if (result.unaudited) row.reference = {{"not_audited", stored_unaudited(result.unaudited)}};
    row.reference_year.reset();
    if (result.reference) row.reference_year = result.reference->record.year;
    row.findings = result.findings;
}

std::optional<Reference> reference_of(const StoredDocument& d) {
    if (!d.reference.is_object() || d.reference.contains("not_audited")) return std::nullopt;
    return reference_from_stored(d.reference);
}

CheckedDocument as_checked(const StoredDocument& d) {
    CheckedDocument doc{d.path, d.sha256, {}};
    if (d.reference.is_object() && d.reference.contains("not_audited")) {
        doc.result.unaudited = unaudited_from_stored(d.reference["not_audited"]);
        doc.result.about_week = true;
    } else if (d.reference.is_object()) {
        doc.result.reference = reference_of(d);
        doc.result.about_week = true;
    }
    doc.result.findings = d.findings;
    return doc;
}

// A value that is not UTF-8 (a file name from an old Windows archive) is written
// with U+FFFD in its place rather than stop the scan; the path is set again from
// the walk on the other side.
std::string row_text(const StoredDocument& d) {
    nlohmann::json j = d;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

StoredDocument row_from_text(const std::string& text) { return nlohmann::json::parse(text).get<StoredDocument>(); }

std::string encode_checked(const Record& record, const CheckResult& result) {
    StoredDocument row;
    row.sha256 = record.sha256;
    row.record = encode_record(record);
    result_into(row, result);
    return row_text(row);
}

CheckedDocument decode_checked(const std::string& bytes, Record& record) {
    StoredDocument row = row_from_text(bytes);
    record = decode_record(row.record);
    return as_checked(row);
}

}  // namespace congvan
