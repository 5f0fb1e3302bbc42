#include "export.h"

#include <fmt/format.h>

#include <algorithm>

#include "extract/normalize.h"
#include "report/audit_status.h"
#include "report/check_output.h"
#include "report/document_json.h"
#include "report/json_lines.h"

namespace congvan {

namespace {

std::string text_or_empty(const nlohmann::ordered_json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

// The Ministry record as stored (store/scan.cpp): enough of it for every output.
Reference stored_reference(const nlohmann::ordered_json& j) {
    Reference r;
    r.record.year = j.value("year", 0);
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

CheckedDocument as_checked(const StoredDocument& d) {
    CheckedDocument doc{d.path, d.sha256, {}};
    if (d.reference.is_object() && d.reference.contains("not_audited")) {
        doc.result.unaudited = unaudited_from_stored(d.reference["not_audited"]);
        doc.result.about_week = true;
    } else if (d.reference.is_object()) {
        doc.result.reference = stored_reference(d.reference);
        doc.result.about_week = true;
    }
    for (const auto& f : d.findings) {
        Evidence evidence{f.page, f.line, f.evidence_text, f.bbox, f.evidence_confidence, f.source_line, f.column};
        Finding finding{f.rule, parse_severity(f.severity).value_or(Severity::Warning), Text{f.message_vi, f.message_en},
                        stored_value(f.expected_kind, f.expected), stored_value(f.found_kind, f.found), evidence,
                        f.reference_confidence, f.read_confidence, stored_doubts(f),
                        f.fix_replace.empty() ? std::nullopt : std::optional<Fix>(Fix{f.fix_replace, f.fix_with})};
        doc.result.findings.push_back(std::move(finding));
    }
    return doc;
}

void export_archive(Archive& archive, const std::string& format, Language language, std::ostream& out) {
    auto stored = archive.documents();
    if (format == "jsonl") {
        JsonLinesTally tally{0, 0, true, {}};
        out << json_lines_begin("export");
        for (const auto& d : stored) {
            if (!d.error.empty()) {  // not read: no document to show, the reason instead
                out << json_lines_error(d.path, d.error, language);
                ++tally.errors;
                continue;
            }
            auto doc = as_checked(d);
            nlohmann::ordered_json j = checked_json(doc, language);
            j["kind"] = d.kind;
            j["pages"] = {{"text", d.text_pages}, {"ocr", d.ocr_pages}};
            j["fields"] = d.fields;
            j["seconds"] = d.seconds;
            out << json_line("document", j);
            ++tally.documents;
            for (const auto& f : d.findings) ++tally.findings[f.severity];
        }
        out << tally.summary_line();
        return;
    }
    std::vector<CheckedDocument> docs;
    for (const auto& d : stored) docs.push_back(as_checked(d));
    if (format == "csv") {
        out << csv_header();
        for (const auto& d : docs) out << checked_csv(d, language);
    } else {
        out << json_text(sarif_log(docs, language), 2) << '\n';
    }
}

namespace {

// The counts of a dimension in the order a reader looks them up in.
std::vector<Archive::Count> ordered_counts(Archive& archive, const std::string& dimension) {
    auto counts = archive.counts_by(dimension);
    if (dimension != "province") return counts;  // years and rule ids sort as the database sorts them
    std::vector<std::string> names;
    for (const auto& c : counts)
        if (!c.key.empty()) names.push_back(c.key);
    sort_vietnamese(names);
    std::vector<Archive::Count> out;
    for (const auto& name : names)
        out.push_back(*std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.key == name; }));
    for (const auto& c : counts)
        if (c.key.empty()) out.push_back(c);
    return out;
}

}  // namespace

void summarise_archive(Archive& archive, Language language, std::ostream& out, const std::string& format) {
    auto word = [&](const std::string& key, const std::vector<MessageArg>& args = {}) { return message("summary." + key, args).in(language); };
    if (format == "csv") out << "dimension,key,documents,errors,warnings,infos\n";
    if (format == "jsonl") out << json_lines_begin("summary");
    for (const char* dimension : {"province", "year", "rule"}) {
        if (format == "text")
            out << fmt::format("{:<32} {:>9} {:>7} {:>8} {:>6}\n", word("by", {{"dimension", word(dimension)}}), word("documents"),
                               word("errors"), word("warnings"), word("infos"));
        for (const auto& c : ordered_counts(archive, dimension)) {
            if (format == "csv")
                out << csv_row({dimension, c.key, std::to_string(c.documents), std::to_string(c.errors), std::to_string(c.warnings),
                                std::to_string(c.infos)});
            else if (format == "jsonl")
                out << json_line("count", {{"dimension", dimension}, {"key", c.key.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(c.key)},
                                           {"documents", c.documents}, {"errors", c.errors}, {"warnings", c.warnings}, {"infos", c.infos}});
            else
                out << fmt::format("{:<32} {:>9} {:>7} {:>8} {:>6}\n", c.key.empty() ? word("unknown") : c.key, c.documents,
                                   c.errors, c.warnings, c.infos);
        }
        if (format == "text") out << '\n';
    }
    // Never a silent pass: the documents no instruction was compared with, by year.
    std::string unaudited = unaudited_in_archive(archive, language);
    if (format == "jsonl") {
        long count = 0;
        for (const auto& c : archive.counts_by("unaudited")) count += c.documents;
        out << json_line("unaudited", {{"documents", count}, {"message", unaudited}});
    } else if (format == "text" && !unaudited.empty()) {
        out << unaudited << '\n';
    }
}

std::string unaudited_in_archive(Archive& archive, Language language) {
    long count = 0;
    std::string years;
    for (const auto& c : archive.counts_by("unaudited")) {
        count += c.documents;
        years += (years.empty() ? "" : ", ") + (c.key.empty() ? message("summary.unknown").in(language) : c.key);
    }
    if (!count) return "";
    return message("unaudited.summary", {{"count", std::to_string(count)}, {"years", years}}).in(language);
}

}  // namespace congvan
