// The chain of citations across a scan's archive (docs/chain.md): after a pass, each
// stored document's citations are resolved among the archive's documents and the
// findings of the rules that compare documents (Rule::reads_library) are stored
// beside the document's own, so that export, summary and the site show them.
#pragma once

#include <array>
#include <functional>
#include <string>

#include "rules/checker.h"
#include "rules/library.h"
#include "store/archive.h"

namespace congvan {

struct ChainTally {
    long documents = 0;  // documents compared with the others
    long changed = 0;    // documents whose findings of those rules changed
    // The findings stored where they changed, counted by severity (a count, not the
    // findings: a whole pass of a large archive stores many).
    std::array<long, 3> added{};
    long added_of(Severity severity) const { return added.at(static_cast<std::size_t>(severity)); }
};

// Compares the archive's documents along their citations, as far as it changed
// since the last comparison (docs/chain.md, "In a scan's archive"): nothing when it
// did not, the documents stored or forgotten since and those whose keys meet
// theirs, or the whole archive when this version never compared it whole.
// `options_for(path)` is the check the scan made of that document; `token` names
// the pass. Only a document whose findings of those rules, place in the chain or
// keys changed is written, all in one transaction; nothing when a pass that began
// later overtook this one (it compares all this one saw). `tick` is called for each
// document compared, in this thread (a scan's progress line).
ChainTally compare_archive_chain(Archive& archive, const std::string& token, const std::string& version,
                                 const std::function<CheckOptions(const std::string&)>& options_for,
                                 const std::function<void()>& tick = nullptr);

// The archive's documents as the rules that compare documents see them: thin
// entries (rules/library.h), named by path; a document without a record is left out.
MemoryLibrary archive_library(Archive& archive);

// The ids of the rules that compare documents, and of those among them whose
// findings say a link is broken (Rule::finds_broken_links).
std::vector<std::string> library_rule_ids();
std::vector<std::string> broken_link_rule_ids();

}  // namespace congvan
