// Patterns, vocabularies and rules are built on first use. A command that forks a
// process per document (isolation.h) builds them once beforehand, on a typical
// letter, so that every document's process inherits them ready instead of
// building them again.
#pragma once

#include <functional>
#include <string>

#include "reading/document.h"

namespace congvan {

// Runs `use` on a typical Week plan read as text; what it throws is ignored (a
// warm-up is only a head start: a document that fails later says why itself).
// Then reads warm_up_pdf's text layer: what every text-layer PDF's process runs
// (Poppler's parser, fonts and text, the character conversions it loads) is loaded
// and bound once, not in each process (docs/performance.md, "Starting the binary").
void warm_up(const std::function<void(const Document&)>& use);

// A one-page PDF with a text layer, made here (no document's bytes are ever read
// in the parent process: a broken file must break only its own).
std::string warm_up_pdf();

}  // namespace congvan
