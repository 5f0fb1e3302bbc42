#include "app/archive_library.h"

#include <stdexcept>

#include "store/stored_record.h"

namespace congvan {

namespace {

// What a library's entry is made from: a row's record's header (not its extract
// record, findings or text).
constexpr RowParts kHeaderOnly{false, false, false, true};

}  // namespace

std::optional<Record> chain_record(const StoredDocument& row) {
    if (!row.error.empty() || row.record.empty()) return std::nullopt;
    try {
        return decode_record_header(row.record);
    } catch (const std::runtime_error&) {
        return std::nullopt;
    }
}

ArchiveLibrary::ArchiveLibrary(Archive& archive, std::size_t keys_held) : archive_(archive), keys_held_(keys_held) {}

void ArchiveLibrary::each_keyed(const std::string& key, bool numbered, const std::function<void(LibraryDocument&)>& visit) const {
    ++reads_;
    archive_.each_document_keyed(
        key, numbered,
        [&](StoredDocument& row) {
            auto record = chain_record(row);
            if (!record) return;
            LibraryDocument entry = library_entry(row.path, *record, row.id);
            entry.source = nullptr;  // the record goes with this row
            visit(entry);
        },
        kHeaderOnly);
}

ArchiveLibrary::Held& ArchiveLibrary::held(const std::string& key) const {
    if (auto it = held_.find(key); it != held_.end()) {
        uses_.splice(uses_.begin(), uses_, it->second.use);
        return it->second;
    }
    uses_.push_front(key);
    Held& h = held_[key];
    h.use = uses_.begin();
    each_keyed(key, true, [&](LibraryDocument& entry) {
        // What a citation naming it reads of it; its own citations are its own
        // comparison's (and the bulk of an entry).
        if (own_key(entry) != key || held_as(h, entry)) return;  // a copy: named as the first
        std::vector<CitedDocument>().swap(entry.references);
        h.readings.emplace(entry.reading, h.numbered.size());
        h.numbered.push_back(std::move(entry));
    });
    return h;
}

const LibraryDocument* ArchiveLibrary::held_as(const Held& h, const LibraryDocument& document) {
    auto [begin, end] = h.readings.equal_range(document.reading);
    for (auto it = begin; it != end; ++it)
        if (same_reading(h.numbered[it->second], document)) return &h.numbered[it->second];
    return nullptr;
}

std::vector<const LibraryDocument*> ArchiveLibrary::numbered(const std::string& key) const {
    std::vector<const LibraryDocument*> out;
    for (const auto& d : held(key).numbered) out.push_back(&d);
    return out;
}

void ArchiveLibrary::each_citation_of(const std::string& key, const std::function<void(const LibraryCitation&)>& visit) const {
    held(key);  // what resolving these citations reads, read first and once
    each_keyed(key, false, [&](LibraryDocument& entry) {
        for (const auto& cited : entry.references)
            if (chain_key(cited.number, cited.date) == key) visit({&entry, &cited});
    });
}

std::vector<CitationVariant> ArchiveLibrary::variants_of(const std::string& key) const {
    Held& h = held(key);
    if (!h.variants) {
        std::vector<CitationVariant> variants;
        each_citation_of(key, [&](const LibraryCitation& c) { add_to_variants(variants, *c.document, *c.cited); });
        h.variants = std::move(variants);
    }
    return *h.variants;
}

void ArchiveLibrary::each_citing(const LibraryDocument& document, const std::function<void(const LibraryCitation&)>& visit) const {
    std::string key = own_key(document);
    if (key.empty()) return;
    Held& h = held(key);
    if (!h.citing) {
        std::unordered_map<long long, std::vector<Citing>> citing;
        each_citation_of(key, [&](const LibraryCitation& c) {
            const LibraryDocument* named = resolve(*c.cited, *c.document);
            if (!named) return;
            LibraryDocument name;
            name.file = c.document->file, name.sha256 = c.document->sha256, name.row = c.document->row;
            citing[named->row].push_back({std::move(name), *c.cited});
        });
        h.citing = std::move(citing);
    }
    const LibraryDocument* named = held_as(h, document);  // itself, or the copy held
    auto it = named ? h.citing->find(named->row) : h.citing->end();
    if (it == h.citing->end()) return;
    for (const auto& c : it->second) visit({&c.document, &c.cited});
}

void ArchiveLibrary::next_document() {
    while (held_.size() > keys_held_) {
        held_.erase(uses_.back());
        uses_.pop_back();
    }
}

}  // namespace congvan
