#include "app/chain.h"

#include <algorithm>
#include <unordered_set>

#include "rules/library.h"
#include "rules/registry.h"
#include "store/stored_outcome.h"
#include "store/stored_record.h"

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

// Two lists of findings that would read the same in every output.
std::string shown(const std::vector<Finding>& findings) {
    StoredDocument d;
    d.findings = findings;
    return row_text(d);
}

}  // namespace

// Two passes over the archive, each holding one stored record at a time: the first
// makes the library's entries, the second checks each document that cites any, whole,
// with them (and takes back what a document that no longer cites was found wanting).
// What changed is written after the second, outside the archive's reading.
ChainTally audit_archive_chain(Archive& archive, const std::function<CheckOptions(const std::string&)>& options_for) {
    auto rules = library_rule_ids();
    Library library;                       // of thin entries (rules/library.h): the records are not kept
    std::unordered_set<long long> citing;  // the rows whose documents cite any: only they can be found wanting
    archive.each_document(
        [&](StoredDocument& row) {
            auto record = stored_record(row);
            if (!record) return;
            if (record->references.value && !record->references.value->empty()) citing.insert(row.id);
            library.add(row.path, *record, false);
        },
        false);
    ChainTally tally;
    tally.documents = static_cast<long>(library.documents().size());
    std::vector<std::pair<long long, std::vector<Finding>>> changes;
    archive.each_document(
        [&](StoredDocument& row) {
            std::vector<Finding> now, stored;
            for (const auto& f : row.findings)
                if (std::find(rules.begin(), rules.end(), f.rule) != rules.end()) stored.push_back(f);
            bool cites = citing.count(row.id) > 0;
            if (!cites && stored.empty()) return;  // nothing to find, nothing to take back
            auto record = cites ? stored_record(row) : std::nullopt;
            CheckResult result;
            if (record) {
                result.reference = reference_of(row);
                check_with_library(*record, library, options_for(row.path), result);
            }
            now = result.findings;
            if (shown(now) != shown(stored)) changes.emplace_back(row.id, std::move(now));
        },
        false);
    for (auto& [id, findings] : changes) {
        archive.replace_findings(id, rules, findings);
        tally.added.insert(tally.added.end(), findings.begin(), findings.end());
    }
    tally.changed = static_cast<long>(changes.size());
    return tally;
}

}  // namespace congvan
