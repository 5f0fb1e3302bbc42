// The tests of the rule `nd30-font` (rules/checks/nd30-font.cpp, docs/rules/nd30-font.md):
// Word drafts of tools/make_docx.py, one set in Times New Roman, one in Arial; the
// fixture PDFs (set by cairo in DejaVu Serif); the real signed PDFs of corpus/real.
#include <catch2/catch.hpp>

#include <algorithm>

#include "fields/extractor.h"
#include "reading/loader.h"
#include "reading/text_source.h"
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

TEST_CASE("nd30-font: a draft in Times New Roman, a text file and a scan do not fire", "[fixtures]") {
    CHECK(findings_of(check_file(fixture("quang-tri-2021-cong-van.docx")), "nd30-font").empty());
    CHECK(findings_of(check_file(sample("quang-tri-2021-cong-van.txt")), "nd30-font").empty());
    CHECK(findings_of(check_file(fixture("quang-tri-2021-cong-van.mixed.pdf")), "nd30-font").empty());  // page 2 is OCR
}

TEST_CASE("nd30-font: a born-digital PDF set in DejaVu Serif fires, naming the face as the PDF does", "[fixtures]") {
    auto found = findings_of(check_file(fixture("quang-tri-2021-cong-van.pdf")), "nd30-font");
    REQUIRE(found.size() == 1);
    CHECK(found[0].found->value == "DejaVuSerif");
}

namespace {

// A born-digital page as a PDF gives it: every line placed and set, in Times New
// Roman 13, but the stamp's lines (those starting the text) in `stamp_face`.
Document set_page(const std::string& text, std::size_t stamp_lines, const std::string& stamp_face) {
    Document doc;
    doc.file = "signed.pdf";
    doc.kind = DocumentKind::Pdf;
    doc.pages = read_text_pages(text);
    double y = 40;
    for (auto& line : doc.pages[0].lines) {
        bool stamp = static_cast<std::size_t>(&line - doc.pages[0].lines.data()) < stamp_lines;
        line.bbox = BBox{stamp ? 400.0 : 60.0, y, stamp ? 560.0 : 540.0, y + 12};
        line.spans = {{0, line.text.size(), TextStyle{stamp ? stamp_face : "Times New Roman", stamp ? 9.0 : 13.0}}};
        y += 16;
    }
    return doc;
}

const std::string kSignedText =
    "Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi\nCơ quan: Tỉnh Quảng Ngãi\nThời gian ký: 19/01/2025 10:13:06\n"
    "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 05/UBND-KGVX\nV/v hưởng ứng Tuần lễ học tập suốt đời\n";

}  // namespace

TEST_CASE("nd30-font: a signature stamp's face is the signing service's, not the drafter's") {
    Record record = extract_record(set_page(kSignedText, 3, "Courier New"));
    REQUIRE(record.signatures.value);
    CHECK(record.presentation.styled);
    REQUIRE(record.presentation.fonts.size() == 1);
    CHECK(record.presentation.fonts[0].font == "Times New Roman");
    // The same face in the body is the drafter's, and is found.
    Document courier_body = set_page(kSignedText, 3, "Courier New");
    courier_body.pages[0].lines.back().spans[0].style.font = "Courier New";
    CHECK(extract_record(courier_body).presentation.fonts.size() == 2);
}

TEST_CASE("nd30-font: the real signed PDFs are in Times New Roman, their gazette stamp left aside", "[real]") {
    for (std::string name : {"qng_vht507.signed.pdf", "qng_vht534.signed.pdf", "qng_bnt_BTTTT_gop_y_VTCI.signed.pdf"}) {
        INFO(name);
        Record record = extract_record(load_document(real_document("scans", name)));
        CHECK(record.presentation.styled);
        REQUIRE(record.presentation.fonts.size() == 1);
        CHECK(record.presentation.fonts[0].font == "Times New Roman");
        CHECK(findings_of(check_file(real_document("scans", name)), "nd30-font").empty());
    }
}

TEST_CASE("nd30-font: a document with a page read by OCR says nothing of its faces", "[real]") {
    // Page 1's stamp is a text layer in Times New Roman; the pages are scanned.
    Record record = extract_record(load_document(real_document("scans", "qng_575_UBND.signed.pdf")));
    CHECK_FALSE(record.presentation.styled);
}

TEST_CASE("nd30-font: a scan made searchable by Tesseract (GlyphLessFont under the image) says nothing of faces", "[fixtures][ocr]") {
    std::string base = fresh_temp_dir("nd30-font-tesseract") + "/searchable";
    auto made = run_program({"/usr/bin/tesseract", fixture("quang-tri-2021-cong-van.scan.png"), base, "-l", "vie", "pdf"});
    REQUIRE(made.exit_code == 0);
    Document doc = load_document(base + ".pdf");
    bool text_layer = std::any_of(doc.pages[0].lines.begin(), doc.pages[0].lines.end(),
                                  [](const Line& l) { return l.source == PageSource::Text && !l.text.empty(); });
    CHECK(text_layer);  // read from Tesseract's layer, not by OCR again
    CHECK_FALSE(extract_record(doc).presentation.styled);
    CHECK(findings_of(check_file(base + ".pdf"), "nd30-font").empty());
}
