// A rule, on the clang-tidy model: an id that is public contract, a default
// severity, one line of summary, a documentation page (docs/rules/<id>.md), and a
// check that reads the record and its reference and reports findings.
#pragma once

#include <string>
#include <vector>

#include "extract/record.h"
#include "finding.h"
#include "ministry.h"

namespace congvan {

struct CheckContext {
    const Record& doc;
    const Reference* reference;  // null when no Ministry record applies

    const MinistryRecord* ministry() const { return reference ? &reference->record : nullptr; }
};

class Rule {
public:
    virtual ~Rule() = default;
    virtual const char* id() const = 0;
    virtual Severity default_severity() const = 0;
    virtual const char* summary() const = 0;  // English, one line: SARIF's shortDescription
    virtual void check(const CheckContext& context, std::vector<Finding>& out) const = 0;
    // What the rule applies to: the Week's rules compare a document with the
    // Ministry's instruction for the Week and run only on documents about it
    // (Record::about_week); the rules on a document itself run on every one.
    enum class Scope { AnyDocument, WeekDocument };
    virtual Scope scope() const { return Scope::WeekDocument; }

protected:
    // A finding of this rule at its default severity.
    Finding finding(std::string vi, std::string en, std::string expected, std::string found,
                    std::optional<Evidence> evidence, std::string reference_confidence = "") const {
        return Finding{id(),           default_severity(), std::move(vi), std::move(en), std::move(expected),
                       std::move(found), std::move(evidence), std::move(reference_confidence), std::nullopt, false};
    }
    // The same, resting on a field of the document: the finding is no surer than
    // the field's reading, and points where the field was read.
    template <typename T>
    Finding finding_on(const Field<T>& field, std::string vi, std::string en, std::string expected, std::string found,
                       std::string reference_confidence = "") const {
        Finding f = finding(std::move(vi), std::move(en), std::move(expected), std::move(found), field.evidence,
                            std::move(reference_confidence));
        f.read_confidence = field.sureness();
        return f;
    }
};

}  // namespace congvan
