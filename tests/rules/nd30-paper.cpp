// The tests of the rule `nd30-paper` (rules/checks/nd30-paper.cpp, docs/rules/nd30-paper.md):
// Word drafts of tools/make_docx.py, one on A4 with every margin at a bound of its
// range, one on Letter paper with a left margin of 20 mm.
#include <catch2/catch.hpp>

#include "tests/helpers.h"
#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

TEST_CASE("nd30-paper: Letter paper and a 20 mm left margin fire, one finding each", "[fixtures]") {
    auto found = findings_of(check_file(fixture("quang-tri-2021-cong-van.arial.docx")), "nd30-paper");
    REQUIRE(found.size() == 2);
    CHECK(found[0].found->value == "216 × 279 mm");
    CHECK(found[0].expected->value == "210 × 297 mm");
    CHECK(found[1].found->value == "20 mm");
    CHECK(found[1].expected->value == "30–35 mm");
    CHECK_THAT(found[1].message.en, Catch::Contains("left margin"));
}

TEST_CASE("nd30-paper: A4 with margins at the bounds of their ranges, and a text file, do not fire", "[fixtures]") {
    CHECK(findings_of(check_file(fixture("quang-tri-2021-cong-van.docx")), "nd30-paper").empty());
    CHECK(findings_of(check_file(sample("quang-tri-2021-cong-van.txt")), "nd30-paper").empty());
}
