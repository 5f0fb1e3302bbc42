// The tests of the rule `nd30-motto` (rules/checks/nd30-motto.cpp, docs/rules/nd30-motto.md):
// a document that fires it, and near misses that must not.
#include <catch2/catch.hpp>

#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

TEST_CASE("nd30-motto: unspaced hyphens, another character or a lower-case word fire") {
    for (const char* motto :
         {"Độc lập-Tự do-Hạnh phúc", "Độc lập – Tự do-Hạnh phúc", "Độc lập - tự do - Hạnh phúc", "Độc lập, Tự do, Hạnh phúc"}) {
        INFO(motto);
        auto found = findings_of(with(plan_2024(), "Độc lập - Tự do - Hạnh phúc", motto), "nd30-motto");
        REQUIRE(found.size() == 1);
        CHECK(found[0].expected->value == "Độc lập - Tự do - Hạnh phúc");
        CHECK(found[0].found->value == motto);
    }
    auto name = findings_of(with(plan_2024(), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Cộng hòa xã hội chủ nghĩa Việt Nam"), "nd30-motto");
    REQUIRE(name.size() == 1);
    CHECK(name[0].expected->value == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
}

TEST_CASE("nd30-motto: the clean plan and the near misses do not fire") {
    CHECK(findings_of(plan_2024(), "nd30-motto").empty());
    // The old tone placement is the same word.
    CHECK(findings_of(with(plan_2024(), "CỘNG HÒA XÃ HỘI", "CỘNG HOÀ XÃ HỘI"), "nd30-motto").empty());
    // A dash for the hyphen is Word's auto-correct, not the author's choice; any
    // character drawn as a short stroke is the hyphen.
    for (const char* motto : {"Độc lập – Tự do – Hạnh phúc", "Độc lập — Tự do — Hạnh phúc", "Độc lập ‐ Tự do ‐ Hạnh phúc"})
        CHECK(findings_of(with(plan_2024(), "Độc lập - Tự do - Hạnh phúc", motto), "nd30-motto").empty());
}
