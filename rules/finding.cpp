#include "finding.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "text/json_members.h"

namespace congvan {

const char* to_string(Severity severity) {
    switch (severity) {
        case Severity::Info:
            return "info";
        case Severity::Warning:
            return "warning";
        case Severity::Error:
            return "error";
    }
    return "warning";
}

std::optional<Severity> parse_severity(const std::string& text) {
    if (text == "info" || text == "note") return Severity::Info;
    if (text == "warning") return Severity::Warning;
    if (text == "error") return Severity::Error;
    return std::nullopt;
}

void to_json(nlohmann::json& j, const Severity& severity) { j = to_string(severity); }

void from_json(const nlohmann::json& j, Severity& severity) { name_from_json(j, severity, parse_severity, "severity"); }

Severity milder(Severity severity) { return severity == Severity::Error ? Severity::Warning : Severity::Info; }

namespace {

constexpr std::array<std::pair<Doubt, const char*>, 5> kDoubtNames{{
    {Doubt::UncertainReading, "uncertain-reading"},
    {Doubt::PossibleMisread, "possible-misread"},
    {Doubt::ReferenceInferred, "reference-inferred"},
    {Doubt::PossibleExcerpt, "possible-excerpt"},
    {Doubt::PossibleTranslation, "possible-translation"},
}};

// What a Ministry value's confidence word means, in the output's language.
Text confidence_words(const std::string& confidence) {
    std::string key = "confidence." + confidence;
    return has_message(key) ? message(key) : Text{confidence, confidence};
}

std::vector<Text> notes_of(const Finding& f) {
    std::vector<Text> notes;
    for (Doubt d : f.doubts) {
        if (d == Doubt::UncertainReading)
            notes.push_back(message("doubt.uncertain-reading", {{"confidence", fmt::format("{:.0f}", f.reading_confidence())}}));
        else notes.push_back(message(std::string("doubt.") + doubt_name(d)));
    }
    const auto& c = f.reference_confidence;
    bool said = f.doubts_that(Doubt::ReferenceInferred);
    if (!said && !c.empty() && c != "confirmed" && c != "document")
        notes.push_back(message("note.reference-confidence", {{"confidence", confidence_words(c)}}));
    return notes;
}

}  // namespace

const char* doubt_name(Doubt doubt) {
    for (const auto& [d, name] : kDoubtNames)
        if (d == doubt) return name;
    return "";
}

std::optional<Doubt> parse_doubt(const std::string& name) {
    for (const auto& [d, n] : kDoubtNames)
        if (name == n) return d;
    return std::nullopt;
}

void to_json(nlohmann::json& j, const Doubt& doubt) { j = doubt_name(doubt); }

void from_json(const nlohmann::json& j, Doubt& doubt) { name_from_json(j, doubt, parse_doubt, "doubt"); }

bool Finding::doubts_that(Doubt doubt) const { return std::find(doubts.begin(), doubts.end(), doubt) != doubts.end(); }

void Finding::add_doubt(Doubt doubt) {
    if (!doubts_that(doubt)) doubts.push_back(doubt);
}

double Finding::reading_confidence() const { return read_confidence ? *read_confidence : evidence ? evidence->confidence : 100.0; }

std::string full_message(const Finding& f, Language language) {
    std::string out = f.message.in(language);
    auto notes = notes_of(f);
    for (std::size_t i = 0; i < notes.size(); ++i) out += (i == 0 ? " (" : "; ") + notes[i].in(language);
    return notes.empty() ? out : out + ")";
}

}  // namespace congvan
