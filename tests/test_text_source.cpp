#include <catch2/catch.hpp>

#include "fields/flow.h"
#include "reading/loader.h"
#include "reading/text_source.h"

#include <unicode/unistr.h>

using namespace congvan;

TEST_CASE("light markdown is stripped and its text kept") {
    CHECK(strip_markdown("## **BÁO CÁO**") == "BÁO CÁO");
    CHECK(strip_markdown("*a) Chủ đề: **Thúc đẩy.***") == "a) Chủ đề: Thúc đẩy.");
    CHECK(strip_markdown("1\t<b>Các lớp</b>\tLớp") == "1\tCác lớp\tLớp");
    CHECK(strip_markdown("tại <https://uil.unesco.org> để") == "tại https://uil.unesco.org để");
}

TEST_CASE("form feeds start new pages and blank lines are dropped") {
    auto pages = read_text_pages("Dòng một\n\n  Dòng hai  \fTrang hai\n");
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].lines.size() == 2);
    CHECK(pages[0].lines[1].text == "Dòng hai");
    CHECK(pages[0].lines[1].source_line == 3);  // the file's own line, blank lines counted
    CHECK(pages[1].number == 2);
    CHECK(pages[1].lines[0].text == "Trang hai");
}

TEST_CASE("a phrase wrapped over two lines is found as flowing text and mapped back") {
    Document doc;
    doc.pages = read_text_pages("gửi về Sở Giáo dục và Đào tạo trước ngày\n15/10/2022 để tổng hợp\n");
    FlowText flow(doc);
    auto at = flow.folded().find("truoc ngay\n15/10/2022");
    REQUIRE(at != std::string::npos);
    CHECK(flow.evidence_at(at).line == 1);
    auto date_at = flow.folded().find("15/10");
    CHECK(flow.evidence_at(date_at).line == 2);
    CHECK(flow.evidence_at(date_at).text == "15/10/2022 để tổng hợp");
    CHECK(flow.original(at, date_at + 10) == "trước ngày 15/10/2022");
}

TEST_CASE("a text saved as UTF-16 with its byte-order mark, or with an old Mac's CR line ends, is read as its lines") {
    // A district's minutes saved by Notepad as "Unicode" (UTF-16 LE) and as "Unicode
    // big endian"; the same words with lone CRs.
    std::string utf8 = "UBND HUYỆN THANH OAI\r\nBiên bản họp ngày 02/10/2024\r\nHọc tập suốt đời\r\n";
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
    std::string le = "\xFF\xFE", be = "\xFE\xFF";
    for (int32_t i = 0; i < u.length(); ++i) {
        char16_t c = u.charAt(i);
        le += static_cast<char>(c & 0xFF), le += static_cast<char>(c >> 8);
        be += static_cast<char>(c >> 8), be += static_cast<char>(c & 0xFF);
    }
    for (const auto& bytes : {le, be}) {
        Document doc = load_document_bytes(bytes, "bien-ban.txt");
        REQUIRE(doc.pages.size() == 1);
        REQUIRE(doc.pages[0].lines.size() == 3);
        CHECK(doc.pages[0].lines[0].text == "UBND HUYỆN THANH OAI");
        CHECK(doc.pages[0].lines[2].text == "Học tập suốt đời");
    }
    Document mac = load_document_bytes("UBND HUYỆN THANH OAI\rBiên bản\rHọc tập suốt đời", "mac.txt");
    REQUIRE(mac.pages[0].lines.size() == 3);
    CHECK(mac.pages[0].lines[1].text == "Biên bản");
    CHECK(mac.pages[0].lines[2].source_line == 3);
}
