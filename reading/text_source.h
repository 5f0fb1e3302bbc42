#pragma once
#include <string_view>
#include <vector>

#include "document.h"

namespace congvan {

// Plain UTF-8 text, possibly with the light markdown the seeds carry (**bold**,
// *italic*, # headings, <b>…</b>). Form feeds separate pages.
std::vector<Page> read_text_pages(std::string_view utf8);

// One line of light markdown reduced to its text.
std::string strip_markdown(std::string_view line);

}  // namespace congvan
