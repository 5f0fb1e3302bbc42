// The tests of the rule `weekday-mismatch` (rules/checks/weekday-mismatch.cpp, docs/rules/weekday-mismatch.md): a
// document that fires it, and near misses that must not.
#include <catch2/catch.hpp>

#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

TEST_CASE("weekday-mismatch: a weekday that is not the date's fires, any spelling of the right one does not") {
    auto f = findings_of(with(plan_2024(), "thứ Ba, ngày 01/10/2024", "thứ Tư, ngày 01/10/2024"), "weekday-mismatch");
    REQUIRE(f.size() == 1);
    CHECK(f[0].expected == weekday_value(2));
    CHECK(f[0].message.vi == "Ngày 01/10/2024 là thứ Ba, không phải thứ Tư");
    CHECK(f[0].message.en == "01/10/2024 is a Tuesday, not thứ Tư (Wednesday)");
    for (std::string ok : {"THỨ BA, ngày 01/10/2024", "thứ 3, ngày 01/10/2024"})
        CHECK(findings_of(with(plan_2024(), "thứ Ba, ngày 01/10/2024", ok), "weekday-mismatch").empty());
    CHECK(findings_of(with(plan_2024(), "thứ Ba, ngày 01/10/2024", "ngày 01/10/2024 (Chủ nhật)"), "weekday-mismatch").size() == 1);
}

TEST_CASE("weekday-mismatch: a date written with its own 'ngày' is not said twice") {
    // A report's meeting (the rule was shown on a plan's list of activities).
    auto f = findings_of(with(plan_2024(), "thứ Ba, ngày 01/10/2024", "Thứ Hai ngày 1 tháng 10 năm 2024"), "weekday-mismatch");
    REQUIRE(f.size() == 1);
    CHECK(f[0].message.vi == "Ngày 1 tháng 10 năm 2024 là thứ Ba, không phải Thứ Hai");
    CHECK(f[0].message.vi.find("Ngày ngày") == std::string::npos);
}

TEST_CASE("weekday-mismatch: a schedule's day line below a date-line is not that date's weekday") {
    // A plan's timetable (the rule was shown on a school's weekly schedule): the 30th
    // is a Monday, and "Thứ Ba" heads the 1st, a Tuesday.
    auto doc = with(plan_2024(), "thứ Ba, ngày 01/10/2024", "ngày 30 tháng 9 năm 2024\n\nThứ Ba (01/10/2024): khai mạc");
    CHECK(findings_of(doc, "weekday-mismatch").empty());
    // The same day line with a wrong weekday still fires, on its own date.
    auto f = findings_of(with(plan_2024(), "thứ Ba, ngày 01/10/2024", "ngày 30 tháng 9 năm 2024\n\nThứ Tư (01/10/2024): khai mạc"),
                         "weekday-mismatch");
    REQUIRE(f.size() == 1);
    CHECK(f[0].message.vi == "Ngày 01/10/2024 là thứ Ba, không phải Thứ Tư");
}
