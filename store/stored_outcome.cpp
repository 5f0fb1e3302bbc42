#include "stored_outcome.h"

#include "json_members.h"
#include "rules/reference_json.h"
#include "stored_record.h"

namespace congvan {

using Json = nlohmann::ordered_json;

template <typename V>
void members(StoredFinding& f, V&& v) {
    v("rule", f.rule);
    v("severity", f.severity);
    v("vi", f.message_vi);
    v("en", f.message_en);
    v("expected", f.expected);
    v("found", f.found);
    v("evidence", f.evidence_text);
    v("page", f.page);
    v("line", f.line);
    v("uncertain_reading", f.uncertain_reading);
    v("bbox", f.bbox);
    v("continued", f.continued);
    v("source_line", f.source_line);
    v("column", f.column);
    v("confidence", f.evidence_confidence);
    v("reference_confidence", f.reference_confidence);
    v("expected_kind", f.expected_kind);
    v("found_kind", f.found_kind);
    v("doubts", f.doubts);
    v("read_confidence", f.read_confidence);
    v("fix_replace", f.fix_replace);
    v("fix_with", f.fix_with);
}
template <typename V>
void members(StoredPageText& p, V&& v) {
    v("page", p.page);
    v("source", p.source);
    v("text", p.text);
}
template <typename V>
void members(StoredDocument& d, V&& v) {
    v("path", d.path);
    v("sha256", d.sha256);
    v("kind", d.kind);
    v("size", d.size);
    v("text_pages", d.text_pages);
    v("ocr_pages", d.ocr_pages);
    v("doc_type", d.doc_type);
    v("province", d.province);
    v("number", d.number);
    v("year", d.year);
    v("fields", d.fields);
    v("reference", d.reference);
    v("reference_year", d.reference_year);
    v("findings", d.findings);
    v("error", d.error);
    v("seconds", d.seconds);
    v("record", d.record);
    v("checked_with", d.checked_with);
    v("pages", d.pages);
}

StoredFinding stored_finding(const Finding& f) {
    StoredFinding s;
    s.rule = f.rule;
    s.severity = to_string(f.severity);
    s.message_vi = f.message.vi;
    s.message_en = f.message.en;
    if (f.expected) s.expected = f.expected->value, s.expected_kind = kind_name(f.expected->kind);
    if (f.found) s.found = f.found->value, s.found_kind = kind_name(f.found->kind);
    s.uncertain_reading = f.doubts_that(Doubt::UncertainReading);
    for (Doubt d : f.doubts) s.doubts += (s.doubts.empty() ? "" : ",") + std::string(doubt_name(d));
    s.read_confidence = f.read_confidence;
    if (f.fix) s.fix_replace = f.fix->replace, s.fix_with = f.fix->with;
    if (f.evidence) {
        s.evidence_text = f.evidence->text;
        s.page = f.evidence->page;
        s.line = f.evidence->line;
        s.bbox = f.evidence->bbox;
        s.continued = f.evidence->continued;
        s.source_line = f.evidence->source_line;
        s.column = f.evidence->column;
        s.evidence_confidence = f.evidence->confidence;
    }
    s.reference_confidence = f.reference_confidence;
    return s;
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

// A stored value: its kind and canonical text; a row of schema 4 has no kind, and
// its text reads as it was written.
std::optional<Value> stored_value(const std::string& kind, const std::string& value) {
    if (kind.empty()) return value.empty() ? std::nullopt : std::optional<Value>(text_value(value));
    return Value{parse_kind(kind).value_or(Value::Kind::Text), value};
}

std::vector<Doubt> stored_doubts(const StoredFinding& f) {
    std::vector<Doubt> doubts;
    std::size_t at = 0;
    while (at < f.doubts.size()) {
        auto comma = f.doubts.find(',', at);
        if (comma == std::string::npos) comma = f.doubts.size();
        if (auto d = parse_doubt(f.doubts.substr(at, comma - at))) doubts.push_back(*d);
        at = comma + 1;
    }
    return doubts;
}

}  // namespace

void result_into(StoredDocument& row, const CheckResult& result) {
    row.reference = stored_reference(result.reference);
    if (result.unaudited) row.reference = {{"not_audited", stored_unaudited(result.unaudited)}};
    row.reference_year.reset();
    if (result.reference) row.reference_year = result.reference->record.year;
    row.findings.clear();
    for (const auto& f : result.findings) row.findings.push_back(stored_finding(f));
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
    for (const auto& f : d.findings) {
        Evidence evidence{f.page, f.line, f.evidence_text, f.bbox, f.evidence_confidence, f.source_line, f.column, f.continued};
        Finding finding{f.rule,
                        parse_severity(f.severity).value_or(Severity::Warning),
                        Text{f.message_vi, f.message_en},
                        stored_value(f.expected_kind, f.expected),
                        stored_value(f.found_kind, f.found),
                        evidence,
                        f.reference_confidence,
                        f.read_confidence,
                        stored_doubts(f),
                        f.fix_replace.empty() ? std::nullopt : std::optional<Fix>(Fix{f.fix_replace, f.fix_with})};
        doc.result.findings.push_back(std::move(finding));
    }
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
