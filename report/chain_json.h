// A document's place in the chain of instructions checked with it (docs/chain.md):
// each citation it makes, with the document of the run that citation names, and
// the documents of the run that cite it. The JSON formats' "chain" member.
#pragma once

#include <nlohmann/json.hpp>

#include "rules/library.h"

namespace congvan {

// {"citations": [{type, number, date, issuer, line, "resolved": {file, number,
// date, line} or null}], "cited_by": [{file, number, line}]}: `line` is where the
// citation stands in its document, the cited document's `line` where its number does.
// `document` is the library's entry of the document shown.
nlohmann::ordered_json chain_json(const LibraryDocument& document, const Library& library);
// The same for the library's document of `file` (MemoryLibrary::find_file); null where
// the library has none (a document without a record).
nlohmann::ordered_json chain_json(const std::string& file, const MemoryLibrary& library);

}  // namespace congvan
