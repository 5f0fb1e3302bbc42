// The tests of the rule `date-implausible` (rules/checks/date-implausible.cpp, docs/rules/date-implausible.md): a
// document that fires it, and near misses that must not.
#include <catch2/catch.hpp>

#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

TEST_CASE("date-implausible: a cited proposal dated after the plan, or a year early, fires") {
    std::string late =
        with(plan_2024(), "Căn cứ Công văn", "Căn cứ Tờ trình số 45/TTr-SGDĐT ngày 25/9/2024 của Sở Giáo dục và Đào tạo; Công văn");
    CHECK(findings_of(late, "date-implausible").size() == 1);
    std::string early =
        with(plan_2024(), "Căn cứ Công văn", "Căn cứ Tờ trình số 45/TTr-SGDĐT ngày 12/9/2023 của Sở Giáo dục và Đào tạo; Công văn");
    CHECK(findings_of(early, "date-implausible").size() == 1);
    std::string fine =
        with(plan_2024(), "Căn cứ Công văn", "Căn cứ Tờ trình số 45/TTr-SGDĐT ngày 12/9/2024 của Sở Giáo dục và Đào tạo; Công văn");
    CHECK(findings_of(fine, "date-implausible").empty());
    CHECK(findings_of(with(plan_2024(), "trước ngày 20/10/2024", "trước ngày 20/10/2023"), "date-implausible").size() == 1);
}
