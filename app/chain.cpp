#include "app/chain.h"

#include <algorithm>
#include <unordered_set>

#include "app/archive_library.h"
#include "report/chain_json.h"
#include "rules/library.h"
#include "rules/registry.h"
#include "store/stored_outcome.h"
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

}  // namespace

MemoryLibrary archive_library(Archive& archive) {
    MemoryLibrary library;
    archive.each_document(
        [&](StoredDocument& row) {
            if (auto record = chain_record(row)) library.add(row.path, *record, false);
        },
        kHeaderOnly);
    return library;
}

namespace {

// Two lists of findings that would read the same in every output: their members,
// as they are stored.
bool same_findings(const std::vector<Finding>& a, const std::vector<Finding>& b) { return nlohmann::json(a) == nlohmann::json(b); }

// A document's place in the chain (`entry`: its library entry) and the row each of
// its citations names.
void place_in_chain(const StoredDocument& row, const LibraryDocument& entry, const Library& library, Archive::ChainChange& change) {
    auto now = chain_json(entry, library);
    if (now == row.chain) return;
    // Kept as its text until stored: a whole pass holds a few hundred documents'.
    change.chain = now.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    for (const auto& cited : entry.references) {
        const LibraryDocument* named = library.resolve(cited, entry);
        change.cited_ids.push_back(named ? std::optional<long long>(named->row) : std::nullopt);
    }
}

using OptionsFor = std::function<CheckOptions(const std::string&)>;

// The change of one compared row: its findings of the rules that compare documents
// where they changed (those of a document that no longer cites taken back), and its
// place in the chain.
Archive::ChainChange change_of(const StoredDocument& row, const Library& library, const std::vector<std::string>& rules,
                               const OptionsFor& options_for) {
    Archive::ChainChange change{row.id, std::nullopt, std::nullopt, {}, std::nullopt, {}};
    std::vector<Finding> stored;
    for (const auto& f : row.findings)
        if (std::find(rules.begin(), rules.end(), f.rule) != rules.end()) stored.push_back(f);
    auto record = chain_record(row);
    bool cites = record && record->references.value && !record->references.value->empty();
    CheckResult result;
    if (cites) {
        result.reference = reference_of(row);
        check_with_library(*record, library, options_for(row.path), result);
    }
    if ((cites || !stored.empty()) && !same_findings(result.findings, stored)) change.findings = std::move(result.findings);
    if (!record) return change;  // its record unreadable: no place, no keys
    LibraryDocument entry = library_entry(row.path, *record, row.id);
    place_in_chain(row, entry, library, change);
    return change;
}

// Its chain keys, the one of its own number marked (rules/library.h chain_keys).
Archive::ChainChange keys_of_row(const StoredDocument& row) {
    Archive::ChainChange change{row.id, std::nullopt, std::nullopt, {}, std::nullopt, {}};
    auto record = chain_record(row);
    if (!record) return change;
    change.keys = chain_keys(*record);
    if (record->number.value) change.own_key = chain_key(*record->number.value, record->date.value);
    return change;
}

std::vector<Archive::RowPlace> joined(std::vector<Archive::RowPlace> a, const std::vector<Archive::RowPlace>& b) {
    a.insert(a.end(), b.begin(), b.end());
    std::sort(a.begin(), a.end());
    a.erase(std::unique(a.begin(), a.end(), [](const auto& x, const auto& y) { return x.id == y.id; }), a.end());
    return a;
}

// The rows a pass of the changes since the last compares: those stored since, and
// every row whose keys meet theirs or a forgotten row's (only they can find or lose
// a document to name, or a citation to conflict with). The keys of those stored
// since are stored first.
std::vector<Archive::RowPlace> compared_rows(Archive& archive, const Archive::ChainDelta& delta) {
    std::vector<std::string> changed = archive.keys_of(delta.unplaced);
    changed.insert(changed.end(), delta.forgotten_keys.begin(), delta.forgotten_keys.end());
    std::sort(changed.begin(), changed.end());
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
    return joined(delta.unplaced, archive.documents_keyed(changed));
}

// Writes a pass's changes a few hundred at a time as it goes; those held for the
// last write (the documents stored since, in a pass of the changes) with the end.
class ChainWriter {
public:
    ChainWriter(Archive& archive, const std::string& token, const std::vector<std::string>& rules, ChainTally& tally)
        : archive_(archive), token_(token), rules_(rules), tally_(tally) {}
    void add(Archive::ChainChange change, bool held_to_end) {
        (held_to_end ? last_ : changes_).push_back(std::move(change));
        if (changes_.size() >= kChangesAWrite && !overtaken_) write(changes_, std::nullopt);
    }
    // False when a pass that began later overtook this one.
    bool finish(std::optional<long long> ending) {
        if (!overtaken_) write(changes_, std::nullopt);
        if (!overtaken_) write(last_, ending);
        return !overtaken_;
    }
    bool overtaken() const { return overtaken_; }

private:
    static constexpr std::size_t kChangesAWrite = 256;
    void write(std::vector<Archive::ChainChange>& batch, std::optional<long long> ending) {
        overtaken_ = overtaken_ || !archive_.store_chain_changes(token_, rules_, batch, ending);
        for (const auto& change : batch)
            if (change.findings && !overtaken_) {
                ++tally_.changed;
                for (const auto& f : *change.findings) ++tally_.added.at(static_cast<std::size_t>(f.severity));
            }
        batch.clear();
    }
    Archive& archive_;
    const std::string& token_;
    const std::vector<std::string>& rules_;
    ChainTally& tally_;
    std::vector<Archive::ChainChange> changes_, last_;
    bool overtaken_ = false;
};

}  // namespace

// Two steps, each holding one stored record at a time: the keys of the documents
// the pass must place (every document, or those stored since) are stored first, so
// that the library reads the archive by key (ArchiveLibrary); then each compared
// document (the whole archive, or the neighbourhood of the changes) that cites any
// is checked whole with the library (and what a document that no longer cites was
// found wanting taken back), and placed in the chain. What changed is written as
// the pass goes; the documents stored since and the mark of the end, in the last
// write (docs/chain.md, "A pass's memory").
ChainTally compare_archive_chain(Archive& archive, const std::string& token, const std::string& version, const OptionsFor& options_for,
                                 const std::function<void()>& tick) {
    auto work = archive.chain_work(version);
    if (work == Archive::ChainWork::None) return {};
    archive.begin_comparing(token, version, work);
    bool whole = work == Archive::ChainWork::Whole;
    auto delta = archive.chain_delta(!whole);
    auto rules = library_rule_ids();
    ChainTally tally;
    ChainWriter keys(archive, token, rules, tally);
    auto store_keys = [&](StoredDocument& row) {
        if (!keys.overtaken()) keys.add(keys_of_row(row), false);
    };
    if (whole) archive.each_document(store_keys, kHeaderOnly);
    else archive.each_document_of(delta.unplaced, store_keys, kHeaderOnly);
    if (!keys.finish(std::nullopt)) return {};
    std::unordered_set<long long> unplaced;
    for (const auto& row : delta.unplaced) unplaced.insert(row.id);
    ArchiveLibrary library(archive);
    ChainWriter writer(archive, token, rules, tally);
    auto compare = [&](StoredDocument& row) {
        if (tick) tick();
        ++tally.documents;
        auto change = change_of(row, library, rules, options_for);
        library.next_document();
        if (change.findings || change.chain) writer.add(std::move(change), !whole && unplaced.count(row.id) > 0);
    };
    // The comparison reads a row's findings too.
    const RowParts compared_parts{false, false, true, true};
    if (whole) archive.each_document(compare, compared_parts);
    else archive.each_document_of(compared_rows(archive, delta), compare, compared_parts);
    if (!writer.finish(delta.forgotten_up_to)) return {};
    return tally;
}

}  // namespace congvan
