// The tests of the rule `nd30-place-name` (rules/checks/nd30-place-name.cpp,
// docs/rules/nd30-place-name.md): a document that fires it, and near misses that must not.
#include <catch2/catch.hpp>

#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

TEST_CASE("nd30-place-name: a provincial body's place misspelt, or another province, fires") {
    // The bundled Hưng Yên report writes its place "Hung Yên".
    auto misspelt = findings_of(read_sample("hung-yen-2021-bao-cao.txt"), "nd30-place-name");
    REQUIRE(misspelt.size() == 1);
    CHECK(misspelt[0].found->value == "Hung Yên");
    CHECK(misspelt[0].expected->value == "Hưng Yên");
    REQUIRE(misspelt[0].fix);
    CHECK(misspelt[0].fix->with == "Hưng Yên");
    auto other = findings_of(with(plan_2024(), "Nghệ An, ngày 20", "Hà Tĩnh, ngày 20"), "nd30-place-name");
    REQUIRE(other.size() == 1);
    CHECK(other[0].expected->value == "Nghệ An");
}

TEST_CASE("nd30-place-name: the clean plan and the near misses do not fire") {
    CHECK(findings_of(plan_2024(), "nd30-place-name").empty());
    CHECK(findings_of(with(plan_2024(), "Nghệ An, ngày 20", "Vinh, ngày 20"), "nd30-place-name").empty());  // a city: not judged
    CHECK(findings_of(read_sample("thanh-oai-2019-ke-hoach.txt"), "nd30-place-name").empty());              // a district's office
    CHECK(findings_of(read_sample("truong-thpt-bai-chay-2024-bao-cao.txt"), "nd30-place-name").empty());    // a school
}
