#include <catch2/catch.hpp>

#include "helpers.h"
#include "isolation/batch.h"
#include "reading/detect.h"

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
