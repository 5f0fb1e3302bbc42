#pragma once
#include <string_view>

#include "document.h"

namespace congvan {

// The kind of a document judged from its bytes alone (magic numbers, then UTF-8
// validity). Throws LoadError with the reason for anything else.
DocumentKind detect_kind(std::string_view bytes);

bool is_valid_utf8(std::string_view bytes);

// Whether the bytes open with UTF-16's byte-order mark (little or big endian): a
// text saved as "Unicode" by Windows' Notepad.
bool has_utf16_bom(std::string_view bytes);

}  // namespace congvan
