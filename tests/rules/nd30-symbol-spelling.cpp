// The tests of the rule `nd30-symbol-spelling` (rules/checks/nd30-symbol-spelling.cpp,
// docs/rules/nd30-symbol-spelling.md): a document that fires it, and near misses that must not.
#include <catch2/catch.hpp>

#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

namespace {
std::vector<Finding> numbered(const std::string& line) {
    return findings_of(with(plan_2024(), "Số: 812/KH-UBND", line), "nd30-symbol-spelling");
}
}  // namespace

TEST_CASE("nd30-symbol-spelling: spaces in the symbol, or the type code spelt otherwise, fire with the fix") {
    auto spaces = numbered("Số: 812/KH - UBND");
    REQUIRE(spaces.size() == 1);
    CHECK(spaces[0].found->value == "812/KH - UBND");
    CHECK(spaces[0].expected->value == "812/KH-UBND");
    REQUIRE(spaces[0].fix);
    CHECK(spaces[0].fix->replace == "812/KH - UBND");
    auto code = numbered("Số: 812/Kh-UBND");
    REQUIRE(code.size() == 1);
    CHECK(code[0].expected->value == "812/KH-UBND");
    // A decision's Đ.
    auto decision =
        findings_of(with(with(plan_2024(), "Số: 812/KH-UBND", "Số: 15/QD-UBND"), "KẾ HOẠCH\n", "QUYẾT ĐỊNH\n"), "nd30-symbol-spelling");
    REQUIRE(decision.size() == 1);
    CHECK(decision[0].expected->value == "15/QĐ-UBND");
}

TEST_CASE("nd30-symbol-spelling: the clean plan and the near misses do not fire") {
    CHECK(findings_of(plan_2024(), "nd30-symbol-spelling").empty());
    CHECK(findings_of(read_sample("quang-tri-2021-cong-van.txt"), "nd30-symbol-spelling").empty());
    CHECK(numbered("Số: 812/BC-UBND").empty());   // another type's code: symbol-malformed's
    CHECK(numbered("Số: 812 /KH-UBND").empty());  // the number filled in after signing
}
