#include "checker.h"

#include <algorithm>
#include <array>

#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

#include "congvan_version.h"
#include "registry.h"
#include "text/vocabulary.h"

namespace congvan {

namespace {

// One policy for every rule, and the only place that weighs how sure a finding is
// (docs/confidence.md): a finding is no surer than the reading it rests on, nor than
// the Ministry value it compares with. A doubt makes it inconclusive: reading doubts
// make it informative, an inferred Ministry value one step milder. The formats say
// why (full_message); no rule splices its doubts into its message.
void weigh(Finding& f) {
    if (f.reading_confidence() < kUncertainBelow) f.add_doubt(Doubt::UncertainReading);
    if (f.reference_confidence == "inferred") {
        f.add_doubt(Doubt::ReferenceInferred);
        f.severity = milder(f.severity);
    }
    if (f.doubts_that(Doubt::UncertainReading) || f.doubts_that(Doubt::PossibleMisread) || f.doubts_that(Doubt::PossibleExcerpt) ||
        f.doubts_that(Doubt::PossibleTranslation))
        f.severity = Severity::Info;
}

// Every enabled rule that applies, of those that read the library or of those that
// do not, its findings weighed and put in page, line and rule order with the rest.
void run_rules(const CheckContext& context, const CheckOptions& options, bool library_rules, CheckResult& result) {
    for (const auto& rule : RuleRegistry::instance().rules()) {
        if (rule->reads_library() != library_rules || !options.config.enabled(rule->id())) continue;
        if (!rule_applies(rule->applies_to(), context.doc, options.config.proofread)) continue;
        std::vector<Finding> found;
        rule->check(context, found);
        for (auto& f : found) {
            // A configured severity replaces the rule's default, not its own judgement
            // that a finding is only informative.
            if (f.severity == rule->default_severity()) f.severity = options.config.severity(rule->id(), f.severity);
            weigh(f);
            result.findings.push_back(std::move(f));
        }
    }
    std::stable_sort(result.findings.begin(), result.findings.end(), [](const Finding& a, const Finding& b) {
        auto key = [](const Finding& f) {
            return std::make_tuple(f.evidence ? f.evidence->page : 0, f.evidence ? f.evidence->line : 0, f.rule);
        };
        return key(a) < key(b);
    });
}

}  // namespace

// Proof-reading judges the author's own text: a Word draft always, a born-digital
// PDF or a plain text (a copy from a web page, perhaps) only when asked; a text
// that OCR read, by congvan or by whoever made the PDF, never.
bool proofreads(const Record& record, bool asked) {
    const std::string& origin = record.presentation.origin;
    if (origin == "draft") return true;
    return asked && (origin == "born_digital" || origin == "plain_text");
}

bool rule_applies(const AppliesTo& to, const Record& record, bool proofread) {
    if (to.proofreading && !proofreads(record, proofread)) return false;
    if (to.subject == AppliesTo::Subject::WeekDocument && !record.about_week.value) return false;
    if (!to.doc_types.empty()) {
        const auto& type = record.doc_type.value;
        if (!type || std::find(to.doc_types.begin(), to.doc_types.end(), *type) == to.doc_types.end()) return false;
    }
    if (to.era == AppliesTo::Era::Any) return true;
    const auto& date = record.date.value;
    if (!date || !date->exists()) return false;
    bool decree30 = !(*date < decree30_in_force());
    return decree30 == (to.era == AppliesTo::Era::Decree30);
}

namespace {

// Raised when the rules for "not audited" change (1: every format says it, and
// --against of another year is refused): part of check_context_text.
constexpr int kAuditPolicy = 1;

constexpr std::array<std::pair<Unaudited::Reason, const char*>, 3> kReasonNames{{
    {Unaudited::Reason::NoRecord, "no-record"},
    {Unaudited::Reason::NoYear, "no-year"},
    {Unaudited::Reason::AgainstOtherYear, "against-other-year"},
}};

// A dispatch of one year is no measure of another year's Week: --against is used
// only for a document about its year, or when --year says to (docs/auditing.md).
std::optional<Unaudited> unaudited_because(const Record& record, const CheckOptions& options, const CheckResult& result) {
    int year = options.year ? *options.year : record.year.value.value_or(0);
    if (options.against && !options.year && year != 0 && year != options.against->year)
        return Unaudited{Unaudited::Reason::AgainstOtherYear, year, options.against->year};
    if (result.reference || !result.about_week) return std::nullopt;
    return Unaudited{year == 0 ? Unaudited::Reason::NoYear : Unaudited::Reason::NoRecord, year, 0};
}

}  // namespace

const char* reason_name(Unaudited::Reason reason) {
    for (auto [r, name] : kReasonNames)
        if (r == reason) return name;
    return "";
}

std::optional<Unaudited::Reason> parse_unaudited_reason(const std::string& name) {
    for (auto [r, n] : kReasonNames)
        if (name == n) return r;
    return std::nullopt;
}

CheckResult check_record(const Record& record, const CheckOptions& options) {
    static const std::map<int, MinistryRecord> none;
    CheckResult result;
    result.about_week = record.about_week.value.has_value();
    // A document not about the Week is compared with no instruction unless asked.
    if (result.about_week || options.against || options.year) {
        result.reference = choose_reference(record, options.records ? *options.records : none, options.against, options.year);
        result.unaudited = unaudited_because(record, options, result);
        if (result.unaudited) result.reference.reset();
    }
    CheckContext context{record, result.reference ? &*result.reference : nullptr, &options.config};
    run_rules(context, options, false, result);
    return result;
}

void check_with_library(const Record& record, const Library& library, const CheckOptions& options, CheckResult& result) {
    CheckContext context{record, result.reference ? &*result.reference : nullptr, &options.config, &library};
    run_rules(context, options, true, result);
}

namespace {

std::string fact_text(const Fact<std::string>& f) { return f.value.value_or("-") + "|" + f.confidence + "|" + f.source; }
std::string fact_text(const Fact<VnDate>& f) { return (f.value ? f.value->iso() : "-") + "|" + f.confidence + "|" + f.source; }
std::string fact_text(const Fact<Week>& f) {
    return (f.value ? f.value->start.iso() + ".." + f.value->end.iso() : "-") + "|" + f.confidence + "|" + f.source;
}

std::string record_text(const MinistryRecord& m) {
    std::string out = fmt::format("record {}\n", m.year);
    for (const auto& line : {fact_text(m.number), fact_text(m.date), fact_text(m.theme), fact_text(m.week), fact_text(m.opening),
                             fact_text(m.report_deadline)})
        out += " " + line + "\n";
    for (const auto& t : m.suggested_themes) out += " suggested " + t + "\n";
    out += fmt::format(" exhaustive {} {}\n", m.suggestions_exhaustive, m.themes_confidence);
    for (const auto& a : m.agencies) out += " agency " + a.name + "\n";
    return out;
}

}  // namespace

std::string check_context_text(const CheckOptions& options) {
    std::string out = std::string("congvan ") + CONGVAN_VERSION + "\n";
    // How a document with no applicable instruction is judged (docs/auditing.md):
    // when it changes, stored documents are judged again without being read again.
    out += fmt::format("audit-policy {}\n", kAuditPolicy);
    for (const auto& rule : RuleRegistry::instance().rules())
        out += fmt::format(
            "rule {} {} {}\n", rule->id(), to_string(rule->default_severity()),
            options.config.enabled(rule->id()) ? to_string(options.config.severity(rule->id(), rule->default_severity())) : "off");
    out += fmt::format("proofread {}\n", options.config.proofread);
    for (const auto& [id, values] : options.config.options)
        for (const auto& [name, value] : values) out += fmt::format("option {} {} {}\n", id, name, value);
    if (options.records)
        for (const auto& [year, record] : *options.records) out += record_text(record);
    if (options.against) out += "against " + record_text(*options.against);
    if (options.year) out += fmt::format("year {}\n", *options.year);
    return out;
}

std::string default_ministry_dir() {
    if (const char* env = std::getenv("CONGVAN_MINISTRY_DIR"); env && *env) return env;
    // Installed (cmake --install): PREFIX/bin/congvan finds PREFIX/share/congvan/ministry.
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        auto installed = exe.parent_path().parent_path() / "share" / "congvan" / "ministry";
        if (std::filesystem::is_directory(installed, ec)) return installed.string();
    }
    // Run from the build tree: the source tree's records.
    return CONGVAN_SOURCE_DIR "/corpus/ministry";
}

}  // namespace congvan
