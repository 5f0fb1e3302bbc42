// The tests of the rule `nd30-style` (rules/checks/nd30-style.cpp, docs/rules/nd30-style.md):
// Word drafts of tools/make_docx.py: the header in 13 pt, bold and italic where
// Appendix I says; the Arial draft's header in 12 pt.
#include <catch2/catch.hpp>

#include "fields/extractor.h"
#include "reading/loader.h"
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
    CHECK(findings_of(check_file(fixture("quang-tri-2021-cong-van.mixed.pdf")), "nd30-style").empty());  // page 2 is OCR
}

TEST_CASE("nd30-style: a born-digital PDF's header is judged by the sizes and faces it is set in", "[fixtures]") {
    // The fixture PDF sets every line in Pango's DejaVu Serif 12, 16 pt on the page
    // (Pango counts 96 to the inch, the PDF 72), the national name too.
    auto found = findings_of(check_file(fixture("quang-tri-2021-cong-van.pdf")), "nd30-style");
    REQUIRE_FALSE(found.empty());
    CHECK(found[0].evidence->text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    CHECK(found[0].found->value == "16 pt");
    CHECK(found[0].expected->value == "12–13 pt, bold");
}

TEST_CASE("nd30-style: the real signed PDFs' headers, measured at 12.96 and 14.04 pt, are as Appendix I says", "[real]") {
    for (std::string name : {"qng_vht507.signed.pdf", "qng_vht534.signed.pdf", "qng_bnt_BTTTT_gop_y_VTCI.signed.pdf"}) {
        INFO(name);
        Record record = extract_record(load_document(real_document("scans", name)));
        REQUIRE(record.presentation.motto);
        REQUIRE_FALSE(record.presentation.motto->styles.empty());
        CHECK(record.presentation.motto->styles[0].size_pt == 13.0);
        CHECK(record.presentation.motto->styles[0].bold);
        CHECK(findings_of(check_file(real_document("scans", name)), "nd30-style").empty());
    }
}
