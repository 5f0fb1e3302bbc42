// The Ministry's instruction for a year (corpus/ministry/<year>.yaml), and which
// one a document is compared with.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fields/record.h"

namespace congvan {

template <typename T>
struct Fact {
    std::optional<T> value;
    std::string confidence = "unknown";
    std::string source;
    bool known() const { return value.has_value(); }
};

struct Agency {
    std::string name;
    std::vector<std::string> match;  // folded keywords
};

struct MinistryRecord {
    int year = 0;
    Fact<std::string> number;
    Fact<VnDate> date;
    Fact<std::string> theme;
    std::vector<std::string> suggested_themes;  // years where provinces chose
    bool suggestions_exhaustive = false;
    std::string themes_confidence = "unknown";
    Fact<Week> week;
    Fact<VnDate> opening;
    Fact<VnDate> report_deadline;
    std::vector<Agency> agencies;
    std::string origin;  // the file it came from
};

// Loads every <year>.yaml in the folder; throws std::runtime_error naming the file
// and the problem for a file that is not a valid record.
std::map<int, MinistryRecord> load_ministry_records(const std::string& dir);
MinistryRecord load_ministry_record(const std::string& path);
// The bundled records with those of `extra` (when given) added: a year in `extra`
// replaces the bundled one (`--ministry DIR`).
std::map<int, MinistryRecord> load_ministry_records_with(const std::string& bundled, const std::string& extra);

// A Ministry dispatch given with --against, read like any document. Throws
// std::invalid_argument when it is not the Ministry's (corpus/vocabulary/ministry.yaml:
// neither its issuer nor its number's symbol is the Ministry's).
MinistryRecord ministry_record_from(const Record& dispatch);

// Whether a document is the Ministry's own, by its issuer or its number's symbol.
bool issued_by_ministry(const Record& document);

struct Reference {
    MinistryRecord record;
    std::string source;  // "against", "cited-instruction" or "year"
    std::string why;     // English
    std::string why_vi;  // the same in Vietnamese
};

// --against wins; else the record whose number the document cites; else the
// record for the document's year (or --year). Empty when none applies.
std::optional<Reference> choose_reference(const Record& doc, const std::map<int, MinistryRecord>& records,
                                          const std::optional<MinistryRecord>& against, std::optional<int> year);

// Digits of a dispatch number: "4342/BGDĐT-GDTX" → "4342".
std::string dispatch_digits(const std::string& number);

}  // namespace congvan
