// The tests of the rule `missing-field` (rules/checks/missing-field.cpp, docs/rules/missing-field.md): a
// document that fires it, and near misses that must not.
#include <catch2/catch.hpp>

#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

TEST_CASE("missing-field: a plan without a theme or an opening fires once for each") {
    auto no_theme = with(plan_2024(), "1. Chủ đề: " + kTheme2024 + ".", "1. Nội dung: tuyên truyền.");
    auto f = findings_of(no_theme, "missing-field");
    REQUIRE(f.size() == 1);
    CHECK(f[0].expected == field_value("theme"));
    CHECK(f[0].message.vi == "Kế hoạch không nêu chủ đề");
    auto no_opening = with(plan_2024(), "3. Lễ khai mạc cấp tỉnh: 7h30, thứ Ba, ngày 01/10/2024, tại Quảng trường Hồ Chí Minh, thành phố Vinh.", "");
    CHECK(findings_of(no_opening, "missing-field").size() == 1);
    // A dispatch is not a plan.
    CHECK(findings_of(read_sample("quang-tri-2021-cong-van.txt"), "missing-field").empty());
}
