// A Ministry record as corpus/ministry/<year>.yaml holds it, written from a dispatch
// the Ministry issued (`congvan ministry import`): each value found with confidence
// `single` (one source: this dispatch) and where in it it was read; each value not
// found as null with confidence `unknown`, for a person to fill in.
#pragma once

#include <string>

#include "fields/record.h"

namespace congvan {

// Throws std::invalid_argument when the dispatch is not the Ministry's.
std::string ministry_record_yaml(const Record& dispatch, const std::string& display_name);

}  // namespace congvan
