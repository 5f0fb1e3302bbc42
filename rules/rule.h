// A rule, on the clang-tidy model: an id that is public contract, a default
// severity, one line of summary, a documentation page (docs/rules/<id>.md), what it
// applies to, its options, and a check that reads the record and its reference and
// reports findings. The engine (checker.h) decides where a rule runs and how sure
// its findings are; a rule only says what it sees.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fields/record.h"
#include "finding.h"
#include "ministry.h"

namespace congvan {

struct RuleConfig;
class Library;

struct CheckContext {
    const Record& doc;
    const Reference* reference;  // null when no Ministry record applies
    const RuleConfig* config;    // null: every option at its default
    // The documents checked with this one, doc among them (rules/library.h); null
    // but for the rules that read them (Rule::reads_library).
    const Library* library = nullptr;

    const MinistryRecord* ministry() const { return reference ? &reference->record : nullptr; }
};

// What a rule applies to; the engine runs it only there.
struct AppliesTo {
    // The Week's rules compare a document with the Ministry's instruction and run
    // only on documents about the Week (Record::about_week); a document's own rules
    // run on every one.
    enum class Subject { WeekDocument, AnyDocument } subject = Subject::WeekDocument;
    // Document types (corpus/vocabulary/document-types.yaml ids); empty: every type.
    // A document whose type was not read gets no rule that names types.
    std::vector<std::string> doc_types;
    // The rules of Decree 30/2020 on clerical work apply to documents dated from its
    // entry into force (corpus/vocabulary/document-types.yaml); an undated document
    // gets no rule that names an era.
    enum class Era { Any, Decree30, BeforeDecree30 } era = Era::Any;
    // A proof-reading rule judges how the author wrote and set the text (the
    // Decree 30 form rules): it runs on a Word draft, on a born-digital PDF or a
    // plain text only when proof-reading is asked for, and never on text that OCR
    // read (docs/precision.md).
    bool proofreading = false;

    static AppliesTo every_document() { return {Subject::AnyDocument, {}, Era::Any, false}; }
    static AppliesTo proofreading_rule(std::vector<std::string> types = {}, Era era = Era::Any) {
        return {Subject::AnyDocument, std::move(types), era, true};
    }
    static AppliesTo week_documents(std::vector<std::string> types = {}) {
        return {Subject::WeekDocument, std::move(types), Era::Any, false};
    }
};

// A number a user may set in .congvan.yaml (`rules: {ID: {NAME: VALUE}}`).
struct RuleOption {
    std::string name;  // "days-before-week"
    double default_value = 0;
    double min = 0, max = 0;
    bool integer = true;
    std::string summary;  // English, one line: --dump-config's comment
};

class Rule {
public:
    virtual ~Rule() = default;
    virtual const char* id() const = 0;
    virtual Severity default_severity() const = 0;
    virtual const char* summary() const = 0;  // English, one line: SARIF's shortDescription
    virtual AppliesTo applies_to() const { return {}; }
    virtual std::vector<RuleOption> options() const { return {}; }
    // A rule that compares a document with the others checked with it (the chain of
    // citations) runs once every document of the run is read, in the run's own
    // process (check_with_library), not in the document's.
    virtual bool reads_library() const { return false; }
    // Whether its findings say a link of the chain is broken (a citation that
    // differs from what it names, a value that departs from the link above), as
    // `summary` counts and the site's chain page marks them; a rule that only says
    // where a departure came from does not.
    virtual bool finds_broken_links() const { return reads_library(); }
    virtual void check(const CheckContext& context, std::vector<Finding>& out) const = 0;

protected:
    // The catalogue's message `<id>.<what>` (corpus/messages.yaml).
    Text say(std::string_view what, const std::vector<MessageArg>& args = {}) const;
    // The configured value of one of this rule's options, else its default.
    double option(const CheckContext& context, const std::string& name) const;

    // A finding of this rule at its default severity.
    Finding finding(Text message, std::optional<Value> expected, std::optional<Value> found, std::optional<Evidence> evidence,
                    std::string reference_confidence = "") const {
        return Finding{id(),
                       default_severity(),
                       std::move(message),
                       std::move(expected),
                       std::move(found),
                       std::move(evidence),
                       std::move(reference_confidence),
                       std::nullopt,
                       {},
                       std::nullopt};
    }
    // The same, resting on a field of the document: the finding is no surer than
    // the field's reading, and points where the field was read.
    template <typename T>
    Finding finding_on(const Field<T>& field, Text message, std::optional<Value> expected, std::optional<Value> found,
                       std::string reference_confidence = "") const {
        Finding f = finding(std::move(message), std::move(expected), std::move(found), field.evidence, std::move(reference_confidence));
        f.read_confidence = field.sureness();
        return f;
    }
    // A finding on how a line writes something (the Decree 30 form rules): `written`
    // as the line has it, `expected` as the form prescribes, and the correction as a
    // fix when the line holds `written`. On a line OCR read, the difference may be
    // OCR's (a dash for a hyphen, a lost zero or mark): possible misread.
    Finding form_finding(Text message, const std::string& written, const std::string& expected, const Evidence& evidence) const {
        Finding f = finding(std::move(message), text_value(expected), text_value(written), evidence);
        if (evidence.confidence < 100) f.add_doubt(Doubt::PossibleMisread);
        if (evidence.text.find(written) != std::string::npos) f.fix = Fix{written, expected};
        return f;
    }
};

}  // namespace congvan
