// The tests of the rule `nd30-number-leading-zero` (rules/checks/nd30-number-leading-zero.cpp,
// docs/rules/nd30-number-leading-zero.md): a document that fires it, and near misses that must not.
#include <catch2/catch.hpp>

#include "report/check_output.h"
#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

TEST_CASE("nd30-number-leading-zero: a number below 10 without its zero fires, with the right form") {
    auto found = findings_of(with(plan_2024(), "Số: 812/KH-UBND", "Số: 5/KH-UBND"), "nd30-number-leading-zero");
    REQUIRE(found.size() == 1);
    REQUIRE(found[0].expected);
    CHECK(found[0].expected->value == "05/KH-UBND");
    CHECK(found[0].found->value == "5/KH-UBND");
    CHECK(found[0].evidence->text == "Số: 5/KH-UBND");
}

TEST_CASE("nd30-number-leading-zero: the clean plan and the near misses do not fire") {
    CHECK(findings_of(plan_2024(), "nd30-number-leading-zero").empty());
    CHECK(findings_of(with(plan_2024(), "Số: 812/KH-UBND", "Số: 05/KH-UBND"), "nd30-number-leading-zero").empty());
    CHECK(findings_of(with(plan_2024(), "Số: 812/KH-UBND", "Số: 10/KH-UBND"), "nd30-number-leading-zero").empty());
    // Before Decree 30 came into force (05/03/2020) the rule says nothing.
    auto before = with(with(plan_2024(), "Số: 812/KH-UBND", "Số: 5/KH-UBND"), "ngày 20 tháng 9 năm 2024", "ngày 20 tháng 9 năm 2019");
    CHECK(findings_of(before, "nd30-number-leading-zero").empty());
}

TEST_CASE("nd30-number-leading-zero: the fix is in the JSON output, as written and as it becomes") {
    auto found = findings_of(with(plan_2024(), "Số: 812/KH-UBND", "Số: 5/KH-UBND"), "nd30-number-leading-zero");
    REQUIRE(found.size() == 1);
    REQUIRE(found[0].fix);
    CHECK(found[0].fix->replace == "5/KH-UBND");
    CHECK(found[0].fix->with == "05/KH-UBND");
    auto json = finding_json(found[0], Language::English);
    CHECK(json["fix"]["replace"] == "5/KH-UBND");
    CHECK(json["fix"]["with"] == "05/KH-UBND");
    // The line with the fix made is what the rule expects there.
    std::string line = found[0].evidence->text;
    line.replace(line.find(found[0].fix->replace), found[0].fix->replace.size(), found[0].fix->with);
    CHECK(line == "Số: 05/KH-UBND");
}
