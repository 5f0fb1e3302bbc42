// Small things several checks say the same way.
#pragma once

#include <string>
#include <vector>

#include "fields/record.h"
#include "fields/register.h"
#include "finding.h"

namespace congvan {

// "01/10/2022", as documents write dates.
std::string vn_date(const VnDate& date);

// A word-level diff of two texts after comparison normalisation:
// "sau [-dịch-] {+đại dịch+} COVID-19". Empty when the words are the same.
std::string word_diff(const std::string& expected, const std::string& found);
// The same diff as runs of words kept, removed (only in `expected`) or added (only
// in `found`), for formats that mark them up (the HTML report).
struct DiffRun {
    enum class Kind { Same, Removed, Added } kind;
    std::string words;
};
// A date as the document wrote it, for a message that says "Ngày …" itself: without
// its own leading "ngày" (never "Ngày ngày 2 tháng 10").
std::string date_after_day_word(const std::string& written);
std::vector<DiffRun> word_diff_runs(const std::string& expected, const std::string& found);
// The same difference as a correction of the document, as a proof-reader marks it:
// Same and Removed runs are the document's own words as it wrote them (case,
// quotes, punctuation), Removed being those to strike; Added runs are the expected
// words to insert, as the expected text writes them. Struck words come before the
// inserted ones that replace them.
std::vector<DiffRun> correction_runs(const std::string& expected, const std::string& found);
bool same_words(const std::string& a, const std::string& b);
// On a scanned line, the same words but for one character in at most `most_words`
// of them ("kỷ nguyên s6" for "số", "bên" for "bền") is what OCR does, not what
// authors do.
bool misread_only(const std::string& expected, const std::string& found, int most_words);

// Where to point at the document as a whole: its title line, else its first line.
std::optional<Evidence> document_evidence(const Record& doc);
// Whether a citation writes its type's own name right before its number ("Công văn
// số 45/…", "Kế hoạch 45/…") on its line, rather than a word any type is cited by
// ("văn bản số 45/…", "the dispatch"): only then does it say which type it cites.
bool citation_names_its_type(const CitedDocument& cited);

}  // namespace congvan
