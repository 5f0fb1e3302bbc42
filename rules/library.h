// The other documents of one run (the files of a `check`, a scan's archive), for the rules that compare
// a document with the documents it cites: the chain of instructions, from the
// Ministry's dispatch down to a school's plan (docs/chain.md).
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "fields/record.h"
#include "fields/register.h"

namespace congvan {

// A field of another document as the rules that compare documents read it: its
// value, how sure its reading is, and its line (not its words nor its box: only
// the document's own findings quote and draw it).
template <typename T>
struct LibraryValue {
    std::optional<T> value;
    double sureness = 100;
    int line = 0;  // Evidence::shown_line, 0 when unknown
};

// A document of the library: its header, its citations and the Week's facts a plan
// copies from the instruction it carries out, in a few hundred bytes (a Record is
// 6 KB before its text), so that the library of a large archive stays small.
struct LibraryDocument {
    std::string file, sha256;
    const Record* source = nullptr;  // the record it was made from, where it outlives the library
    long long row = 0;               // the scan archive's row it was read from; 0 elsewhere
    LibraryValue<std::string> doc_type, number, province, theme;
    LibraryValue<VnDate> date;
    LibraryValue<Week> week;
    bool about_week = false;
    bool theme_cut = false;                 // its theme's quotation runs to the end of a cut text
    std::vector<CitedDocument> references;  // their evidence without words or boxes
    std::uint64_t reading = 0;              // a digest of its reading_key: copies of one document share it
};

// A document a variant names: its file and bytes (two paths, one document).
struct LibraryDocumentName {
    std::string file, sha256;
    const Record* source = nullptr;  // as LibraryDocument's
};

// One citation a document of the library makes.
struct LibraryCitation {
    const LibraryDocument* document = nullptr;
    const CitedDocument* cited = nullptr;
};

// The documents of a library that cite one dispatch alike: the same symbol and day,
// issuer (folded), province of the citing document (folded) and whether any was read
// by OCR. What `citation-conflict` reads of a dispatch: a few hundred bytes however
// many documents cite it, where the citations themselves are one each (docs/chain.md,
// "A pass's memory").
struct CitationVariant {
    CitedDocument cited;                         // the first citation of the variant, without its words or box
    std::optional<std::string> province;         // of the citing documents, as the first one names it
    long count = 0;                              // citations of the variant
    std::vector<LibraryDocumentName> documents;  // the first kVariantDocuments of them, in the library's order
};
constexpr std::size_t kVariantDocuments = 8;

// The other documents of a run, as the rules that compare documents read them: by
// key ("serial|year", chain_keys), the documents numbered with a key and the
// citations of it. A library held in memory (MemoryLibrary: a `check` run's files,
// the site's archive) or read from a scan's archive a key at a time
// (app/archive_library.h), so that a pass over a large archive holds a few keys.
class Library {
public:
    virtual ~Library() = default;
    // The documents whose own number and date have `key`, copies of one document
    // (same_reading) once, the first in the library's order. They stay valid until the
    // library is told otherwise (ArchiveLibrary::next_document), and may be without
    // their citations (an archive's: what a citation reads of the document it names
    // is its header, theme and week).
    virtual std::vector<const LibraryDocument*> numbered(const std::string& key) const = 0;
    // Each citation of `key`, in the library's order; `visit`'s pointers are valid
    // during the call alone.
    virtual void each_citation_of(const std::string& key, const std::function<void(const LibraryCitation&)>& visit) const = 0;
    // The citations of `key` grouped in variants, in the order of their first use.
    virtual std::vector<CitationVariant> variants_of(const std::string& key) const = 0;

    // The document of the library that `cited` (a citation of `citing`, itself in the
    // library or not) names: the same serial and issuing code in the same year, and
    // then the same symbol or the same day; the citing document itself never, nor a
    // document more than one could be (docs/chain.md, "Which document a citation
    // names"; the same bytes under two paths are one). Null when none is.
    const LibraryDocument* resolve(const CitedDocument& cited, const Record& citing) const;
    // The same for a citation of a document of the library (an archive's entries keep
    // no record).
    const LibraryDocument* resolve(const CitedDocument& cited, const LibraryDocument& citing) const;
    // The citations of the library's documents that name `document` or a copy of it
    // (by `resolve`), in the library's order; their pointers valid during the call
    // alone, the citing document's file, row and sha256 alone sure to be there.
    virtual void each_citing(const LibraryDocument& document, const std::function<void(const LibraryCitation&)>& visit) const;

protected:
    Library() = default;
    Library(const Library&) = default;
    Library& operator=(const Library&) = default;
    Library(Library&&) = default;
    Library& operator=(Library&&) = default;

private:
    // `is_citing`: the citing document itself (cheap); `copy_of_citing`: a copy of it,
    // asked only of a document the citation would name.
    using Test = std::function<bool(const LibraryDocument&)>;
    const LibraryDocument* resolve(const CitedDocument& cited, const Test& is_citing, const Test& copy_of_citing,
                                   const std::optional<std::string>& citing_province) const;
};

// A library held in memory: every document's entry.
class MemoryLibrary : public Library {
public:
    MemoryLibrary() = default;
    // Moved, never copied: the index of files views the entries' own strings.
    MemoryLibrary(MemoryLibrary&&) = default;
    MemoryLibrary& operator=(MemoryLibrary&&) = default;
    MemoryLibrary(const MemoryLibrary&) = delete;
    MemoryLibrary& operator=(const MemoryLibrary&) = delete;
    // Keeps what the rules read of `record`; and its address when `kept` (the record
    // outlives the library, as a `check` run's do), else only its sha256 tells it.
    // `row`: the archive's row it was read from.
    void add(std::string file, const Record& record, bool kept = true, long long row = 0);
    // In the order added. A deque: an entry never moves (the index of files points
    // into it), and a large archive's library grows without copying itself.
    const std::deque<LibraryDocument>& documents() const { return documents_; }
    // The library's entry of `record`, or null.
    const LibraryDocument* find(const Record& record) const;
    // The library's (first) entry added under `file`, or null.
    const LibraryDocument* find_file(const std::string& file) const;
    // The citations of the library's documents that name `document`, gathered.
    std::vector<LibraryCitation> cited_by(const LibraryDocument& document) const;

    std::vector<const LibraryDocument*> numbered(const std::string& key) const override;
    void each_citation_of(const std::string& key, const std::function<void(const LibraryCitation&)>& visit) const override;
    std::vector<CitationVariant> variants_of(const std::string& key) const override;

private:
    std::deque<LibraryDocument> documents_;
    std::multimap<std::string, std::size_t> by_key_;                  // own key → documents_, copies once
    std::unordered_multimap<std::uint64_t, std::size_t> by_reading_;  // reading → documents_, the first of its copies
    std::map<std::string_view, std::size_t, std::less<>> by_file_;    // an entry's file (its own string) → documents_
    // "serial|year" → (documents_, the citation's place in its references)
    std::multimap<std::string, std::pair<std::size_t, std::size_t>> citations_;
};

// A document's entry in a library: what the rules read of `record` (its citations
// without their words or boxes), named `file`; `row`: the archive's row.
LibraryDocument library_entry(std::string file, const Record& record, long long row = 0);

// What `resolve` and the rules that compare documents read of a document, as one
// text: its type, number, province, theme, date and week, each value as the same
// words (comparison_key) and whether it was read surely, and whether it is about the
// Week and its theme cut. Two documents numbered alike that read alike in all of it
// are copies of one document (one dispatch scanned into two folders, kept as a PDF
// and as a text), held once and named as one (docs/chain.md, "Copies of one
// document"); their files, lines and sureness are not compared.
std::string reading_key(const LibraryDocument& entry);
bool same_reading(const LibraryDocument& a, const LibraryDocument& b);
// A document's entry without its citations: what a citation of it reads.
LibraryDocument header_entry(std::string file, const Record& record, long long row = 0);

// Adds `cited`, a citation `document` makes, to the variants it belongs with
// (CitationVariant), or as a new one.
void add_to_variants(std::vector<CitationVariant>& variants, const LibraryDocument& document, const CitedDocument& cited);

// A number's key in a year ("serial|year"): its serial and the year; empty when it
// has either not. A document's own key, and a citation's (the number cited, in the
// year of the date cited).
std::string chain_key(const std::string& number, const std::optional<VnDate>& date);
std::string own_key(const LibraryDocument& entry);

// The keys that tie a document to every document it could name or be named by,
// and to every document citing what it cites: "serial|year" of its own number and
// date, and of each citation dated (the only ways a library reaches another
// document: Library::numbered, each_citation_of, variants_of). Two documents that share none cannot
// change each other's findings or place in the chain, so an archive re-compares
// only the documents whose keys meet a changed one's (docs/chain.md).
std::vector<std::string> chain_keys(const Record& record);
// The same keys of a library's entry (it keeps what they are made from).
std::vector<std::string> chain_keys(const LibraryDocument& entry);

// The instruction a document carries out, where the library holds it: the first
// document its text cites that the library names (Library::resolve) and that is
// itself about the Week; null when none is. One link up, never further: what the
// rules that compare documents read of another is one key away (chain_keys).
const LibraryDocument* instruction_carried_out(const Library& library, const Record& record);

// One document: the record the entry was made from, or the same bytes (a scan
// compares a document's whole record with the library's entry of it).
bool same_document(const LibraryDocument& entry, const Record& record);

// A number's serial, the figures before its symbol, without leading zeros:
// "0115/SGDĐT-GDTX" → "115", "05-HD/VPTW" → "5"; empty when it has none.
std::string serial_of(const std::string& number);
// Whether a local body's code (a province's Sở, a committee: every province has one)
// or a central body's (the register of organisations), which is the same everywhere.
bool central_code(const std::string& folded_code);

// The comparisons the rules that compare documents share with the resolution:
// two numbers the same folded, spaces aside; two numbers whose symbols carry an
// issuing code in common; a citation that names its type ("Kế hoạch số …", not
// "văn bản số …"); two provinces both read and the same; and two texts one
// character apart folded, what OCR alone makes of a right text.
bool same_number(const std::string& a, const std::string& b);
bool share_issuing_code(const std::string& a, const std::string& b);
bool names_type(const CitedDocument& cited);
bool same_province(const std::optional<std::string>& a, const std::optional<std::string>& b);
bool one_character_apart(const std::string& a, const std::string& b);

}  // namespace congvan
