// The tests of the rule `citation-mismatch` (rules/checks/citation-mismatch.cpp,
// docs/rules/citation-mismatch.md): a chain of documents checked together, a link
// that cites the one above it wrongly, and the near misses that must not fire.
#include <catch2/catch.hpp>

#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

namespace {

// A Department's dispatch: the link above the schools and districts below.
const std::string kDispatch =
    "UBND TỈNH QUẢNG NGÃI\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 115/SGDĐT-GDTX\n"
    "V/v tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2023\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nQuảng Ngãi, ngày 20 tháng 9 năm 2023\n"
    "Kính gửi: Phòng Giáo dục và Đào tạo các huyện, thị xã, thành phố.\n"
    "Sở Giáo dục và Đào tạo đề nghị các đơn vị tổ chức Tuần lễ từ ngày 02/10/2023 đến ngày 08/10/2023.\n";

// A school's plan of a district of `province` that carries out `citation`.
std::string school_plan(const std::string& citation, const std::string& province = "Quảng Ngãi", const std::string& district = "SƠN TỊNH") {
    return "PHÒNG GD&ĐT HUYỆN " + district +
           "\nTRƯỜNG THCS TỊNH HÀ\nSố: 45/KH-THCS\n"
           "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nTịnh Hà, ngày 25 tháng 9 năm 2023\n"
           "KẾ HOẠCH\nTổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2023\nThực hiện " +
           citation + " của Sở Giáo dục và Đào tạo tỉnh " + province + " về việc tổ chức Tuần lễ, nhà trường xây dựng kế hoạch như sau.\n";
}

std::vector<Finding> on_plan(const std::string& citation, const std::string& province = "Quảng Ngãi",
                             const std::string& district = "SƠN TỊNH") {
    return findings_together({kDispatch, school_plan(citation, province, district)}, "citation-mismatch").at(1);
}

}  // namespace

TEST_CASE("citation-mismatch: a school's plan that cites its Department's dispatch with another day fires") {
    auto found = on_plan("Công văn số 115/SGDĐT-GDTX ngày 21/9/2023");
    REQUIRE(found.size() == 1);
    REQUIRE(found[0].expected);
    CHECK(found[0].expected->value == "2023-09-20");
    CHECK(found[0].found->value == "2023-09-21");
    CHECK_THAT(found[0].message.en, Catch::Contains("1.txt") && Catch::Contains("line 3"));
    CHECK(found[0].severity == Severity::Warning);
    // The dispatch itself is not faulted for being cited wrongly.
    CHECK(findings_together({kDispatch, school_plan("Công văn số 115/SGDĐT-GDTX ngày 21/9/2023")}, "citation-mismatch").at(0).empty());
}

TEST_CASE("citation-mismatch: another symbol of the same day, and another type named, fire") {
    auto symbol = on_plan("Công văn số 115/SGDĐT-GDTrH ngày 20/9/2023");
    REQUIRE(symbol.size() == 1);
    CHECK(symbol[0].expected->value == "115/SGDĐT-GDTX");
    auto type = on_plan("Kế hoạch số 115/SGDĐT-GDTX ngày 20/9/2023");
    REQUIRE(type.size() == 1);
    CHECK(type[0].expected->value == "Công văn");
    CHECK(type[0].found->value == "Kế hoạch");
}

TEST_CASE("citation-mismatch: a district's report citing the Department's plan, dated in words, fires") {
    // Another kind of document and of link than the school's plan that showed it.
    std::string plan =
        "UBND TỈNH QUẢNG NGÃI\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 88/KH-SGDĐT\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nQuảng Ngãi, ngày 12 tháng 9 năm 2022\n"
        "KẾ HOẠCH\nTổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2022\n";
    std::string report =
        "ỦY BAN NHÂN DÂN\nHUYỆN SƠN TỊNH\nSố: 301/BC-UBND\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSơn Tịnh, ngày 20 tháng 10 năm 2022\n"
        "BÁO CÁO\nKết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2022 tại tỉnh Quảng Ngãi\n"
        "Thực hiện Kế hoạch số 88/KH-SGDĐT ngày 21 tháng 9 năm 2022 của Sở Giáo dục và Đào tạo, "
        "Ủy ban nhân dân huyện báo cáo như sau.\n";
    auto found = findings_together({plan, report}, "citation-mismatch").at(1);
    REQUIRE(found.size() == 1);
    CHECK(found[0].expected->value == "2022-09-12");
}

TEST_CASE("citation-mismatch: the right citation and the near misses do not fire") {
    for (const char* silent : {
             "Công văn số 115/SGDĐT-GDTX ngày 20/9/2023",  // as the dispatch is
             "Công văn số 115/SGDĐT-GDTX ngày 20 tháng 9 năm 2023",
             "Kế hoạch số 115/KH-SGDĐT ngày 22/9/2023",    // another symbol and day: a plan 115 of its own
             "Công văn số 115/SGDĐT-GDTX ngày 21/9/2022",  // another year: numbers restart
             "Công văn số 116/SGDĐT-GDTX ngày 20/9/2023",  // another number
         }) {
        INFO(silent);
        CHECK(on_plan(silent).empty());
    }
    // Another province's Department signs with the same code.
    CHECK(on_plan("Công văn số 115/SGDĐT-GDTX ngày 21/9/2023", "Bình Định", "TUY PHƯỚC").empty());
    // Checked alone, a plan's citation is compared with nothing.
    CHECK(findings_of(school_plan("Công văn số 115/SGDĐT-GDTX ngày 21/9/2023"), "citation-mismatch").empty());
}
