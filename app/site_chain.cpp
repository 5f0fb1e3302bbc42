#include "app/site_chain.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "app/chain.h"

namespace congvan {

namespace {

// Whether any of the document's citations names a document of the library.
bool cites_the_library(const Library& library, const LibraryDocument& d) {
    for (const auto& cited : d.references)
        if (library.resolve(cited, d)) return true;
    return false;
}

}  // namespace

std::vector<ChainEntry> chain_tree(const MemoryLibrary& library) {
    std::vector<ChainEntry> out;
    std::set<const LibraryDocument*> placed;
    std::function<void(const LibraryDocument&, std::size_t)> place = [&](const LibraryDocument& d, std::size_t depth) {
        if (!placed.insert(&d).second) return;  // once, and never round a cycle
        out.push_back({depth, &d});
        for (const auto& c : library.cited_by(d)) place(*c.document, depth + 1);
    };
    for (const auto& d : library.documents())
        if (!library.cited_by(d).empty() && !cites_the_library(library, d)) place(d, 0);
    return out;
}

std::vector<ChainRow> chain_rows(const MemoryLibrary& library, const std::vector<StoredDocument>& listed) {
    std::map<std::string, const StoredDocument*> by_path;
    for (const auto& d : listed) by_path.emplace(d.path, &d);
    auto chain_rules = broken_link_rule_ids();
    auto is_chain_rule = [&](const Finding& f) { return std::find(chain_rules.begin(), chain_rules.end(), f.rule) != chain_rules.end(); };
    std::vector<ChainRow> rows;
    for (const auto& [depth, doc] : chain_tree(library)) {
        auto d = by_path.find(doc->file);
        if (d == by_path.end()) continue;
        const auto& week = doc->week.value;
        rows.push_back({depth, d->second->id, doc->file, doc->number.value.value_or(""), doc->date.value ? doc->date.value->iso() : "",
                        week ? week->start.iso() + " – " + week->end.iso() : "", doc->theme.value.value_or(""),
                        std::any_of(d->second->findings.begin(), d->second->findings.end(), is_chain_rule)});
    }
    return rows;
}

}  // namespace congvan
