// A scan archive's documents as the rules that compare documents read them, read a
// key at a time (docs/chain.md, "A pass's memory"): a pass over the whole archive
// holds the entries of the keys it last read, not one entry a document.
#pragma once

#include <list>
#include <optional>
#include <string>
#include <unordered_map>

#include "rules/library.h"
#include "store/archive.h"

namespace congvan {

// What a library's entry, a document's keys and the rules that compare documents
// read of a stored row: its record's header (the rules' test holds them to it); none
// for a row with an error or of another encoding (the next pass reads it again).
std::optional<Record> chain_record(const StoredDocument& row);

class ArchiveLibrary : public Library {
public:
    // Holds at most `keys_held` keys' documents between two documents compared.
    explicit ArchiveLibrary(Archive& archive, std::size_t keys_held = 1024);

    std::vector<const LibraryDocument*> numbered(const std::string& key) const override;
    void each_citation_of(const std::string& key, const std::function<void(const LibraryCitation&)>& visit) const override;
    std::vector<CitationVariant> variants_of(const std::string& key) const override;
    // Who cites each numbered document of a key is found once for the key, as its
    // variants are: the documents of a key are compared one after another. The
    // document (an entry made from its row, not the library's own) is found among
    // those held by its reading: itself, or the copy held for it.
    void each_citing(const LibraryDocument& document, const std::function<void(const LibraryCitation&)>& visit) const override;

    // Between two documents compared: the keys read least recently are let go
    // beyond `keys_held` (what numbered() gave stays valid until then).
    void next_document();
    // How many times a key's documents were read from the archive, and how many keys are held.
    long reads() const { return reads_; }
    std::size_t keys_held_now() const { return held_.size(); }

private:
    // A citation naming a numbered document: the citing document's name, and the citation.
    struct Citing {
        LibraryDocument document;  // its file, row and sha256
        CitedDocument cited;
    };
    struct Held {
        std::deque<LibraryDocument> numbered;                          // copies once; a deque: numbered() hands out addresses
        std::unordered_multimap<std::uint64_t, std::size_t> readings;  // LibraryDocument::reading → numbered
        std::optional<std::vector<CitationVariant>> variants;
        std::optional<std::unordered_map<long long, std::vector<Citing>>> citing;  // by the row named
        std::list<std::string>::iterator use;
    };
    Held& held(const std::string& key) const;
    // The held document `document` is, or a copy of; null when none is.
    static const LibraryDocument* held_as(const Held& h, const LibraryDocument& document);
    void each_keyed(const std::string& key, bool numbered, const std::function<void(LibraryDocument&)>& visit) const;

    Archive& archive_;
    std::size_t keys_held_;
    mutable std::unordered_map<std::string, Held> held_;
    mutable std::list<std::string> uses_;  // the keys held, the most recently read first
    mutable long reads_ = 0;
};

}  // namespace congvan
