#include "app/chain.h"

#include <algorithm>

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

// What the rules that compare documents read of one: its header, its citations and
// the Week's facts a plan copies from the instruction it carries out.
// Only this much of each record is held, so that an archive's whole library fits.
Record chain_part(Record full) {
    Record part;
    part.file = std::move(full.file);
    part.sha256 = std::move(full.sha256);
    part.doc_type = std::move(full.doc_type);
    part.number = std::move(full.number);
    part.date = std::move(full.date);
    part.issuer = std::move(full.issuer);
    part.province = std::move(full.province);
    part.references = std::move(full.references);
    part.about_week = std::move(full.about_week);
    part.week = std::move(full.week);
    part.theme = std::move(full.theme);
    part.themes = std::move(full.themes);
    return part;
}

struct Held {
    long long id = 0;
    std::string path;
    Record record;
    std::optional<Reference> reference;  // the Ministry record it was compared with
    std::vector<StoredFinding> stored;  // its findings of the rules that compare documents
};

// Two lists of findings that would read the same in every output.
std::string shown(const std::vector<StoredFinding>& findings) {
    StoredDocument d;
    d.findings = findings;
    return row_text(d);
}

}  // namespace

ChainTally audit_archive_chain(Archive& archive, const std::function<CheckOptions(const std::string&)>& options_for) {
    auto rules = library_rule_ids();
    std::vector<Held> held;
    archive.each_document(
        [&](StoredDocument& row) {
            if (!row.error.empty() || row.record.empty()) return;
            Held h{row.id, row.path, {}, as_checked(row).result.reference, {}};
            try {
                h.record = chain_part(decode_record(row.record));
            } catch (const std::runtime_error&) {
                return;  // of another encoding: the next pass reads it again
            }
            for (auto& f : row.findings)
                if (std::find(rules.begin(), rules.end(), f.rule) != rules.end()) h.stored.push_back(std::move(f));
            held.push_back(std::move(h));
        },
        false);
    Library library;
    for (const auto& h : held) library.add(h.path, h.record);
    ChainTally tally;
    tally.documents = static_cast<long>(held.size());
    for (const auto& h : held) {
        CheckResult result;
        result.reference = h.reference;
        check_with_library(h.record, library, options_for(h.path), result);
        std::vector<StoredFinding> now;
        for (const auto& f : result.findings) now.push_back(stored_finding(f));
        if (shown(now) == shown(h.stored)) continue;
        archive.replace_findings(h.id, rules, now);
        ++tally.changed;
        tally.added.insert(tally.added.end(), now.begin(), now.end());
    }
    return tally;
}

}  // namespace congvan
