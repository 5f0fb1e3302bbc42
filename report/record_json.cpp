#include "record_json.h"

#include <fmt/format.h>

#include <cmath>

#include "document_json.h"
#include "text/normalize.h"

namespace congvan {

using Json = nlohmann::ordered_json;

namespace {

// Confidences are shown to a tenth.
double tenths(double v) { return std::round(v * 10) / 10; }

Json to_value(const std::string& s) { return s; }
Json to_value(int v) { return v; }
Json to_value(const VnDate& d) { return d.iso(); }
Json to_value(const Week& w) { return {{"start", w.start.iso()}, {"end", w.end.iso()}}; }
Json to_value(const Opening& o) {
    Json j = {{"date", date_json(o.date)},
              {"time", o.time.empty() ? Json() : Json(o.time)},
              {"weekday", o.weekday.empty() ? Json() : Json(o.weekday)},
              {"venue", o.venue.empty() ? Json() : Json(o.venue)}};
    return j;
}
Json to_value(const CitedDocument& c) { return cited_document_json(c); }
Json to_value(const Responsibility& r) { return {{"agency", r.agency}, {"tasks", r.tasks}, {"evidence", evidence_json(r.evidence)}}; }
Json to_value(const Signer& s) { return {{"authority", s.authority}, {"title", s.title}, {"name", s.name}}; }
Json to_value(const SignatureStamp& s) {
    auto text = [](const std::string& v) { return v.empty() ? Json() : Json(v); };
    return {{"kind", s.kind},
            {"signed_by", text(s.signed_by)},
            {"organisation", text(s.organisation)},
            {"email", text(s.email)},
            {"time", text(s.time)},
            {"page", s.page},
            {"bbox", s.bbox ? bbox_json(*s.bbox) : Json()},
            {"source", to_string(s.source)},
            {"confidence", tenths(s.confidence)}};
}
Json to_value(const StatisticsRow& s) {
    return {{"activity", s.activity},
            {"unit", s.unit},
            {"count", s.count ? Json(*s.count) : Json()},
            {"people", s.people ? Json(*s.people) : Json()}};
}
template <typename T>
Json to_value(const std::vector<T>& items) {
    Json a = Json::array();
    for (const auto& i : items) a.push_back(to_value(i));
    return a;
}

template <typename T>
void put(Json& fields, const char* name, const Field<T>& field) {
    if (!field.value && !field.evidence) return;
    Json f;
    f["value"] = field.value ? to_value(*field.value) : Json();
    f["evidence"] = field.evidence ? evidence_json(*field.evidence) : Json();
    if (field.value || field.evidence) {
        f["confidence"] = tenths(field.sureness());
        f["uncertain"] = field.uncertain();
    }
    if (field.handwritten) {
        f["handwritten"] = true;
        f["candidates"] = field.candidates;
    }
    fields[name] = std::move(f);
}

Json written_json(const std::optional<WrittenLine>& line) {
    if (!line) return Json();
    return {{"text", line->text}, {"evidence", evidence_json(line->evidence)}};
}

// What the Decree 30 form rules read (docs/output.md, `extract`).
Json presentation_json(const Presentation& p) {
    Json recipients = Json::array(), fonts = Json::array();
    for (const auto& r : p.recipients) recipients.push_back(written_json(r));
    for (const auto& f : p.fonts) fonts.push_back({{"font", f.font}, {"characters", f.characters}});
    Json page;
    if (p.page)
        page = {{"width", p.page->width}, {"height", p.page->height}, {"top", p.page->top},          {"bottom", p.page->bottom},
                {"left", p.page->left},   {"right", p.page->right},   {"numbered", p.page->numbered}};
    return {
        {"origin", p.origin},
        {"national_name", written_json(p.national_name)},
        {"motto", written_json(p.motto)},
        {"place_date", written_json(p.place_date)},
        {"type_name", written_json(p.type_name)},
        {"subject_line", written_json(p.subject_line)},
        {"recipients", recipients},
        {"styled", p.styled},
        {"fonts", fonts},
        {"page", page},
        {"body_size",
         p.body_size ? Json{{"size_pt", p.body_size->size_pt}, {"characters", p.body_size->characters}, {"of", p.body_size->of}} : Json()}};
}

}  // namespace

Json date_json(const std::optional<VnDate>& date) { return date ? Json(date->iso()) : Json(); }

Json cited_document_json(const CitedDocument& doc) {
    return {{"type", doc.type},
            {"number", doc.number},
            {"date", date_json(doc.date)},
            {"issuer", doc.issuer.empty() ? Json() : Json(doc.issuer)}};
}

Json record_json(const Record& r) {
    Json fields = Json::object();
    put(fields, "doc_type", r.doc_type);
    put(fields, "number", r.number);
    put(fields, "symbol", r.symbol);
    put(fields, "issuer", r.issuer);
    put(fields, "province", r.province);
    put(fields, "place", r.place);
    put(fields, "date", r.date);
    put(fields, "subject", r.subject);
    put(fields, "year", r.year);
    put(fields, "theme", r.theme);
    put(fields, "week", r.week);
    put(fields, "opening", r.opening);
    put(fields, "report_deadline", r.report_deadline);
    put(fields, "instruction", r.instruction);
    put(fields, "references", r.references);
    put(fields, "responsibilities", r.responsibilities);
    put(fields, "recipients", r.recipients);
    put(fields, "signer", r.signer);
    put(fields, "signatures", r.signatures);
    put(fields, "statistics", r.statistics);
    put(fields, "about_week", r.about_week);
    return {{"file", file_name_json(r.file)},
            {"sha256", r.sha256},
            {"fields", std::move(fields)},
            {"presentation", presentation_json(r.presentation)},
            {"warnings", r.warnings}};
}

std::string record_summary(const Record& r) {
    std::string out = r.file + "\n";
    Json fields = record_json(r)["fields"];
    for (const auto& [name, field] : fields.items()) {
        const Json& v = field["value"];
        std::string shown = v.is_string() ? v.get<std::string>() : v.is_null() ? "(blank)" : v.dump();
        if (shown.size() > 160) shown = shown.substr(0, 157) + "...";
        std::string where = field["evidence"].is_null() ? ""
                                                        : fmt::format("  [p{} l{}]", field["evidence"]["page"].get<int>(),
                                                                      field["evidence"]["page_line"].get<int>());
        out += fmt::format("  {:<17} {}{}\n", name, shown, where);
    }
    for (const auto& w : r.warnings) out += "  warning: " + w + "\n";
    return out;
}

}  // namespace congvan
