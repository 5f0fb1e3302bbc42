// The tests of the rule `citation-conflict` (rules/checks/citation-conflict.cpp,
// docs/rules/citation-conflict.md): documents checked together that cite one
// dispatch differently, and the near misses that must not fire.
#include <catch2/catch.hpp>

#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

namespace {

// A school's plan of `province` that carries out `citation` of its Department.
std::string school_plan(const std::string& school, const std::string& citation, const std::string& province = "Quảng Ngãi") {
    return "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nTRƯỜNG " + school +
           "\nSố: 45/KH-TH\n"
           "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n" +
           province +
           ", ngày 25 tháng 9 năm 2023\n"
           "KẾ HOẠCH\nTổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2023 tại tỉnh " +
           province + "\nThực hiện " + citation +
           " của Sở Giáo dục và Đào tạo về việc tổ chức Tuần lễ, nhà trường xây dựng kế hoạch như sau.\n";
}

}  // namespace

TEST_CASE("citation-conflict: two schools citing one dispatch with different symbols both get it, naming the other") {
    auto found = findings_together({school_plan("TH AN PHÚ", "Công văn số 115/SGDĐT-GDTX ngày 20/9/2023"),
                                    school_plan("TH BÌNH AN", "Công văn số 115/SGDĐT-GDTrH ngày 20/9/2023")},
                                   "citation-conflict");
    REQUIRE(found.at(0).size() == 1);
    REQUIRE(found.at(1).size() == 1);
    CHECK_THAT(found[0][0].message.en, Catch::Contains("115/SGDĐT-GDTrH") && Catch::Contains("2.txt"));
    CHECK_THAT(found[1][0].message.en, Catch::Contains("115/SGDĐT-GDTX") && Catch::Contains("1.txt"));
    CHECK_FALSE(found[0][0].expected);  // which is right is the dispatch's to say
    CHECK(found[0][0].found->value == "115/SGDĐT-GDTX");
}

TEST_CASE("citation-conflict: a ministry's decision cited on two days by two reports fires") {
    // Another kind of document and of cited document; a central body: any province.
    auto report = [](const std::string& province, const std::string& day) {
        return "ỦY BAN NHÂN DÂN\nTỈNH " + province +
               "\nSố: 12/BC-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
               "Độc lập - Tự do - Hạnh phúc\n" +
               province +
               ", ngày 20 tháng 10 năm 2021\nBÁO CÁO\nKết quả thực hiện\n"
               "Căn cứ Quyết định số 1373/QĐ-TTg ngày " +
               day + " của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh báo cáo như sau.\n";
    };
    auto found = findings_together({report("QUẢNG NGÃI", "30/7/2021"), report("BÌNH ĐỊNH", "31/7/2021")}, "citation-conflict");
    CHECK(found.at(0).size() == 1);
    CHECK(found.at(1).size() == 1);
}

TEST_CASE("citation-conflict: the same citation, and the near misses, do not fire") {
    auto quiet = [](const std::string& a, const std::string& b, const std::string& province_b = "Quảng Ngãi") {
        auto found = findings_together({school_plan("TH AN PHÚ", a), school_plan("TH BÌNH AN", b, province_b)}, "citation-conflict");
        return found.at(0).empty() && found.at(1).empty();
    };
    CHECK(quiet("Công văn số 115/SGDĐT-GDTX ngày 20/9/2023", "Công văn số 115/SGDĐT-GDTX ngày 20 tháng 9 năm 2023"));
    // Two Departments: the same code in another province.
    CHECK(quiet("Công văn số 115/SGDĐT-GDTX ngày 20/9/2023", "Công văn số 115/SGDĐT-GDTrH ngày 20/9/2023", "Bình Định"));
    // Symbol and day both differ: perhaps two documents of one Department.
    CHECK(quiet("Công văn số 115/SGDĐT-GDTX ngày 20/9/2023", "Kế hoạch số 115/KH-SGDĐT ngày 22/9/2023"));
    // Another year.
    CHECK(quiet("Công văn số 115/SGDĐT-GDTX ngày 20/9/2023", "Công văn số 115/SGDĐT-GDTrH ngày 20/9/2022"));
}
