#include "export.h"

#include <fmt/format.h>

namespace congvan {

namespace {

CheckedDocument as_checked(const StoredDocument& d) {
    CheckedDocument doc{d.path, d.sha256, {}};
    if (d.reference.is_object()) {
        Reference r;
        r.record.year = d.reference.value("year", 0);
        if (d.reference["number"].is_string()) r.record.number.value = d.reference["number"].get<std::string>();
        r.source = d.reference.value("source", "");
        r.why = r.why_vi = d.reference.value("why", "");
        doc.result.reference = r;
    }
    for (const auto& f : d.findings) {
        Finding finding{f.rule, parse_severity(f.severity).value_or(Severity::Warning), f.message_vi, f.message_en,
                        f.expected, f.found, Evidence{f.page, f.line, f.evidence_text, std::nullopt, 100.0}, "", std::nullopt,
                        f.uncertain_reading};
        doc.result.findings.push_back(std::move(finding));
    }
    return doc;
}

}  // namespace

void export_archive(Archive& archive, const std::string& format, Language language, std::ostream& out) {
    auto stored = archive.documents();
    if (format == "jsonl") {
        for (const auto& d : stored) {
            auto doc = as_checked(d);
            nlohmann::ordered_json j = checked_json(doc, language);
            j["reference"] = d.reference;
            j["kind"] = d.kind;
            j["pages"] = {{"text", d.text_pages}, {"ocr", d.ocr_pages}};
            j["fields"] = d.fields;
            j["error"] = d.error.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(d.error);
            j["seconds"] = d.seconds;
            out << j.dump() << '\n';
        }
        return;
    }
    std::vector<CheckedDocument> docs;
    for (const auto& d : stored) docs.push_back(as_checked(d));
    if (format == "csv") {
        out << csv_header();
        for (const auto& d : docs) out << checked_csv(d, language);
    } else {
        out << sarif_log(docs, language).dump(2) << '\n';
    }
}

void summarise_archive(Archive& archive, std::ostream& out) {
    for (const char* dimension : {"province", "year", "rule"}) {
        out << fmt::format("{:<32} {:>9} {:>7} {:>8} {:>6}\n", std::string("by ") + dimension, "documents", "errors", "warnings", "infos");
        for (const auto& c : archive.counts_by(dimension))
            out << fmt::format("{:<32} {:>9} {:>7} {:>8} {:>6}\n", c.key, c.documents, c.errors, c.warnings, c.infos);
        out << '\n';
    }
}

}  // namespace congvan
