// How Vietnamese documents write dates, times and weekdays (this repository's
// docs/document-conventions.md, "How dates, times and weekdays are written"). All
// finders work on folded text (see normalize.h) and return folded offsets.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace congvan {

struct VnDate {
    int day = 0, month = 0, year = 0;
    bool year_inferred = false;  // written without a year ("30/9"); taken from context

    // Whether the calendar has this day (31/9 and 29/02/2023 do not).
    bool exists() const;
    // As written, even when it does not exist: "2022-09-31".
    std::string iso() const;
    // Days since 1970-01-01; only for dates that exist.
    long serial() const;
    auto operator<=>(const VnDate& o) const { return std::tie(year, month, day) <=> std::tie(o.year, o.month, o.day); }
    bool operator==(const VnDate& o) const { return year == o.year && month == o.month && day == o.day; }
};

int days_in_month(int month, int year);
// 1 = Monday … 7 = Sunday; only for dates that exist.
int iso_weekday(const VnDate& date);
// "thứ Hai" … "thứ Bảy", "Chủ nhật".
std::string weekday_name(int iso_weekday);
std::optional<VnDate> parse_iso_date(std::string_view iso);

struct DateMention {
    VnDate date;
    std::size_t begin = 0, end = 0;  // folded offsets
    bool word_form = false;          // "ngày 27 tháng 10 năm 2021"
    bool opens_range = false;        // "October 1" of "October 1-7": the next date ends its range
};

// Every date in the text: 07/9/2022, 01-10-2022, 30/9 (year from context_year),
// ngày 27 tháng 10 năm 2021. Impossible days (31/9, 32/10) are dates too: the
// rules report them.
std::vector<DateMention> find_dates(std::string_view folded, int context_year);

struct DateRange {
    DateMention first, last;
    std::size_t begin = 0, end = 0;
};
// "từ ngày A đến (hết) ngày B", "từ A - B", "từ A đến B".
std::vector<DateRange> find_date_ranges(std::string_view folded, const std::vector<DateMention>& dates);

struct TimeOfDay {
    int hour = 0, minute = 0;
    std::size_t begin = 0, end = 0;
    std::string hhmm() const;
};
// 8h00, 08h30', 8g00 phút, 8 giờ 30, 7h30 phút.
std::vector<TimeOfDay> find_times(std::string_view folded);
// The first time that starts in [from, to).
std::optional<TimeOfDay> time_between(std::string_view folded, std::size_t from, std::size_t to);

struct WeekdayMention {
    int iso_weekday = 0;
    std::size_t begin = 0, end = 0;
};
// A weekday stated for this date: just after it ("01/10/2022 (thứ 7)") or just
// before it ("Thứ Hai, ngày 02/10/2023").
std::optional<WeekdayMention> stated_weekday(std::string_view folded, const DateMention& date);

}  // namespace congvan
