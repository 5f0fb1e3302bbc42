#include <catch2/catch.hpp>

#include <algorithm>

#include "text/normalize.h"
#include "text/vn_dates.h"

using namespace congvan;

namespace {
std::vector<DateMention> dates_in(const std::string& text, int year = 2022) { return find_dates(fold_string(text), year); }
}  // namespace

TEST_CASE("numeric dates with and without leading zeros") {
    auto d = dates_in("ngày 07/9/2022 và 01/10/2022, 3/6/2022");
    REQUIRE(d.size() == 3);
    CHECK(d[0].date.iso() == "2022-09-07");
    CHECK(d[1].date.iso() == "2022-10-01");
    CHECK(d[2].date.iso() == "2022-06-03");
    CHECK_FALSE(d[0].date.year_inferred);
}

TEST_CASE("dates in words, and dates split over a line break") {
    auto d = dates_in("Hưng Yên, ngày 27 tháng 10 năm 2021; trước ngày\n15/10/2022");
    REQUIRE(d.size() == 2);
    CHECK(d[0].date.iso() == "2021-10-27");
    CHECK(d[0].word_form);
    CHECK(d[1].date.iso() == "2022-10-15");
}

TEST_CASE("a date without a year takes the context year and says so") {
    auto d = dates_in("vào ngày 30/9, chào mừng ngày 02/10", 2022);
    REQUIRE(d.size() == 2);
    CHECK(d[0].date.iso() == "2022-09-30");
    CHECK(d[0].date.year_inferred);
}

TEST_CASE("section numbers, year spans and document symbols are not dates") {
    CHECK(dates_in("6.2. Hội Khuyến học tỉnh").empty());
    CHECK(dates_in("giai đoạn 2021-2030").empty());
    CHECK(dates_in("Thông tư số 07/2018/TT-BTC").empty());
    CHECK(dates_in("Số: 2005/BC-SGDĐT").empty());
    CHECK(dates_in("năm học 2020-2021").empty());
}

TEST_CASE("impossible dates are recognised as dates and reported as not existing") {
    auto d = dates_in("ngày 31/9/2022, ngày 29/02/2023, ngày 32/10/2022, ngày 29/02/2024");
    REQUIRE(d.size() == 4);
    CHECK_FALSE(d[0].date.exists());
    CHECK_FALSE(d[1].date.exists());
    CHECK_FALSE(d[2].date.exists());
    CHECK(d[3].date.exists());  // 2024 is a leap year
    CHECK(d[0].date.iso() == "2022-09-31");
}

TEST_CASE("weekdays of dates") {
    CHECK(iso_weekday({1, 10, 2022}) == 6);  // Saturday: "thứ 7"
    CHECK(iso_weekday({2, 10, 2023}) == 1);  // Monday: "Thứ Hai"
    CHECK(iso_weekday({1, 10, 2023}) == 7);  // Sunday
    CHECK(iso_weekday({29, 2, 2024}) == 4);
    CHECK(weekday_name(7) == "Chủ nhật");
}

TEST_CASE("a weekday stated in parentheses after a date, or before it") {
    std::string f = fold_string("Khai mạc: 08h30', ngày 01/10/2022 (thứ 7). Thứ Hai, ngày 02/10/2023; ngày 05/10/2025 (Chủ nhật)");
    auto d = find_dates(f, 2022);
    REQUIRE(d.size() == 3);
    auto a = stated_weekday(f, d[0]);
    REQUIRE(a);
    CHECK(a->iso_weekday == 6);
    auto b = stated_weekday(f, d[1]);
    REQUIRE(b);
    CHECK(b->iso_weekday == 1);
    auto c = stated_weekday(f, d[2]);
    REQUIRE(c);
    CHECK(c->iso_weekday == 7);
    CHECK_FALSE(stated_weekday(fold_string("ngày 01/10/2022 tại"), find_dates(fold_string("ngày 01/10/2022 tại"), 2022)[0]));
}

TEST_CASE("a weekday is the date's it is written next to and not the next date's") {
    // A schedule's day line under its place-and-date line: Monday is the 5th's.
    std::string f = fold_string("Cư Kuin, ngày 04 tháng 10 năm 2026\n\nThứ Hai (05/10/2026):\n- Sáng: chào cờ");
    auto d = find_dates(f, 2026);
    REQUIRE(d.size() == 2);
    CHECK_FALSE(stated_weekday(f, d[0]));
    auto monday = stated_weekday(f, d[1]);
    REQUIRE(monday);
    CHECK(monday->iso_weekday == 1);
    // Minutes of a meeting: a line that starts with a weekday starts something new.
    f = fold_string("Hôm nay, ngày 30/9/2024\nthứ Ba họp chi bộ");
    CHECK_FALSE(stated_weekday(f, find_dates(f, 2024)[0]));
    f = fold_string("khai mạc ngày 01/10/2022\n(thứ Bảy) tại hội trường");
    REQUIRE(stated_weekday(f, find_dates(f, 2022)[0]));
    CHECK(stated_weekday(f, find_dates(f, 2022)[0])->iso_weekday == 6);
    // Still read: a weekday right after its date, and one before it on the next line.
    f = fold_string("khai mạc ngày 01/10/2024, thứ Ba, tại hội trường; họp vào thứ Tư,\nngày 02/10/2024");
    d = find_dates(f, 2024);
    REQUIRE(d.size() == 2);
    REQUIRE(stated_weekday(f, d[0]));
    CHECK(stated_weekday(f, d[0])->iso_weekday == 2);
    REQUIRE(stated_weekday(f, d[1]));
    CHECK(stated_weekday(f, d[1])->iso_weekday == 3);
}

TEST_CASE("times in the ways documents write them") {
    auto t = find_times(fold_string("08h30', 8g00 phút, 8 giờ 30, 7h30 phút, 8h00 ngày"));
    REQUIRE(t.size() == 5);
    CHECK(t[0].hhmm() == "08:30");
    CHECK(t[1].hhmm() == "08:00");
    CHECK(t[2].hhmm() == "08:30");
    CHECK(t[3].hhmm() == "07:30");
    CHECK(t[4].hhmm() == "08:00");
    CHECK(find_times(fold_string("3 gia đình, 10 huyện")).empty());
}

TEST_CASE("date ranges: từ … đến (hết) ngày …, từ A - B") {
    for (std::string text :
         {"từ ngày 01/10/2022 đến ngày 07/10/2022", "từ ngày 02/10/2023 đến hết ngày 08/10/2023", "Từ 29/9 - 05/10/2014"}) {
        std::string f = fold_string(text);
        auto ranges = find_date_ranges(f, find_dates(f, 2000));
        INFO(text);
        REQUIRE(ranges.size() == 1);
        CHECK(ranges[0].last.date.serial() - ranges[0].first.date.serial() == 6);
    }
}

TEST_CASE("the press's day-month with a dash after a word for the day is a date") {
    // An invitation's and a report's wording, not the news post that showed the form.
    auto d = dates_in("Hội nghị tổng kết khai mạc sáng 27-9 và bế mạc chiều 10-10.", 2021);
    REQUIRE(d.size() == 2);
    CHECK(d[0].date.iso() == "2021-09-27");
    CHECK(d[0].date.year_inferred);
    CHECK(d[1].date.iso() == "2021-10-10");
    // Spans of days, numbers and sections keep their meaning.
    for (const char* span : {"từ ngày 1-7/10", "từ ngày 1-7 tháng 10 năm 2021", "trang 27-9", "mục 2-3 của kế hoạch"}) {
        INFO(span);
        auto s = dates_in(span, 2021);
        CHECK(std::none_of(s.begin(), s.end(),
                           [](const DateMention& m) { return m.date.month == 7 || m.date.month == 9 || m.date.month == 3; }));
    }
}

TEST_CASE("a month written as its name, as web publishing tools date a post") {
    // A school's notice and a district's post: "Tháng Mười Hai 3, 2024", "Tháng Chín 28, 2023".
    auto d = dates_in("Đăng lúc Tháng Mười Hai 3, 2024 7:15 sáng. Cập nhật Tháng Chín 28, 2023 9:00 chiều");
    REQUIRE(d.size() == 2);
    CHECK(d[0].date.iso() == "2024-12-03");
    CHECK_FALSE(d[0].date.year_inferred);
    CHECK(d[1].date.iso() == "2023-09-28");
    // A month's name in a sentence, without day and year, is no date.
    CHECK(dates_in("Trong tháng Mười, các trường tổ chức nhiều hoạt động.").empty());
}
