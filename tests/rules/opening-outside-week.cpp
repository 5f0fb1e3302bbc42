// The tests of the rule `opening-outside-week` (rules/checks/opening-outside-week.cpp, docs/rules/opening-outside-week.md): a
// document that fires it, and near misses that must not.
#include <catch2/catch.hpp>

#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

TEST_CASE("opening-outside-week: an opening the day before fires as a warning") {
    auto f = findings_of(with(plan_2024(), "7h30, thứ Ba, ngày 01/10/2024", "7h30, thứ Hai, ngày 30/9/2024"), "opening-outside-week");
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == Severity::Warning);
    CHECK(
        findings_of(with(plan_2024(), "7h30, thứ Ba, ngày 01/10/2024", "7h30, thứ Hai, ngày 07/10/2024"), "opening-outside-week").empty());
}
