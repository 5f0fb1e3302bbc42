#include "finding_columns.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <optional>
#include <stdexcept>

#include "text/json_members.h"

namespace congvan {

namespace {

nlohmann::json box_json(const BBox& b) {
    auto round2 = [](double v) { return std::round(v * 100.0) / 100.0; };
    return nlohmann::json::array({round2(b.x0), round2(b.y0), round2(b.x1), round2(b.y1)});
}

std::optional<BBox> box_from(const nlohmann::json& j) {
    if (!j.is_array() || j.size() != 4) return std::nullopt;
    for (const auto& v : j)
        if (!v.is_number()) return std::nullopt;
    return BBox{j[0].get<double>(), j[1].get<double>(), j[2].get<double>(), j[3].get<double>()};
}

// A value of a legacy row: its kind and canonical text; a row of schema 4 has no
// kind, and its text reads as it was written.
std::optional<Value> column_value(const std::string& kind, const std::string& value) {
    if (kind.empty()) return value.empty() ? std::nullopt : std::optional<Value>(text_value(value));
    return Value{parse_kind(kind).value_or(Value::Kind::Text), value};
}

std::vector<Doubt> column_doubts(const std::string& names) {
    std::vector<Doubt> doubts;
    std::size_t at = 0;
    while (at < names.size()) {
        auto comma = names.find(',', at);
        if (comma == std::string::npos) comma = names.size();
        if (auto d = parse_doubt(names.substr(at, comma - at))) doubts.push_back(*d);
        at = comma + 1;
    }
    return doubts;
}

std::string doubt_names(const Finding& f) {
    std::string names;
    for (Doubt d : f.doubts) names += (names.empty() ? "" : ",") + std::string(doubt_name(d));
    return names;
}

// A row written before findings were kept whole: its columns, as they were.
Finding finding_from_columns(const Statement& r) {
    Evidence evidence{
        static_cast<int>(r.integer(7)),  static_cast<int>(r.integer(8)),  r.text(6), std::nullopt, r.is_null(12) ? 100.0 : r.real(12),
        static_cast<int>(r.integer(11)), static_cast<int>(r.integer(14)), {}};
    read_box_column(r.text(10), evidence);
    Finding f{r.text(0),
              parse_severity(r.text(1)).value_or(Severity::Warning),
              Text{r.text(2), r.text(3)},
              column_value(r.text(15), r.text(4)),
              column_value(r.text(16), r.text(5)),
              evidence,
              r.text(13),
              r.is_null(18) ? std::nullopt : std::optional<double>(r.real(18)),
              column_doubts(r.text(17)),
              r.text(19).empty() ? std::nullopt : std::optional<Fix>(Fix{r.text(19), r.text(20)})};
    return f;
}

}  // namespace

std::string box_column(const Evidence& e) {
    if (!e.bbox) return "";
    if (e.continued.empty()) return box_json(*e.bbox).dump();
    nlohmann::json boxes = nlohmann::json::array({box_json(*e.bbox)});
    for (const auto& b : e.continued) boxes.push_back(box_json(b));
    return boxes.dump();
}

void read_box_column(const std::string& text, Evidence& e) {
    auto j = nlohmann::json::parse(text, nullptr, false);
    e.bbox.reset();
    e.continued.clear();
    if (auto one = box_from(j)) {
        e.bbox = one;
        return;
    }
    if (!j.is_array() || j.empty()) return;
    e.bbox = box_from(j[0]);
    if (!e.bbox) return;
    for (std::size_t i = 1; i < j.size(); ++i)
        if (auto b = box_from(j[i])) e.continued.push_back(*b);
}

const char* const kFindingInsert =
    "INSERT INTO findings (document_id, rule, severity, message, message_en, expected, found, page, line, evidence, "
    "uncertain_reading, bbox, source_line, evidence_confidence, reference_confidence, source_column, expected_kind, "
    "found_kind, doubts, read_confidence, fix_replace, fix_with, data, ordinal) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)";

void bind_finding(Statement& s, long long document_id, const Finding& f, long long ordinal) {
    const Evidence e = f.evidence.value_or(Evidence{});
    s.bind(1, document_id).bind(2, f.rule).bind(3, std::string(to_string(f.severity))).bind(4, f.message.vi).bind(5, f.message.en);
    s.bind(6, f.expected ? f.expected->value : "").bind(7, f.found ? f.found->value : "");
    s.bind(8, static_cast<long long>(e.page)).bind(9, static_cast<long long>(e.line)).bind(10, e.text);
    s.bind(11, static_cast<long long>(f.doubts_that(Doubt::UncertainReading))).bind_or_null(12, box_column(e));
    s.bind(13, static_cast<long long>(e.source_line)).bind(14, e.confidence).bind_or_null(15, f.reference_confidence);
    s.bind(16, static_cast<long long>(e.column));
    s.bind_or_null(17, f.expected ? kind_name(f.expected->kind) : "").bind_or_null(18, f.found ? kind_name(f.found->kind) : "");
    s.bind_or_null(19, doubt_names(f));
    if (f.read_confidence) s.bind(20, *f.read_confidence);
    else s.null(20);
    s.bind_or_null(21, f.fix ? f.fix->replace : "").bind_or_null(22, f.fix ? f.fix->with : "");
    // A value that is not UTF-8 (a scan's stray bytes in the evidence) is kept as U+FFFD.
    s.bind(23, nlohmann::json(f).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    s.bind(24, ordinal);
}

std::string finding_columns(bool whole) {
    return std::string(
               "rule, severity, message, message_en, expected, found, evidence, page, line, uncertain_reading, "
               "bbox, source_line, evidence_confidence, reference_confidence, source_column, expected_kind, found_kind, "
               "doubts, read_confidence, fix_replace, fix_with, ") +
           (whole ? "data" : "NULL");
}

Finding finding_from(const Statement& row) {
    if (row.is_null(21)) return finding_from_columns(row);
    try {
        return nlohmann::json::parse(row.text(21)).get<Finding>();
    } catch (const std::exception& e) {
        throw std::runtime_error("stored finding of rule " + row.text(0) + " is damaged: " + e.what());
    }
}

}  // namespace congvan
