// The tests of the rule `responsibility-missing` (rules/checks/responsibility-missing.cpp, docs/rules/responsibility-missing.md): a
// document that fires it, and near misses that must not.
#include <catch2/catch.hpp>

#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

TEST_CASE("responsibility-missing: a 2020 plan that gives no task to the study promotion association fires") {
    auto f = findings_of(
        with(plan_2020(), "3.2. Hội Khuyến học tỉnh: Phát động phong trào học tập suốt đời trong gia đình, dòng họ, cộng đồng.\n", ""),
        "responsibility-missing");
    REQUIRE(f.size() == 1);
    CHECK(f[0].expected == Value{Value::Kind::Agency, "Hội Khuyến học tỉnh"});
    // 2024's agencies are unknown: no finding either way.
    CHECK(findings_of(with(plan_2024(), "2. Hội Khuyến học tỉnh:", "2. Sở Tài chính:"), "responsibility-missing").empty());
}
