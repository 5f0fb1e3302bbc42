// The tests of the rule `nd30-date-leading-zero` (rules/checks/nd30-date-leading-zero.cpp,
// docs/rules/nd30-date-leading-zero.md): a document that fires it, and near misses that must not.
#include <catch2/catch.hpp>

#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

namespace {
std::vector<Finding> dated(const std::string& written) {
    return findings_of(with(plan_2024(), "ngày 20 tháng 9 năm 2024", written), "nd30-date-leading-zero");
}
}  // namespace

TEST_CASE("nd30-date-leading-zero: a day below 10 or the month 1 or 2 without its zero fires, with the right form") {
    auto day = dated("ngày 5 tháng 9 năm 2024");
    REQUIRE(day.size() == 1);
    CHECK(day[0].expected->value == "ngày 05 tháng 9 năm 2024");
    CHECK(day[0].found->value == "ngày 5 tháng 9 năm 2024");
    auto month = dated("ngày 20 tháng 2 năm 2024");
    REQUIRE(month.size() == 1);
    CHECK(month[0].expected->value == "ngày 20 tháng 02 năm 2024");
    auto both = dated("ngày 3 tháng 1 năm 2024");
    REQUIRE(both.size() == 1);
    CHECK(both[0].expected->value == "ngày 03 tháng 01 năm 2024");
}

TEST_CASE("nd30-date-leading-zero: the clean plan and the near misses do not fire") {
    CHECK(findings_of(plan_2024(), "nd30-date-leading-zero").empty());
    CHECK(dated("ngày 05 tháng 9 năm 2024").empty());
    CHECK(dated("ngày 20 tháng 02 năm 2024").empty());
    CHECK(dated("ngày 20 tháng 12 năm 2024").empty());  // months 3 to 12 take none
    CHECK(dated("ngày 5 tháng 9 năm 2019").empty());    // before Decree 30
}
