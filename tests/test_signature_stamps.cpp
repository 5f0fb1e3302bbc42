// Digital-signature stamps as the signing services print them (docs/fields.md):
// each kind's lines, wrapped as the narrow stamp wraps them, and what a stamp must
// never do (fill the issue date, swallow body text).
#include <catch2/catch.hpp>

#include "fields/extractor.h"
#include "reading/text_source.h"

using namespace congvan;

namespace {

std::vector<SignatureStamp> stamps(const std::string& text) {
    Document doc;
    doc.file = "stamp.txt";
    doc.pages = read_text_pages(text);
    Record r = extract_record(doc);
    return r.signatures.value.value_or(std::vector<SignatureStamp>{});
}

}  // namespace

TEST_CASE("an issuing body's stamp with 'Người ký', dotted date and a wrapped zone", "[stamps]") {
    auto s = stamps(
        "Người ký: Ủy ban\nnhân dân tỉnh Quảng\nNgãi\nCơ quan: Tỉnh Quảng\nNgãi\nThời gian ký:\n"
        "16.04.2020 07:37:07\n+07:00\nUỶ BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\n");
    REQUIRE(s.size() == 1);
    CHECK(s[0].kind == "authority");
    CHECK(s[0].signed_by == "Ủy ban nhân dân tỉnh Quảng Ngãi");
    CHECK(s[0].organisation == "Tỉnh Quảng Ngãi");
    CHECK(s[0].time == "2020-04-16T07:37:07+07:00");
    CHECK(s[0].page == 1);
}

TEST_CASE("an issuing body's stamp with 'Ký bởi' and a slashed date, no zone", "[stamps]") {
    auto s = stamps(
        "Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi\nCơ quan: Tỉnh Quảng Ngãi\nThời gian ký: 19/01/2025 10:13:06\n"
        "ỦY BAN NHÂN DÂN\n");
    REQUIRE(s.size() == 1);
    CHECK(s[0].signed_by == "Ủy ban nhân dân tỉnh Quảng Ngãi");
    CHECK(s[0].time == "2025-01-19T10:13:06");
}

TEST_CASE("a gazette centre's stamp, and two stamps on one page", "[stamps]") {
    auto s = stamps(
        "TRUNG TÂM CÔNG\nBÁO VÀ TIN HỌC\nttcbth@quangngai.gov.vn\n24.01.2025 20:01:14\n+07:00\n"
        "Ký bởi: Sở Giáo dục và Đào tạo\nThời gian ký: 23/01/2025 08:00:00\n");
    REQUIRE(s.size() == 2);
    CHECK(s[0].kind == "gazette");
    CHECK(s[0].signed_by == "TRUNG TÂM CÔNG BÁO VÀ TIN HỌC");
    CHECK(s[0].email == "ttcbth@quangngai.gov.vn");
    CHECK(s[0].time == "2025-01-24T20:01:14+07:00");
    CHECK(s[1].kind == "authority");
    CHECK(s[1].signed_by == "Sở Giáo dục và Đào tạo");
    CHECK(s[1].time == "2025-01-23T08:00:00");
}

TEST_CASE("a stamp's time is not the issue date, and body text is not a stamp", "[stamps]") {
    Document doc;
    doc.file = "stamp.txt";
    doc.pages = read_text_pages(
        "Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi\nThời gian ký: 05/02/2025 15:35:18\n"
        "UBND TỈNH QUẢNG NGÃI\nSố: 575/UBND-KGVX\nQuảng Ngãi, ngày    tháng 02 năm 2025\n");
    Record r = extract_record(doc);
    CHECK_FALSE(r.date.value);
    REQUIRE(r.signatures.value);
    CHECK(r.signatures.value->front().time == "2025-02-05T15:35:18");
    // A sentence that happens to start like a stamp runs long: no time, no stamp.
    CHECK(stamps("Ký bởi: lãnh đạo đơn vị theo quy định hiện hành của Ủy ban nhân dân tỉnh về việc ký số văn bản điện tử trong năm\n")
              .empty());
    // A stamp ends where body text starts: a date and time in the next paragraph
    // are not the signing time.
    auto cut = stamps(
        "Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi\n"
        "Cuộc họp bắt đầu lúc 08:00:00 ngày 05/02/2025 tại hội trường Ủy ban nhân dân tỉnh, với các sở\n");
    REQUIRE(cut.size() == 1);
    CHECK(cut[0].signed_by == "Ủy ban nhân dân tỉnh Quảng Ngãi");
    CHECK(cut[0].time.empty());
    // A time that does not exist is left empty rather than reported.
    auto bad = stamps("Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi\nThời gian ký: 31/09/2025 10:00:00\n");
    REQUIRE(bad.size() == 1);
    CHECK(bad[0].time.empty());
}

TEST_CASE("a page's signature stamps do not push its place-date line out of the header", "[stamps]") {
    // A ministry's letter signed three times over its header (the issuing body, a
    // department, a gazette), each stamp's lines in its own box at the page's top.
    Document doc;
    doc.file = "signed.pdf";
    Page page;
    page.width = 595, page.height = 842;
    double y = 20;
    auto add = [&](const std::string& text, double x0, double x1) {
        Line l;
        l.text = text;
        l.bbox = BBox{x0, y, x1, y + 10};
        l.source = PageSource::Ocr;
        page.lines.push_back(l);
        y += 12;
    };
    for (int stamp = 0; stamp < 3; ++stamp) {
        add("Ký bởi: Bộ Tài nguyên và", 380, 560);
        add("Môi trường", 380, 460);
        add("Email:", 380, 420);
        add("vanthu@monre.gov.vn", 380, 520);
        add("Cơ quan: Bộ Tài nguyên và", 380, 560);
        add("Môi trường", 380, 460);
        add("Ngày ký: 07.02.2023", 380, 520);
        add("09:59:48 +07:00", 380, 480);
        add("-", 380, 390);
        add("ï", 380, 390);
        y += 10;
    }
    for (const char* header : {"BỘ XÂY DỰNG", "Số: 329/BXD-QLN", "V/v góp ý quy trình làm sạch dữ liệu",
                               "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"})
        add(header, 60, 300);
    add("Hà Nội, ngày 06 tháng 02 năm 2023", 300, 500);
    add("Kính gửi: Bộ Tài nguyên và Môi trường", 100, 400);
    doc.pages = {page};
    Record r = extract_record(doc);
    REQUIRE(r.signatures.value);
    CHECK(r.signatures.value->size() >= 1);
    REQUIRE(r.date.value);
    CHECK(r.date.value->iso() == "2023-02-06");
}

TEST_CASE("a year whose last digit OCR misread is the signing year its digits begin, never a guess", "[stamps]") {
    auto date_of = [](const std::string& stamp, const std::string& place_date) {
        Document doc;
        doc.file = "report.txt";
        doc.pages = read_text_pages(stamp + "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 15/BC-SGDĐT\n" + place_date + "\nBÁO CÁO\n");
        return extract_record(doc).date;
    };
    const std::string signed_in_january = "Ký bởi: Sở Giáo dục và Đào tạo\nThời gian ký: 23/01/2025 08:00:00\n";
    auto completed = date_of(signed_in_january, "Lào Cai, ngày 20 tháng 01 năm 202]");
    REQUIRE(completed.value);
    CHECK(completed.value->iso() == "2025-01-20");
    CHECK(completed.uncertain());  // completed, not read
    // Issued in December, signed in the January after.
    auto december = date_of("Ký bởi: Sở Giáo dục và Đào tạo\nThời gian ký: 02/01/2025 08:00:00\n", "Lào Cai, ngày 30 tháng 12 năm 202|");
    REQUIRE(december.value);
    CHECK(december.value->iso() == "2024-12-30");
    // No stamp, or a stamp of a year the digits read do not begin: no year.
    CHECK_FALSE(date_of("", "Lào Cai, ngày 20 tháng 01 năm 202]").value);
    CHECK_FALSE(date_of(signed_in_january, "Lào Cai, ngày 20 tháng 01 năm 201]").value);
    // A month after the signing's is not this year's issue.
    CHECK_FALSE(date_of(signed_in_january, "Lào Cai, ngày 20 tháng 03 năm 202]").value);
    // A year printed whole stays as printed and sure.
    auto printed = date_of(signed_in_january, "Lào Cai, ngày 20 tháng 01 năm 2025");
    REQUIRE(printed.value);
    CHECK_FALSE(printed.uncertain());
}
