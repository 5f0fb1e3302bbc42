// A header value whose digits the digit reader read from handwriting
// (docs/handwriting.md): it says so, lists the reader's other readings, and is
// confident only when the reader is sure and something independent agrees: for a
// day, the issuing body's signing time. The same signing time gives back a year
// whose last digit OCR misread, never surely.
#include <algorithm>
#include <cctype>
#include <string>

#include "field_context.h"
#include "reading/handwriting.h"
#include "text/normalize.h"

namespace congvan::fields {

namespace {

// The issuing body signs on the issue day or within a week after it (measured on
// the development set's signed scans: 0 to 7 days); any other stamp (a gazette
// centre's, a certified copy's, a recipient's) only comes after it.
constexpr long kSignedWithin = 7;

// Whether `date` can be the issue day of a document carrying these stamps.
bool fits_stamps(const VnDate& date, const Record& r, bool& checked) {
    if (!r.signatures.value) return true;
    for (const auto& s : *r.signatures.value) {
        auto signed_on = parse_iso_date(std::string_view(s.time).substr(0, 10));
        if (!signed_on) continue;
        checked = true;
        long gap = signed_on->serial() - date.serial();
        if (gap < 0 || (s.kind == "authority" && gap > kSignedWithin)) return false;
    }
    return true;
}

}  // namespace

// The issue date's year as printed, or, where OCR misread its last digit as a mark
// ("năm 202]"), the year the issuing body signed in, when that year begins with
// the digits read and the typed month is not after the signing's (the year before
// for a December issue signed in January: it signs within days). 0 where neither
// holds: the year is not guessed (docs/fields.md, "Issue date").
int issue_year(std::string_view printed, int month, const Record& r) {
    if (printed.size() == 4 && std::isdigit(static_cast<unsigned char>(printed[3]))) return std::stoi(std::string(printed));
    if (!r.signatures.value || month < 1 || month > 12) return 0;
    for (const auto& stamp : *r.signatures.value) {
        auto signed_on = parse_iso_date(std::string_view(stamp.time).substr(0, std::min<std::size_t>(10, stamp.time.size())));
        if (stamp.kind != "authority" || !signed_on) continue;
        int year = signed_on->year - (month > signed_on->month ? 1 : 0);
        if (std::to_string(year).rfind(printed.substr(0, 3), 0) == 0 && (month <= signed_on->month || month == 12)) return year;
    }
    return 0;
}

void mark_handwritten_number(const std::vector<ReadCandidate>& read, const std::string& rest, Record& r) {
    if (read.empty() || !r.number.value) return;
    r.number.handwritten = true;
    for (const auto& c : read) r.number.candidates.push_back(c.text + rest);
}

void choose_handwritten_day(const std::vector<ReadCandidate>& read, int month, int year, double read_confidence, Record& r) {
    if (read.empty()) return;
    r.date.handwritten = true;
    struct Day {
        VnDate date;
        std::size_t rank;  // in the reader's order
    };
    std::vector<Day> days;
    for (std::size_t i = 0; i < read.size(); ++i) {
        if (read[i].text.empty() || read[i].text.size() > 2) continue;
        VnDate d{std::stoi(read[i].text), month, year, false};
        if (!d.exists()) continue;
        days.push_back({d, i});
        r.date.candidates.push_back(d.iso());
    }
    bool checked = false;
    auto fits = std::find_if(days.begin(), days.end(), [&](const Day& d) { return fits_stamps(d.date, r, checked); });
    if (fits == days.end()) {
        r.date.confidence = std::min(r.date.sureness(), kUncertainBelow - 1);
        return;
    }
    r.date.value = fits->date;
    // Sure: the reader's best reading, sure of itself, on a day the signing time allows.
    bool agreed = fits->rank == 0 && read[0].probability >= kReaderSure && checked;
    r.date.confidence = agreed ? std::max(read_confidence, kUncertainBelow) : std::min(read_confidence, kUncertainBelow - 1);
}

}  // namespace congvan::fields
