// Patterns, vocabularies and rules are built on first use. A command that forks a
// process per document (isolation.h) builds them once beforehand, on a typical
// letter, so that every document's process inherits them ready instead of
// building them again.
#pragma once

#include <functional>

#include "reading/document.h"

namespace congvan {

// Runs `use` on a typical Week plan read as text; what it throws is ignored (a
// warm-up is only a head start: a document that fails later says why itself).
void warm_up(const std::function<void(const Document&)>& use);

}  // namespace congvan
