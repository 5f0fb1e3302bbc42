#include "check_output.h"

#include <fmt/format.h>

#include <algorithm>

#include "audit_status.h"
#include "congvan_version.h"
#include "document_json.h"
#include "rule_docs.h"
#include "rules/reference_json.h"
#include "rules/registry.h"
#include "sarif_fixes.h"
#include "text/normalize.h"

namespace congvan {

using Json = nlohmann::ordered_json;

namespace {

const char* colour_of(Severity s) {
    switch (s) {
        case Severity::Error:
            return "\033[1;31m";
        case Severity::Warning:
            return "\033[1;33m";
        case Severity::Info:
            return "\033[1;36m";
    }
    return "";
}

}  // namespace

// A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a
// leading apostrophe (OWASP's advice for CSV injection): document text is untrusted.
std::string csv_field(std::string s) {
    if (!s.empty() && std::string_view("=+-@\t\r").find(s.front()) != std::string_view::npos) s.insert(0, "'");
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string csv_row(const std::vector<std::string>& cells) {
    std::string row;
    for (std::size_t i = 0; i < cells.size(); ++i) row += (i ? "," : "") + csv_field(cells[i]);
    return row + "\n";
}

namespace {

const char* sarif_level(Severity s) { return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "note"; }

std::string reference_label(const Reference& r, Language language) {
    std::string number = r.record.number.value.value_or("?");
    return fmt::format("{} {} ({})", r.record.year, number, why_of(r, language));
}

}  // namespace

const std::string& why_of(const Reference& r, Language language) {
    return language == Language::Vietnamese && !r.why_vi.empty() ? r.why_vi : r.why;
}

Json value_json(const std::optional<Value>& value, Language language) {
    if (!value) return nullptr;
    return {{"kind", kind_name(value->kind)}, {"value", value->value}, {"text", render(*value).in(language)}};
}

std::string value_text(const std::optional<Value>& value, Language language) { return value ? render(*value).in(language) : ""; }

Json reference_json(const std::optional<Reference>& r, Language language) {
    if (!r) return nullptr;
    return reference_members(*r, why_of(*r, language));
}

Json finding_json(const Finding& f, Language language) {
    Json doubts = Json::array();
    for (Doubt d : f.doubts) doubts.push_back(doubt_name(d));
    Json j = {{"rule", f.rule},
              {"severity", to_string(f.severity)},
              {"message", full_message(f, language)},
              {"expected", value_json(f.expected, language)},
              {"found", value_json(f.found, language)},
              {"evidence", f.evidence ? evidence_json(*f.evidence) : Json()},
              {"inconclusive", f.inconclusive()},
              {"doubts", std::move(doubts)}};
    if (!f.reference_confidence.empty()) j["reference_confidence"] = f.reference_confidence;
    if (f.doubts_that(Doubt::UncertainReading)) j["uncertain_reading"] = true;
    if (f.fix) j["fix"] = {{"replace", f.fix->replace}, {"with", f.fix->with}};
    return j;
}

Json checked_json(const CheckedDocument& doc, Language language) {
    Json findings = Json::array();
    for (const auto& f : doc.result.findings) findings.push_back(finding_json(f, language));
    return {{"file", file_name_json(doc.file)},
            {"sha256", doc.sha256},
            {"reference", reference_json(doc.result.reference, language)},
            {"audit", audit_json(doc.result, language)},
            {"findings", std::move(findings)}};
}

std::string what_was_compared(const CheckResult& result, Language language) {
    if (result.reference) return message("compared.with", {{"reference", reference_label(*result.reference, language)}}).in(language);
    if (result.unaudited) return unaudited_message(*result.unaudited, language);
    return message("compared.not-about-week").in(language);
}

namespace {

// LINE:COL as compilers print them, so that editors (vim -q, VS Code, Emacs) jump
// there: the line of the text file, or of the extracted text of a PDF or image.
int editor_line(const Finding& f) {
    if (!f.evidence) return 1;
    return std::max(1, f.evidence->shown_line());
}

std::string editor_location(const Finding& f) {
    return fmt::format("{}:{}", editor_line(f), f.evidence ? std::max(1, f.evidence->column) : 1);
}

// A page of a PDF or an image (whose lines have boxes) is named in the message.
std::string page_note(const Finding& f, Language language) {
    if (!f.evidence || !f.evidence->bbox) return "";
    auto where = message("label.page-line", {{"page", std::to_string(f.evidence->page)}, {"line", std::to_string(f.evidence->line)}});
    return " (" + where.in(language) + ")";
}

}  // namespace

std::string checked_text(const CheckedDocument& doc, Language language, bool colour, bool with_comparison) {
    std::string file = printable(doc.file);
    // Not audited is said even under -q: a quiet run must not read as a pass.
    bool say_comparison = with_comparison || doc.result.unaudited;
    std::string out = say_comparison ? file + ": " + what_was_compared(doc.result, language) + "\n" : "";
    for (const auto& f : doc.result.findings) {
        std::string level = to_string(f.severity);
        if (colour) level = colour_of(f.severity) + level + "\033[0m";
        out += fmt::format("{}:{}: {}: {}{} [{}]\n", file, editor_location(f), level, full_message(f, language), page_note(f, language),
                           f.rule);
        if (f.evidence && !f.evidence->text.empty()) out += "    | " + f.evidence->text + "\n";
        if (f.expected) out += fmt::format("    {} {}\n", message("label.expected").in(language), value_text(f.expected, language));
        if (f.found) out += fmt::format("    {} {}\n", message("label.found").in(language), value_text(f.found, language));
    }
    return out;
}

// `line` is the one line every format gives. The columns added since the first ten
// come last, so that a program reading those by position reads them as before: the
// evidence's line (what the document wrote, beside what was expected) and the line
// on its page.
std::string csv_header() {
    return "file,page,line,rule,severity,message,expected,found,reference_year,reference_number,evidence,page_line\n";
}

std::string checked_csv(const CheckedDocument& doc, Language language) {
    std::string out;
    const auto& ref = doc.result.reference;
    std::string year = ref ? std::to_string(ref->record.year) : "";
    std::string number = ref ? ref->record.number.value.value_or("") : "";
    if (const auto& u = doc.result.unaudited) {
        std::vector<std::string> cells = {printable(doc.file),
                                          "",
                                          "",
                                          "not-audited",
                                          "warning",
                                          unaudited_message(*u, language),
                                          "",
                                          "",
                                          u->year ? std::to_string(u->year) : "",
                                          "",
                                          "",
                                          ""};
        out += csv_row(cells);
    }
    for (const auto& f : doc.result.findings) {
        std::vector<std::string> cells = {printable(doc.file),
                                          f.evidence ? std::to_string(f.evidence->page) : "",
                                          f.evidence ? std::to_string(f.evidence->shown_line()) : "",
                                          f.rule,
                                          to_string(f.severity),
                                          full_message(f, language),
                                          value_text(f.expected, language),
                                          value_text(f.found, language),
                                          year,
                                          number,
                                          f.evidence ? f.evidence->text : "",
                                          f.evidence ? std::to_string(f.evidence->line) : ""};
        out += csv_row(cells);
    }
    return out;
}

namespace {

// SARIF's rule name is a readable identifier distinct from the id: "weekday-mismatch"
// is named "WeekdayMismatch".
std::string sarif_rule_name(const std::string& id) {
    std::string name;
    bool upper = true;
    for (char c : id) {
        if (c == '-') {
            upper = true;
            continue;
        }
        name += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        upper = false;
    }
    return name;
}

}  // namespace

Json sarif_log(const std::vector<CheckedDocument>& docs, Language language) {
    Json rules = Json::array();
    std::map<std::string, int> index;
    for (const auto& rule : RuleRegistry::instance().rules()) {
        index[rule->id()] = static_cast<int>(rules.size());
        std::string doc = rule_documentation(rule->id());
        rules.push_back({{"id", rule->id()},
                         {"name", sarif_rule_name(rule->id())},
                         {"shortDescription", {{"text", rule->summary()}}},
                         {"fullDescription", {{"text", rule->summary()}}},
                         {"help", {{"text", doc}, {"markdown", doc}}},
                         {"defaultConfiguration", {{"level", sarif_level(rule->default_severity())}}}});
    }
    Json results = Json::array(), notifications = Json::array();
    for (const auto& d : docs) {
        if (d.result.unaudited) notifications.push_back(sarif_notification(d.file, *d.result.unaudited, language));
        bool fixable = std::any_of(d.result.findings.begin(), d.result.findings.end(), [](const Finding& f) { return f.fix.has_value(); });
        auto lines = fixable ? text_file_lines(d) : std::nullopt;
        for (const auto& f : d.result.findings) {
            // The line an editor goes to (a text file's own, or the extracted
            // text's), with the page in the properties.
            int page = f.evidence ? f.evidence->page : 1;
            Json region = {{"startLine", editor_line(f)}};
            if (f.evidence && f.evidence->column > 0) region["startColumn"] = f.evidence->column;
            if (f.evidence && !f.evidence->text.empty()) region["snippet"] = {{"text", f.evidence->text}};
            Json result = {
                {"ruleId", f.rule},
                {"ruleIndex", index[f.rule]},
                {"level", sarif_level(f.severity)},
                {"message", {{"text", full_message(f, language)}}},
                {"locations",
                 Json::array({{{"physicalLocation", {{"artifactLocation", sarif_artifact_location(d.file)}, {"region", region}}}}})},
                {"properties",
                 {{"page", page},
                  {"expected", value_json(f.expected, language)},
                  {"found", value_json(f.found, language)},
                  {"inconclusive", f.inconclusive()}}}};
            if (lines) {
                Json fixes = sarif_fixes(f, *lines, sarif_artifact_location(d.file), language);
                if (!fixes.empty()) result["fixes"] = std::move(fixes);
            }
            results.push_back(std::move(result));
        }
    }
    return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
            {"version", "2.1.0"},
            {"runs",
             Json::array({{{"tool", {{"driver", {{"name", "congvan"}, {"version", CONGVAN_VERSION}, {"rules", rules}}}}},
                           {"invocations", Json::array({{{"executionSuccessful", true}, {"toolExecutionNotifications", notifications}}})},
                           {"originalUriBaseIds", sarif_uri_base_ids()},
                           {"columnKind", "utf16CodeUnits"},
                           {"results", results}}})}};
}

}  // namespace congvan
