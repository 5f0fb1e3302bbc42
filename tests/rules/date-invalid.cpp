// The tests of the rule `date-invalid` (rules/checks/date-invalid.cpp, docs/rules/date-invalid.md): a
// document that fires it, and near misses that must not.
#include <catch2/catch.hpp>

#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

TEST_CASE("date-invalid: days that do not exist fire, a leap day does not") {
    auto f = findings_of(with(plan_2024(), "trước ngày 20/10/2024", "trước ngày 31/9/2024"), "date-invalid");
    REQUIRE(f.size() == 1);
    CHECK(f[0].found == text_value("31/9/2024"));
    CHECK(f[0].expected == rule_value(Value::Kind::ExistingDate));
    CHECK(f[0].message.vi == "Ngày 31/9/2024 không tồn tại: tháng 9/2024 chỉ có 30 ngày");
    CHECK(findings_of(with(plan_2024(), "ngày 09/9/2024", "ngày 29/02/2023"), "date-invalid").size() == 1);
    CHECK(findings_of(with(plan_2024(), "ngày 09/9/2024", "ngày 29/02/2024"), "date-invalid").empty());
}

TEST_CASE("date-invalid: a text that states no year has dates of no year, and only a day no year has fires") {
    // A commune's notice of another kind than the post that showed it: no year anywhere.
    std::string notice =
        "Thông báo: Tuần lễ hưởng ứng học tập suốt đời tổ chức từ ngày 2 đến ngày 8/10; khai mạc ngày 2/10; "
        "nộp báo cáo trước ngày 29/02.";
    CHECK(findings_of(notice, "date-invalid").empty());
    auto f = findings_of(notice + " Họp tổng kết ngày 31/9.", "date-invalid");
    REQUIRE(f.size() == 1);
    CHECK_THAT(f[0].message.en, !Catch::Contains("/0"));
    CHECK_THAT(f[0].message.en, !Catch::Contains("0000"));
}

TEST_CASE("date-invalid: a date written in words is named once, not \"Ngày ngày …\"") {
    // A report's deadline written in words, another form than the plans' 31/9.
    auto f = findings_of(with(plan_2024(), "ngày 09/9/2024", "ngày 31 tháng 9 năm 2024"), "date-invalid");
    REQUIRE(f.size() == 1);
    CHECK_THAT(f[0].message.vi, Catch::StartsWith("Ngày 31 tháng 9 năm 2024 không tồn tại"));
    CHECK(f[0].found == text_value("ngày 31 tháng 9 năm 2024"));
}
