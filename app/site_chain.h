// The chain of instructions an archive holds, as trees (docs/chain.md): from each
// document that is cited but cites none of the archive (the top of its chain here:
// the Ministry's dispatch, or the highest link scanned), down through the documents
// citing it. The site's chain page lists it (app/site.cpp).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "rules/library.h"
#include "store/archive.h"

namespace congvan {

struct ChainEntry {
    std::size_t depth = 0;  // 0: the top of a chain
    const LibraryDocument* document = nullptr;
};

// Every chain, top first, each document followed by the documents citing it (in the
// library's order, each once: a document citing two links of one chain stands under
// the first).
std::vector<ChainEntry> chain_tree(const MemoryLibrary& library);

// A line of the site's chain page: a document of the tree and what a plan copies
// from the link above it.
struct ChainRow {
    std::size_t depth = 0;
    long long id = 0;  // its row in the archive, for its page
    std::string file, number, date, week, theme;
    bool departs = false;  // a rule that compares documents found it departing or miscited
};

// chain_tree's documents that are among `listed` (the archive's listing), in order.
std::vector<ChainRow> chain_rows(const MemoryLibrary& library, const std::vector<StoredDocument>& listed);

}  // namespace congvan
