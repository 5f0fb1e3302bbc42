// The issuer read from the header's left zone and matched to the register of
// organisations, and the province placed through the register of units
// (docs/register.md). Each phrase is of another kind of office than the documents
// that showed the rule: a hospital, a ministry's department, a Party board, a
// town, a joint circular, a web copy.
#include <catch2/catch.hpp>

#include "fields/extractor.h"
#include "fields/register.h"
#include "reading/loader.h"
#include "text/normalize.h"

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
    CHECK_FALSE(central_body_near("so noi vu"));                       // a Sở is never a Bộ
    CHECK_FALSE(central_body_near("bo noi vux"));                      // a short name is matched exactly
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
    std::string text =
        "Ký bởi: Văn phòng Chính phủ\nThời gian ký: 07.01.2025 16:02:32 +07:00\n"
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

TEST_CASE("issuer: a town of the district level is not read as the commune its last words name elsewhere") {
    // "thị xã Đức Phổ" (Quảng Ngãi) ends in "xã Đức Phổ", a commune of Lâm Đồng.
    std::string report = "ỦY BAN NHÂN DÂN\nTHỊ XÃ ĐỨC PHỔ\nSố: 30/BC-UBND\n" + kMotto + "Đức Phổ, ngày 10 tháng 10 năm 2023\nBÁO CÁO\n";
    CHECK(comparison_key(issuer(report)) == comparison_key("Ủy ban nhân dân thị xã Đức Phổ"));
    CHECK(province(report) == "Quảng Ngãi");
    // A commune's committee is still placed by its district.
    std::string commune = "ỦY BAN NHÂN DÂN\nXÃ PHỔ AN\nSố: 12/TB-UBND\n" + kMotto + "Phổ An, ngày 10 tháng 10 năm 2023\nTHÔNG BÁO\n";
    CHECK(province(commune) == "Quảng Ngãi");
}

TEST_CASE("issuer: a committee printed without its place is the place's it is dated at, level not guessed") {
    std::string text =
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 5/QĐ-UBND | Tây Ninh, ngày 1 tháng 4 năm 2019 |\nQUYẾT ĐỊNH\n";
    CHECK(issuer(text) == "Ủy ban nhân dân Tây Ninh");
}

TEST_CASE("province: a unit named with its kind places a text, a common word or a name in several provinces does not") {
    CHECK(province("Sáng nay thị trấn Hương Sơn tổ chức lễ phát động.") == "Thái Nguyên");
    CHECK(province("Ward leaders of Linh Nam Ward launched the Lifelong Learning Week.") == "Hà Nội");
    CHECK(province("Xây dựng xã hội học tập, phát triển văn hóa đọc.").empty());  // "xã hội" is not a commune
    CHECK(province("Lễ phát động tại xã Hương Sơn.").empty());                    // communes of that name in many provinces
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
    // A post's credit line, at its end: the writer, the site and the day.
    CHECK(date_of("Sáng nay trường Mầm non Hoa Sen khai mạc Tuần lễ.\nCác cháu tham gia đọc sách.\n\nMinh Anh - baobacgiang.vn, "
                  "03/10/2023\nTin khác\n") == "2023-10-03");
    // A date in a sentence that names a site is no credit line.
    CHECK(date_of("Theo thông tin đăng tải trên cổng moet.gov.vn, ngày 15/09/2020 Bộ Giáo dục và Đào tạo đã ban hành hướng dẫn "
                  "tổ chức Tuần lễ hưởng ứng học tập suốt đời.\n")
              .empty());
    // A deadline beside an e-mail address is no credit line.
    CHECK(date_of("Thông báo\nGửi danh sách về email: phongdaotao@truong.edu.vn đến hết ngày 07/11/2025.\n").empty());
}

TEST_CASE("issuer: a reading the register cannot vouch for is uncertain, not a confident wrong value") {
    // A ministry the register does not list: a cut or misread name, and a symbol
    // whose codes name no ministry that opens so.
    Record cut = read("BỘ TÀI\n_______\nSố: 8/2023/TT-BTP\n" + kMotto + "Hà Nội, ngày 05 tháng 3 năm 2023\nTHÔNG TƯ\n");
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

TEST_CASE("issuer: a ministry's name cut short is the register's one its symbol's code names") {
    // A dispatch (code before the unit's) and a circular (code after the type's).
    Record dispatch = read("BỘ GIÁO DỤC\n_______\nSố: 4321/BGDĐT-GDTX\n" + kMotto + "Hà Nội, ngày 15 tháng 9 năm 2023\nV/v hướng dẫn\n");
    CHECK(dispatch.issuer.value == "Bộ Giáo dục và Đào tạo");
    CHECK_FALSE(dispatch.issuer.uncertain());
    Record circular = read("BỘ TÀI\n_______\nSố: 8/2023/TT-BTNMT\n" + kMotto + "Hà Nội, ngày 05 tháng 3 năm 2023\nTHÔNG TƯ\n");
    CHECK(circular.issuer.value == "Bộ Tài nguyên và Môi trường");
    // A cut word is not completed: "BỘ TÀI CHÍ" opens no name as whole words.
    Record partial = read("BỘ TÀI CHÍ\n_______\nSố: 8/2023/TT-BTC\n" + kMotto + "Hà Nội, ngày 05 tháng 3 năm 2023\nTHÔNG TƯ\n");
    CHECK(partial.issuer.uncertain());
}

TEST_CASE("number: a web copy's header run into one line or broken after 'Số:' still gives the number, a citation does not") {
    auto number_of = [](const std::string& text) { return read(text).number.value.value_or(""); };
    CHECK(number_of("ĐOÀN TNCS HỒ CHÍ MINH TỈNH BẾN TRE ----- Số: 21 / KH- ĐTN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n") == "21/KH-ĐTN");
    CHECK(number_of("ỦY BAN NHÂN DÂN\nHUYỆN CHỢ MỚI\n|\nSố:\n118/TB-UBND\n|\nChợ Mới, ngày 3 tháng 10 năm 2023\n") == "118/TB-UBND");
    // "số" inside a sentence is a citation's, not the document's number.
    CHECK(number_of("Tin tức\nThực hiện Quyết định số: 12/QĐ-UBND của tỉnh, nhà trường phát động Tuần lễ.\n").empty());
}

TEST_CASE("number: a normative type's run-in year is split at the slash OCR read as '1', any other number is kept") {
    auto number_of = [](const std::string& text) { return read(text).number.value.value_or(""); };
    // Seen on a joint circular's scan ("0112016/TTLT-…"); tested on a decree and a circular.
    CHECK(number_of("CHÍNH PHỦ\nSố: 1512020/NĐ-CP\nHà Nội, ngày 05 tháng 02 năm 2020\n") == "15/2020/NĐ-CP");
    CHECK(number_of("BỘ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 2l2023/TT-BGDĐT\nHà Nội, ngày 05 tháng 02 năm 2023\n") == "2/2023/TT-BGDĐT");
    // A ministry's dispatch may be numbered in five digits; a year printed is kept.
    CHECK(number_of("BỘ TÀI CHÍNH\nSố: 12020/BTC-TCT\nHà Nội, ngày 05 tháng 02 năm 2020\n") == "12020/BTC-TCT");
    CHECK(number_of("CHÍNH PHỦ\nSố: 112020/2020/NĐ-CP\nHà Nội, ngày 05 tháng 02 năm 2020\n") == "112020/2020/NĐ-CP");
}

TEST_CASE("issuer: a web copy's page marker before the header is not part of it") {
    // Seen on a town's submission ("Trang 1UỶ BAN…") and a department's dispatch ("1. UBND TỈNH…").
    std::string hospital = "Trang 1SỞ Y TẾ TỈNH QUẢNG TRỊ\nBỆNH VIỆN ĐA KHOA TỈNH\nSố: 15/BV-KHTH\n" + kMotto +
                           "Quảng Trị, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\n";
    CHECK(comparison_key(issuer(hospital)) == comparison_key("Bệnh viện Đa khoa tỉnh Quảng Trị"));
    std::string ministry =
        "2. BỘ TƯ PHÁP CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM VĂN PHÒNG Độc lập - Tự do - Hạnh phúc "
        "Số: 935/VP-TH Hà Nội, ngày 05 tháng 3 năm 2019\n";
    CHECK(comparison_key(issuer(ministry)) == comparison_key("Văn phòng Bộ Tư pháp"));
}

TEST_CASE("issuer: a mass organisation's branch under the national association's name") {
    std::string red_cross =
        "HỘI CHỮ THẬP ĐỎ VIỆT NAM\nTỈNH HỘI BẮC GIANG\n-------\nSố: 21/CV-HCTĐ\n" + kMotto + "Bắc Giang, ngày 05 tháng 3 năm 2024\n";
    CHECK(comparison_key(issuer(red_cross)) == comparison_key("Hội Chữ thập đỏ tỉnh Bắc Giang"));
    CHECK(province(red_cross) == "Bắc Giang");
    std::string district = "HỘI NÔNG DÂN VIỆT NAM HUYỆN HỘI GIA LÂM\nSố: 7/CV-HND\n" + kMotto + "Gia Lâm, ngày 05 tháng 3 năm 2024\n";
    CHECK(comparison_key(issuer(district)) == comparison_key("Hội Nông dân huyện Gia Lâm"));
    // The national association itself stays as it is.
    CHECK(comparison_key(issuer("HỘI NÔNG DÂN VIỆT NAM\nSố: 7/CV-HND\n" + kMotto)) == comparison_key("Hội Nông dân Việt Nam"));
}

TEST_CASE("a post that reports one document issued takes its number, dated by the byline or the sentence") {
    // Seen on news of a provincial office's dispatch and a Prime Minister's decision; here a health department's plan.
    Record plan = read("Tin y tế\nNgày 12/3/2021, Sở Y tế tỉnh Kon Tum đã ban hành Kế hoạch số 45/KH-SYT về tiêm chủng.\n");
    CHECK(plan.number.value == "45/KH-SYT");
    CHECK(plan.number.uncertain());
    REQUIRE(plan.date.value);
    CHECK(plan.date.value->iso() == "2021-03-12");
    Record bylined = read("Cập nhật 08:15, 20/04/2022\nChủ tịch UBND huyện vừa ký Quyết định số 310/QĐ-UBND ngày 15/4/2022.\n");
    CHECK(bylined.number.value == "310/QĐ-UBND");
    REQUIRE(bylined.date.value);
    CHECK(bylined.date.value->iso() == "2022-04-20");  // the post's day, as its byline says
    // A document only cited (carried out, relied on) is not the one reported.
    Record cited = read("Tin tức\nThực hiện Công văn số 12/BGDĐT-GDTX ngày 2/9/2024, nhà trường tổ chức Tuần lễ.\n");
    CHECK_FALSE(cited.number.value);
    // A formal document keeps its own number.
    Record formal = read("ỦY BAN NHÂN DÂN\nTỈNH KON TUM\nSố: 9/KH-UBND\n" + kMotto +
                         "Kon Tum, ngày 05 tháng 3 năm 2024\nUBND tỉnh đã ban hành Kế hoạch số 45/KH-UBND.\n");
    CHECK(formal.number.value == "9/KH-UBND");
}

TEST_CASE("issuer: a name printed with initials of its own words is read but not whole; a school's level is part of a name") {
    // A steering committee known by initials: the header does not print its name.
    std::string committee =
        "UBND TỈNH LÀO CAI\nBAN CHỈ ĐẠO CĐS\n-------\nSố: 45/BCĐ-CĐS\nV/v triển khai\n" + kMotto + "Lào Cai, ngày 10 tháng 4 năm 2024\n";
    Record c = read(committee);
    REQUIRE(c.issuer.value);
    CHECK(c.issuer.uncertain());
    // A school's levels ("TH&THCS", "PTDTBT") and an office's department ("GD&ĐT")
    // are how those names are written: the value stands.
    std::string school = "UBND HUYỆN BẮC HÀ\nTRƯỜNG PTDTBT TH&THCS BẢN LIỀN\n-------\nSố: 7/KH-TH\n" + kMotto +
                         "Bắc Hà, ngày 2 tháng 10 năm 2024\nKẾ HOẠCH\n";
    Record s = read(school);
    REQUIRE(s.issuer.value);
    CHECK_FALSE(s.issuer.uncertain());
    std::string office = "UBND HUYỆN BẮC HÀ\nPHÒNG GD&ĐT\n-------\nSố: 17/PGDĐT\n" + kMotto + "Bắc Hà, ngày 2 tháng 10 năm 2024\n";
    Record o = read(office);
    REQUIRE(o.issuer.value);
    CHECK_FALSE(o.issuer.uncertain());
}

TEST_CASE("syllables: a Vietnamese word has one shape, an abbreviation another") {
    CHECK(vietnamese_syllable(to_u32("TRƯỜNG")));
    CHECK(vietnamese_syllable(to_u32("nghiêng")));
    CHECK_FALSE(vietnamese_syllable(to_u32("HĐTĐ")));
    CHECK_FALSE(vietnamese_syllable(to_u32("UBND")));
    CHECK_FALSE(kept_abbreviation("hdtd"));
    CHECK(kept_abbreviation("thcs"));
}

TEST_CASE("issuer: a school's or a hospital's name read by OCR is sure only when the document prints it twice alike") {
    // A hospital's plan (the rule came from a university's notice): the name is
    // nowhere in the register, and OCR turns a vowel's marks into another syllable.
    const std::string header =
        "BỘ Y TẾ\nBỆNH VIỆN BẠCH MAI\nSố: 12/KH-BVBM\n" + kMotto + "Hà Nội, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nKhám sức khỏe định kỳ.\n";
    auto read_as = [](const std::string& text, PageSource source) {
        Document doc = load_document_bytes(text, "plan.txt");
        for (auto& page : doc.pages)
            for (auto& line : page.lines) line.source = source;
        return extract_record(doc);
    };
    Record once = read_as(header, PageSource::Ocr);
    CHECK(once.issuer.value == "Bệnh viện Bạch Mai");
    CHECK(once.issuer.uncertain());
    // Printed again in the signature block, read alike: two readings agree.
    Record twice = read_as(header + "GIÁM ĐỐC\nBỆNH VIỆN BẠCH MAI\nNguyễn Văn A\n", PageSource::Ocr);
    CHECK_FALSE(twice.issuer.uncertain());
    // A text layer is not OCR's reading: the name is as the office typed it.
    CHECK_FALSE(read_as(header, PageSource::Text).issuer.uncertain());
    // A body the register lists or places is checked by it, read by OCR or not.
    Record ministry = read_as("BỘ Y TẾ\nSố: 12/KH-BYT\n" + kMotto + "Hà Nội, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\n", PageSource::Ocr);
    CHECK_FALSE(ministry.issuer.uncertain());
}
