// What a rule reports: clang-tidy's diagnostic, for an auditor. Every finding says
// what was expected, what was found, where, and against which Ministry fact.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

#include "reading/document.h"
#include "text/messages.h"
#include "value.h"

namespace congvan {

enum class Severity { Info, Warning, Error };

const char* to_string(Severity severity);
// A severity or a doubt as JSON is its name; an unknown name is an error.
void to_json(nlohmann::json& j, const Severity& severity);
void from_json(const nlohmann::json& j, Severity& severity);
std::optional<Severity> parse_severity(const std::string& text);
// One step milder: a finding built on a fact the Ministry record only infers.
Severity milder(Severity severity);

// Why a finding is inconclusive (cppcheck's word): the checker's one policy
// (rules/checker.cpp, docs/confidence.md) makes it milder and the formats say why.
enum class Doubt {
    UncertainReading,     // the text it rests on was read below the confidence threshold
    PossibleMisread,      // the rule sees a difference OCR alone would make
    ReferenceInferred,    // the Ministry value compared with is only inferred
    PossibleExcerpt,      // what is missing may be in the part of the document not given
    PossibleTranslation,  // the text is in another language than the value compared with
};
const char* doubt_name(Doubt doubt);  // "uncertain-reading"
std::optional<Doubt> parse_doubt(const std::string& name);
void to_json(nlohmann::json& j, const Doubt& doubt);
void from_json(const nlohmann::json& j, Doubt& doubt);

// A correction a program can make: in the evidence's line, `replace` (as it is
// written there) becomes `with`. Only rules whose fix is mechanical set one (a
// leading zero, a missing semicolon, a dash for a hyphen).
struct Fix {
    std::string replace, with;
};

template <typename V>
void members(Fix& fix, V&& v) {
    v("replace", fix.replace);
    v("with", fix.with);
}

struct Finding {
    std::string rule;
    Severity severity = Severity::Warning;
    Text message;  // what the rule says; the doubts' notes are the formats' to add
    std::optional<Value> expected;
    std::optional<Value> found;
    std::optional<Evidence> evidence;
    std::string reference_confidence;  // of the Ministry fact compared with, when one was
    // How sure the reading of the text the finding rests on is (0..100): the field's
    // when the rule says which field, else the evidence line's.
    std::optional<double> read_confidence;
    std::vector<Doubt> doubts;  // set by the rule (PossibleMisread) and the checker
    std::optional<Fix> fix;

    bool inconclusive() const { return !doubts.empty(); }
    // How sure the reading it rests on is: read_confidence, else the evidence line's.
    double reading_confidence() const;
    bool doubts_that(Doubt doubt) const;
    void add_doubt(Doubt doubt);
};

// A finding's members, listed once: what crosses from a document's process, what
// the scan database keeps (its findings' data column) and what it gives back, so
// that a member added to Finding is added here and nowhere else. The public JSON
// is a rendering of these (report/check_output.h), worded when shown.
template <typename V>
void members(Finding& f, V&& v) {
    v("rule", f.rule);
    v("severity", f.severity);
    v("message", f.message);
    v("expected", f.expected);
    v("found", f.found);
    v("evidence", f.evidence);
    v("reference_confidence", f.reference_confidence);
    v("read_confidence", f.read_confidence);
    v("doubts", f.doubts);
    v("fix", f.fix);
}

// The message with the notes the policy adds (why it is inconclusive, the Ministry
// value's confidence when it is not confirmed), in one language.
std::string full_message(const Finding& f, Language language);

}  // namespace congvan
