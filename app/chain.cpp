#include "app/chain.h"

#include <algorithm>
#include <unordered_set>

#include "report/chain_json.h"
#include "rules/library.h"
#include "rules/registry.h"
#include "store/stored_outcome.h"
#include "store/stored_record.h"
#include "text/json_members.h"

namespace congvan {

namespace {

std::vector<std::string> rule_ids(bool (Rule::*which)() const) {
    std::vector<std::string> ids;
    for (const auto& rule : RuleRegistry::instance().rules())
        if (((*rule).*which)()) ids.push_back(rule->id());
    return ids;
}

}  // namespace

std::vector<std::string> library_rule_ids() { return rule_ids(&Rule::reads_library); }

std::vector<std::string> broken_link_rule_ids() { return rule_ids(&Rule::finds_broken_links); }

namespace {

// What a library's entry is made from: a row's record's header (not its extract
// record, findings or text).
constexpr RowParts kHeaderOnly{false, false, false, true};

// What a library's entry, a document's keys and the rules that compare documents
// read of its record (its header: the rules' test holds them to it), or nothing.
std::optional<Record> stored_record(const StoredDocument& row) {
    if (!row.error.empty() || row.record.empty()) return std::nullopt;
    try {
        return decode_record_header(row.record);
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
        kHeaderOnly);
    return library;
}

namespace {

// Two lists of findings that would read the same in every output: their members,
// as they are stored.
bool same_findings(const std::vector<Finding>& a, const std::vector<Finding>& b) { return nlohmann::json(a) == nlohmann::json(b); }

// What a pass compares with: the library of thin entries of the documents it
// reads (the records are not kept; each entry knows its row, for the links, and
// its keys) and the rows whose documents cite any (only they can be found wanting).
struct ArchiveChain {
    Library library;
    std::unordered_set<long long> citing;
};

void add_to_chain(ArchiveChain& chain, const StoredDocument& row) {
    auto record = stored_record(row);
    if (!record) return;
    if (record->references.value && !record->references.value->empty()) chain.citing.insert(row.id);
    chain.library.add(row.path, *record, false, row.id);
}

// A document's place in the chain (`entry`: its library entry) and the row each of
// its citations names.
void place_in_chain(const StoredDocument& row, const LibraryDocument& entry, const ArchiveChain& chain, Archive::ChainChange& change) {
    auto now = chain_json(entry, chain.library);
    if (now == row.chain) return;
    // Kept as its text until stored: a whole pass holds every document's.
    change.chain = now.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    for (const auto& cited : entry.references) {
        const LibraryDocument* named = chain.library.resolve(cited, entry);
        change.cited_ids.push_back(named ? std::optional<long long>(named->row) : std::nullopt);
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

using OptionsFor = std::function<CheckOptions(const std::string&)>;

// The rows a pass of the changes since the last compares: those stored since, and
// every row whose keys meet theirs or a forgotten row's (only they can find or lose
// a document to name, or a citation to conflict with); and what it compares them
// with: every row whose keys meet those rows' keys.
struct Neighbourhood {
    std::vector<Archive::RowPlace> compared, read;
};

std::vector<Archive::RowPlace> joined(std::vector<Archive::RowPlace> a, const std::vector<Archive::RowPlace>& b) {
    a.insert(a.end(), b.begin(), b.end());
    std::sort(a.begin(), a.end());
    a.erase(std::unique(a.begin(), a.end(), [](const auto& x, const auto& y) { return x.id == y.id; }), a.end());
    return a;
}

std::vector<std::string> joined(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    std::sort(a.begin(), a.end());
    a.erase(std::unique(a.begin(), a.end()), a.end());
    return a;
}

Neighbourhood neighbourhood_of(Archive& archive, const Archive::ChainDelta& delta) {
    std::vector<std::string> changed = delta.forgotten_keys;
    archive.each_document_of(
        delta.unplaced,
        [&](StoredDocument& row) {
            if (auto record = stored_record(row)) changed = joined(std::move(changed), chain_keys(*record));
        },
        kHeaderOnly);
    Neighbourhood n;
    n.compared = joined(delta.unplaced, archive.documents_keyed(changed));
    n.read = joined(n.compared, archive.documents_keyed(joined(changed, archive.keys_of(n.compared))));
    return n;
}

// The change of one compared row; `place_keys`: its keys are stored (it was stored
// since the last pass, or the pass compares the whole archive).
Archive::ChainChange change_of(const StoredDocument& row, const ArchiveChain& chain, const std::vector<std::string>& rules,
                               const OptionsFor& options_for, bool place_keys) {
    Archive::ChainChange change{row.id, std::nullopt, std::nullopt, {}, std::nullopt};
    compare_in_chain(row, chain, rules, options_for, change);
    const LibraryDocument* entry = chain.library.find_file(row.path);
    if (!entry) return change;  // its record unreadable: no place, no keys
    place_in_chain(row, *entry, chain, change);
    if (place_keys) change.keys = chain_keys(*entry);
    return change;
}

}  // namespace

// Reads what the pass compares with (the whole archive, or the neighbourhood of the
// changes), holding one stored record at a time; checks each compared document that
// cites any, whole, with them (and takes back what a document that no longer cites
// was found wanting), and places each in the chain. What changed is written as the
// pass goes, a few hundred documents a transaction, outside the archive's reading;
// the documents stored since and the mark of the end, in the last.
ChainTally compare_archive_chain(Archive& archive, const std::string& token, const std::string& version, const OptionsFor& options_for,
                                 const std::function<void()>& tick) {
    auto work = archive.chain_work(version);
    if (work == Archive::ChainWork::None) return {};
    archive.begin_comparing(token, version, work);
    auto delta = archive.chain_delta();
    auto rules = library_rule_ids();
    bool whole = work == Archive::ChainWork::Whole;
    ArchiveChain chain;
    std::optional<Neighbourhood> near;
    // The library needs a row's record alone; the comparison its findings too.
    const RowParts compared_parts{false, false, true, true};
    if (whole) archive.each_document([&](StoredDocument& row) { add_to_chain(chain, row); }, kHeaderOnly);
    else {
        near = neighbourhood_of(archive, delta);
        archive.each_document_of(
            near->read, [&](StoredDocument& row) { add_to_chain(chain, row); }, kHeaderOnly);
    }
    std::unordered_set<long long> unplaced;
    for (const auto& row : delta.unplaced) unplaced.insert(row.id);
    // Written a few hundred at a time as the pass goes; the documents stored since
    // (unless the whole is compared) and the end, last.
    constexpr std::size_t kChangesAWrite = 256;
    std::vector<Archive::ChainChange> changes, last;
    ChainTally tally;
    bool overtaken = false;
    auto write = [&](std::vector<Archive::ChainChange>& batch, std::optional<long long> ending) {
        overtaken = overtaken || !archive.store_chain_changes(token, rules, batch, ending);
        for (const auto& change : batch)
            if (change.findings && !overtaken) {
                ++tally.changed;
                tally.added.insert(tally.added.end(), change.findings->begin(), change.findings->end());
            }
        batch.clear();
    };
    auto compare = [&](StoredDocument& row) {
        if (tick) tick();
        ++tally.documents;
        bool stored_since = unplaced.count(row.id) > 0;
        auto change = change_of(row, chain, rules, options_for, whole || stored_since);
        if (!change.findings && !change.chain && !change.keys) return;
        (whole || !stored_since ? changes : last).push_back(std::move(change));
        if (changes.size() >= kChangesAWrite && !overtaken) write(changes, std::nullopt);
    };
    if (whole) archive.each_document(compare, compared_parts);
    else archive.each_document_of(near->compared, compare, compared_parts);
    if (!overtaken) write(changes, std::nullopt);
    if (!overtaken) write(last, delta.forgotten_up_to);
    if (overtaken) return {};
    return tally;
}

}  // namespace congvan
