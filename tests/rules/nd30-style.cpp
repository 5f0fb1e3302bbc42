// The tests of the rule `nd30-style` (rules/checks/nd30-style.cpp, docs/rules/nd30-style.md):
// Word drafts of tools/make_docx.py: the header in 13 pt, bold and italic where
// Appendix I says; the Arial draft's header in 12 pt.
#include <catch2/catch.hpp>

#include "tests/helpers.h"
#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

TEST_CASE("nd30-style: a motto and a place-date line set in 12 pt fire, one finding a line", "[fixtures]") {
    auto found = findings_of(check_file(fixture("quang-tri-2021-cong-van.arial.docx")), "nd30-style");
    REQUIRE(found.size() == 2);
    CHECK(found[0].evidence->text == "Độc lập - Tự do - Hạnh phúc");
    CHECK(found[0].found->value == "12 pt, bold");
    CHECK(found[0].expected->value == "13–14 pt, bold");
    CHECK(found[1].evidence->text == "Quảng Trị, ngày 15 tháng 9 năm 2021");
    CHECK(found[1].expected->value == "13–14 pt, italic");
}

TEST_CASE("nd30-style: the header set as Appendix I says, a text file and a PDF do not fire", "[fixtures]") {
    CHECK(findings_of(check_file(fixture("quang-tri-2021-cong-van.docx")), "nd30-style").empty());
    CHECK(findings_of(check_file(fixture("nghe-an-2024-ke-hoach.docx")), "nd30-style").empty());  // with a type name
    CHECK(findings_of(check_file(sample("quang-tri-2021-cong-van.txt")), "nd30-style").empty());
    CHECK(findings_of(check_file(fixture("quang-tri-2021-cong-van.pdf")), "nd30-style").empty());
}
