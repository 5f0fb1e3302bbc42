// The other documents of one run (the files of a `check`), for the rules that compare
// a document with the documents it cites: the chain of instructions, from the
// Ministry's dispatch down to a school's plan (docs/chain.md).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "extract/record.h"

namespace congvan {

struct LibraryDocument {
    std::string file;
    const Record* record = nullptr;
};

// One citation a document of the library makes.
struct LibraryCitation {
    const LibraryDocument* document = nullptr;
    const CitedDocument* cited = nullptr;
};

class Library {
public:
    // `record` must outlive the library.
    void add(std::string file, const Record& record);
    const std::vector<LibraryDocument>& documents() const { return documents_; }
    // The document of the library that `cited` (a citation of `citing`, itself in the
    // library or not) names: the same serial and issuing code in the same year, and
    // then the same symbol or the same day; the citing document itself never, nor a
    // document more than one could be (docs/chain.md, "Which document a citation
    // names"; the same bytes under two paths are one). Null when none is.
    const LibraryDocument* resolve(const CitedDocument& cited, const Record& citing) const;
    // The citations of the library's documents of this serial dated in this year.
    std::vector<LibraryCitation> citations_of(const std::string& serial, int year) const;

private:
    std::vector<LibraryDocument> documents_;
    std::multimap<std::string, std::size_t> by_serial_;  // serial_of(number) → documents_
    // "serial|year" → (documents_, the citation's place in its references)
    std::multimap<std::string, std::pair<std::size_t, std::size_t>> citations_;
};

// A number's serial, the figures before its symbol, without leading zeros:
// "0115/SGDĐT-GDTX" → "115", "05-HD/VPTW" → "5"; empty when it has none.
std::string serial_of(const std::string& number);
// The parts of a number's symbol that name who issued it, folded: every part but the
// type code ("115/KH-SGDĐT" → {"sgddt"}, "2201/BGDĐT-GDTX" → {"bgddt", "gdtx"}).
std::vector<std::string> issuing_codes(const std::string& number);
// Whether a local body's code (a province's Sở, a committee: every province has one)
// or a central body's (the register of organisations), which is the same everywhere.
bool central_code(const std::string& folded_code);

}  // namespace congvan
