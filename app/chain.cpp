#include "app/chain.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "report/chain_json.h"
#include "rules/library.h"
#include "rules/registry.h"
#include "store/stored_outcome.h"
#include "store/stored_record.h"
#include "text/json_members.h"

namespace congvan {

std::vector<std::string> library_rule_ids() {
    std::vector<std::string> ids;
    for (const auto& rule : RuleRegistry::instance().rules())
        if (rule->reads_library()) ids.push_back(rule->id());
    return ids;
}

namespace {

std::optional<Record> stored_record(const StoredDocument& row) {
    if (!row.error.empty() || row.record.empty()) return std::nullopt;
    try {
        return decode_record(row.record);
    } catch (const std::runtime_error&) {
        return std::nullopt;  // of another encoding: the next pass reads it again
    }
}

}  // namespace

Library archive_library(Archive& archive) {
    Library library;
    archive.each_document(
        [&](StoredDocument& row) {
            if (auto record = stored_record(row)) library.add(row.path, *record, false);
        },
        false);
    return library;
}

namespace {

// Two lists of findings that would read the same in every output: their members,
// as they are stored.
bool same_findings(const std::vector<Finding>& a, const std::vector<Finding>& b) { return nlohmann::json(a) == nlohmann::json(b); }

// The archive as the first pass leaves it: the library of thin entries (the
// records are not kept), the rows whose documents cite any (only they can be found
// wanting) and each entry's row, for the links.
struct ArchiveChain {
    Library library;
    std::unordered_set<long long> citing;
    std::unordered_map<std::string, long long> id_of_file;
};

ArchiveChain read_chain(Archive& archive) {
    ArchiveChain chain;
    archive.each_document(
        [&](StoredDocument& row) {
            auto record = stored_record(row);
            if (!record) return;
            if (record->references.value && !record->references.value->empty()) chain.citing.insert(row.id);
            chain.library.add(row.path, *record, false);
            chain.id_of_file.emplace(row.path, row.id);
        },
        false);
    return chain;
}

// A document's place in the chain and the row each of its citations names.
void place_in_chain(const StoredDocument& row, const ArchiveChain& chain, Archive::ChainChange& change) {
    const LibraryDocument* entry = chain.library.find_file(row.path);
    if (!entry) return;
    auto now = chain_json(*entry, chain.library);
    if (now == row.chain) return;
    change.chain = std::move(now);
    for (const auto& cited : entry->references) {
        const LibraryDocument* named = chain.library.resolve(cited, *entry);
        auto id = named ? chain.id_of_file.find(named->file) : chain.id_of_file.end();
        change.cited_ids.push_back(id != chain.id_of_file.end() ? std::optional<long long>(id->second) : std::nullopt);
    }
}

// Its findings of the rules that compare documents, where they changed.
void compare_in_chain(const StoredDocument& row, const ArchiveChain& chain, const std::vector<std::string>& rules,
                      const std::function<CheckOptions(const std::string&)>& options_for, Archive::ChainChange& change) {
    std::vector<Finding> stored;
    for (const auto& f : row.findings)
        if (std::find(rules.begin(), rules.end(), f.rule) != rules.end()) stored.push_back(f);
    bool cites = chain.citing.count(row.id) > 0;
    if (!cites && stored.empty()) return;  // nothing to find, nothing to take back
    auto record = cites ? stored_record(row) : std::nullopt;
    CheckResult result;
    if (record) {
        result.reference = reference_of(row);
        check_with_library(*record, chain.library, options_for(row.path), result);
    }
    if (!same_findings(result.findings, stored)) change.findings = std::move(result.findings);
}

}  // namespace

// Two passes over the archive, each holding one stored record at a time: the first
// makes the library's entries, the second checks each document that cites any, whole,
// with them (and takes back what a document that no longer cites was found wanting),
// and places every document in the chain. What changed is written after the second,
// outside the archive's reading, in one transaction.
ChainTally audit_archive_chain(Archive& archive, const std::function<CheckOptions(const std::string&)>& options_for) {
    auto rules = library_rule_ids();
    ArchiveChain chain = read_chain(archive);
    ChainTally tally;
    tally.documents = static_cast<long>(chain.library.documents().size());
    std::vector<Archive::ChainChange> changes;
    archive.each_document(
        [&](StoredDocument& row) {
            Archive::ChainChange change{row.id, std::nullopt, std::nullopt, {}};
            compare_in_chain(row, chain, rules, options_for, change);
            place_in_chain(row, chain, change);
            if (change.findings || change.chain) changes.push_back(std::move(change));
        },
        false);
    archive.store_chain_changes(rules, changes);
    for (const auto& change : changes) {
        if (!change.findings) continue;
        ++tally.changed;
        tally.added.insert(tally.added.end(), change.findings->begin(), change.findings->end());
    }
    return tally;
}

}  // namespace congvan
