#include "stored_record.h"

#include <set>

#include <nlohmann/json.hpp>

#include <stdexcept>

#include "text/json_members.h"

namespace congvan {

using Json = nlohmann::json;

namespace {

// Bumped whenever a member is added or changes meaning: an older encoding is then
// not decoded, and the document is read again instead.
constexpr int kEncoding = 7;

}  // namespace

// Each stored type lists its members once; both directions use the list.
// nlohmann finds these through json_members.h, for members and for vectors of them.
template <typename V>
void members(VnDate& d, V&& v) {
    v("day", d.day);
    v("month", d.month);
    v("year", d.year);
    v("year_inferred", d.year_inferred);
}
template <typename V>
void members(Week& w, V&& v) {
    v("start", w.start);
    v("end", w.end);
}
template <typename V>
void members(Opening& o, V&& v) {
    v("date", o.date);
    v("time", o.time);
    v("weekday", o.weekday);
    v("venue", o.venue);
}
template <typename V>
void members(CitedDocument& c, V&& v) {
    v("type", c.type);
    v("number", c.number);
    v("date", c.date);
    v("issuer", c.issuer);
    v("evidence", c.evidence);
}
template <typename V>
void members(Responsibility& r, V&& v) {
    v("agency", r.agency);
    v("tasks", r.tasks);
    v("evidence", r.evidence);
}
template <typename V>
void members(Signer& s, V&& v) {
    v("authority", s.authority);
    v("title", s.title);
    v("name", s.name);
}
template <typename V>
void members(SignatureStamp& s, V&& v) {
    v("kind", s.kind);
    v("signed_by", s.signed_by);
    v("organisation", s.organisation);
    v("email", s.email);
    v("time", s.time);
    v("page", s.page);
    v("bbox", s.bbox);
    v("source", s.source);
    v("confidence", s.confidence);
    v("evidence", s.evidence);
}
template <typename V>
void members(StatisticsRow& s, V&& v) {
    v("activity", s.activity);
    v("unit", s.unit);
    v("count", s.count);
    v("people", s.people);
    v("evidence", s.evidence);
}
template <typename V>
void members(DateInText& d, V&& v) {
    v("date", d.date);
    v("written", d.written);
    v("stated_weekday", d.stated_weekday);
    v("weekday_written", d.weekday_written);
    v("evidence", d.evidence);
}
template <typename V>
void members(ThemeMention& t, V&& v) {
    v("text", t.text);
    v("evidence", t.evidence);
    v("cut", t.cut);
}
template <typename V>
void members(WrittenName& t, V&& v) {
    v("text", t.text);
    v("evidence", t.evidence);
}
template <typename V>
void members(TextStyle& t, V&& v) {
    v("font", t.font);
    v("size_pt", t.size_pt);
    v("bold", t.bold);
    v("italic", t.italic);
    v("underline", t.underline);
}
template <typename V>
void members(PageSetup& p, V&& v) {
    v("width", p.width);
    v("height", p.height);
    v("top", p.top);
    v("bottom", p.bottom);
    v("left", p.left);
    v("right", p.right);
    v("numbered", p.numbered);
}
template <typename V>
void members(WrittenLine& w, V&& v) {
    v("text", w.text);
    v("evidence", w.evidence);
    v("styles", w.styles);
}
template <typename V>
void members(FontUse& f, V&& v) {
    v("font", f.font);
    v("characters", f.characters);
    v("first", f.first);
}
template <typename V>
void members(SizeUse& s, V&& v) {
    v("size_pt", s.size_pt);
    v("characters", s.characters);
    v("of", s.of);
    v("first", s.first);
}
template <typename V>
void members(Presentation& p, V&& v) {
    v("national_name", p.national_name);
    v("motto", p.motto);
    v("place_date", p.place_date);
    v("type_name", p.type_name);
    v("subject_line", p.subject_line);
    v("recipients", p.recipients);
    v("styled", p.styled);
    v("fonts", p.fonts);
    v("page", p.page);
    v("body_size", p.body_size);
    v("origin", p.origin);
}
template <typename T, typename V>
void members(Field<T>& f, V&& v) {
    v("value", f.value);
    v("evidence", f.evidence);
    v("confidence", f.confidence);
    v("handwritten", f.handwritten);
    v("candidates", f.candidates);
}
template <typename V>
void members(DocumentAnatomy& r, V&& v) {
    v("doc_type", r.doc_type);
    v("number", r.number);
    v("symbol", r.symbol);
    v("issuer", r.issuer);
    v("province", r.province);
    v("place", r.place);
    v("date", r.date);
    v("subject", r.subject);
    v("references", r.references);
    v("recipients", r.recipients);
    v("signer", r.signer);
    v("signatures", r.signatures);
    v("dates", r.dates);
    v("self_references", r.self_references);
    v("presentation", r.presentation);
}

template <typename V>
void members(WeekCampaign& r, V&& v) {
    v("year", r.year);
    v("theme", r.theme);
    v("week", r.week);
    v("opening", r.opening);
    v("report_deadline", r.report_deadline);
    v("instruction", r.instruction);
    v("responsibilities", r.responsibilities);
    v("statistics", r.statistics);
    v("about_week", r.about_week);
    v("themes", r.themes);
    v("week_names", r.week_names);
}

// A record is its parts, side by side in one object (the stored shape is flat).
template <typename V>
void members(Record& r, V&& v) {
    v("file", r.file);
    v("sha256", r.sha256);
    members(static_cast<DocumentAnatomy&>(r), v);
    members(static_cast<WeekCampaign&>(r), v);
    v("warnings", r.warnings);
}

std::string encode_record(const Record& record) {
    Json j = record;
    j["encoding"] = kEncoding;
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

namespace {

// The stored record's JSON, of this encoding: a damaged row may hold anything under
// "encoding", so only the number itself is trusted.
Json parsed_record(const std::string& text, const Json::parser_callback_t& keep = nullptr) {
    Json j = Json::parse(text, keep, false);
    if (j.is_discarded() || !j.is_object()) throw std::runtime_error("stored record is not JSON");
    auto encoding = j.find("encoding");
    if (encoding == j.end() || !encoding->is_number_integer() || encoding->get<long long>() != kEncoding)
        throw std::runtime_error("stored record of another encoding");
    return j;
}

template <typename Read>
Record read_record(const Read& read) {
    try {
        return read();
    } catch (const Json::exception& e) {
        throw std::runtime_error(std::string("stored record unreadable: ") + e.what());
    }
}

}  // namespace

Record decode_record(const std::string& text) {
    Json j = parsed_record(text);
    return read_record([&] { return j.get<Record>(); });
}

// The members a library's entry, a document's keys and the rules that compare
// documents read (rules/library.h), listed once.
template <typename R, typename V>
void header_members(R& r, V&& v) {
    v("file", r.file);
    v("sha256", r.sha256);
    v("doc_type", r.doc_type);
    v("number", r.number);
    v("province", r.province);
    v("date", r.date);
    v("references", r.references);
    v("theme", r.theme);
    v("week", r.week);
    v("about_week", r.about_week);
    v("themes", r.themes);
}

// Only those members are parsed into values; the rest (the responsibilities, every
// date written, the Week's names: most of a record's bytes) is scanned past, not built.
std::string encode_record_header(const Record& record) {
    Json j = Json::object();
    header_members(record, JsonMemberWriter{j});
    j["encoding"] = kEncoding;
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Record decode_record_header(const std::string& text) {
    static const std::set<std::string> kept = [] {
        std::set<std::string> names{"encoding"};
        Record r;
        header_members(r, [&](const char* name, auto&) { names.insert(name); });
        return names;
    }();
    Json j = parsed_record(text, [](int depth, Json::parse_event_t event, Json& parsed) {
        return depth != 1 || event != Json::parse_event_t::key || kept.count(parsed.get<std::string>()) > 0;
    });
    return read_record([&] {
        Record r;
        header_members(r, JsonMemberReader{j});
        return r;
    });
}

}  // namespace congvan
