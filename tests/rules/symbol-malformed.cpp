// The tests of the rule `symbol-malformed` (rules/checks/symbol-malformed.cpp, docs/rules/symbol-malformed.md): a
// document that fires it, and near misses that must not.
#include <catch2/catch.hpp>

#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

TEST_CASE("symbol-malformed: a wrong type code or a repeated part fires") {
    CHECK(findings_of(with(plan_2024(), "Số: 812/KH-UBND", "Số: 812/BC-UBND"), "symbol-malformed").size() == 1);
    CHECK(findings_of(with(plan_2024(), "Số: 812/KH-UBND", "Số: 812/KH-UBND-UBND"), "symbol-malformed").size() == 1);
    CHECK(findings_of(with(plan_2024(), "Căn cứ Công văn", "Căn cứ Kế hoạch số 10/QĐ-UBND ngày 01/9/2024; Công văn"), "symbol-malformed").size() == 1);
    CHECK(findings_of(with(plan_2024(), "Căn cứ Công văn", "Căn cứ Kế hoạch số 10/KH-UBND ngày 01/9/2024; Công văn"), "symbol-malformed").empty());
}
