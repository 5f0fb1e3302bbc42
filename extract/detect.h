#pragma once
#include <string_view>

#include "document.h"

namespace congvan {

// The kind of a document judged from its bytes alone (magic numbers, then UTF-8
// validity). Throws LoadError with the reason for anything else.
DocumentKind detect_kind(std::string_view bytes);

bool is_valid_utf8(std::string_view bytes);

}  // namespace congvan
