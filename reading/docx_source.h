// A Word draft (.docx): the body's paragraphs and tables as lines, each with the
// style of its runs (font, size, bold, italic, underline, resolved through the
// document's styles and defaults), and the section's paper, margins and whether its
// headers or footers number the pages. libzip opens the package and pugixml reads
// its XML parts (docs/docx.md).
#pragma once

#include <string_view>
#include <vector>

#include "document.h"

namespace congvan {

// One page: a Word file has no pages until it is laid out, and congvan does not lay
// it out. LoadError for a damaged package or a part too large to unpack.
std::vector<Page> read_docx_pages(std::string_view bytes);

}  // namespace congvan
