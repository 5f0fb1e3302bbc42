// The tests of the rule `nd30-signer-authority` (rules/checks/nd30-signer-authority.cpp,
// docs/rules/nd30-signer-authority.md): a document that fires it, and near misses that must not.
#include <catch2/catch.hpp>

#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

TEST_CASE("nd30-signer-authority: KT. over the head's own title, or a deputy under TM. alone, fires") {
    auto head_signs = findings_of(with(plan_2024(), "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "KT. CHỦ TỊCH\nCHỦ TỊCH"), "nd30-signer-authority");
    REQUIRE(head_signs.size() == 1);
    CHECK(head_signs[0].expected->value == "PHÓ CHỦ TỊCH");
    auto no_kt = findings_of(with(plan_2024(), "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN\nPHÓ CHỦ TỊCH"),
                             "nd30-signer-authority");
    REQUIRE(no_kt.size() == 1);
    CHECK(no_kt[0].expected->value == "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH");
}

TEST_CASE("nd30-signer-authority: the clean plan and the near misses do not fire") {
    CHECK(findings_of(plan_2024(), "nd30-signer-authority").empty());
    // The head signs on behalf of the body; the office signs for the head (TL.) and its deputy for the chief (KT.).
    CHECK(findings_of(with(plan_2024(), "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"),
                      "nd30-signer-authority")
              .empty());
    CHECK(findings_of(with(plan_2024(), "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
                           "TL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG"),
                      "nd30-signer-authority")
              .empty());
}
