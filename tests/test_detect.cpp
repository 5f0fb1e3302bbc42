#include <catch2/catch.hpp>

#include "helpers.h"
#include "isolation/batch.h"
#include "reading/detect.h"
#include "reading/pdf_source.h"

using namespace congvan;
using namespace std::literals;

TEST_CASE("the kind of a document comes from its bytes, not its name") {
    CHECK(detect_kind("%PDF-1.7\n..."sv) == DocumentKind::Pdf);
    CHECK(detect_kind("\x89PNG\r\n\x1a\nrest"sv) == DocumentKind::Png);
    CHECK(detect_kind("\xFF\xD8\xFF\xE0rest"sv) == DocumentKind::Jpeg);
    CHECK(detect_kind("II*\0rest"sv) == DocumentKind::Tiff);
    CHECK(detect_kind("Số: 2005/BC-SGDĐT\nHưng Yên"sv) == DocumentKind::Text);
}

TEST_CASE("unreadable bytes are refused with a reason") {
    CHECK_THROWS_WITH(detect_kind(""sv), "empty file");
    CHECK_THROWS_WITH(detect_kind("abc\0def"sv), Catch::Contains("binary"));
    CHECK_THROWS_WITH(detect_kind("ng\xC3\x28y"sv), Catch::Contains("UTF-8"));
}

TEST_CASE("UTF-8 validation rejects overlong forms and surrogates") {
    CHECK(is_valid_utf8("Đắk Lắk"));
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));
    CHECK_FALSE(is_valid_utf8("\xE1\xBA"));
}

TEST_CASE("a batch prepares the OCR engine only for a file that may need it", "[fixtures]") {
    using congvan::test::fixture;
    using congvan::test::sample;
    // Nothing to OCR: a text, a Word draft, a PDF whose pages name their fonts.
    CHECK_FALSE(may_need_ocr(sample("bac-kan-2022-ke-hoach.txt")));
    CHECK_FALSE(may_need_ocr(fixture("bac-kan-2022-ke-hoach.docx")));
    CHECK_FALSE(may_need_ocr(fixture("bac-kan-2022-ke-hoach.pdf")));
    // A page to OCR: a scanned PDF (no font at all), a page image.
    CHECK(may_need_ocr(fixture("bac-kan-2022-ke-hoach.scan.pdf")));
    CHECK(may_need_ocr(fixture("bac-kan-2022-ke-hoach.scan.png")));
    CHECK(may_need_ocr(fixture("bac-kan-2022-ke-hoach.d30-photo.jpg")));
    // One scan among text files is enough; a file that cannot be read says why later.
    CHECK(any_may_need_ocr({sample("bac-kan-2022-ke-hoach.txt"), fixture("bac-kan-2022-ke-hoach.scan.pdf")}));
    CHECK_FALSE(any_may_need_ocr({sample("bac-kan-2022-ke-hoach.txt"), "/no/such/file.pdf"}));
}

TEST_CASE("the PDF a reader keeps open is whole: Poppler reads its text layer, every offset right") {
    std::string pdf = congvan::small_text_pdf();
    congvan::PdfOptions text_only;
    text_only.text_layer_only = true;
    auto pages = congvan::read_pdf_pages(pdf, nullptr, text_only);
    REQUIRE(pages.size() == 1);
    REQUIRE(pages[0].lines.size() == 1);
    CHECK_THAT(pages[0].lines[0].text, Catch::Contains("812/KH-UBND"));
    CHECK(pages[0].lines[0].words.size() > 5);  // words, as a text layer gives them
    // A reader that had to repair it would do so in every document's process.
    auto table = pdf.find("xref\n0 6\n");
    REQUIRE(table != std::string::npos);
    for (int object = 1; object <= 5; ++object) {
        std::size_t offset = std::stoul(pdf.substr(table + 9 + 20 * static_cast<std::size_t>(object), 10));
        std::string header = std::to_string(object) + " 0 obj";
        CHECK(pdf.compare(offset, header.size(), header) == 0);
    }
    auto stream = pdf.find("stream\n") + 7, end = pdf.find("\nendstream");
    CHECK_THAT(pdf, Catch::Contains("/Length " + std::to_string(end - stream) + " "));
    CHECK(pdf.substr(pdf.find("startxref\n") + 10, std::to_string(table).size()) == std::to_string(table));
}
