// A PDF font name read as a face, bold and italic (reading/pdf_font.h): the names are
// those pdffonts lists in the real signed PDFs of corpus/real/scans and in the
// fixtures cairo writes.
#include <catch2/catch.hpp>

#include "reading/pdf_font.h"

using namespace congvan;

TEST_CASE("a PDF font name gives its face without the subset tag, the vendor's suffix or the style") {
    auto plain = *pdf_text_style("BBUBWY+TimesNewRomanPSMT", 13.0);
    CHECK(plain.font == "TimesNewRoman");
    CHECK_FALSE(plain.bold);
    CHECK_FALSE(plain.italic);
    auto bold = *pdf_text_style("Times New Roman,Bold", 13.0);
    CHECK(bold.font == "Times New Roman");
    CHECK(bold.bold);
    CHECK_FALSE(bold.italic);
    auto both = *pdf_text_style("Times New Roman,BoldItalic", 13.0);
    CHECK((both.bold && both.italic));
    auto italic = *pdf_text_style("YLEEQB+TimesNewRomanPS-ItalicMT", 14.0);
    CHECK(italic.font == "TimesNewRoman");
    CHECK(italic.italic);
    CHECK_FALSE(italic.bold);
    CHECK(pdf_text_style("ABCDEE+Courier New", 9.0)->font == "Courier New");
    CHECK(pdf_text_style("EZRVSB+DejaVuSerif-Bold", 12.0)->font == "DejaVuSerif");
    CHECK(pdf_text_style("ArialMT", 12.0)->font == "Arial");
    CHECK(pdf_text_style("abcdef+Odd", 12.0)->font == "abcdef+Odd");  // a tag is six capitals
}

TEST_CASE("the invisible text layer OCR lays under a scan says nothing of style") {
    CHECK_FALSE(pdf_text_style("GlyphLessFont", 10.0));
    CHECK_FALSE(pdf_text_style("ABCDEF+GlyphLessFont", 10.0));
}

TEST_CASE("a size measured from a PDF's text matrix is read to Word's half point") {
    CHECK(pdf_text_style("TimesNewRomanPSMT", 12.96)->size_pt == 13.0);
    CHECK(pdf_text_style("TimesNewRomanPSMT", 14.04)->size_pt == 14.0);
    CHECK(pdf_text_style("TimesNewRomanPSMT", 13.4)->size_pt == 13.5);
}

TEST_CASE("one face however a source spells it") {
    CHECK(face_key("Times New Roman") == face_key("TimesNewRomanPSMT"));
    CHECK(face_key("Times New Roman") == face_key("TimesNewRoman"));
    CHECK(face_key("Times New Roman") != face_key("Times"));
    CHECK(face_key("Courier New") != face_key("Times New Roman"));
}
