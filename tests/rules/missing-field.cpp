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
    CHECK(f[0].severity == Severity::Warning);  // the plan is whole: signed, with its recipients
    CHECK(f[0].message.vi == "Kế hoạch không nêu chủ đề");
    auto no_opening =
        with(plan_2024(), "3. Lễ khai mạc cấp tỉnh: 7h30, thứ Ba, ngày 01/10/2024, tại Quảng trường Hồ Chí Minh, thành phố Vinh.", "");
    CHECK(findings_of(no_opening, "missing-field").size() == 1);
    // A dispatch is not a plan.
    CHECK(findings_of(read_sample("quang-tri-2021-cong-van.txt"), "missing-field").empty());
}

TEST_CASE("missing-field: a text without its signature block and recipients may be an excerpt, so at most info") {
    // Another kind than the plan that showed it: a news post's copy of a plan cut
    // before its end (a web page's excerpt). The cut is made at the timing section.
    std::string plan = plan_2024();
    auto cut = plan.find("3. Lễ khai mạc cấp tỉnh");
    REQUIRE(cut != std::string::npos);
    auto excerpt = plan.substr(0, cut);
    auto f = findings_of(excerpt, "missing-field");
    REQUIRE_FALSE(f.empty());
    for (const auto& one : f) {
        CHECK(one.severity == Severity::Info);
        CHECK(one.doubts_that(Doubt::PossibleExcerpt));
    }
}
