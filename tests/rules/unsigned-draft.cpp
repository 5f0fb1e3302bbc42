// The tests of the rule `unsigned-draft` (rules/checks/unsigned-draft.cpp, docs/rules/unsigned-draft.md): a
// document that fires it, and near misses that must not.
#include <catch2/catch.hpp>

#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

TEST_CASE("unsigned-draft: a blank number and a blank day are info") {
    auto draft = with(with(plan_2024(), "Số: 812/KH-UBND", "Số:      /KH-UBND"), "ngày 20 tháng 9 năm 2024", "ngày    tháng 9 năm 2024");
    auto f = findings_of(draft, "unsigned-draft");
    REQUIRE(f.size() == 2);
    CHECK(f[0].severity == Severity::Info);
}

TEST_CASE("unsigned-draft: a signed copy is not a draft, and marks OCR could not read are not a blank") {
    auto draft = with(plan_2024(), "Số: 812/KH-UBND", "Số:      /KH-UBND");
    auto stamped = "Ký bởi: Ủy ban nhân dân tỉnh Nghệ An\nThời gian ký: 20/09/2024 10:00:00\n" + draft;
    CHECK(findings_of(draft, "unsigned-draft").size() == 1);
    CHECK(findings_of(stamped, "unsigned-draft").empty());
    auto scribbled = with(plan_2024(), "Số: 812/KH-UBND", "Số: ‹jÏ /KH-UBND");
    CHECK(findings_of(scribbled, "unsigned-draft").empty());
}
