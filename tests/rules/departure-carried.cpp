// The tests of the rule `departure-carried` (rules/checks/departure-carried.cpp,
// docs/rules/departure-carried.md): in a year the Ministry's record covers, a
// district that shifts the week and a school's report that copies it; the theme
// carried the same way; and the near misses that must not fire.
#include <catch2/catch.hpp>

#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

namespace {

// The Ministry's theme for 2024 (corpus/ministry/2024.yaml).
const std::string kTheme = "“Phát triển văn hóa đọc thúc đẩy học tập suốt đời”";

// A Department's plan, a district's plan carrying it out, a school's report carrying
// out the district's: three kinds of document, one chain.
std::string department_plan(const std::string& week) {
    return "UBND TỈNH QUẢNG NGÃI\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 77/KH-SGDĐT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
           "Độc lập - Tự do - Hạnh phúc\nQuảng Ngãi, ngày 10 tháng 9 năm 2024\nKẾ HOẠCH\n"
           "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\n1. Chủ đề: " +
           kTheme + ".\n2. Thời gian: Tuần lễ hưởng ứng học tập suốt đời năm 2024 được tổ chức " + week + ".\n";
}

std::string district_plan(const std::string& week, const std::string& theme = kTheme) {
    return "ỦY BAN NHÂN DÂN\nHUYỆN SƠN TỊNH\nSố: 210/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
           "Độc lập - Tự do - Hạnh phúc\nSơn Tịnh, ngày 20 tháng 9 năm 2024\nKẾ HOẠCH\n"
           "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\nThực hiện Kế hoạch số 77/KH-SGDĐT ngày 10/9/2024 của Sở Giáo "
           "dục và Đào tạo tỉnh Quảng Ngãi, Ủy ban nhân dân huyện xây dựng kế hoạch như sau.\n1. Chủ đề: " +
           theme + ".\n2. Thời gian: Tuần lễ hưởng ứng học tập suốt đời năm 2024 được tổ chức " + week + ".\n";
}

std::string school_report(const std::string& week, const std::string& theme = kTheme) {
    return "TRƯỜNG TIỂU HỌC TỊNH HÀ\nSố: 12/BC-TH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
           "Độc lập - Tự do - Hạnh phúc\nTịnh Hà, ngày 15 tháng 10 năm 2024\nBÁO CÁO\n"
           "Kết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024 tại tỉnh Quảng Ngãi\n"
           "Thực hiện Kế hoạch số 210/KH-UBND ngày 20/9/2024 của Ủy ban nhân dân huyện Sơn Tịnh, nhà trường đã tổ chức Tuần lễ "
           "hưởng ứng học tập suốt đời năm 2024 " +
           week + " với chủ đề: " + theme + ".\n";
}

const std::string kMinistryWeek = "từ ngày 01/10/2024 đến ngày 07/10/2024";
const std::string kShiftedWeek = "từ ngày 02/10/2024 đến ngày 08/10/2024";

}  // namespace

TEST_CASE("departure-carried: a school's report that copies its district's shifted week names the district; the district is not") {
    auto checked = check_together({department_plan(kMinistryWeek), district_plan(kShiftedWeek), school_report(kShiftedWeek)});
    // Both depart from the Ministry's week: week-mismatch says so of each.
    REQUIRE_FALSE(findings_of(checked.at(1), "week-mismatch").empty());
    REQUIRE_FALSE(findings_of(checked.at(2), "week-mismatch").empty());
    CHECK(findings_of(checked.at(1), "departure-carried").empty());  // the district made it: its parent keeps the Ministry's
    auto carried = findings_of(checked.at(2), "departure-carried");
    REQUIRE(carried.size() == 1);
    CHECK(carried[0].severity == Severity::Info);
    CHECK_THAT(carried[0].message.en, Catch::Contains("2.txt") && Catch::Contains("carried"));
    CHECK(carried[0].found->value == "2024-10-02/2024-10-08");
}

TEST_CASE("departure-carried: a theme changed by the district and copied by the school names the district") {
    const std::string changed = "“Phát triển văn hóa số thúc đẩy học tập suốt đời”";
    auto checked =
        check_together({department_plan(kMinistryWeek), district_plan(kMinistryWeek, changed), school_report(kMinistryWeek, changed)});
    CHECK(findings_of(checked.at(1), "departure-carried").empty());
    auto carried = findings_of(checked.at(2), "departure-carried");
    REQUIRE(carried.size() == 1);
    CHECK_THAT(carried[0].message.en, Catch::Contains("theme"));
}

TEST_CASE("departure-carried: the Ministry's values, a departure of the document's own, and no parent do not fire") {
    auto quiet = [](const std::vector<std::string>& texts) {
        for (const auto& result : check_together(texts))
            if (!findings_of(result, "departure-carried").empty()) return false;
        return true;
    };
    CHECK(quiet({department_plan(kMinistryWeek), district_plan(kMinistryWeek), school_report(kMinistryWeek)}));
    // The school shifts the week otherwise than its district: its own departure.
    CHECK(quiet({district_plan(kShiftedWeek), school_report("từ ngày 03/10/2024 đến ngày 09/10/2024")}));
    // The district it carries out is not among the files.
    CHECK(quiet({department_plan(kMinistryWeek), school_report(kShiftedWeek)}));
}
