// The tests of the rule `week-mismatch` (rules/checks/week-mismatch.cpp, docs/rules/week-mismatch.md): a
// document that fires it, and near misses that must not.
#include <catch2/catch.hpp>

#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

TEST_CASE("week-mismatch: a shifted week fires, the same week written otherwise does not") {
    auto f =
        findings_of(with(plan_2024(), "từ ngày 01/10/2024 đến ngày 07/10/2024", "từ ngày 02/10/2024 đến ngày 08/10/2024"), "week-mismatch");
    REQUIRE(f.size() == 1);
    CHECK(f[0].expected == Value{Value::Kind::Period, "2024-10-01/2024-10-07"});
    CHECK(f[0].message.vi == "Thời gian Tuần lễ 02/10/2024 – 08/10/2024 khác thời gian của Bộ năm 2024: 01/10/2024 – 07/10/2024");
    CHECK(findings_of(with(plan_2024(), "từ ngày 01/10/2024 đến ngày 07/10/2024", "từ ngày 1/10/2024 đến hết ngày 07/10/2024"),
                      "week-mismatch")
              .empty());
}
