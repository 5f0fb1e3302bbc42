// The tests of the rule `nd30-font` (rules/checks/nd30-font.cpp, docs/rules/nd30-font.md):
// Word drafts of tools/make_docx.py, one set in Times New Roman, one in Arial.
#include <catch2/catch.hpp>

#include "tests/helpers.h"
#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

TEST_CASE("nd30-font: a draft set in Arial fires once, naming the face", "[fixtures]") {
    auto found = findings_of(check_file(fixture("quang-tri-2021-cong-van.arial.docx")), "nd30-font");
    REQUIRE(found.size() == 1);
    CHECK(found[0].found->value == "Arial");
    CHECK(found[0].expected->value == "Times New Roman");
    REQUIRE(found[0].evidence);
    CHECK(found[0].evidence->line == 1);
}

TEST_CASE("nd30-font: a draft in Times New Roman, a text file and a PDF do not fire", "[fixtures]") {
    CHECK(findings_of(check_file(fixture("quang-tri-2021-cong-van.docx")), "nd30-font").empty());
    CHECK(findings_of(check_file(sample("quang-tri-2021-cong-van.txt")), "nd30-font").empty());
    CHECK(findings_of(check_file(fixture("quang-tri-2021-cong-van.pdf")), "nd30-font").empty());  // faces not read from PDFs yet
}
