// The tests of the rule `parent-mismatch` (rules/checks/parent-mismatch.cpp,
// docs/rules/parent-mismatch.md): a chain checked together in a year the Ministry's
// records do not cover, a link that shifts the week or changes the theme, and the
// near misses that must not fire.
#include <catch2/catch.hpp>

#include "fields/extractor.h"
#include "reading/loader.h"
#include "rules/library.h"
#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

namespace {

const std::string kTheme = "“Học tập suốt đời - Chìa khóa phát triển bền vững”";

std::string department_plan(int year, const std::string& week, const std::string& theme = kTheme) {
    std::string y = std::to_string(year);
    return "UBND TỈNH QUẢNG NGÃI\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 77/KH-SGDĐT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
           "Độc lập - Tự do - Hạnh phúc\nQuảng Ngãi, ngày 10 tháng 9 năm " +
           y +
           "\nKẾ HOẠCH\n"
           "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm " +
           y + "\n1. Chủ đề: " + theme +
           ".\n"
           "2. Thời gian: Tuần lễ hưởng ứng học tập suốt đời năm " +
           y + " được tổ chức " + week + ".\n";
}

std::string district_plan(int year, const std::string& week, const std::string& theme = kTheme) {
    std::string y = std::to_string(year);
    return "ỦY BAN NHÂN DÂN\nHUYỆN SƠN TỊNH\nSố: 210/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
           "Độc lập - Tự do - Hạnh phúc\nSơn Tịnh, ngày 20 tháng 9 năm " +
           y +
           "\nKẾ HOẠCH\n"
           "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm " +
           y + "\nThực hiện Kế hoạch số 77/KH-SGDĐT ngày 10/9/" + y +
           " của Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi, Ủy ban nhân dân huyện xây dựng kế hoạch như sau.\n"
           "1. Chủ đề: " +
           theme + ".\n2. Thời gian: Tuần lễ hưởng ứng học tập suốt đời năm " + y + " được tổ chức " + week + ".\n";
}

const std::string kWeek2026 = "từ ngày 05/10/2026 đến ngày 11/10/2026";

}  // namespace

TEST_CASE("parent-mismatch: in a year with no Ministry record, a district that shifts the week fires") {
    auto found = findings_together({department_plan(2026, kWeek2026), district_plan(2026, "từ ngày 06/10/2026 đến ngày 12/10/2026")},
                                   "parent-mismatch");
    CHECK(found.at(0).empty());  // the Department's plan is the top of this chain
    REQUIRE(found.at(1).size() == 1);
    CHECK(found[1][0].expected->value == "2026-10-05/2026-10-11");
    CHECK_THAT(found[1][0].message.en, Catch::Contains("1.txt"));
}

TEST_CASE("parent-mismatch: a theme one word off from the district's, in a school's report, fires") {
    // Another kind of document, and the theme rather than the week.
    std::string report =
        "TRƯỜNG TIỂU HỌC TỊNH HÀ\nSố: 12/BC-TH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nTịnh Hà, ngày 15 tháng 10 năm 2026\nBÁO CÁO\n"
        "Kết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2026 tại tỉnh Quảng Ngãi\n"
        "Thực hiện Kế hoạch số 210/KH-UBND ngày 20/9/2026 của Ủy ban nhân dân huyện Sơn Tịnh, nhà trường "
        "đã tổ chức Tuần lễ với chủ đề: “Học tập suốt đời - Chìa khóa phát triển”.\n";
    auto found = findings_together({district_plan(2026, kWeek2026), report}, "parent-mismatch");
    REQUIRE(found.at(1).size() == 1);
    CHECK(found[1][0].expected->value == "Học tập suốt đời - Chìa khóa phát triển bền vững");
}

TEST_CASE("parent-mismatch: the same values, no parent, and a year the Ministry's record covers do not fire") {
    auto quiet = [](const std::vector<std::string>& texts) {
        for (const auto& f : findings_together(texts, "parent-mismatch"))
            if (!f.empty()) return false;
        return true;
    };
    CHECK(quiet({department_plan(2026, kWeek2026), district_plan(2026, kWeek2026)}));
    CHECK(quiet({district_plan(2026, "từ ngày 06/10/2026 đến ngày 12/10/2026")}));
    // 2024: the Ministry's record gives the week and theme; week-mismatch says it.
    auto ministry_year = check_together(
        {department_plan(2024, "từ ngày 01/10/2024 đến ngày 07/10/2024"), district_plan(2024, "từ ngày 02/10/2024 đến ngày 08/10/2024")});
    CHECK(findings_of(ministry_year.at(1), "parent-mismatch").empty());
    CHECK_FALSE(findings_of(ministry_year.at(1), "week-mismatch").empty());
}

TEST_CASE("parent-mismatch: a theme a letter off where OCR read the parent is a possible misread; two words changed are not") {
    // A Department's plan read by OCR ("bên" for "bền"), a district's typed plan.
    auto checked = [](const std::string& parent_theme) {
        CheckOptions o;
        o.records = &bundled_records();
        Record parent = extract_record(load_document_bytes(department_plan(2026, kWeek2026, parent_theme), "1.txt"));
        REQUIRE(parent.theme.value);
        parent.theme.confidence = 91.0;  // an OCR line's reading
        Record child = extract_record(load_document_bytes(district_plan(2026, kWeek2026), "2.txt"));
        MemoryLibrary library;
        library.add("1.txt", parent);
        library.add("2.txt", child);
        CheckResult result = check_record(child, o);
        check_with_library(child, library, o, result);
        return findings_of(result, "parent-mismatch");
    };
    auto misread = checked("“Học tập suốt đời - Chìa khóa phát triển bên vững”");
    REQUIRE(misread.size() == 1);
    CHECK(misread[0].severity == Severity::Info);
    CHECK(misread[0].doubts_that(Doubt::PossibleMisread));
    auto rewritten = checked("“Học tập suốt đời - Chìa khóa phát triển toàn diện”");
    REQUIRE(rewritten.size() == 1);
    CHECK(rewritten[0].severity == Severity::Warning);
}
