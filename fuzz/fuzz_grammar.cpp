// The date and time grammar and the normalisation under it, on any line of text: a
// fast target (no document, no rules) that reaches further into the grammar than a
// whole-document target does in the same time. Every offset a finder returns must
// lie inside the text it was given, and folding must keep its origin map in step.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "reading/detect.h"
#include "text/normalize.h"
#include "text/vn_dates.h"

namespace {

void require(bool condition) {
    if (!condition) std::abort();  // libFuzzer reports the input
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    congvan::printable(text);
    if (!congvan::is_valid_utf8(text)) return 0;
    std::string line = congvan::clean_line(text);
    congvan::canonical_tones(line);
    congvan::comparison_words(line);
    congvan::FoldedText folded = congvan::fold(line);
    require(folded.origin.size() == folded.folded.size() + 1);
    for (auto at : folded.origin) require(at <= line.size());
    const std::string& f = folded.folded;
    auto dates = congvan::find_dates(f, 2022);
    for (const auto& d : dates) {
        require(d.begin <= d.end && d.end <= f.size());
        congvan::iso_weekday(d.date);
        congvan::stated_weekday(f, d);
    }
    for (const auto& r : congvan::find_date_ranges(f, dates)) require(r.begin <= r.end && r.end <= f.size());
    for (const auto& t : congvan::find_times(f)) require(t.begin <= t.end && t.end <= f.size());
    congvan::time_between(f, 0, f.size());
    return 0;
}
