// A library held in memory (rules/library.h): every document's entry, indexed by
// its own key, its citations' keys and its file.
#include <algorithm>
#include <cassert>

#include "library.h"

namespace congvan {

void MemoryLibrary::add(std::string file, const Record& record, bool kept, long long row) {
    documents_.push_back(library_entry(std::move(file), record, row));
    LibraryDocument& entry = documents_.back();
    if (!kept) entry.source = nullptr;
    std::size_t at = documents_.size() - 1;
    if (std::string key = own_key(entry); !key.empty()) {
        // A copy is named as the first (Library::numbered); a reading holds the number
        // and date, so the same reading is under the same key.
        auto [begin, end] = by_reading_.equal_range(entry.reading);
        bool copy = std::any_of(begin, end, [&](const auto& first) { return same_reading(documents_[first.second], entry); });
        if (!copy) by_key_.emplace(key, at), by_reading_.emplace(entry.reading, at);
    }
    for (std::size_t i = 0; i < entry.references.size(); ++i) {
        const CitedDocument& cited = entry.references[i];
        if (std::string key = chain_key(cited.number, cited.date); !key.empty()) citations_.emplace(key, std::make_pair(at, i));
    }
    by_file_.emplace(entry.file, at);
}

std::vector<const LibraryDocument*> MemoryLibrary::numbered(const std::string& key) const {
    std::vector<const LibraryDocument*> out;
    auto [begin, end] = by_key_.equal_range(key);
    for (auto it = begin; it != end; ++it) out.push_back(&documents_[it->second]);
    return out;
}

void MemoryLibrary::each_citation_of(const std::string& key, const std::function<void(const LibraryCitation&)>& visit) const {
    auto [begin, end] = citations_.equal_range(key);
    for (auto it = begin; it != end; ++it) {
        const LibraryDocument& d = documents_[it->second.first];
        visit({&d, &d.references[it->second.second]});
    }
}

std::vector<CitationVariant> MemoryLibrary::variants_of(const std::string& key) const {
    std::vector<CitationVariant> variants;
    each_citation_of(key, [&](const LibraryCitation& c) { add_to_variants(variants, *c.document, *c.cited); });
    return variants;
}

const LibraryDocument* MemoryLibrary::find(const Record& record) const {
    for (const auto& d : documents_)  // its own entry first, then one of the same bytes
        if (d.source == &record) return &d;
    for (const auto& d : documents_)
        if (same_document(d, record)) return &d;
    return nullptr;
}

const LibraryDocument* MemoryLibrary::find_file(const std::string& file) const {
    auto it = by_file_.find(file);
    return it == by_file_.end() ? nullptr : &documents_[it->second];
}

std::vector<LibraryCitation> MemoryLibrary::cited_by(const LibraryDocument& document) const {
    // An entry of this library: a copy would never be resolved to.
    assert(find_file(document.file));
    std::vector<LibraryCitation> out;
    each_citing(document, [&](const LibraryCitation& c) { out.push_back(c); });
    return out;
}

}  // namespace congvan
