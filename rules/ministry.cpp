#include "ministry.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <stdexcept>

#include "reading/loader.h"
#include "text/normalize.h"
#include "text/vocabulary.h"

namespace congvan {

namespace {

std::optional<VnDate> date_of(const YAML::Node& node) {
    if (!node || node.IsNull()) return std::nullopt;
    auto date = parse_iso_date(node.as<std::string>());
    if (!date || !date->exists()) throw std::runtime_error(message("error.not-a-date", {{"value", node.as<std::string>()}}).en);
    return date;
}

// A mistake in a record, at a place in its file.
struct RecordMistake : std::runtime_error {
    RecordMistake(const YAML::Node& at, const std::string& what) : std::runtime_error(what), line(at.Mark().line + 1) {}
    int line;
};

// How far a Ministry fact can be trusted (docs/document-conventions.md): these words and no others.
std::string confidence_of(const YAML::Node& node) {
    if (!node) return "unknown";
    static const std::set<std::string> words = {"confirmed", "single", "seed", "inferred", "unknown"};
    std::string word = node.as<std::string>();
    if (!words.count(word)) throw RecordMistake(node, message("error.record-confidence", {{"word", word}}).en);
    return word;
}

template <typename T, typename Read>
Fact<T> fact_of(const YAML::Node& node, Read read) {
    Fact<T> fact;
    if (!node) return fact;
    fact.confidence = confidence_of(node["confidence"]);
    fact.source = node["source"] ? node["source"].as<std::string>() : "";
    fact.value = read(node);
    if (!fact.value) fact.confidence = "unknown";
    return fact;
}

std::optional<std::string> string_value(const YAML::Node& n) {
    if (!n["value"] || n["value"].IsNull()) return std::nullopt;
    return n["value"].as<std::string>();
}

// A record has these keys and no others: a misspelt key ("them:") would leave its
// fact unknown without a word (docs/document-conventions.md, the records' format).
void only_keys(const YAML::Node& node, std::initializer_list<const char*> allowed) {
    if (!node || !node.IsMap()) return;
    for (const auto& entry : node) {
        std::string key = entry.first.as<std::string>();
        if (std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; })) continue;
        std::string list;
        for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        throw RecordMistake(entry.first, message("error.record-unknown-key", {{"key", key}, {"allowed", list}}).en);
    }
}

void check_keys(const YAML::Node& root) {
    only_keys(root, {"year", "instruction", "theme", "themes", "week", "opening", "report_deadline", "agencies"});
    only_keys(root["instruction"], {"number", "date"});
    for (const char* fact : {"theme", "opening", "report_deadline"}) only_keys(root[fact], {"value", "confidence", "source"});
    for (const char* fact : {"number", "date"}) only_keys(root["instruction"][fact], {"value", "confidence", "source"});
    only_keys(root["themes"], {"values", "exhaustive", "confidence", "source"});
    only_keys(root["week"], {"start", "end", "confidence", "source"});
    if (root["agencies"] && root["agencies"].IsSequence())
        for (const auto& a : root["agencies"]) only_keys(a, {"name", "match"});
}

// The record's dates lie in its year (a report may be due early the next year) and
// its week is the seven days every Ministry instruction has set.
void check_dates(const YAML::Node& root, const MinistryRecord& r) {
    auto in_year = [&](const YAML::Node& at, const std::optional<VnDate>& d, int last_year) {
        if (d && (d->year < r.year || d->year > last_year))
            throw RecordMistake(at, message("error.record-date-year", {{"date", d->iso()}, {"year", std::to_string(r.year)}}).en);
    };
    in_year(root["instruction"]["date"], r.date.value, r.year);
    in_year(root["opening"], r.opening.value, r.year);
    in_year(root["report_deadline"], r.report_deadline.value, r.year + 1);
    if (!r.week.value) return;
    in_year(root["week"], r.week.value->start, r.year);
    in_year(root["week"], r.week.value->end, r.year);
    long days = r.week.value->end.serial() - r.week.value->start.serial() + 1;
    if (days != 7)
        throw RecordMistake(
            root["week"], message("error.record-week-days",
                                  {{"start", r.week.value->start.iso()}, {"end", r.week.value->end.iso()}, {"days", std::to_string(days)}})
                              .en);
}

MinistryRecord parse_record(const YAML::Node& root, const std::string& origin) {
    check_keys(root);
    MinistryRecord r;
    r.origin = origin;
    r.year = root["year"].as<int>();
    // "2024.yaml" holds the 2024 record: a copied file whose year was not changed
    // would replace another year's record.
    std::string stem = std::filesystem::path(origin).stem().string();
    if (stem.size() == 4 && std::all_of(stem.begin(), stem.end(), ::isdigit) && std::stoi(stem) != r.year)
        throw RecordMistake(root["year"], message("error.record-year-file", {{"year", std::to_string(r.year)}, {"file_year", stem}}).en);
    r.number = fact_of<std::string>(root["instruction"]["number"], string_value);
    r.date = fact_of<VnDate>(root["instruction"]["date"], [](const YAML::Node& n) { return date_of(n["value"]); });
    r.theme = fact_of<std::string>(root["theme"], string_value);
    if (const auto& themes = root["themes"]) {
        for (const auto& t : themes["values"]) r.suggested_themes.push_back(t.as<std::string>());
        r.suggestions_exhaustive = themes["exhaustive"] && themes["exhaustive"].as<bool>();
        r.themes_confidence = confidence_of(themes["confidence"]);
    }
    r.week = fact_of<Week>(root["week"], [](const YAML::Node& n) -> std::optional<Week> {
        auto start = date_of(n["start"]), end = date_of(n["end"]);
        if (!start || !end) return std::nullopt;
        return Week{*start, *end};
    });
    r.opening = fact_of<VnDate>(root["opening"], [](const YAML::Node& n) { return date_of(n["value"]); });
    r.report_deadline = fact_of<VnDate>(root["report_deadline"], [](const YAML::Node& n) { return date_of(n["value"]); });
    for (const auto& a : root["agencies"]) {
        Agency agency{a["name"].as<std::string>(), {}};
        for (const auto& m : a["match"]) agency.match.push_back(m.as<std::string>());
        r.agencies.push_back(std::move(agency));
    }
    check_dates(root, r);
    return r;
}

// What a dispatch's named agency is matched by: its body's folded keywords.
std::vector<std::string> agency_keywords(const std::string& name) {
    std::string f = fold_string(name);
    for (auto [key, words] : std::initializer_list<std::pair<const char*, std::vector<std::string>>>{
             {"uy ban nhan dan", {"uy ban nhan dan", "ubnd"}},
             {"ubnd", {"uy ban nhan dan", "ubnd"}},
             {"so giao duc", {"so giao duc", "so gd"}},
             {"hoi khuyen hoc", {"hoi khuyen hoc"}},
             {"co so giao duc", {"co so giao duc", "truong", "nha truong"}}})
        if (f.find(key) != std::string::npos) return words;
    return {f};
}

}  // namespace

MinistryRecord load_ministry_record(const std::string& path) {
    try {
        // As a document is read: a FIFO or a device is refused, never waited on.
        return parse_record(YAML::Load(read_file_bytes(path)), path);
    } catch (const RecordMistake& e) {
        throw std::runtime_error(
            message("error.at",
                    {{"file", path}, {"line", std::to_string(e.line)}, {"what", message("error.record", {{"why", std::string(e.what())}})}})
                .en);
    } catch (const YAML::Exception& e) {
        // yaml-cpp's own words ("bad conversion") say nothing to a user.
        Text why = message(dynamic_cast<const YAML::ParserException*>(&e) ? "error.not-yaml" : "error.wrong-type");
        throw std::runtime_error(
            message("error.at",
                    {{"file", path}, {"line", std::to_string(e.mark.line + 1)}, {"what", message("error.record", {{"why", why}})}})
                .en);
    } catch (const std::exception& e) {
        throw std::runtime_error(
            message("error.in-file", {{"file", path}, {"what", message("error.record", {{"why", std::string(e.what())}})}}).en);
    }
}

std::map<int, MinistryRecord> load_ministry_records(const std::string& dir) {
    std::map<int, MinistryRecord> records;
    if (!std::filesystem::is_directory(dir))
        throw std::runtime_error(message("error.in-file", {{"file", dir}, {"what", message("error.no-records")}}).en);
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".yaml") continue;
        auto record = load_ministry_record(entry.path().string());
        records[record.year] = std::move(record);
    }
    return records;
}

bool issued_by_ministry(const Record& d) {
    static const YAML::Node identity = YAML::Load(std::string(embedded_data("corpus/vocabulary/ministry.yaml")));
    std::string issuer = fold_string(d.issuer.value.value_or(""));
    for (const auto& name : identity["names"])
        if (!issuer.empty() && issuer.find(fold_string(name.as<std::string>())) != std::string::npos) return true;
    std::string number = d.number.value.value_or("");
    auto slash = number.find('/');
    std::string symbol = slash == std::string::npos ? "" : number.substr(slash + 1);
    for (const auto& code : identity["symbols"])
        if (symbol.rfind(code.as<std::string>(), 0) == 0) return true;
    return false;
}

std::map<int, MinistryRecord> load_ministry_records_with(const std::string& bundled, const std::string& extra) {
    auto records = load_ministry_records(bundled);
    if (!extra.empty())
        for (auto& [year, record] : load_ministry_records(extra)) records[year] = std::move(record);
    return records;
}

MinistryRecord ministry_record_from(const Record& d) {
    if (!issued_by_ministry(d))
        throw LoadError(
            message("error.not-ministry-dispatch", {{"issuer", d.issuer.value.value_or("?")}, {"number", d.number.value.value_or("?")}}));
    const std::string origin = "document";
    MinistryRecord r;
    r.origin = d.file;
    r.year = d.year.value.value_or(0);
    if (d.number.value) r.number = {d.number.value, origin, d.file};
    if (d.date.value) r.date = {d.date.value, origin, d.file};
    if (d.theme.value) r.theme = {d.theme.value, origin, d.file};
    if (d.week.value) r.week = {d.week.value, origin, d.file};
    if (d.opening.value && d.opening.value->date) r.opening = {d.opening.value->date, origin, d.file};
    if (d.report_deadline.value) r.report_deadline = {d.report_deadline.value, origin, d.file};
    if (d.responsibilities.value)
        for (const auto& resp : *d.responsibilities.value) r.agencies.push_back({resp.agency, agency_keywords(resp.agency)});
    return r;
}

std::string dispatch_digits(const std::string& number) {
    std::string digits;
    for (char c : number) {
        if (c < '0' || c > '9') break;
        digits += c;
    }
    return digits;
}

std::optional<Reference> choose_reference(const Record& doc, const std::map<int, MinistryRecord>& records,
                                          const std::optional<MinistryRecord>& against, std::optional<int> year) {
    if (against) return Reference{*against, "against", "given with --against " + against->origin, "theo --against " + against->origin};
    if (year) {
        auto it = records.find(*year);
        if (it == records.end()) return std::nullopt;
        return Reference{it->second, "year", "given with --year " + std::to_string(*year), "theo --year " + std::to_string(*year)};
    }
    if (doc.instruction.value) {
        std::string cited = dispatch_digits(doc.instruction.value->number);
        for (const auto& [y, record] : records) {
            if (cited.empty() || !record.number.value || dispatch_digits(*record.number.value) != cited) continue;
            // The week the document is about decides; a stale citation does not.
            bool same_year = doc.year.value ? *doc.year.value == y : doc.instruction.value->date && doc.instruction.value->date->year == y;
            if (same_year)
                return Reference{record, "cited-instruction",
                                 "the document cites dispatch " + doc.instruction.value->number + ", the Ministry's " + std::to_string(y) +
                                     " instruction " + *record.number.value,
                                 "văn bản trích dẫn công văn " + doc.instruction.value->number + ", là chỉ đạo năm " + std::to_string(y) +
                                     " của Bộ, số " + *record.number.value};
        }
    }
    if (doc.year.value) {
        auto it = records.find(*doc.year.value);
        if (it != records.end())
            return Reference{it->second, "year", "the document is about the " + std::to_string(*doc.year.value) + " week",
                             "văn bản về Tuần lễ năm " + std::to_string(*doc.year.value)};
    }
    return std::nullopt;
}

}  // namespace congvan
