#include "vn_dates.h"

#include "english.h"

#include <fmt/format.h>
#include "pattern.h"

#include <algorithm>
#include <cctype>

namespace congvan {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Reads 1..max digits at i; returns the count read.
int read_number(std::string_view s, std::size_t i, int max_digits, int& value) {
    int n = 0;
    value = 0;
    while (i + n < s.size() && n < max_digits && is_digit(s[i + n])) value = value * 10 + (s[i + n++] - '0');
    return n;
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n')) ++i;
    return i;
}

// The press writes a day of a month with a dash after the word for a day or a part
// of one ("ngày 27-9", "sáng 1-10", "chiều 30-9"): a date, where nothing follows
// that makes it a span of days ("ngày 1-7/10", "ngày 1-7 tháng 10", "1-7-10").
bool press_day_month(std::string_view s, std::size_t begin, std::size_t end) {
    static const Pattern day_word(R"((?:^|[^a-z])(?:ngay|sang|chieu|toi|trua|dem)\s+$)");
    static const Pattern span_after(R"(^\s*(?:[/.-]\s*\d|thang\b))");
    std::size_t look = begin > 12 ? begin - 12 : 0;
    std::string_view before = s.substr(look, begin - look), after = s.substr(end, 16);
    return RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), day_word) &&
           !RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), span_after);
}

// d/m[/yyyy] starting at i, or nothing. '-' and '.' count only with a year, since
// "6.2." and "2021-2030" are section numbers and spans of years, or in the press's
// "ngày 27-9" (press_day_month).
std::optional<DateMention> numeric_date_at(std::string_view s, std::size_t i, int context_year) {
    if (i > 0 && (is_alnum(s[i - 1]) || s[i - 1] == '/' || s[i - 1] == '.')) return std::nullopt;
    int day = 0, month = 0, year = 0;
    std::size_t p = i;
    int n = read_number(s, p, 2, day);
    if (n == 0 || (p + n < s.size() && is_digit(s[p + n]))) return std::nullopt;
    p = skip_spaces(s, p + n);
    if (p >= s.size() || (s[p] != '/' && s[p] != '-' && s[p] != '.')) return std::nullopt;
    char sep = s[p];
    p = skip_spaces(s, p + 1);
    n = read_number(s, p, 2, month);
    if (n == 0 || (p + n < s.size() && is_digit(s[p + n]))) return std::nullopt;
    p += n;
    std::size_t end = p;
    std::size_t q = sep == '/' ? skip_spaces(s, p) : p;
    if (q < s.size() && s[q] == sep) {
        q = sep == '/' ? skip_spaces(s, q + 1) : q + 1;
        n = read_number(s, q, 4, year);
        if (n == 4 && !(q + n < s.size() && is_digit(s[q + n]))) end = q + n;
        else return std::nullopt;  // 07/2018/TT-BTC, 1/2/3
    } else if (sep != '/' && !(sep == '-' && press_day_month(s, i, end))) {
        return std::nullopt;
    }
    if (year != 0) {
        if (day < 1 || day > 39 || month < 1 || month > 19) return std::nullopt;
    } else if (day < 1 || day > 31 || month < 1 || month > 12) {
        return std::nullopt;
    }
    DateMention m;
    m.date = {day, month, year == 0 ? context_year : year, year == 0};
    m.begin = i;
    m.end = end;
    return m;
}

}  // namespace

int days_in_month(int month, int year) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

bool VnDate::exists() const { return year > 0 && day >= 1 && day <= days_in_month(month, year); }

// A date whose year nothing states is written as ISO 8601 writes a day of a month
// of no year ("--10-01"), never as year 0.
std::string VnDate::iso() const {
    if (year == 0) return fmt::format("--{:02d}-{:02d}", month, day);
    return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day);
}

long VnDate::serial() const {
    // Howard Hinnant's days_from_civil.
    int y = month <= 2 ? year - 1 : year;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = static_cast<unsigned>(y - era * 400);
    unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

int iso_weekday(const VnDate& date) {
    long s = date.serial();  // 1970-01-01 was a Thursday (4)
    return static_cast<int>(((s % 7) + 7 + 3) % 7) + 1;
}

std::string weekday_name(int d) {
    static const char* names[] = {"thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"};
    return d >= 1 && d <= 7 ? names[d - 1] : "";
}

std::optional<VnDate> parse_iso_date(std::string_view iso) {
    int y, m, d;
    if (iso.starts_with("--") && std::sscanf(std::string(iso.substr(2)).c_str(), "%d-%d", &m, &d) == 2) return VnDate{d, m, 0, true};
    if (std::sscanf(std::string(iso).c_str(), "%d-%d-%d", &y, &m, &d) != 3) return std::nullopt;
    return VnDate{d, m, y, false};
}

// A month written as its name, then the day and the year: the Vietnamese locale of
// web publishing tools dates a post "Tháng Mười 13, 2017" (docs/fields.md).
std::optional<DateMention> month_name_date_at(std::string_view s, std::size_t i) {
    if (s.compare(i, 5, "thang") != 0) return std::nullopt;  // before the pattern: every word opening with t comes here
    static const char* const months[] = {"mot", "hai", "ba", "tu", "nam", "sau", "bay", "tam", "chin", "muoi"};
    static const Pattern form(R"(thang\s+([a-z]+)(?:\s+(mot|hai))?\s+(\d{1,2})\s*,\s*(\d{4})(?:[^0-9]|$))");
    re2::StringPiece input(s.data() + i, s.size() - i), name, eleventh, d, y;
    if (!RE2::Consume(&input, form, &name, &eleventh, &d, &y)) return std::nullopt;
    auto month = std::find(std::begin(months), std::end(months), std::string_view(name.data(), name.size())) - std::begin(months) + 1;
    if (!eleventh.empty()) month = month == 10 ? (eleventh == "mot" ? 11 : 12) : 13;  // "Mười Một", "Mười Hai"
    if (month > 12) return std::nullopt;
    DateMention mention;
    mention.date = {std::stoi(std::string(d)), static_cast<int>(month), std::stoi(std::string(y)), false};
    mention.begin = i;
    mention.end = static_cast<std::size_t>(y.data() + y.size() - s.data());
    return mention;
}

std::vector<DateMention> find_dates(std::string_view s, int context_year) {
    std::vector<DateMention> dates;
    static const Pattern word_form(R"(ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4}))");
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == 't' && (i == 0 || !is_alnum(s[i - 1])))
            if (auto m = month_name_date_at(s, i)) {
                dates.push_back(*m);
                i = m->end - 1;
                continue;
            }
        if (s[i] == 'n' && (i == 0 || !is_alnum(s[i - 1]))) {
            re2::StringPiece input(s.data() + i, s.size() - i), d, m, y;
            if (RE2::Consume(&input, word_form, &d, &m, &y)) {
                DateMention mention;
                mention.date = {std::stoi(std::string(d)), std::stoi(std::string(m)), std::stoi(std::string(y)), false};
                mention.begin = i;
                mention.end = static_cast<std::size_t>(input.data() - s.data());
                mention.word_form = true;
                dates.push_back(mention);
                i = mention.end - 1;
                continue;
            }
        }
        if (!is_digit(s[i])) continue;
        if (auto m = numeric_date_at(s, i, context_year)) {
            dates.push_back(*m);
            i = m->end - 1;
        } else {
            while (i + 1 < s.size() && is_digit(s[i + 1])) ++i;
        }
    }
    // An English post's dates name their month ("October 1"); Vietnamese never does,
    // and its folded words ("may" for máy) must not be read as months.
    if (reads_as_english(s)) {
        auto english = find_english_dates(s, context_year);
        std::erase_if(dates, [&](const DateMention& d) {
            return std::any_of(english.begin(), english.end(), [&](const DateMention& e) { return d.begin < e.end && e.begin < d.end; });
        });
        dates.insert(dates.end(), english.begin(), english.end());
        std::sort(dates.begin(), dates.end(), [](const DateMention& a, const DateMention& b) { return a.begin < b.begin; });
    }
    return dates;
}

namespace {

// "từ ngày 2 - 8/10/2023", "từ ngày 02 đến ngày 8/10/2023", "1-7/10": the start is
// a bare day, and the month and year written once at the end apply to both.
std::optional<DateRange> range_from_bare_day(std::string_view s, const DateMention& b) {
    static const Pattern bare(
        R"((?:(?:^|[^a-z0-9])(tu)\s+(?:ngay\s+)?|(?:^|[^0-9/.]))(\d{1,2})\s*(?:-|den\s+(?:het\s+)?(?:ngay\s+)?)\s*(?:ngay\s+)?$)");
    std::size_t look = b.begin > 30 ? b.begin - 30 : 0;
    std::string_view before = s.substr(look, b.begin - look);
    re2::StringPiece tu, day;
    if (!RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), bare, &tu, &day)) return std::nullopt;
    int d = std::stoi(std::string(day));
    if (d < 1 || d >= b.date.day) return std::nullopt;
    DateMention a = b;
    a.date.day = d;
    a.begin = static_cast<std::size_t>(day.data() - s.data());
    a.end = a.begin + day.size();
    a.word_form = false;
    std::size_t begin = tu.data() ? static_cast<std::size_t>(tu.data() - s.data()) : a.begin;
    return DateRange{a, b, begin, b.end};
}

}  // namespace

std::vector<DateRange> find_date_ranges(std::string_view s, const std::vector<DateMention>& dates) {
    // Vietnamese "đến", "tới", a dash; an English post's "to", "until", "through".
    static const Pattern between(R"(\s*(?:(?:den|toi|to|until|through)\s+(?:het\s+)?(?:ngay\s+)?|-\s*(?:ngay\s+)?))");
    static const Pattern opener(R"((?:^|[^a-z])(?:tu|from)\s+(?:ngay\s+)?$)");
    std::vector<DateRange> ranges;
    std::size_t taken_until = 0;
    for (std::size_t k = 0; k < dates.size(); ++k) {
        const auto& b = dates[k];
        if (b.begin >= taken_until)
            if (auto r = range_from_bare_day(s, b)) {
                ranges.push_back(*r);
                taken_until = b.end;
                continue;
            }
        if (k + 1 >= dates.size()) continue;
        if (dates[k].opens_range) {
            ranges.push_back(DateRange{dates[k], dates[k + 1], dates[k].begin, dates[k + 1].end});
            taken_until = dates[k + 1].end;
            ++k;
            continue;
        }
        const auto& a = dates[k];
        const auto& c = dates[k + 1];
        std::string_view gap = s.substr(a.end, c.begin - a.end);
        if (!RE2::FullMatch(re2::StringPiece(gap.data(), gap.size()), between)) continue;
        std::size_t look = a.begin > 16 ? a.begin - 16 : 0;
        std::string_view before = s.substr(look, a.begin - look);
        bool has_opener = RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), opener);
        // "(01/10/2024 - 07/10/2024)": a dash between two full dates is a range too.
        bool full_dash = !a.date.year_inferred && !c.date.year_inferred && gap.find('-') != std::string_view::npos;
        bool worded = gap.find("den") != std::string_view::npos || gap.find("to") != std::string_view::npos ||
                      gap.find("until") != std::string_view::npos || gap.find("through") != std::string_view::npos;
        if (!has_opener && !worded && !full_dash) continue;
        std::size_t opener_at = before.rfind("from ");
        if (opener_at == std::string_view::npos) opener_at = before.rfind("tu");
        DateRange range{a, c, has_opener ? opener_at + look : a.begin, c.end};
        if (range.first.date.year_inferred && !c.date.year_inferred) {
            range.first.date.year = c.date.year;
            range.first.date.year_inferred = false;
        }
        ranges.push_back(range);
        taken_until = c.end;
        ++k;
    }
    return ranges;
}

std::string TimeOfDay::hhmm() const { return fmt::format("{:02d}:{:02d}", hour, minute); }

std::vector<TimeOfDay> find_times(std::string_view s) {
    static const Pattern time_re(R"((\d{1,2})\s*(?:gio|h|g)\s*(\d{2})?(?:\s*(?:'|phut))?)");
    std::vector<TimeOfDay> times;
    re2::StringPiece input(s.data(), s.size());
    re2::StringPiece groups[3];
    std::size_t pos = 0;
    while (pos < s.size() && time_re.Match(input, pos, s.size(), RE2::UNANCHORED, groups, 3)) {
        std::size_t begin = static_cast<std::size_t>(groups[0].data() - s.data());
        std::size_t end = begin + groups[0].size();
        pos = end > begin ? end : begin + 1;
        bool starts_word = begin == 0 || !is_alnum(s[begin - 1]);
        bool ends_word = end >= s.size() || !std::isalpha(static_cast<unsigned char>(s[end]));
        if (!starts_word || !ends_word) continue;
        int hour = std::stoi(std::string(groups[1]));
        int minute = groups[2].empty() ? 0 : std::stoi(std::string(groups[2]));
        if (hour > 23 || minute > 59) continue;
        times.push_back({hour, minute, begin, end});
    }
    return times;
}

std::optional<TimeOfDay> time_between(std::string_view s, std::size_t from, std::size_t to) {
    for (const auto& t : find_times(s.substr(0, std::min(to + 12, s.size()))))
        if (t.begin >= from && t.begin < to) return t;
    return std::nullopt;
}

namespace {

int weekday_from_words(std::string_view w) {
    static const std::pair<const char*, int> names[] = {{"hai", 1}, {"ba", 2}, {"tu", 3}, {"nam", 4}, {"sau", 5}, {"bay", 6},
                                                        {"2", 1},   {"3", 2},  {"4", 3},  {"5", 4},   {"6", 5},   {"7", 6}};
    for (auto [name, day] : names)
        if (w == name) return day;
    return 0;
}

// The weekday a match found: its groups are "thứ", the day's word, or "chủ nhật".
WeekdayMention weekday_of(std::string_view s, const re2::StringPiece (&g)[5]) {
    int day = g[3].empty() ? weekday_from_words(std::string_view(g[2].data(), g[2].size())) : 7;
    const re2::StringPiece& first = g[1].empty() ? g[3] : g[1];
    const re2::StringPiece& last = g[3].empty() ? g[2] : g[3];
    return {day, static_cast<std::size_t>(first.data() - s.data()), static_cast<std::size_t>(last.data() - s.data()) + last.size()};
}

// A weekday after its date on the next line is the date's only when the break is
// bridged by a parenthesis or a comma ("ngày 01/10/2022\n(thứ Bảy)"): a line that
// starts with a weekday ("ngày 30/9/2024" / "thứ Ba họp chi bộ") starts something
// new. A text layer and OCR keep no blank lines, so a paragraph is not seen.
bool bridged(std::string_view s, std::size_t from, std::size_t to) {
    std::string_view gap = s.substr(from, to - from);
    return gap.find('\n') == std::string_view::npos || gap.find_first_of("(,") != std::string_view::npos;
}

// A weekday written just before a date ("Thứ Hai (05/10/2026)", "thứ 7, ngày 1/10")
// is that date's, not the one before it.
bool heads_a_date(std::string_view s, std::size_t weekday_end) {
    static const Pattern date_next(R"(^\s*[,(]?\s*(?:ngay\s*)?\d{1,2}\s*(?:[/.-]\s*\d{1,2}|thang))");
    std::string_view rest = s.substr(weekday_end, std::min<std::size_t>(24, s.size() - weekday_end));
    return RE2::PartialMatch(re2::StringPiece(rest.data(), rest.size()), date_next);
}

}  // namespace

// A weekday is its date's when it is written next to it and does not head another
// date (docs/document-conventions.md, "How dates, times and weekdays are written").
std::optional<WeekdayMention> stated_weekday(std::string_view s, const DateMention& date) {
    static const Pattern after(R"(^\s*[,(\[]?\s*(?:(thu)\s+(hai|ba|tu|nam|sau|bay|[2-7])|(chu\s+nhat|cn))([^a-z0-9]|$))");
    static const Pattern before(R"((?:^|[^a-z])(?:(thu)\s+(hai|ba|tu|nam|sau|bay|[2-7])|(chu\s+nhat|cn))\s*[,(]?\s*(?:ngay\s*)?$)");
    re2::StringPiece g[5];
    std::string_view tail = s.substr(date.end, std::min<std::size_t>(24, s.size() - date.end));
    if (after.Match(re2::StringPiece(tail.data(), tail.size()), 0, tail.size(), RE2::ANCHOR_START, g, 5)) {
        WeekdayMention w = weekday_of(s, g);
        if (bridged(s, date.end, w.begin) && !heads_a_date(s, w.end)) return w;
    }
    std::size_t from = date.begin > 24 ? date.begin - 24 : 0;
    std::string_view head = s.substr(from, date.begin - from);
    if (before.Match(re2::StringPiece(head.data(), head.size()), 0, head.size(), RE2::UNANCHORED, g, 5)) return weekday_of(s, g);
    return std::nullopt;
}

}  // namespace congvan
