// How posts in English about Vietnamese offices write dates (this repository's
// docs/fields.md, "Posts in English"): state media publish English editions of the
// same news ("from October 1-7", "dated September 9, 2024"). The finders work on
// folded text (normalize.h) and return folded offsets, as vn_dates.h does.
#pragma once

#include <string_view>
#include <vector>

#include "vn_dates.h"

namespace congvan {

// Whether a folded text reads as English: its common function words ("and", "of",
// "with", "the") make a share of its words no Vietnamese text has once folded.
bool reads_as_english(std::string_view folded);

// "October 1", "September 9, 2024", "1 October 2024", "Oct. 7th"; a month with two
// days ("October 1-7, 2024", "October 1 to 7") is two dates, the first marked
// `opens_range` (find_date_ranges joins them).
std::vector<DateMention> find_english_dates(std::string_view folded, int context_year);

}  // namespace congvan
