// The chain of citations across a scan's archive (docs/chain.md): after a pass, each
// stored document's citations are resolved among the archive's documents and the
// findings of the rules that compare documents (Rule::reads_library) are stored
// beside the document's own, so that export, summary and the site show them.
#pragma once

#include <functional>
#include <string>

#include "rules/checker.h"
#include "rules/library.h"
#include "store/archive.h"

namespace congvan {

struct ChainTally {
    long documents = 0;          // documents with a stored record, compared with each other
    long changed = 0;            // documents whose findings of those rules changed
    std::vector<Finding> added;  // the findings stored where they changed
};

// `options_for(path)` is the check the scan made of that document. Only a document
// whose findings of those rules or whose place in the chain (its `chain` column and
// links) changed is written, all in one transaction.
ChainTally audit_archive_chain(Archive& archive, const std::function<CheckOptions(const std::string&)>& options_for);

// The archive's documents as the rules that compare documents see them: thin
// entries (rules/library.h), named by path; a document without a record is left out.
Library archive_library(Archive& archive);

// The ids of the rules that compare documents.
std::vector<std::string> library_rule_ids();

}  // namespace congvan
