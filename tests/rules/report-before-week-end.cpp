// The tests of the rule `report-before-week-end` (rules/checks/report-before-week-end.cpp,
// docs/rules/report-before-week-end.md): a document that fires it, and near misses that must not.
#include <catch2/catch.hpp>

#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

TEST_CASE("report-before-week-end: a results report dated inside the week fires") {
    auto report = read_sample("hung-yen-2021-bao-cao.txt");
    auto f = findings_of(with(report, "ngày 27 tháng 10 năm 2021", "ngày 05 tháng 10 năm 2021"), "report-before-week-end");
    REQUIRE(f.size() == 1);
    CHECK(f[0].expected == Value{Value::Kind::DateAfter, "2021-10-07"});
    CHECK(render(*f[0].expected).en == "after 07/10/2021");
}

TEST_CASE("report-before-week-end: a report after the week and a plan before it do not fire") {
    CHECK(findings_of(read_sample("hung-yen-2021-bao-cao.txt"), "report-before-week-end").empty());
    CHECK(findings_of(plan_2024(), "report-before-week-end").empty());
}
