// One document of `congvan scan` (app/scan.h): read, extracted and checked into the
// row that stores it in its own process, described where the row is stored, checked
// again from its stored record, or recorded as what went wrong.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "app/scan.h"
#include "rules/checker.h"
#include "store/archive.h"

namespace congvan {

// The check the scan makes of the document at `path` (its folder's configuration).
CheckOptions check_options(const std::string& path, const ScanOptions& options);
// What decides a document's findings besides its record (rules/checker.h).
std::string fingerprint_of(const CheckOptions& check);
// The rules on the record, into the row: its Ministry record, findings and fingerprint.
void check_into(StoredDocument& row, const Record& record, const ScanOptions& options);
// Loads, extracts and checks one document into the row that stores it. Runs in the
// document's own process (isolation/isolation.h), its pages read on `page_threads`
// threads (the scan forks it from its only thread, so it may start some).
StoredDocument process(const std::string& path, const std::string& sha256, std::string bytes, const ScanOptions& options,
                       unsigned page_threads = 1);
// What the database keeps of a record for SQL and `export` (its public fields, the
// columns a query filters on) and for the chain pass (its header), made where the
// row is stored from the record that crossed alone from the document's process; a
// record that does not decode leaves them empty.
void describe_record(StoredDocument& row);
StoredDocument failed_row(const std::string& path, const std::string& sha256, std::size_t size, std::string error);
// A document an older congvan counted this many stops against (it counted every
// start that was not stored) is recorded as an error instead of started again. This
// congvan counts none: a document's own process dying is stored as its error at once.
constexpr int kMaxStarts = 3;
StoredDocument abandoned(const std::string& path, const std::string& sha256, std::size_t size);
// The rules again on a stored document's record, without its file. Empty when the
// record cannot be used (written by an older encoding, a configuration that no
// longer loads): the document is then read again.
std::optional<StoredDocument> recheck(Archive& archive, const std::string& sha256, const std::string& path, const ScanOptions& options);

}  // namespace congvan
