// One sentence each: the forms real texts use for the Week's facts, and the near
// misses that must not be read (docs/fields.md).
#include <catch2/catch.hpp>

#include "fields/extractor.h"
#include "reading/text_source.h"
#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

namespace {

Record read(const std::string& text) {
    Document doc;
    doc.file = "phrase.txt";
    doc.pages = read_text_pages(text);
    return extract_record(doc);
}

std::string week(const std::string& text) { return week_read(read(text)); }

std::string opening(const std::string& text) { return opening_read(read(text)); }

std::string theme(const std::string& text) {
    Record r = read(text);
    return r.theme.value.value_or("");
}

}  // namespace

TEST_CASE("week ranges as real texts write them", "[phrases]") {
    CHECK(week("Tuần lễ hưởng ứng học tập suốt đời năm 2023 diễn ra từ ngày 2 - 8/10/2023.") == "2023-10-02..2023-10-08");
    CHECK(week("Hướng tới Tuần lễ hưởng ứng học tập suốt đời (02/10/2023 - 08/10/2023).") == "2023-10-02..2023-10-08");
    CHECK(week("Tuần lễ học tập suốt đời được tổ chức từ ngày 02 đến ngày 8/10/2023.") == "2023-10-02..2023-10-08");
    CHECK(week("Tuần lễ hưởng ứng học tập suốt đời năm 2017 diễn ra từ ngày 02 đến 08/10.") == "2017-10-02..2017-10-08");
    CHECK(week("Tuần lễ hưởng ứng học tập suốt đời năm 2022 tổ chức từ 01/10-07/10/2022.") == "2022-10-01..2022-10-07");
    CHECK(week("Tuần lễ hưởng ứng học tập suốt đời năm 2018 sẽ được tổ chức từ ngày 1-7/10.") == "2018-10-01..2018-10-07");
    // "Tuần lễ" alone is the Week once the text has said which week it means, by
    // the full name or by a theme it gives the Week (two news excerpts do only that).
    CHECK(week("Tuần lễ hưởng ứng học tập suốt đời năm 2025 có nhiều hoạt động. Tuần lễ được tổ chức từ ngày 01/10/2025 "
               "đến ngày 07/10/2025 trên cả nước.") == "2025-10-01..2025-10-07");
    CHECK(week("Chủ đề của Tuần lễ năm 2023 là: “Xây dựng năng lực tự học trong kỉ nguyên số”. Thời gian tổ chức Tuần lễ "
               "được tổ chức từ ngày 02/10/2023 đến ngày 08/10/2023.") == "2023-10-02..2023-10-08");
}

TEST_CASE("ranges that are not the Week", "[phrases]") {
    // A range in spring, a long campaign, a range far from the Week's name.
    CHECK(week("Tuần lễ hưởng ứng học tập suốt đời: tập huấn từ ngày 10/3/2023 đến ngày 15/3/2023.") == "");
    CHECK(week("Tuần lễ hưởng ứng học tập suốt đời năm 2023 nằm trong đợt thi đua từ ngày 01/9/2023 đến ngày 30/11/2023.") == "");
    CHECK(week("Hội thi văn nghệ được tổ chức từ ngày 02/10/2023 đến ngày 05/10/2023.") == "");
    // Another week, in a text that never says which week "Tuần lễ" is: a university's
    // civic week at the start of its year (the rule was shown on a weekly schedule).
    CHECK(week("THÔNG BÁO\nNhà trường tổ chức Tuần lễ sinh hoạt công dân - sinh viên từ ngày 23/9/2024 đến ngày "
               "28/9/2024 tại Hội trường A.\nGiới thiệu thư viện số phục vụ học tập suốt đời.") == "");
    CHECK(week("Tuần lễ được tổ chức từ ngày 01/10/2025 đến ngày 07/10/2025 trên cả nước.") == "");
    // A range belongs to the event named before it, or after it in its own sentence
    // (docs/fields.md): a weekly schedule's own period above a later note that names
    // the Week is the schedule's, and so is a report's period above its account.
    CHECK(week("LỊCH CÔNG TÁC TUẦN 05\n(Từ ngày 05/10/2026 đến ngày 11/10/2026)\n\nThứ Hai: chào cờ, tuyên truyền "
               "học tập suốt đời.\n\nLưu ý: tuyên truyền Tuần lễ hưởng ứng học tập suốt đời năm 2026.") == "");
    CHECK(week("BÁO CÁO\nKết quả công tác tuần từ ngày 30/9/2024 đến ngày 04/10/2024\n\nTrong tuần, nhà trường "
               "hưởng ứng Tuần lễ học tập suốt đời.") == "");
    CHECK(week("Từ ngày 01/10/2024 đến ngày 07/10/2024, các xã tổ chức Tuần lễ hưởng ứng học tập suốt đời.") == "2024-10-01..2024-10-07");
    CHECK(week("KẾ HOẠCH\nTổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\n\nI. MỤC ĐÍCH\nNâng cao nhận thức.\n"
               "II. THỜI GIAN\nTừ ngày 01/10/2024 đến ngày 07/10/2024.") == "2024-10-01..2024-10-07");
}

TEST_CASE("the Week's year from its dates when no 'năm' is written", "[phrases]") {
    Record r = read("Chủ đề của Tuần lễ: \"Học để phát triển bản thân\" được tổ chức từ ngày 01/10/2025 đến ngày 07/10/2025.");
    REQUIRE(r.year.value);
    CHECK(*r.year.value == 2025);
}

TEST_CASE("openings with the date after or before the ceremony word", "[phrases]") {
    CHECK(opening("Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2023 sẽ được tổ chức vào sáng ngày 02/10/2023.") == "2023-10-02");
    CHECK(opening("Chiều ngày 29/9/2024, UBND xã tổ chức Lễ phát động Tuần lễ hưởng ứng học tập suốt đời năm 2024.") == "2024-09-29");
    CHECK(opening("Sáng 3/10, trường TH&THCS Sơn Thọ đã tổ chức thành công lễ phát động Tuần lễ học tập suốt đời năm 2019.") ==
          "2019-10-03");
    CHECK(opening("Sáng ngày 5 tháng 10 năm 2022 trường tổ chức Lễ phát động Tuần lễ học tập suốt đời.") == "2022-10-05");
    CHECK(opening("Ngày 30/9/2022, huyện tổ chức lễ ra quân hưởng ứng Tuần lễ học tập suốt đời năm 2022.") == "2022-09-30");
}

TEST_CASE("dates that are not the opening", "[phrases]") {
    // A meeting to prepare the ceremony, a cited plan's date, the Week's own range,
    // the Week's name ("Tuần lễ hưởng ứng") and the national launch.
    CHECK(
        opening("Để chuẩn bị Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2014; chiều 25/9/2014, thị xã tổ chức họp Ban tổ chức.") ==
        "");
    CHECK(opening("Căn cứ Kế hoạch số 2146/KH-SGDĐT ngày 15/9/2021 về việc tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021.") == "");
    CHECK(opening("Thành phố khai mạc Tuần lễ học tập suốt đời năm 2017 diễn ra từ ngày 02 đến 08/10.") == "");
    CHECK(opening("Sáng 01/10, nhiều địa phương đồng loạt khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025.") == "");
    CHECK(opening("Bộ Giáo dục và Đào tạo tổ chức Lễ khai mạc Tuần lễ toàn quốc vào ngày 01/10/2023.") == "");
    // The document's own place-and-date line above a title that names the ceremony
    // (the rule was shown on an invitation; here a notice of a school's launch).
    CHECK(opening("TRƯỜNG THCS LÊ LỢI\nSố: 12/TB-THCS\nThanh Hóa, ngày 25 tháng 9 năm 2024\nTHÔNG BÁO\n"
                  "Về việc tổ chức Lễ phát động Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
                  "Nhà trường thông báo đến toàn thể giáo viên.") == "");
    // Its ceremony's own date, in the title's sentence, is still read.
    CHECK(opening("TRƯỜNG THCS LÊ LỢI\nSố: 12/TB-THCS\nThanh Hóa, ngày 25 tháng 9 năm 2024\nTHÔNG BÁO\n"
                  "Về việc tổ chức Lễ phát động Tuần lễ hưởng ứng học tập suốt đời vào ngày 01/10/2024.") == "2024-10-01");
}

TEST_CASE("themes as real texts introduce them", "[phrases]") {
    CHECK(theme("Chủ đề của Tuần lễ năm 2023 là : “Xây dựng năng lực tự học trong kỉ nguyên số”.") ==
          "Xây dựng năng lực tự học trong kỉ nguyên số");
    CHECK(theme("Chủ đề của Tuần lễ là “Phát triển văn hóa đọc thúc đẩy học tập suốt đời”.") ==
          "Phát triển văn hóa đọc thúc đẩy học tập suốt đời");
    CHECK(theme("Chủ đề năm nay là: \"Học tập để phát triển nhân cách và hoàn thiện bản thân\".") ==
          "Học tập để phát triển nhân cách và hoàn thiện bản thân");
    CHECK(theme("Chủ đề của Tuần lễ năm 2024 là: “Phát triển văn hóa đọc thúc đẩy học tập suốt đời”.") ==
          "Phát triển văn hóa đọc thúc đẩy học tập suốt đời");
}

TEST_CASE("a slogan on a banner is not the theme", "[phrases]") {
    CHECK(theme("Khẩu hiệu: “Học, học nữa, học mãi” được treo tại cổng trường.") == "");
}

TEST_CASE("province from a district or a city named with its level", "[phrases]") {
    CHECK(read("Trường Tiểu học tổ chức lễ tại quận Long Biên.").province.value.value_or("") == "Hà Nội");
    CHECK(read("UBND huyện Bạch Thông tổ chức Lễ khai mạc.").province.value.value_or("") == "Bắc Kạn");
    CHECK(read("Các trường học trên địa bàn TP. Pleiku hưởng ứng.").province.value.value_or("") == "Gia Lai");
}

TEST_CASE("relevance: a document names the Week or it is not about it", "[phrases]") {
    CHECK(read("KẾ HOẠCH\nTổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2023").about_week.value.has_value());
    CHECK_FALSE(read("KẾ HOẠCH\nĐẩy mạnh phong trào học tập suốt đời trong gia đình, dòng họ, cộng đồng").about_week.value.has_value());
}

TEST_CASE("a date-line on the number's line and a handwritten day", "[phrases]") {
    Record r = read("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 11 /TB-UBND Quảng Ngãi, ngày 08 tháng 01 năm 2025\nTHÔNG BÁO\nVề việc họp");
    REQUIRE(r.date.value);
    CHECK(r.date.value->iso() == "2025-01-08");
    CHECK(r.number.value.value_or("") == "11/TB-UBND");
    CHECK(r.doc_type.value.value_or("") == "thong_bao");
    Record blank = read("Số: ƒJ/KH-VP\nHưng Yên, ngày Ÿ tháng 12 năm 2017\nKẾ HOẠCH\nTổ chức thực hiện");
    CHECK_FALSE(blank.number.value);
    CHECK(blank.symbol.value.value_or("") == "KH-VP");
    CHECK_FALSE(blank.date.value);
}

TEST_CASE("the issuer stops before the national motto", "[phrases]") {
    Record r = read("HĐND TỈNH HƯNG YÊN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nVĂN PHÒNG\nSố: 288/KH-VP\nKẾ HOẠCH\nVề việc");
    CHECK(r.issuer.value.value_or("") == "Văn phòng Hội đồng nhân dân tỉnh Hưng Yên");
}

TEST_CASE("a citation's date in words, on its line or wrapped after ngày, is read with its issuer", "[phrases]") {
    // A decision and a dispatch, the date in words as formal texts write it; the
    // date in figures beside them as the control.
    for (const char* text : {"Căn cứ Quyết định số 489/QĐ-TTg ngày 08 tháng 6 năm 2021 của Thủ tướng Chính phủ;",
                             "Thực hiện Công văn số 115/SGDĐT-GDTX ngày\n20 tháng 9 năm 2023 của Sở Giáo dục và Đào tạo;",
                             "Thực hiện Công văn số 115/SGDĐT-GDTX ngày 20/9/2023 của Sở Giáo dục và Đào tạo;"}) {
        INFO(text);
        Record r = read(text);
        REQUIRE(r.references.value);
        REQUIRE(r.references.value->size() == 1);
        const auto& cited = r.references.value->front();
        REQUIRE(cited.date);
        CHECK((cited.date->iso() == "2021-06-08" || cited.date->iso() == "2023-09-20"));
        CHECK_FALSE(cited.issuer.empty());
    }
}

TEST_CASE("the Week's year where its name is written without 'hưởng ứng' or with 'Quốc gia'", "[phrases]") {
    // A district's plan whose range was typed with last year's year: the year the
    // plan names the Week with is the Week's year; the range stays as written.
    Record r = read(
        "KẾ HOẠCH\nTổ chức Tuần lễ Quốc gia học tập suốt đời năm 2021\n\nII. THỜI GIAN\n"
        "Tuần lễ học tập suốt đời năm 2021 diễn ra từ ngày 01/10 đến ngày 07/10/2020.");
    REQUIRE(r.year.value);
    CHECK(*r.year.value == 2021);
    CHECK(week_read(r) == "2020-10-01..2020-10-07");
}

TEST_CASE("a place-date line's place is a proper name", "[phrases]") {
    // A report's opening sentence of the same shape as a place-date line.
    Record r = read("BÁO CÁO\nKết quả tổ chức Tuần lễ học tập suốt đời\nHôm nay, ngày 07 tháng 10 năm 2023, nhà trường tổng kết.");
    CHECK_FALSE(r.place.value);
    Record formal = read("UBND HUYỆN GIAO THỦY\nSố: 206/PGD\nthị trấn Ngô Đồng, ngày 29 tháng 9 năm 2017\nCÔNG VĂN");
    CHECK(formal.place.value.value_or("") == "thị trấn Ngô Đồng");
    Record ward = read("ỦY BAN NHÂN DÂN\nPHƯỜNG 1\nSố: 397/UBND\nPhường 1, ngày 26 tháng 9 năm 2024");
    CHECK(ward.place.value.value_or("") == "Phường 1");
}

TEST_CASE("a province written by another of its names", "[phrases]") {
    // A department's dispatch and an English post; lower case in a web address is
    // no name.
    CHECK(read("Sở GD&ĐT TP.HCM đề nghị các trường hưởng ứng Tuần lễ.").province.value.value_or("") == "Hồ Chí Minh");
    CHECK(read("Schools in Ho Chi Minh City joined the Lifelong Learning Week.").province.value.value_or("") == "Hồ Chí Minh");
    CHECK_FALSE(read("Xem thêm tại https://example.vn/tp.hcm-hoc-tap").province.value);
}

TEST_CASE("no sentence goes on after a place-date line's date", "[phrases]") {
    // A report citing a plan dated in words, mid-sentence: the plan's date, not the
    // report's place and date.
    Record cited = read(
        "BÁO CÁO\nThực hiện Kế hoạch số 12/KH-UBND của UBND huyện Phú Bình, ngày 20 tháng 9 năm 2023; "
        "nhà trường tổ chức các hoạt động.");
    CHECK_FALSE(cited.place.value);
    CHECK_FALSE(cited.date.value);
    // A decision's header flattened into one line by a web copy: a new element, in
    // capitals, follows the date.
    Record flat = read("UBND TỈNH HÀ TĨNH Số: 45/QĐ-UBND Hà Tĩnh, ngày 12 tháng 9 năm 2022 QUYẾT ĐỊNH Về việc thành lập Ban tổ chức");
    REQUIRE(flat.date.value);
    CHECK(flat.date.value->iso() == "2022-09-12");
}

TEST_CASE("an opening's date is in the ceremony word's own clause", "[phrases]") {
    CHECK(opening("Ngày 28/9/2022, nhà trường nhận sách của thư viện huyện; các lớp tổ chức lễ phát động Tuần lễ học tập suốt "
                  "đời năm 2022.") == "");
    CHECK(opening("Sáng ngày 03/10/2022, trường tổ chức lễ phát động Tuần lễ học tập suốt đời năm 2022; các lớp treo băng rôn.") ==
          "2022-10-03");
}

TEST_CASE("a symbol before the place on a flattened line is the number's", "[phrases]") {
    // A department's dispatch copied by a web site as one line; a place with a dash
    // of its own, and one in capitals, as controls.
    Record flat = read("UBND TỈNH ĐẮK LẮK SỞ NỘI VỤ Số : 1520 /SNV-VP Buôn Ma Thuột, ngày 14 tháng 9 năm 2021 V/v tổ chức");
    CHECK(flat.place.value.value_or("") == "Buôn Ma Thuột");
    CHECK(read("Số: 12/UBND\nPhan Rang-Tháp Chàm, ngày 05 tháng 11 năm 2010").place.value.value_or("") == "Phan Rang-Tháp Chàm");
    CHECK(read("Số: 12/UBND\nBà Rịa - Vũng Tàu, ngày 05 tháng 11 năm 2020").place.value.value_or("") == "Bà Rịa - Vũng Tàu");
}
