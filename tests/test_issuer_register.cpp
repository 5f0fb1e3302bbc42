// The issuer read from the header's left zone and matched to the register of
// organisations, and the province placed through the register of units
// (docs/register.md). Each phrase is of another kind of office than the documents
// that showed the rule: a hospital, a ministry's department, a Party board, a
// town, a joint circular, a web copy.
#include <catch2/catch.hpp>

#include "extract/extractor.h"
#include "extract/loader.h"
#include "extract/normalize.h"
#include "extract/register.h"

using namespace congvan;

namespace {

Record read(const std::string& text) { return extract_record(load_document_bytes(text, "header.txt")); }

std::string issuer(const std::string& text) { return read(text).issuer.value.value_or(""); }
std::string province(const std::string& text) { return read(text).province.value.value_or(""); }

const std::string kMotto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n";

}  // namespace

TEST_CASE("register: kinds of bodies open a name, a long kind with one OCR edit, never inside a word") {
    REQUIRE(body_kind_opening("benh vien da khoa"));
    CHECK(body_kind_opening("benh vien da khoa")->name == "Bệnh viện");
    std::size_t length = 0;
    REQUIRE(body_kind_opening("uyy ban nhan dan tinh", &length));
    CHECK(length == 16);
    CHECK_FALSE(body_kind_opening("bon cau hoi"));  // "Bộ" is a word, not a prefix
    CHECK_FALSE(body_kind_opening("xin chao"));
}

TEST_CASE("register: a central body's name is put right within one edit in eight characters, same first word") {
    auto m = central_body_near("bao hiem xa hoi viet nan");
    REQUIRE(m);
    CHECK(m->body->name == "Bảo hiểm xã hội Việt Nam");
    CHECK(m->distance == 1);
    CHECK_FALSE(central_body_near("so noi vu"));   // a Sở is never a Bộ
    CHECK_FALSE(central_body_near("bo noi vux"));  // a short name is matched exactly
    REQUIRE(central_body_near("van phong ban chap hanh trung uong"));  // an alias
    CHECK(central_body_near("van phong ban chap hanh trung uong")->body->name == "Văn phòng Trung ương Đảng");
}

TEST_CASE("register: a unit's province when every unit of that name and kind lies in one") {
    CHECK(only_province(units_named("huong son", "thi tran")) == "Thái Nguyên");
    CHECK_FALSE(only_province(units_named("huong son", "xa")));  // communes of that name in many provinces
    CHECK(only_province(units_named("long bien", "quan")) == "Hà Nội");
    CHECK(units_named("1", "phuong").size() > 5);
}

TEST_CASE("issuer: a hospital under its department takes the place from its parent") {
    std::string text = "SỞ Y TẾ TỈNH NGHỆ AN\nBỆNH VIỆN ĐA KHOA TỈNH\n-------\nSố: 12/BV-KHTH\nV/v tập huấn\n" + kMotto +
                       "Nghệ An, ngày 05 tháng 3 năm 2024\n";
    CHECK(comparison_key(issuer(text)) == comparison_key("Bệnh viện Đa khoa tỉnh Nghệ An"));
    CHECK(province(text) == "Nghệ An");
}

TEST_CASE("issuer: a department of a ministry is itself, and speaks for no province") {
    std::string text = "BỘ GIAO THÔNG VẬN TẢI\nCỤC ĐƯỜNG BỘ VIỆT NAM\n_______\nSố: 1234/CĐBVN-VP\nV/v báo cáo\n" + kMotto +
                       "Hà Nội, ngày 05 tháng 3 năm 2024\n";
    CHECK(comparison_key(issuer(text)) == comparison_key("Cục Đường bộ Việt Nam"));
    CHECK(province(text).empty());
}

TEST_CASE("issuer: a Party board is its committee's, the Party's name and number form read") {
    std::string text = "THÀNH ỦY HÀ NỘI\nBAN TUYÊN GIÁO\n*\nSố 45-CV/BTGTU\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 05 tháng 3 năm 2024\n";
    Record r = read(text);
    CHECK(comparison_key(r.issuer.value.value_or("")) == comparison_key("Ban Tuyên giáo Thành ủy Hà Nội"));
    CHECK(r.number.value == "45-CV/BTGTU");
}

TEST_CASE("issuer: a joint circular is issued by every body of its header") {
    std::string text = "TÒA ÁN NHÂN DÂN TỐI CAO\nVIỆN KIỂM SÁT NHÂN DÂN TỐI CAO\nBỘ CÔNG AN\nSố: 01/2024/TTLT-TANDTC-VKSNDTC-BCA\n" +
                       kMotto + "Hà Nội, ngày 05 tháng 3 năm 2024\nTHÔNG TƯ LIÊN TỊCH\n";
    Record r = read(text);
    CHECK(r.issuer.value == "Tòa án nhân dân tối cao; Viện kiểm sát nhân dân tối cao; Bộ Công an");
    CHECK(r.number.value == "01/2024/TTLT-TANDTC-VKSNDTC-BCA");
    CHECK_FALSE(r.province.value);
}

TEST_CASE("issuer: OCR noise in a central body's name is put right; a stamp's and the motto's words are not the issuer") {
    std::string text = "Ký bởi: Văn phòng Chính phủ\nThời gian ký: 07.01.2025 16:02:32 +07:00\n"
                       "BẢO HIẾM XÃ HỘI VIỆT NAM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n________\nSố: 77/QĐ-BHXH\n"
                       "Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày 05 tháng 3 năm 2024\nQUYẾT ĐỊNH\n";
    CHECK(issuer(text) == "Bảo hiểm xã hội Việt Nam");
}

TEST_CASE("issuer: a town's committee is placed by the register, and a web copy's broken lines are joined") {
    std::string town = "ỦY BAN NHÂN DÂN\nTHỊ TRẤN HƯƠNG SƠN\nSố: 67/TTr-UBND\nHương Sơn, ngày 26 tháng 9 năm 2014\nTỜ TRÌNH\n";
    CHECK(comparison_key(issuer(town)) == comparison_key("Ủy ban nhân dân thị trấn Hương Sơn, huyện Phú Bình, tỉnh Thái Nguyên"));
    CHECK(province(town) == "Thái Nguyên");
    std::string web = "Số hiệu: 88/KH-UBND Loại văn bản: Kế hoạch\nỦY\nBAN NHÂN DÂN\nTỈNH ĐỒNG TH\nÁP\n-------\n" + kMotto +
                      "Số: 88/KH-UBND\nĐồng Tháp, ngày 02 tháng 3 năm 2023\nKẾ HOẠCH\n";
    CHECK(comparison_key(issuer(web)) == comparison_key("Ủy ban nhân dân tỉnh Đồng Tháp"));
    // An acronym at a line's end is not a cut word.
    std::string school = "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nTRƯỜNG THCS\nAN LẠC\n-------\nSố: 3/KH-THCS\n" + kMotto;
    CHECK(comparison_key(issuer(school)) == comparison_key("Trường THCS An Lạc"));
}

TEST_CASE("issuer: a committee printed without its place is the place's it is dated at, level not guessed") {
    std::string text = "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 5/QĐ-UBND | Tây Ninh, ngày 1 tháng 4 năm 2019 |\nQUYẾT ĐỊNH\n";
    CHECK(issuer(text) == "Ủy ban nhân dân Tây Ninh");
}

TEST_CASE("province: a unit named with its kind places a text, a common word or a name in several provinces does not") {
    CHECK(province("Sáng nay thị trấn Hương Sơn tổ chức lễ phát động.") == "Thái Nguyên");
    CHECK(province("Ward leaders of Linh Nam Ward launched the Lifelong Learning Week.") == "Hà Nội");
    CHECK(province("Xây dựng xã hội học tập, phát triển văn hóa đọc.").empty());  // "xã hội" is not a commune
    CHECK(province("Lễ phát động tại xã Hương Sơn.").empty());                     // communes of that name in many provinces
    // The President's name is not the city.
    CHECK(province("Bộ sách Hồ Chí Minh toàn tập; học tập và làm theo Hồ Chí Minh.").empty());
    CHECK(province("Logo of Phú Thọ. Tin tức Phú Thọ: Tuần lễ hưởng ứng học tập suốt đời.") == "Phú Thọ");
}

TEST_CASE("province: a document dated after 2025-07-01 is placed in the province its unit's was merged into") {
    Record r = read("Số: 5/KH-UBND\nChí Linh, ngày 10 tháng 10 năm 2025\nLễ khai mạc tại thành phố Chí Linh.");
    CHECK(r.province.value == "Hải Phòng");
    Record before = read("Số: 5/KH-UBND\nChí Linh, ngày 10 tháng 10 năm 2024\nLễ khai mạc tại thành phố Chí Linh.");
    CHECK(before.province.value == "Hải Dương");
}

TEST_CASE("a web page's post is dated by its byline, not by its print control nor a date without a time") {
    auto date_of = [](const std::string& text) {
        Record r = read(text);
        return r.date.value ? r.date.value->iso() : "";
    };
    CHECK(date_of("Trường Tiểu học Kim Đồng\nĐăng lúc 07:45 - 02/10/2023\nSáng nay nhà trường phát động Tuần lễ.") == "2023-10-02");
    CHECK(date_of("In trang | Print Thứ Bảy, 26/01/2019 17:52\nSáng nay nhà trường phát động Tuần lễ.").empty());
    CHECK(date_of("Tin tức\nNgày 19/09/2012, Hội Khuyến học đã ký văn bản.").empty());
    // A formal document's date is its place-date line's, whatever its page says above.
    CHECK(date_of("Cập nhật 08:00, 01/01/2024\nỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP\nSố: 88/KH-UBND\nĐồng Tháp, ngày 02 tháng 3 năm 2023\n") ==
          "2023-03-02");
}

TEST_CASE("issuer: a reading the register cannot vouch for is uncertain, not a confident wrong value") {
    // A ministry the register does not list: a cut or misread name.
    Record cut = read("BỘ TÀI\n_______\nSố: 8/2023/TT-BTC\n" + kMotto + "Hà Nội, ngày 05 tháng 3 năm 2023\nTHÔNG TƯ\n");
    CHECK(cut.issuer.value == "Bộ Tài");
    CHECK(cut.issuer.uncertain());
    Record known = read("BỘ TÀI CHÍNH\n_______\nSố: 8/2023/TT-BTC\n" + kMotto + "Hà Nội, ngày 05 tháng 3 năm 2023\nTHÔNG TƯ\n");
    CHECK_FALSE(known.issuer.uncertain());
    // A ward of a name many towns have, placed by nothing in the document.
    Record ward = read("ỦY BAN NHÂN DÂN\nPHƯỜNG 2\n-------\nSố: 40/KH-UBND\n" + kMotto + "Phường 2, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\n");
    CHECK(ward.issuer.uncertain());
    Record placed = read("ỦY BAN NHÂN DÂN\nPHƯỜNG 2\n-------\nSố: 40/KH-UBND\n" + kMotto +
                         "Phường 2, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nTriển khai trên địa bàn Phường 2, thành phố Đà Lạt.\n");
    CHECK_FALSE(placed.issuer.uncertain());
    CHECK(placed.province.value == "Lâm Đồng");
}

TEST_CASE("number: a web copy's header run into one line or broken after 'Số:' still gives the number, a citation does not") {
    auto number_of = [](const std::string& text) { return read(text).number.value.value_or(""); };
    CHECK(number_of("ĐOÀN TNCS HỒ CHÍ MINH TỈNH BẾN TRE ----- Số: 21 / KH- ĐTN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n") == "21/KH-ĐTN");
    CHECK(number_of("ỦY BAN NHÂN DÂN\nHUYỆN CHỢ MỚI\n|\nSố:\n118/TB-UBND\n|\nChợ Mới, ngày 3 tháng 10 năm 2023\n") == "118/TB-UBND");
    // "số" inside a sentence is a citation's, not the document's number.
    CHECK(number_of("Tin tức\nThực hiện Quyết định số: 12/QĐ-UBND của tỉnh, nhà trường phát động Tuần lễ.\n").empty());
}
