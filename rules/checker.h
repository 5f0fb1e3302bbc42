// The engine: one record, the Ministry record chosen for it, every enabled rule.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config.h"
#include "finding.h"
#include "ministry.h"
#include "rule.h"

namespace congvan {

struct CheckOptions {
    const std::map<int, MinistryRecord>* records = nullptr;
    std::optional<MinistryRecord> against;
    std::optional<int> year;
    RuleConfig config;
};

// Why a document about the Week was compared with no Ministry instruction. Its
// findings are then only its own consistency's, and every format says it was not
// audited, so that no one reads its silence as a pass (docs/auditing.md).
struct Unaudited {
    enum class Reason {
        NoRecord,          // no Ministry record for the year it is about (a new year)
        NoYear,            // it states no year of the Week
        AgainstOtherYear,  // --against gives another year's dispatch, and --year does not ask for it
    };
    Reason reason = Reason::NoRecord;
    int year = 0;          // the year the document is about; 0 when it states none
    int against_year = 0;  // the --against dispatch's year
};
const char* reason_name(Unaudited::Reason reason);  // "no-record", "no-year", "against-other-year"
std::optional<Unaudited::Reason> parse_unaudited_reason(const std::string& name);

struct CheckResult {
    bool about_week = false;  // the document names the Week; else the Week's rules did not run
    std::optional<Reference> reference;
    std::optional<Unaudited> unaudited;  // about the Week and compared with nothing
    std::vector<Finding> findings;       // in page, line and rule order
};

CheckResult check_record(const Record& record, const CheckOptions& options);

// The rules that read the other documents of the run (Rule::reads_library) on
// `record`, one of `library`'s, weighed as check_record weighs; their findings are
// added to `result` in its order. They only compare records already read, so they
// run in the run's process after every document's own.
void check_with_library(const Record& record, const Library& library, const CheckOptions& options, CheckResult& result);

// A document's outcome as every output shows it: its file, its content's hash, and
// what the rules found.
struct CheckedDocument {
    std::string file;
    std::string sha256;
    CheckResult result;
};

// Whether the engine runs a rule that applies to `to` on this record, proof-reading
// rules included where `proofread` asks for them (RuleConfig::proofread).
bool rule_applies(const AppliesTo& to, const Record& record, bool proofread = false);

// Everything besides the record that decides the findings, as one canonical text:
// congvan's version, the rules and their default severities, every Ministry record
// (or the --against dispatch) and the configuration. Two checks with the same text
// give the same findings on the same record; a stored document whose text differs
// is checked again (store/scan.cpp).
std::string check_context_text(const CheckOptions& options);

// The Ministry records: $CONGVAN_MINISTRY_DIR when set; else those installed beside
// the binary (PREFIX/share/congvan/ministry for PREFIX/bin/congvan); else the source
// tree's corpus/ministry (a binary run from its build tree).
std::string default_ministry_dir();

}  // namespace congvan
