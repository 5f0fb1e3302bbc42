// The tests of the rule `cited-dispatch-mismatch` (rules/checks/cited-dispatch-mismatch.cpp, docs/rules/cited-dispatch-mismatch.md): a
// document that fires it, and near misses that must not.
#include <catch2/catch.hpp>

#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

TEST_CASE("cited-dispatch-mismatch: a wrong unit or date fires, spacing does not") {
    CHECK(findings_of(with(plan_2024(), "5201/BGDĐT-GDTX", "5201/BGDĐT-GDTrH"), "cited-dispatch-mismatch").size() == 1);
    CHECK(findings_of(with(plan_2024(), "ngày 09/9/2024 của Bộ", "ngày 10/9/2024 của Bộ"), "cited-dispatch-mismatch").size() == 1);
    CHECK(findings_of(with(plan_2024(), "5201/BGDĐT-GDTX", "5201/BGDĐT - GDTX"), "cited-dispatch-mismatch").empty());
}

TEST_CASE("cited-dispatch-mismatch: a dispatch cited by its number alone agrees when the number does") {
    CHECK(findings_of(with(plan_2024(), "5201/BGDĐT-GDTX", "5201"), "cited-dispatch-mismatch").empty());
    CHECK(findings_of(with(plan_2024(), "5201/BGDĐT-GDTX", "5210"), "cited-dispatch-mismatch").size() == 1);
}
