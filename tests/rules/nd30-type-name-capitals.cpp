// The tests of the rule `nd30-type-name-capitals` (rules/checks/nd30-type-name-capitals.cpp,
// docs/rules/nd30-type-name-capitals.md): a document that fires it, and near misses that must not.
#include <catch2/catch.hpp>

#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

TEST_CASE("nd30-type-name-capitals: a type name in lower case fires, with its capitals") {
    auto found = findings_of(with(plan_2024(), "KẾ HOẠCH\n", "Kế hoạch\n"), "nd30-type-name-capitals");
    REQUIRE(found.size() == 1);
    CHECK(found[0].expected->value == "KẾ HOẠCH");
    CHECK(found[0].found->value == "Kế hoạch");
}

TEST_CASE("nd30-type-name-capitals: the clean plan and a công văn do not fire") {
    CHECK(findings_of(plan_2024(), "nd30-type-name-capitals").empty());
    CHECK(findings_of(read_sample("quang-tri-2021-cong-van.txt"), "nd30-type-name-capitals").empty());
}
